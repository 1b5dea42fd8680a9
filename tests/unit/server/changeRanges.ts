/** Builders for poke tests: a conversation's audience and a commit's range of appended changes. */
import type { AppendedChanges, ConversationAudience } from '../../../server/db/queries/changes';

export const audience = (
  conversationId: string,
  teamId: string,
  assigneeId: string | null = null,
): ConversationAudience => ({
  conversationId,
  teamId,
  prevTeamId: null,
  assigneeId,
  prevAssigneeId: null,
});

/** `size` changes from seq `from`, all heard by `who` (null: every socket). */
export function range(from: number, who: ConversationAudience | null, size = 2): AppendedChanges {
  return {
    from,
    to: from + size - 1,
    entries: Array.from({ length: size }, (_, i) => ({
      change: { type: 'team.updated', seq: from + i } as never,
      audience: who,
    })),
  };
}
