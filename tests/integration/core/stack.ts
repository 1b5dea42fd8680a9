/**
 * Two workstation cores (separate temp data dirs) against one real server on 127.0.0.1, built on
 * the server harness. The server can be stopped and restarted on the same port and data, to
 * exercise offline writes.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { startServer, type RunningServer } from '../../../server/app';
import { DEMO_PASSWORD } from '../../../server/demo/seed';
import type {
  RpcEventName,
  RpcEventPayload,
  RpcMethod,
  RpcOutput,
  RpcInput,
} from '../../../shared/contracts/rpc';
import { createCore, type Core } from '../../../electron/core/core';
import type { SlaPolicyRecord } from '../../../shared/sla/policies';
import { startTestServer, type Backend, type TestServer, type TestServerOptions } from '../server/harness';

const TOKEN_SECRET = 'core-integration-token-secret';

export interface TestAgent {
  core: Core;
  events: { name: RpcEventName; payload: unknown }[];
  call<M extends RpcMethod>(method: M, params: RpcInput<M>): Promise<RpcOutput<M>>;
  eventsNamed<E extends RpcEventName>(name: E): RpcEventPayload<E>[];
}

export interface Stack {
  server: TestServer;
  url: string;
  agentA: TestAgent;
  agentB: TestAgent;
  /** Close the server (clients go offline); `restartServer` brings it back on the same port and data. */
  stopServer(): Promise<void>;
  restartServer(): Promise<void>;
  /** Sign in one more agent on its own core (closed with the stack). */
  addAgent(email: string): Promise<TestAgent>;
  /** Replace the SLA policies as the demo admin, through the admin HTTP API. */
  putSlaPolicies(policies: SlaPolicyRecord[]): Promise<void>;
  close(): Promise<void>;
}

export const AGENT_A = 'li.na@demo.switchboard'; // 售前 + 售后
export const AGENT_B = 'wang.wei@demo.switchboard'; // 售后 + 技术支持

/** Poll `probe` until `accept` holds; throws with the last value after `ms` (a bound, not a measurement). */
export async function eventually<T>(
  probe: () => Promise<T> | T,
  accept: (value: T) => boolean,
  what: string,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (accept(last)) return last;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 800)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function agent(core: Core): TestAgent {
  const events: TestAgent['events'] = [];
  core.rpc.on((name, payload) => events.push({ name, payload }));
  return {
    core,
    events,
    async call(method, params) {
      const response = await core.rpc.handle(method, params);
      if (!response.ok) throw new Error(`${method} failed: ${response.error.code} ${response.error.message}`);
      return response.result as RpcOutput<typeof method>;
    },
    eventsNamed: (name) => events.filter((e) => e.name === name).map((e) => e.payload) as never,
  };
}

export async function startStack(backend: Backend, serverOptions: Omit<TestServerOptions, 'backend'> = {}): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'sb-core-it-'));
  const server = await startTestServer({ ...serverOptions, backend, tokenSecret: TOKEN_SECRET });
  const coreDir = (name: string) => join(dir, name);
  const agentA = agent(createCore({ dataDir: coreDir('a'), serverUrl: server.url }));
  const agentB = agent(createCore({ dataDir: coreDir('b'), serverUrl: server.url }));
  let restarted: RunningServer | null = null;
  // The harness does not expose its SQLite data dir, so on SQLite the restarted server opens a
  // consistent copy (VACUUM INTO) taken just before the stop, when no write is in flight.
  let sqliteDir: string | null = null;

  const extra: TestAgent[] = [];
  const signIn = async (who: TestAgent, email: string) => {
    await who.call('session.login', { email, password: DEMO_PASSWORD });
    await eventually(
      () => who.call('sync.status', {}),
      (s) => s.state === 'online',
      `${email} online`,
    );
  };
  await signIn(agentA, AGENT_A);
  await signIn(agentB, AGENT_B);

  return {
    server,
    url: server.url,
    agentA,
    agentB,
    async stopServer() {
      if (server.backend === 'sqlite') {
        sqliteDir = join(dir, 'server-restart');
        mkdirSync(sqliteDir, { recursive: true });
        await backupSqlite(server, join(sqliteDir, 'server.db'));
      }
      await (restarted ?? server).close();
    },
    async restartServer() {
      restarted = await startServer({
        port: server.port,
        host: '127.0.0.1',
        tokenSecret: TOKEN_SECRET,
        seedDemo: true,
        logger: false,
        env: {},
        bot: { channels: [] },
        surveys: { channels: [] },
        ...(server.backend === 'postgres' ? { databaseUrl: server.databaseUrl } : { dataDir: sqliteDir! }),
      });
    },
    async addAgent(email) {
      const who = agent(createCore({ dataDir: coreDir(`extra-${extra.length}`), serverUrl: server.url }));
      extra.push(who);
      await signIn(who, email);
      return who;
    },
    async putSlaPolicies(policies) {
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@demo.switchboard', password: DEMO_PASSWORD }),
      });
      const { token } = (await login.json()) as { token: string };
      const put = await fetch(`${server.url}/api/v1/admin/sla/policies`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ policies }),
      });
      if (put.status !== 200) throw new Error(`PUT sla policies: ${put.status} ${await put.text()}`);
    },
    async close() {
      for (const who of extra) await who.core.close();
      await agentA.core.close();
      await agentB.core.close();
      await restarted?.close();
      await server.cleanup();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function backupSqlite(server: TestServer, file: string): Promise<void> {
  await sql`VACUUM INTO ${file}`.execute(server.db.db as never);
}
