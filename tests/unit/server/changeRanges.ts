/** Builders for poke tests: a conversation's address and a commit's range of appended changes. */
import type { AppendedChanges, ChangeAddress } from '../../../server/db/queries/changes';
import { addressOf } from '../../../server/domain/snapshots';
import { EVERYONE } from '../../../shared/domain/audience';
import type { Conversation } from '../../../shared/domain/model';

export const audience = (conversationId: string, teamId: string, assigneeId: string | null = null): ChangeAddress =>
  addressOf({ id: conversationId, teamId, assigneeId } as Conversation);

/** `size` changes from seq `from`, all heard by `who` (null: every socket). */
export function range(from: number, who: ChangeAddress | null, size = 2): AppendedChanges {
  const address = who ?? { record: null, audience: EVERYONE };
  return {
    from,
    to: from + size - 1,
    entries: Array.from({ length: size }, (_, i) => ({
      change: { type: 'team.updated', seq: from + i } as never,
      ...address,
    })),
  };
}
