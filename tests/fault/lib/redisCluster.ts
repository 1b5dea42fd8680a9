/**
 * The set-up both Redis suites share: a private PostgreSQL and a private Redis, node A (seeds
 * the demo) and node B on them, an agent's workstation core signed in on node A, and a raw
 * watcher socket on the node the suite names. `stop()` takes it all down, in reverse.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { createCore, type Core } from '../../../electron/core/core';
import { DEMO_PASSWORD } from '../../../server/demo/seed';
import { login } from './checker';
import { startPrivatePostgres, type PrivatePostgres } from './privatePostgres';
import { startPrivateRedis, type PrivateRedis } from './privateRedis';
import { startNode, type ServerNode } from './serverNode';
import { signIn } from './traffic';
import { freePort } from './util';

export interface RedisCluster {
  dir: string;
  redis: PrivateRedis;
  a: ServerNode;
  b: ServerNode;
  /** Signed in as the agent, on node A. */
  core: Core;
  watcher: Socket;
}

export interface RedisClusterHandle {
  start(): Promise<RedisCluster>;
  stop(): Promise<void>;
}

/** Made when the suite runs (not when it is skipped); `stop()` in afterAll removes whatever exists. */
export function redisCluster(name: string, agent: string, watcherEmail: string, watcherOn: 'a' | 'b'): RedisClusterHandle {
  let dir = '';
  let postgres: PrivatePostgres | null = null;
  let redis: PrivateRedis | null = null;
  const nodes: ServerNode[] = [];
  let core: Core | null = null;
  let watcher: Socket | null = null;
  return {
    async start() {
      dir = mkdtempSync(join(tmpdir(), `sb-fault-${name}-`));
      postgres = await startPrivatePostgres();
      redis = await startPrivateRedis();
      const a = await startNode({ port: await freePort(), dataDir: join(dir, 'a'), databaseUrl: postgres.url, redisUrl: redis.url });
      nodes.push(a);
      const b = await startNode({ port: await freePort(), dataDir: join(dir, 'b'), databaseUrl: postgres.url, redisUrl: redis.url, seedDemo: false });
      nodes.push(b);
      core = createCore({ dataDir: join(dir, 'core'), serverUrl: a.url });
      await signIn(core, agent, DEMO_PASSWORD);
      const watcherUrl = (watcherOn === 'a' ? a : b).url;
      const socket = io(watcherUrl, { auth: { token: await login(watcherUrl, watcherEmail) }, transports: ['websocket'], forceNew: true });
      watcher = socket;
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      return { dir, redis, a, b, core, watcher: socket };
    },
    async stop() {
      watcher?.close();
      await core?.close();
      for (const node of nodes.reverse()) await node.stop();
      await redis?.stop();
      postgres?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
