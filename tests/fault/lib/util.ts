/** Small waiting and port helpers shared by the fault suite. */
import { createServer } from 'node:net';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A port free on 127.0.0.1 right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Polls `probe` until `accept` holds; a probe that throws counts as "not yet". Throws after `ms`
 * with `what` in the message, so a fault that never heals fails the test instead of hanging it.
 */
export async function until<T>(
  probe: () => Promise<T> | T,
  accept: (value: T) => boolean,
  what: string,
  ms = 30_000,
  everyMs = 25,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    let value: T | undefined;
    let seen = false;
    try {
      value = await probe();
      seen = true;
    } catch {
      // not reachable yet
    }
    if (seen && accept(value as T)) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
