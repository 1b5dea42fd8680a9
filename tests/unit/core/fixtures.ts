/** Builders for cache tests: an in-memory cache and domain records with sensible defaults. */
import type { Change } from '../../../shared/contracts/sync';
import type { Agent, Contact, Conversation, Message, Team } from '../../../shared/domain/model';
import { openDatabase, type Db } from '../../../electron/core/db/database';
import { setServerUrl, setSessionAgent } from '../../../electron/core/db/queries/meta';

export const ME: Agent = {
  id: 'agent-me',
  name: '李娜',
  email: 'li.na@example.test',
  role: 'agent',
  teamIds: ['team-sales'],
  status: 'available',
};

export const OTHER: Agent = {
  ...ME,
  id: 'agent-other',
  name: 'Tom',
  email: 'tom@example.test',
  teamIds: ['team-sales', 'team-tech'],
};

export const TEAMS: Team[] = [
  { id: 'team-sales', name: '售前', nameEn: 'Pre-sales' },
  { id: 'team-tech', name: '技术支持', nameEn: 'Tech support' },
];

export function openTestDb(viewer: Agent | null = ME): Db {
  const db = openDatabase(':memory:');
  if (viewer) {
    setSessionAgent(db, viewer);
    setServerUrl(db, 'http://127.0.0.1:1');
  }
  return db;
}

export function contact(id: string, overrides: Partial<Contact> = {}): Contact {
  return {
    id,
    name: `Customer ${id}`,
    email: `${id}@customer.test`,
    phone: null,
    tier: 'standard',
    identities: [{ channel: 'chat', externalId: id }],
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function conversation(id: string, overrides: Partial<Conversation> = {}): Conversation {
  return {
    id,
    channel: 'chat',
    contactId: `contact-${id}`,
    teamId: 'team-sales',
    assigneeId: null,
    status: 'open',
    priority: 'normal',
    subject: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    lastMessageAt: '2026-01-01T00:00:00.000Z',
    lastMessagePreview: 'hello',
    lastMessageDirection: 'in',
    waitingSince: null,
    messageCount: 1,
    version: 1,
    ...overrides,
  };
}

export function message(
  id: string,
  conversationId: string,
  text: string,
  overrides: Partial<Message> = {},
): Message {
  return {
    id,
    conversationId,
    direction: 'in',
    kind: 'text',
    authorType: 'contact',
    authorId: null,
    text,
    subject: null,
    call: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

let seq = 0;
export const nextSeq = () => ++seq;

export const conversationCreated = (c: Conversation, s = nextSeq()): Change => ({
  seq: s,
  type: 'conversation.created',
  conversation: c,
});
export const conversationUpdated = (c: Conversation, s = nextSeq()): Change => ({
  seq: s,
  type: 'conversation.updated',
  conversation: c,
});
export const messageCreated = (m: Message, s = nextSeq()): Change => ({
  seq: s,
  type: 'message.created',
  message: m,
});
export const contactUpdated = (c: Contact, s = nextSeq()): Change => ({
  seq: s,
  type: 'contact.updated',
  contact: c,
});
export const agentUpdated = (a: Agent, s = nextSeq()): Change => ({
  seq: s,
  type: 'agent.updated',
  agent: a,
});
export const teamUpdated = (t: Team, s = nextSeq()): Change => ({ seq: s, type: 'team.updated', team: t });
