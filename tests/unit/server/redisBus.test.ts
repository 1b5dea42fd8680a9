/**
 * The adapter publishes fire-and-forget. A publish that fails because Redis went away must be
 * heard (an unheard rejection ends the process) and counted, and every other member of the
 * client must still work on the client itself.
 */
import { describe, expect, it } from 'vitest';
import { guardPublishes } from '../../../server/realtime/redisBus';

class FakeRedis {
  #open = true;
  published: string[] = [];
  get isReady(): boolean {
    return this.#open;
  }
  async publish(channel: string, message: string): Promise<number> {
    if (!this.#open) throw new Error('Socket closed unexpectedly');
    this.published.push(`${channel}:${message}`);
    return 1;
  }
  drop(): void {
    this.#open = false;
  }
}

describe('guardPublishes', () => {
  it('turns a failed publish into a count, never an unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const raw = new FakeRedis();
      const lost: unknown[] = [];
      const client = guardPublishes(raw, (error) => lost.push(error));
      expect(await client.publish('socket.io#/#', 'a')).toBe(1);
      raw.drop();
      // The adapter drops the promise, exactly like this:
      void client.publish('socket.io#/#', 'b');
      void client.publish('socket.io#/#', 'c');
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(lost).toHaveLength(2);
      expect(unhandled).toEqual([]);
      expect(raw.published).toEqual(['socket.io#/#:a']);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('keeps getters and methods that read private fields working', () => {
    const raw = new FakeRedis();
    const client = guardPublishes(raw, () => {});
    expect(client.isReady).toBe(true);
    client.drop();
    expect(client.isReady).toBe(false);
  });
});
