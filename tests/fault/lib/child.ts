/**
 * Child processes of the fault suite (server nodes, workstation cores): `node --import tsx
 * <script>`, messages over IPC, always bound in time. `kill9()` is the fault (SIGKILL of that pid);
 * `stop()` asks with SIGTERM and SIGKILLs the pid after a grace period; a hard timer kills it at
 * `timeoutMs` whatever happens, so a failed test leaves nothing running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../../..');

export type ChildMessage = { type: string } & Record<string, unknown>;

export interface ChildHandle {
  pid: number;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<string>;
  isAlive(): boolean;
  send(message: object): void;
  /** The next message of `type` satisfying `accept` (rejects if the child exits first or after `ms`). */
  next<T extends ChildMessage = ChildMessage>(type: string, accept?: (m: T) => boolean, ms?: number): Promise<T>;
  on(type: string, listener: (message: ChildMessage) => void): void;
  /** Text the child wrote to stderr (for failure messages). */
  stderr(): string;
  kill9(): Promise<void>;
  stop(graceMs?: number): Promise<void>;
}

export function startChild(script: string, env: Record<string, string>, timeoutMs: number): ChildHandle {
  const proc: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const pid = proc.pid!;
  let alive = true;
  let errors = '';
  proc.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4_000);
  });
  const listeners = new Set<(message: ChildMessage) => void>();
  proc.on('message', (raw) => {
    for (const listener of [...listeners]) listener(raw as ChildMessage);
  });
  const exited = new Promise<string>((resolve) =>
    proc.once('exit', (code, signal) => {
      alive = false;
      clearTimeout(hardStop);
      resolve(signal ?? String(code));
    }),
  );
  const killPid = () => {
    if (!alive) return;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const hardStop = setTimeout(killPid, timeoutMs);
  hardStop.unref();

  return {
    pid,
    exited,
    isAlive: () => alive,
    send(message) {
      if (alive && proc.connected) proc.send(message);
    },
    next<T extends ChildMessage>(type: string, accept: (m: T) => boolean = () => true, ms = 60_000) {
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => done(new Error(`child ${pid}: no '${type}' within ${ms} ms\n${errors}`)), ms);
        const listener = (message: ChildMessage) => {
          if (message.type === type && accept(message as T)) done(undefined, message as T);
        };
        const onExit = () => done(new Error(`child ${pid} exited before '${type}'\n${errors}`));
        function done(error?: Error, value?: T) {
          clearTimeout(timer);
          listeners.delete(listener);
          proc.off('exit', onExit);
          if (error) reject(error);
          else resolve(value!);
        }
        listeners.add(listener);
        proc.once('exit', onExit);
      });
    },
    on(type, listener) {
      listeners.add((message) => {
        if (message.type === type) listener(message);
      });
    },
    stderr: () => errors,
    async kill9() {
      killPid();
      await exited;
    },
    async stop(graceMs = 5_000) {
      if (!alive) return;
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timer = setTimeout(killPid, graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
