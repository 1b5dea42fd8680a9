/**
 * A private Redis for one test: `redis-server` on a free 127.0.0.1 port that keeps nothing on
 * disk, in a child process the test stops (or crashes) by pid and can start again on the
 * same port.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { freePort, until } from './util';

export function redisUnavailable(): string | null {
  return spawnSync('redis-server', ['--version']).status === 0 ? null : 'redis-server is not installed';
}

export interface PrivateRedis {
  url: string;
  pid(): number;
  /** SIGKILL of the redis-server pid, then a new one on the same port. */
  restart(downMs?: number): Promise<void>;
  /** SIGKILL of the redis-server pid (the outage begins); resolves once it is gone. */
  down(): Promise<void>;
  /** A new redis-server on the same port (the outage ends); resolves once it answers PING. */
  up(): Promise<void>;
  stop(): Promise<void>;
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => socket.write('PING\r\n'));
    socket.setTimeout(500, () => (socket.destroy(), resolve(false)));
    socket.on('data', (data) => (socket.destroy(), resolve(data.toString().startsWith('+PONG'))));
    socket.on('error', () => resolve(false));
  });
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let proc: ChildProcess;
  const launch = async () => {
    proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await until(() => ping(port), Boolean, `redis on ${port}`, 10_000);
  };
  const kill = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const gone = new Promise((resolve) => proc.once('exit', resolve));
    process.kill(proc.pid!, 'SIGKILL');
    await gone;
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    pid: () => proc.pid ?? 0,
    async restart(downMs = 500) {
      await kill();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await launch();
    },
    down: kill,
    up: launch,
    stop: kill,
  };
}
