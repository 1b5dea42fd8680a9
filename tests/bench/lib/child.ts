/**
 * Child processes for figures that must not share the measured process's event loop (client
 * sockets, a core's cold start). Started with `node --import tsx`, talked to over IPC, stopped by
 * pid: `stop()` asks politely, then SIGKILLs that pid; a hard timer kills it at `timeoutMs` anyway.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface ChildHandle {
  pid: number;
  send(message: object): void;
  /** The next message of `type` (rejects when the child exits first or after `ms`). */
  next<T = Record<string, unknown>>(type: string, ms?: number): Promise<T>;
  on(type: string, listener: (message: Record<string, unknown>) => void): void;
  stop(): Promise<void>;
}

export function childScript(name: string): string {
  return join(__dirname, '..', 'child', name);
}

export function startChild(script: string, args: string[], timeoutMs: number, execArgv: string[] = []): ChildHandle {
  const child: ChildProcess = spawn(process.execPath, [...execArgv, '--import', 'tsx', script, ...args], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    cwd: process.cwd(),
  });
  const pid = child.pid!;
  const listeners = new Map<string, Set<(message: Record<string, unknown>) => void>>();
  let exited = false;
  const exitWaiters = new Set<() => void>();
  child.on('message', (raw) => {
    const message = raw as Record<string, unknown>;
    for (const listener of listeners.get(String(message.type)) ?? []) listener(message);
  });
  child.on('exit', () => {
    exited = true;
    clearTimeout(hardStop);
    for (const waiter of exitWaiters) waiter();
  });
  const kill = () => {
    if (!exited) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  const hardStop = setTimeout(kill, timeoutMs);
  hardStop.unref();
  const on = (type: string, listener: (message: Record<string, unknown>) => void) => {
    if (!listeners.has(type)) listeners.set(type, new Set());
    listeners.get(type)!.add(listener);
  };
  return {
    pid,
    send: (message) => {
      if (!exited) child.send(message);
    },
    on,
    next<T>(type: string, ms = timeoutMs): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (exited) return reject(new Error(`child ${pid} exited before "${type}"`));
        const timer = setTimeout(() => reject(new Error(`child ${pid}: no "${type}" within ${ms} ms`)), ms);
        const onExit = () => {
          clearTimeout(timer);
          reject(new Error(`child ${pid} exited before "${type}"`));
        };
        exitWaiters.add(onExit);
        const listener = (message: Record<string, unknown>) => {
          listeners.get(type)!.delete(listener);
          exitWaiters.delete(onExit);
          clearTimeout(timer);
          resolve(message as T);
        };
        on(type, listener);
      });
    },
    async stop() {
      if (exited) return;
      const gone = new Promise<void>((resolve) => exitWaiters.add(resolve));
      try {
        child.send({ type: 'close' });
      } catch {
        // channel already closed
      }
      const timer = setTimeout(kill, 5_000);
      await gone;
      clearTimeout(timer);
    },
  };
}

/** Wall-clock milliseconds with sub-ms resolution, comparable across processes on one machine. */
export const epochMs = (): number => performance.timeOrigin + performance.now();
