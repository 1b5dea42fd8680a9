/** Contacts and their per-channel identities. */
import type { Channel, ChannelIdentity, Contact, ContactTier } from '../../../shared/domain/model';
import type { Db, Trx } from '../database';
import type { ContactsTable } from '../schema';

export async function findContactIdByIdentity(
  db: Db | Trx,
  channel: Channel,
  externalId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('contact_identities')
    .select('contact_id')
    .where('channel', '=', channel)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
  return row?.contact_id;
}

export async function getContactRow(db: Db | Trx, id: string): Promise<ContactsTable | undefined> {
  return db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getContact(db: Db | Trx, id: string): Promise<Contact | undefined> {
  const row = await getContactRow(db, id);
  if (!row) return undefined;
  const identities = await db
    .selectFrom('contact_identities')
    .select(['channel', 'external_id'])
    .where('contact_id', '=', id)
    .orderBy('channel')
    .orderBy('external_id')
    .execute();
  return contactFromRow(
    row,
    identities.map((identity) => ({
      channel: identity.channel as Channel,
      externalId: identity.external_id,
    })),
  );
}

export function contactFromRow(row: ContactsTable, identities: ChannelIdentity[]): Contact {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    tier: row.tier as ContactTier,
    identities,
    createdAt: row.created_at,
    ...(row.attributes ? { attributes: JSON.parse(row.attributes) as Record<string, string> } : {}),
  };
}

export async function insertContact(
  trx: Trx,
  contact: ContactsTable,
  identity: ChannelIdentity,
): Promise<void> {
  await trx.insertInto('contacts').values(contact).execute();
  await trx
    .insertInto('contact_identities')
    .values({ contact_id: contact.id, channel: identity.channel, external_id: identity.externalId })
    .execute();
}

export async function updateContact(
  trx: Trx,
  id: string,
  patch: Partial<Pick<ContactsTable, 'name' | 'email' | 'phone' | 'tier' | 'updated_at' | 'attributes'>>,
): Promise<void> {
  await trx.updateTable('contacts').set(patch).where('id', '=', id).execute();
}
