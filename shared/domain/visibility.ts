/**
 * Who may see a conversation. The server filters pulls and authorizes events with it; the core
 * uses it to drop conversations that left the viewer's scope (a transfer to another team).
 */
import type { Conversation, Role } from './model';

export interface Viewer {
  id: string;
  role: Role;
  teamIds: readonly string[];
}

export function canSeeConversation(
  viewer: Viewer,
  conversation: Pick<Conversation, 'teamId' | 'assigneeId'>,
): boolean {
  switch (viewer.role) {
    case 'admin':
      return true;
    case 'lead':
      return viewer.teamIds.includes(conversation.teamId);
    case 'agent':
      return viewer.teamIds.includes(conversation.teamId) || conversation.assigneeId === viewer.id;
    case 'reviewer':
      // Reviewers see the conversations sampled for them; sampling is not built yet.
      return false;
  }
}

/** Agents act on what they can see; reviewers never change a conversation. */
export function canActOnConversation(
  viewer: Viewer,
  conversation: Pick<Conversation, 'teamId' | 'assigneeId'>,
): boolean {
  return viewer.role !== 'reviewer' && canSeeConversation(viewer, conversation);
}
