/**
 * Canned responses in the cache: server changes, local writes through the outbox, and the row
 * the user sees = server snapshot + pending writes (like conversations, sync/reapply.ts).
 *
 * Invariants:
 * - Local writes are filed in the outbox under the record `{ kind: 'canned', id }`; the outbox
 *   row and the refreshed view are written in one transaction, before the network.
 * - Folding a write on a snapshot that already contains it is harmless (create is skipped when
 *   a snapshot exists; update and delete are idempotent); a use may show twice until its ack.
 * - Personal responses of other agents (an admin's pull sees everything) are never cached.
 */
import { CANNED_CHANGE_TYPES } from '../../../shared/contracts/canned';
import { recordKey } from '../../../shared/contracts/records';
import type { CannedResponse } from '../../../shared/canned/model';
import type { Change, MutationArgs, MutationName } from '../../../shared/contracts/sync';
import type { Agent } from '../../../shared/domain/model';
import type { Db } from '../db/database';
import { getServerCanned, setServerCanned, writeCannedView } from '../db/queries/canned';
import { getSessionAgent, takeMutationId } from '../db/queries/meta';
import { insertOutbox, pendingForRecord } from '../db/queries/outbox';

type CannedChange = Extract<Change, { type: (typeof CANNED_CHANGE_TYPES)[number] }>;
export type CannedMutationName = Extract<MutationName, `canned.${string}`>;

export function isCannedChange(change: Change): change is CannedChange {
  return (CANNED_CHANGE_TYPES as readonly string[]).includes(change.type);
}

/** Apply the canned changes of a page (inside the caller's transaction); returns the ids touched. */
export function applyCannedChanges(db: Db, changes: readonly Change[], viewer: Agent | null): string[] {
  const touched = new Set<string>();
  for (const change of changes) {
    if (!isCannedChange(change)) continue;
    if (change.type === 'canned_response.deleted') {
      if (setServerCanned(db, change.cannedResponseId, null, change.seq))
        touched.add(change.cannedResponseId);
      continue;
    }
    const response = change.cannedResponse;
    const foreignPersonal =
      response.scope === 'personal' && viewer !== null && response.ownerId !== viewer.id;
    if (setServerCanned(db, response.id, foreignPersonal ? null : response, change.seq))
      touched.add(response.id);
  }
  for (const id of touched) reapplyCanned(db, id);
  return [...touched];
}

function fold(
  view: CannedResponse | null,
  name: MutationName,
  args: Record<string, unknown>,
  at: string,
  owner: Agent | null,
) {
  switch (name) {
    case 'canned.create': {
      if (view) return view;
      const fields = args as MutationArgs<'canned.create'>;
      return {
        ...fields,
        teamId: fields.scope === 'team' ? fields.teamId : null,
        ownerId: fields.scope === 'personal' ? (owner?.id ?? null) : null,
        usageCount: 0,
        lastUsedAt: null,
        createdAt: at,
        updatedAt: at,
      } satisfies CannedResponse;
    }
    case 'canned.update': {
      if (!view) return view;
      const fields = args as MutationArgs<'canned.update'>;
      return {
        ...view,
        ...fields,
        teamId: fields.scope === 'team' ? fields.teamId : null,
        ownerId: fields.scope === 'personal' ? (view.ownerId ?? owner?.id ?? null) : null,
        updatedAt: at,
      };
    }
    case 'canned.delete':
      return null;
    case 'canned.used':
      return view ? { ...view, usageCount: view.usageCount + 1, lastUsedAt: at } : view;
    default:
      return view;
  }
}

/** Rebuild the visible row of one response from its snapshot and pending writes. */
export function reapplyCanned(db: Db, id: string): void {
  let view = getServerCanned(db, id);
  const pending = pendingForRecord(db, recordKey('canned', id));
  const owner = getSessionAgent(db);
  for (const entry of pending) view = fold(view, entry.name, entry.args, entry.createdAt, owner);
  writeCannedView(db, id, view, pending.length > 0);
}

/** Queue canned writes (one or many, e.g. an import) in ONE transaction with their views. */
export function queueCannedMutations(
  db: Db,
  writes: ReadonlyArray<{ name: CannedMutationName; args: { id: string } & Record<string, unknown> }>,
  now = new Date(),
): void {
  db.transaction(() => {
    for (const { name, args } of writes) {
      insertOutbox(db, {
        mutationId: takeMutationId(db),
        name,
        args,
        record: recordKey('canned', args.id),
        createdAt: now.toISOString(),
      });
      reapplyCanned(db, args.id);
    }
  })();
}
