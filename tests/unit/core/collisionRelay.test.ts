/** The core's collision relay: self left out, newest picture wins, offline shows nobody, reconnect re-sends. */
import { describe, expect, it } from 'vitest';
import type { ConversationPresence, ConversationPresenceAgent } from '../../../shared/contracts/collision';
import { SwitchboardError } from '../../../shared/contracts/errors';
import { CollisionRelay } from '../../../electron/core/sync/collision';
import type { SyncClient } from '../../../electron/core/sync/client';

const agent = (agentId: string, typing = false): ConversationPresenceAgent => ({ agentId, name: agentId, viewing: true, typing, at: '2026-11-24T10:00:00.000Z' });

function fakeSync(answer: (payload: { conversationId: string }) => ConversationPresence) {
  const sent: unknown[] = [];
  const sync = {
    connected: true,
    async send(_event: string, payload: { conversationId: string }) {
      sent.push(payload);
      if (!sync.connected) throw new SwitchboardError('offline', 'Not connected to the server.');
      return answer(payload);
    },
  };
  return { sync, sent };
}

function relayWith(sync: unknown) {
  const told: Array<[string, string[]]> = [];
  const relay = new CollisionRelay({
    sync: () => sync as SyncClient,
    selfId: () => 'me',
    onChanged: (conversationId, agents) => told.push([conversationId, agents.map((a) => a.agentId)]),
  });
  return { relay, told };
}

const status = (state: 'online' | 'offline' | 'syncing' | 'signedOut') => ({ state, pending: 0, cursor: 0, lastError: null });

describe('CollisionRelay', () => {
  it('answers who else is there, never the signed-in agent', async () => {
    const { sync } = fakeSync(({ conversationId }) => ({ conversationId, agents: [agent('me'), agent('wang')], asOf: '2026-11-24T10:00:01.000Z' }));
    const { relay } = relayWith(sync);
    expect((await relay.set({ conversationId: 'c1', viewing: true, typing: false })).map((a) => a.agentId)).toEqual(['wang']);
  });

  it('keeps the newest picture and ignores pictures of conversations it does not show', async () => {
    const { sync } = fakeSync(({ conversationId }) => ({ conversationId, agents: [agent('me')], asOf: '2026-11-24T10:00:05.000Z' }));
    const { relay, told } = relayWith(sync);
    await relay.set({ conversationId: 'c1', viewing: true, typing: false });
    relay.onPicture({ conversationId: 'c1', agents: [agent('me'), agent('wang', true)], asOf: '2026-11-24T10:00:06.000Z' });
    relay.onPicture({ conversationId: 'c1', agents: [agent('me')], asOf: '2026-11-24T10:00:04.000Z' }); // late, older
    relay.onPicture({ conversationId: 'c2', agents: [agent('li')], asOf: '2026-11-24T10:00:07.000Z' }); // not shown here
    relay.onPicture({ conversationId: 'c1', agents: 'garbage', asOf: 1 }); // invalid from the server
    expect(told).toEqual([['c1', ['wang']]]);
  });

  it('shows nobody offline, without asking the server, and re-sends its reports on reconnect', async () => {
    const { sync, sent } = fakeSync(({ conversationId }) => ({ conversationId, agents: [agent('wang')], asOf: new Date().toISOString() }));
    const { relay, told } = relayWith(sync);
    relay.onStatus(status('online'));
    await relay.set({ conversationId: 'c1', viewing: true, typing: true });
    await relay.set({ conversationId: 'c2', viewing: true, typing: false });
    await relay.set({ conversationId: 'c2', viewing: false, typing: false });

    sync.connected = false;
    relay.onStatus(status('offline'));
    expect(told).toEqual([['c1', []]]);
    const before = sent.length;
    expect(await relay.set({ conversationId: 'c1', viewing: true, typing: false })).toEqual([]);
    expect(sent.length).toBe(before);

    sync.connected = true;
    relay.onStatus(status('syncing'));
    await new Promise((resolve) => setImmediate(resolve));
    // Only what is still in force goes out again (c2 was closed), with the latest report for c1.
    expect(sent.slice(before)).toEqual([{ conversationId: 'c1', viewing: true, typing: false }]);
    expect(told.at(-1)).toEqual(['c1', ['wang']]);
  });
});
