/**
 * A server node in its own process (so `kill -9` is a real crash), on a fixed port so it can be
 * restarted at the same address, on SQLite (its data dir) or a given PostgreSQL (+ Redis).
 */
import { join } from 'node:path';
import { HealthResponseSchema } from '../../../shared/contracts/http';
import { startChild, type ChildHandle } from './child';
import { until } from './util';

export const FAULT_TOKEN_SECRET = 'fault-suite-token-secret';

export interface NodeOptions {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  redisUrl?: string;
  /** Seed the demo centre (idempotent); give false to a second node on a shared database. */
  seedDemo?: boolean;
  /** Bot channels (empty: the bot is off); absent: the server's default. */
  botChannels?: ('chat' | 'sms' | 'social')[];
  timeoutMs?: number;
}

export interface ServerNode {
  url: string;
  pid(): number;
  isAlive(): boolean;
  /** Whether the node said, in its latest heartbeat, that it leads the SLA scheduler. */
  isLeader(): boolean;
  /** The fault: SIGKILL of the node's pid; resolves once it is gone. */
  kill9(): Promise<void>;
  /** A new process on the same port and data. Resolves once /healthz answers. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startNode(options: NodeOptions): Promise<ServerNode> {
  const url = `http://127.0.0.1:${options.port}`;
  let child: ChildHandle;
  let leader = false;
  const spawnOne = async () => {
    leader = false;
    child = startChild(
      join(__dirname, 'serverNodeEntry.ts'),
      {
        FAULT_NODE: JSON.stringify({
          port: options.port,
          dataDir: options.dataDir,
          databaseUrl: options.databaseUrl,
          redisUrl: options.redisUrl,
          seedDemo: options.seedDemo ?? true,
          tokenSecret: FAULT_TOKEN_SECRET,
          ...(options.botChannels ? { botChannels: options.botChannels } : {}),
        }),
      },
      options.timeoutMs ?? 240_000,
    );
    const mine = child;
    child.on('leader', (m) => {
      if (child === mine) leader = m.leader === true;
    });
    await child.next('ready', undefined, 90_000);
    await until(() => fetch(`${url}/healthz`).then((r) => r.status), (s) => s === 200, `${url} healthy`, 30_000);
  };
  await spawnOne();
  return {
    url,
    pid: () => child.pid,
    isAlive: () => child.isAlive(),
    isLeader: () => child.isAlive() && leader,
    async kill9() {
      leader = false;
      await child.kill9();
    },
    restart: spawnOne,
    stop: () => child.stop(),
  };
}

/** What a node's GET /healthz says of its Redis adapter (undefined: the node has none). */
export async function redisHealth(url: string): Promise<'up' | 'down' | undefined> {
  const response = await fetch(`${url}/healthz`);
  if (response.status !== 200) throw new Error(`${url}/healthz answered ${response.status}`);
  return HealthResponseSchema.parse(await response.json()).redis;
}
