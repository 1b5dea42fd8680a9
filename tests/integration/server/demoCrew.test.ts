/**
 * The demo crew on a real server: with a short pace, demo chats from the traffic simulator are
 * assigned by routing to crew members, answered and resolved with no action from the test; a
 * conversation held by a person is never touched, and every crew message lands in a conversation
 * assigned to its author. The crew signs in through the login API and syncs over Socket.IO only.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREW, startCrew, type Crew } from '../../../server/demo/crew';
import { DEMO_CHANNEL_TOKENS, DEMO_LOGINS, DEMO_TEAMS } from '../../../server/demo/seed';
import { simulateOnce } from '../../../server/demo/simulator';
import { type PushResponse } from '../../../shared/contracts/sync';
import { eventually } from '../core/stack';
import { connectSocket, startTestServer, type TestServer } from './harness';
import { type Ack, SOCKET_EVENTS } from '../../../shared/contracts/socket';

const CREW_IDS = new Set(DEMO_CREW.map((member) => member.id));

let server: TestServer;
let crew: Crew | null = null;
let leadToken: string;

async function setAutoAssign(on: boolean): Promise<void> {
  for (const team of DEMO_TEAMS) {
    const response = await fetch(`${server.url}/api/v1/routing/teams/${team.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${leadToken}` },
      body: JSON.stringify({ autoAssign: on }),
    });
    expect(response.status).toBe(200);
  }
}

const conversationRow = (id: string) =>
  server.db.db.selectFrom('conversations').select(['id', 'status', 'assignee_id', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
const messagesOf = (ids: string[]) =>
  server.db.db
    .selectFrom('messages')
    .select(['conversation_id', 'author_id', 'direction', 'kind'])
    .where('conversation_id', 'in', ids)
    .execute();

beforeAll(async () => {
  server = await startTestServer({ seedDemoCrew: true });
  leadToken = (await server.login('liu.yang@demo.switchboard')).token;
});
afterAll(async () => {
  await crew?.stop();
  await server?.cleanup();
});

describe('demo crew', () => {
  it('keeps the printed demo logins and the crew apart', () => {
    const printed = new Set(DEMO_LOGINS.map((login) => login.email));
    for (const member of DEMO_CREW) expect(printed.has(member.email), member.email).toBe(false);
    for (const team of DEMO_TEAMS)
      expect(DEMO_CREW.filter((m) => m.teamIds.includes(team.id)).length, team.id).toBeGreaterThanOrEqual(2);
  });

  it('answers and resolves demo chats with nobody touching them, and leaves a person’s conversation alone', { timeout: 120_000 }, async () => {
    // A conversation a person holds: assigned by the lead to Li Na (who is not crew) before the crew starts.
    await setAutoAssign(false);
    const held = await server.ingest({
      channel: 'chat',
      externalId: `crew-held-${randomUUID()}`,
      contact: { externalId: `crew-held-${randomUUID()}`, name: 'Nora Held' },
      text: 'I would like to change the delivery address of my order, please.',
    });
    const heldId = ((await held.json()) as { conversationId: string }).conversationId;
    const lead = await connectSocket(server.url, leadToken, server);
    const assigned = (await lead.timeout(5_000).emitWithAck(SOCKET_EVENTS.push, {
      clientId: randomUUID(),
      mutations: [{ mutationId: 1, name: 'conversation.assign', args: { conversationId: heldId, assigneeId: 'agent-li-na', baseVersion: (await conversationRow(heldId)).version } }],
    })) as Ack<PushResponse>;
    expect(assigned.ok && assigned.data.results[0]!.ok).toBe(true);

    crew = startCrew({ baseUrl: server.url, seed: 11, pace: { replyDelayMs: [50, 250], quietMs: [400, 900], noteChance: 0.5 } });
    await eventually(
      () => server.db.db.selectFrom('agents').select(['id', 'status']).where('id', 'in', [...CREW_IDS]).execute(),
      (rows) => rows.length === CREW_IDS.size && rows.every((r) => r.status === 'available'),
      'every crew member available',
    );
    await setAutoAssign(true);

    const traffic = await simulateOnce({ baseUrl: server.url, tokens: { ...DEMO_CHANNEL_TOKENS }, seed: 5, conversations: 6 });
    expect(traffic.failed).toBe(0);
    const ids = [...new Set(traffic.results.map((r) => (r.outcome.ok ? r.outcome.response?.conversationId : undefined)).filter((id): id is string => !!id))];
    expect(ids.length).toBe(6);

    // From here on the test only watches. Conversations the bot keeps to itself are not the crew's.
    const rows = await eventually(
      () => Promise.all(ids.map(conversationRow)),
      (list) => list.every((row) => row.status === 'resolved' || row.status === 'bot'),
      'every demo conversation resolved',
      90_000,
    );
    const worked = rows.filter((row) => row.status === 'resolved');
    expect(worked.length).toBeGreaterThan(0);
    const messages = await messagesOf(worked.map((row) => row.id));
    for (const row of worked) {
      expect(CREW_IDS.has(row.assignee_id ?? ''), `${row.id} assigned to crew`).toBe(true);
      const answers = messages.filter((m) => m.conversation_id === row.id && m.author_id === row.assignee_id && m.direction === 'out');
      expect(answers.length, `${row.id} answered by its crew member`).toBeGreaterThan(0);
    }

    // Li Na's conversation: still hers, still open, nothing from the crew in it.
    const heldRow = await conversationRow(heldId);
    expect(heldRow).toMatchObject({ assignee_id: 'agent-li-na', status: 'open' });
    const everything = await messagesOf([heldId, ...ids]);
    expect(everything.filter((m) => m.conversation_id === heldId && CREW_IDS.has(m.author_id ?? ''))).toEqual([]);
    // Every crew message is in a conversation assigned to its author.
    const assignee = new Map(rows.map((row) => [row.id, row.assignee_id]));
    for (const message of everything.filter((m) => CREW_IDS.has(m.author_id ?? '')))
      expect(assignee.get(message.conversation_id)).toBe(message.author_id);
    // The crew's own tally catches up once the server's answers reach it.
    const running = crew;
    const stats = await eventually(() => running.stats(), (s) => s.resolved >= worked.length, 'crew tally');
    expect(stats.replies + stats.notes).toBeGreaterThanOrEqual(worked.length);
    expect(stats.resolved).toBe(worked.length);
  });
});
