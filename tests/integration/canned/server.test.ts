/**
 * Canned responses on the server: who may change what (enforced on sync.push), who hears of it
 * (pull and pokes), the demo library, and usage counts.
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CANNED } from '../../../server/demo/cannedSeed';
import type { Change, PullResponse, PushResponse } from '../../../shared/contracts/sync';
import { type Ack, SOCKET_EVENTS } from '../../../shared/contracts/socket';
import { connectSocket, startTestServer, testBackends, waitForEvent, type TestServer } from '../server/harness';

const push = async (socket: Socket, mutations: unknown[], clientId = randomUUID()) =>
  (await socket.emitWithAck(SOCKET_EVENTS.push, { clientId, mutations })) as Ack<PushResponse>;

async function pullCanned(socket: Socket) {
  const changes: Change[] = [];
  let cursor = 0;
  for (;;) {
    const ack = (await socket.emitWithAck(SOCKET_EVENTS.pull, { cursor, limit: 1000 })) as Ack<PullResponse>;
    if (!ack.ok) throw new Error(ack.error.message);
    changes.push(...ack.data.changes.filter((c) => c.type.startsWith('canned_response.')));
    cursor = ack.data.cursor;
    if (!ack.data.hasMore) return changes;
  }
}

const fields = (over: Record<string, unknown> = {}) => ({
  scope: 'personal',
  teamId: null,
  folder: '',
  title: 'My refund wording',
  shortcut: `mine-${Math.random().toString(36).slice(2, 8)}`,
  body: 'Hello {{contact.name | "there"}}',
  language: 'en',
  tags: [],
  ...over,
});

const firstResult = (ack: Ack<PushResponse>) => {
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.data.results[0]!;
};

describe.each(testBackends())('canned responses on the server (%s)', (backend) => {
  let server: TestServer;
  const sockets: Record<string, Socket> = {};

  beforeAll(async () => {
    server = await startTestServer({ backend });
    for (const who of ['li.na', 'wang.wei', 'liu.yang', 'admin']) {
      const { token } = await server.login(`${who}@demo.switchboard`);
      sockets[who] = await connectSocket(server.url, token, server);
    }
  });
  afterAll(async () => {
    await server?.cleanup();
  });

  it("seeds the demo library and shows each agent only their teams' responses", async () => {
    const liNa = await pullCanned(sockets['li.na']!); // pre-sales + after-sales
    const ids = liNa.map((c) => (c.type === 'canned_response.updated' ? c.cannedResponse.id : ''));
    const expected = DEMO_CANNED.filter((d) => ['team-presales', 'team-aftersales'].includes(d.teamId)).map((d) => d.id);
    expect(new Set(ids)).toEqual(new Set(expected));
    expect(ids).not.toContain('canned-demo-bug-zh'); // tech support's
    expect(DEMO_CANNED.length).toBeGreaterThanOrEqual(20);
  });

  it('refuses an agent who edits or deletes a team response, and accepts the team lead', async () => {
    const team = DEMO_CANNED.find((d) => d.id === 'canned-demo-refund-zh')!;
    const update = { ...fields({ scope: 'team', teamId: team.teamId, shortcut: 'refund', language: 'zh-CN' }), id: team.id, title: '改过的' };
    const byAgent = firstResult(await push(sockets['li.na']!, [{ mutationId: 1, name: 'canned.update', args: update }]));
    expect(byAgent).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const deleteByAgent = firstResult(
      await push(sockets['li.na']!, [{ mutationId: 1, name: 'canned.delete', args: { id: team.id } }]),
    );
    expect(deleteByAgent).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const create = firstResult(
      await push(sockets['li.na']!, [
        { mutationId: 1, name: 'canned.create', args: { ...fields({ scope: 'team', teamId: team.teamId }), id: randomUUID() } },
      ]),
    );
    expect(create).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const seen = waitForEvent(sockets['li.na']!, SOCKET_EVENTS.poke);
    const byLead = firstResult(await push(sockets['liu.yang']!, [{ mutationId: 1, name: 'canned.update', args: update }]));
    expect(byLead.ok).toBe(true);
    const poke = (await seen) as { changes: Change[] };
    expect(poke.changes[0]).toMatchObject({ type: 'canned_response.updated', cannedResponse: { id: team.id, title: '改过的' } });
  });

  it("keeps a personal response to its owner: others can neither see nor change it", async () => {
    const id = randomUUID();
    const created = firstResult(await push(sockets['wang.wei']!, [{ mutationId: 1, name: 'canned.create', args: { ...fields(), id } }]));
    expect(created.ok).toBe(true);
    const owner = await pullCanned(sockets['wang.wei']!);
    expect(owner.some((c) => c.type === 'canned_response.updated' && c.cannedResponse.id === id)).toBe(true);
    const lead = await pullCanned(sockets['liu.yang']!);
    expect(lead.some((c) => c.type === 'canned_response.updated' && c.cannedResponse.id === id)).toBe(false);
    const other = firstResult(
      await push(sockets['li.na']!, [{ mutationId: 1, name: 'canned.update', args: { ...fields(), id, title: 'mine now' } }]),
    );
    expect(other).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('lets a lead keep a personal library that only the lead pulls back', async () => {
    const id = randomUUID();
    expect(firstResult(await push(sockets['liu.yang']!, [{ mutationId: 1, name: 'canned.create', args: { ...fields(), id } }])).ok).toBe(true);
    const lead = await pullCanned(sockets['liu.yang']!);
    expect(lead.some((c) => c.type === 'canned_response.updated' && c.cannedResponse.id === id && c.cannedResponse.ownerId === 'agent-liu-yang')).toBe(true);
  });

  it('refuses a second response with the same shortcut in one library', async () => {
    const shortcut = 'dup-check';
    const a = firstResult(await push(sockets['li.na']!, [{ mutationId: 1, name: 'canned.create', args: { ...fields({ shortcut }), id: randomUUID() } }]));
    const b = firstResult(await push(sockets['li.na']!, [{ mutationId: 1, name: 'canned.create', args: { ...fields({ shortcut }), id: randomUUID() } }]));
    expect(a.ok).toBe(true);
    expect(b).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('counts a use by any agent who can see the response', async () => {
    const id = 'canned-demo-greet-zh';
    const seen = waitForEvent(sockets['li.na']!, SOCKET_EVENTS.poke);
    expect(firstResult(await push(sockets['li.na']!, [{ mutationId: 1, name: 'canned.used', args: { id } }])).ok).toBe(true);
    const poke = (await seen) as { changes: Change[] };
    expect(poke.changes[0]).toMatchObject({ cannedResponse: { id, usageCount: 1 } });
    const hidden = firstResult(await push(sockets['li.na']!, [{ mutationId: 1, name: 'canned.used', args: { id: 'canned-demo-bug-zh' } }]));
    expect(hidden).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('ingest accepts optional contact attributes, merges them key by key and syncs them', async () => {
    const externalId = `attr-${Date.now()}`;
    const first = await server.ingest({
      channel: 'chat',
      externalId: `${externalId}-1`,
      contact: { externalId, name: 'Attr Person', attributes: { order_id: 'SO-1', vip_level: 3 } },
      text: 'first',
    });
    expect(first.status).toBe(202);
    const second = await server.ingest({
      channel: 'chat',
      externalId: `${externalId}-2`,
      contact: { externalId, attributes: { order_id: 'SO-2' } },
      text: 'second',
    });
    expect(second.status).toBe(202);
    const bad = await server.ingest({
      channel: 'chat',
      externalId: `${externalId}-3`,
      contact: { externalId, attributes: { 'bad key!': 'x' } },
      text: 'third',
    });
    expect(bad.status).toBe(400);
    const changes: Change[] = [];
    let cursor = 0;
    for (;;) {
      const ack = (await sockets['admin']!.emitWithAck(SOCKET_EVENTS.pull, { cursor, limit: 1000 })) as Ack<PullResponse>;
      if (!ack.ok) throw new Error(ack.error.message);
      changes.push(...ack.data.changes);
      cursor = ack.data.cursor;
      if (!ack.data.hasMore) break;
    }
    const contacts = changes.filter((c) => c.type === 'contact.updated' && c.contact.name === 'Attr Person');
    expect(contacts.at(-1)).toMatchObject({ contact: { attributes: { order_id: 'SO-2', vip_level: '3' } } });
  });
});
