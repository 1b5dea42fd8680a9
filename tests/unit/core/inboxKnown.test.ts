/**
 * A window that already holds rows names them as `known`: the page answers every id in order and
 * sends only the rows the window lacks. Changes say whether only the rows they name changed.
 */
import { describe, expect, it } from 'vitest';
import { inboxHandlers } from '../../../electron/core/service/inbox';
import type { CoreContext } from '../../../electron/core/service/context';
import { applyChanges } from '../../../electron/core/sync/apply';
import { InboxQuerySchema, type InboxPage, type InboxQuery } from '../../../shared/contracts/rpc';
import {
  ME,
  TEAMS,
  agentUpdated,
  contact,
  contactUpdated,
  conversation,
  conversationCreated,
  message,
  messageCreated,
  openTestDb,
  teamUpdated,
} from './fixtures';

const at = (minute: number) => `2026-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

function seeded() {
  const db = openTestDb(ME);
  const rows = Array.from({ length: 5 }, (_, i) =>
    conversation(`k${i}`, { assigneeId: ME.id, lastMessageAt: at(i), contactId: `contact-k${i}` }),
  );
  applyChanges(db, [
    ...TEAMS.map((team) => teamUpdated(team)),
    agentUpdated(ME),
    ...rows.map((row) => contactUpdated(contact(row.contactId))),
    ...rows.map((row) => conversationCreated(row)),
  ]);
  const list = inboxHandlers({ db, viewer: () => ME } as unknown as CoreContext)['inbox.list'];
  const query: InboxQuery = { scope: 'mine', sort: 'newest', offset: 0, limit: 10 };
  return { db, list: (extra: Partial<InboxQuery> = {}) => list({ ...query, ...extra }) as Promise<InboxPage> };
}

describe('inbox pages with known rows', () => {
  it('names every row in order and sends only the ones the window does not hold', async () => {
    const { db, list } = seeded();
    const whole = await list();
    expect(whole.order).toBeUndefined();
    expect(whole.rows.map((row) => row.id)).toEqual(['k4', 'k3', 'k2', 'k1', 'k0']);

    applyChanges(db, [conversationCreated(conversation('k9', { assigneeId: ME.id, lastMessageAt: at(30) }))]);
    const patch = await list({ known: ['k4', 'k3', 'k2', 'k1', 'k0', 'not-on-this-page'] });
    expect(patch.order).toEqual(['k9', 'k4', 'k3', 'k2', 'k1', 'k0']);
    expect(patch.rows.map((row) => row.id)).toEqual(['k9']);
    expect(patch.total).toBe(6);
    expect(patch.rows[0]).toMatchObject({ id: 'k9', sla: null, assigneeName: ME.name });
  });

  it('refuses a known list longer than three pages', async () => {
    const { list } = seeded();
    const tooMany = Array.from({ length: 1_501 }, (_, i) => `id-${i}`);
    expect(InboxQuerySchema.safeParse({ scope: 'mine', sort: 'newest', offset: 0, limit: 10, known: tooMany }).success).toBe(
      false,
    );
    expect((await list({ known: [] })).rows).toHaveLength(5);
  });

  it('marks a message or a local write as changing only the rows it names, a contact edit as changing any', () => {
    const { db } = seeded();
    const byMessage = applyChanges(db, [messageCreated(message('m1', 'k2', 'Where is my parcel?'))]);
    expect(byMessage).toMatchObject({ conversationIds: ['k2'], inbox: true, onlyListed: true });
    const byContact = applyChanges(db, [contactUpdated(contact('contact-k1', { name: 'Renamed' }))]);
    expect(byContact.inbox).toBe(true);
    expect(byContact.onlyListed).toBe(false);
  });
});
