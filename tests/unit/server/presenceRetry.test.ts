/**
 * The offline check after an agent's last socket closed asks every node (fetchSockets through
 * the Redis adapter). While Redis is away that question fails at once; the check must then be
 * tried again, or an agent who left during the outage would stay "available" for good.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSqliteStore, type Store } from '../../../server/db/database';
import { migrateToLatest } from '../../../server/db/migrate';
import type { DomainContext } from '../../../server/domain/context';
import { startRouting } from '../../../server/domain/routing/presenceTracker';

const GRACE_MS = 20;

function fakeIo(answers: Array<() => Promise<unknown[]>>) {
  const server = new EventEmitter();
  let asked = 0;
  return {
    io: {
      on: (event: string, listener: (...args: unknown[]) => void) => server.on(event, listener),
      in: () => ({ fetchSockets: () => (answers[Math.min(asked++, answers.length - 1)] ?? (async () => []))() }),
    },
    asked: () => asked,
    /** An agent's socket connects and then closes. */
    visit(agentId: string) {
      const socket = new EventEmitter() as EventEmitter & { data: unknown };
      socket.data = { auth: { agent: { id: agentId, teamIds: ['team-presales'] } } };
      server.emit('connection', socket);
      socket.emit('disconnect');
    },
  };
}

let store: Store | null = null;
let dir = '';
afterEach(async () => {
  vi.restoreAllMocks();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the offline check after a disconnect', () => {
  it('is tried again when the other nodes cannot be asked', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sb-presence-'));
    store = openSqliteStore(join(dir, 'server.db'));
    await migrateToLatest(store.db);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    // First answer: Redis is away. Second: the agent is connected on another node after all.
    const fake = fakeIo([() => Promise.reject(new Error('The client is offline')), async () => [{ id: 'elsewhere' }]]);
    const routing = startRouting({ store } as unknown as DomainContext, fake.io as never, { offlineGraceMs: GRACE_MS });
    try {
      fake.visit('agent-li-na');
      await vi.waitFor(() => expect(fake.asked()).toBeGreaterThanOrEqual(2), { timeout: 2_000, interval: 5 });
      expect(errors.mock.calls.some(([message]) => String(message).includes('presence check failed'))).toBe(true);
    } finally {
      await routing.close();
    }
  });
});
