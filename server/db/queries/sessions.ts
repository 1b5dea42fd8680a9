/** Login sessions (one per login) and channel integration tokens (stored as sha256 hashes). */
import type { Channel } from '../../../shared/domain/model';
import type { Db, Trx } from '../database';
import type { SessionsTable } from '../schema';

export async function insertSession(db: Db | Trx, session: SessionsTable): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

export async function getSession(db: Db | Trx, id: string): Promise<SessionsTable | undefined> {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Returns true when the session existed and was not revoked before. */
export async function revokeSession(db: Db | Trx, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function findChannelByTokenHash(db: Db | Trx, tokenHash: string): Promise<Channel | undefined> {
  const row = await db
    .selectFrom('channel_tokens')
    .select('channel')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row?.channel as Channel | undefined;
}

export async function insertChannelTokenIfMissing(
  trx: Trx,
  token: { token_hash: string; channel: Channel; label: string; created_at: string },
): Promise<void> {
  await trx
    .insertInto('channel_tokens')
    .values(token)
    .onConflict((oc) => oc.column('token_hash').doNothing())
    .execute();
}
