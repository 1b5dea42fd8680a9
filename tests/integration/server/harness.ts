/**
 * Integration harness for the central server: a real server on 127.0.0.1 (port 0) with the demo
 * seed, on a throwaway database, plus small helpers to log in, ingest and open sockets.
 *
 *   for (const backend of testBackends()) describe(backend, () => { ... });
 *   const server = await startTestServer({ backend });          // RunningServer + helpers
 *   const { token } = await server.login('li.na@demo.switchboard');
 *   const socket = await connectSocket(server.url, token);      // resolves once connected
 *   const poke = waitForEvent(socket, SOCKET_EVENTS.poke);      // arm before the write
 *   await server.ingest({ channel: 'chat', ... });              // uses the demo channel token
 *   await server.cleanup();                                     // closes sockets, server, database
 *
 * Backends: 'sqlite' always (a temp data dir); 'postgres' when SWITCHBOARD_TEST_DATABASE_URL is set
 * (e.g. postgres://postgres@127.0.0.1:5432/postgres): each startTestServer() creates its own
 * database `sb_test_<random>` and drops it in cleanup(). `redis: true` attaches the Redis adapter
 * at SWITCHBOARD_TEST_REDIS_URL. `databaseUrl` lets a second server share a first one's database.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { startServer, type RunningServer, type StartServerOptions } from '../../../server/app';
import { DEMO_CHANNEL_TOKENS, DEMO_PASSWORD } from '../../../server/demo/seed';
import { writeTransaction } from '../../../server/db/database';
import { insertAgent } from '../../../server/db/queries/directory';
import { hashPassword } from '../../../server/domain/auth';
import type { IngestMessageRequest, LoginResponse } from '../../../shared/contracts/http';

export type Backend = 'sqlite' | 'postgres';

export const TEST_DATABASE_URL = process.env.SWITCHBOARD_TEST_DATABASE_URL || undefined;
export const TEST_REDIS_URL = process.env.SWITCHBOARD_TEST_REDIS_URL || undefined;

/** sqlite always; postgres when SWITCHBOARD_TEST_DATABASE_URL is set. */
export function testBackends(): Backend[] {
  return TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestServerOptions extends Omit<
  StartServerOptions,
  'port' | 'host' | 'databaseUrl' | 'redisUrl'
> {
  backend?: Backend;
  /** Default true. */
  seedDemo?: boolean;
  /** Attach the Redis adapter (needs SWITCHBOARD_TEST_REDIS_URL). */
  redis?: boolean;
  /** Reuse an existing database (another test server's `databaseUrl`) instead of a fresh one. */
  databaseUrl?: string;
}

export interface TestServer extends RunningServer {
  backend: Backend;
  /** The PostgreSQL URL of this server's database (undefined on sqlite). */
  databaseUrl: string | undefined;
  login(email: string, password?: string): Promise<LoginResponse>;
  /** POST /api/v1/ingest/messages with the demo token of the body's channel (or `token`). */
  ingest(
    body: unknown,
    options?: { token?: string; channel?: keyof typeof DEMO_CHANNEL_TOKENS },
  ): Promise<Response>;
  /** Sockets opened through connectSocket() with this server are closed by cleanup(). */
  sockets: Socket[];
  cleanup(): Promise<void>;
}

const TEST_SECRET = 'integration-test-token-secret';

async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function databaseUrlFor(name: string): string {
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

/** An empty PostgreSQL database of its own (needs SWITCHBOARD_TEST_DATABASE_URL); drop() removes it. */
export async function scratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!TEST_DATABASE_URL) throw new Error('a scratch database needs SWITCHBOARD_TEST_DATABASE_URL');
  const name = `sb_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`create database ${name}`));
  return {
    url: databaseUrlFor(name),
    drop: () => withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { backend = 'sqlite', seedDemo = true, redis = false, databaseUrl: sharedUrl, ...rest } = options;
  const dataDir = mkdtempSync(join(tmpdir(), 'sb-server-test-'));
  let databaseUrl: string | undefined;
  let scratch: Awaited<ReturnType<typeof scratchDatabase>> | undefined;
  if (backend === 'postgres') {
    if (!TEST_DATABASE_URL) throw new Error('the postgres backend needs SWITCHBOARD_TEST_DATABASE_URL');
    if (sharedUrl) databaseUrl = sharedUrl;
    else {
      scratch = await scratchDatabase();
      databaseUrl = scratch.url;
    }
  }
  if (redis && !TEST_REDIS_URL) throw new Error('redis: true needs SWITCHBOARD_TEST_REDIS_URL');

  const server = await startServer({
    tokenSecret: TEST_SECRET,
    ...rest,
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl,
    redisUrl: redis ? TEST_REDIS_URL : undefined,
    seedDemo,
    logger: false,
    env: {},
    // Suites not about the bot want a chat in its team queue at once; bot suites pass `bot`.
    bot: { channels: [], ...rest.bot },
    // Likewise no survey line after a resolution, unless the suite is about surveys.
    surveys: { channels: [], ...rest.surveys },
  });
  const sockets: Socket[] = [];
  return {
    ...server,
    backend,
    databaseUrl,
    sockets,
    async login(email, password = DEMO_PASSWORD) {
      const response = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (response.status !== 200)
        throw new Error(`login failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as LoginResponse;
    },
    ingest(body, ingestOptions = {}) {
      const channel = ingestOptions.channel ?? (body as Partial<IngestMessageRequest>).channel ?? 'chat';
      return fetch(`${server.url}/api/v1/ingest/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${ingestOptions.token ?? DEMO_CHANNEL_TOKENS[channel]}`,
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    },
    async cleanup() {
      for (const socket of sockets) socket.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
      await scratch?.drop();
    },
  };
}

/** Connects with `auth.token`; resolves once connected, rejects with the connect_error. */
export function connectSocket(url: string, token: unknown, owner?: { sockets: Socket[] }): Promise<Socket> {
  const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  owner?.sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** The next `event` on `socket` whose payload satisfies `accept`. Arm it before causing the event. */
export function waitForEvent<T>(
  socket: Socket,
  event: string,
  accept: (payload: T) => boolean = () => true,
): Promise<T> {
  return new Promise((resolve) => {
    const listener = (payload: T) => {
      if (!accept(payload)) return;
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** A lead of tech support only (tech.lead@demo.switchboard, the demo password), for scope tests. */
export async function addTechSupportLead(server: TestServer, createdAt: string): Promise<void> {
  await writeTransaction(server.db, async (trx) =>
    insertAgent(
      trx,
      {
        id: 'agent-lead-tech',
        name: '技术组长 Tech Lead',
        email: 'tech.lead@demo.switchboard',
        password_hash: await hashPassword(DEMO_PASSWORD),
        role: 'lead',
        status: 'offline',
        created_at: createdAt,
      },
      ['team-techsupport'],
    ),
  );
}
