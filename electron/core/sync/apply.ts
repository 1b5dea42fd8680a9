/**
 * Apply server changes to the cache in ONE transaction, then tell the caller what changed so it
 * can announce after commit.
 *
 * Invariants:
 * - Snapshots are idempotent and seq-guarded: a snapshot older than the stored row is ignored, so
 *   pokes may be applied early and pulls may repeat them.
 * - The cursor moves only here, in the same transaction, and never backwards.
 * - Conversations the viewer can no longer see are dropped with their messages, and the drop's seq
 *   is kept so an older snapshot applied later (pokes of one flush arrive as separate frames)
 *   cannot bring them back; a drop never removes a newer snapshot.
 * - Still-pending outbox mutations are re-applied on top of every touched conversation, so an
 *   optimistic change survives remote updates until the server acknowledges or rejects it.
 * - Only the newest snapshot of a conversation in a page is applied (the older ones are what the
 *   seq guard would overwrite anyway).
 */
import { recordKey, type RecordKey } from '../../../shared/contracts/records';
import type { Change } from '../../../shared/contracts/sync';
import type { Agent, Conversation } from '../../../shared/domain/model';
import { canSeeConversation, type Viewer } from '../../../shared/domain/visibility';
import type { Db } from '../db/database';
import {
  deleteConversation,
  dropConversationAt,
  droppedSince,
  forgetDrop,
  getConversation,
  pruneDrops,
  listConversationScopes,
  upsertServerConversation,
} from '../db/queries/conversations';
import { getContact, upsertAgent, upsertContact, upsertTeam } from '../db/queries/directory';
import { upsertServerMessage } from '../db/queries/messages';
import { getCursor, getSessionAgent, setCursor, setPokeFloor, setSessionAgent } from '../db/queries/meta';
import { reapplyPending } from './reapply';
import { storeConversationInsight, storeMessageInsight } from '../db/queries/insight';
import { RECORD_SYNC, SYNCED_RECORD_KINDS } from './records';
import { applySlaConfigChange, refreshSlaDue, storeConversationSla } from './sla';
import type { Alert } from '../../../shared/contracts/sla';

export interface ApplyOptions {
  /** Move the cursor to this seq (never backwards) in the same transaction. */
  moveCursorTo?: number;
  /** Announce assignments to the viewer; off for the first full sync of a fresh cache. */
  announceAssignments?: boolean;
  /** Record where a catch-up pull must start (meta `poke_floor`), in the same transaction. */
  pokeFloor?: number;
}

export interface AssignedToMe {
  conversationId: string;
  contactName: string;
  preview: string;
}

export interface ApplyResult {
  conversationIds: string[];
  /** Other records that changed (canned responses, alerts): the screens showing them reload. */
  records?: RecordKey[];
  inbox: boolean;
  directory: boolean;
  /** The inbox rows that changed are exactly `conversationIds` (else any row may have). */
  onlyListed?: boolean;
  assignedToMe: AssignedToMe[];
  /** The signed-in agent's new record when a change updated it (teams, role). */
  sessionAgent: Agent | null;
  /** SLA breaches escalated to the viewer (leads, admins), when announcing. */
  slaAlerts?: Alert[];
}

const DIRECTORY_TYPES = new Set(['team.updated', 'agent.updated', 'contact.updated']);

export function applyChanges(db: Db, changes: readonly Change[], options: ApplyOptions = {}): ApplyResult {
  return db.transaction(() => applyInTransaction(db, changes, options))();
}

function applyInTransaction(db: Db, changes: readonly Change[], options: ApplyOptions): ApplyResult {
  const result: ApplyResult = {
    conversationIds: [],
    inbox: false,
    directory: false,
    assignedToMe: [],
    sessionAgent: null,
  };
  const touched = new Set<string>();
  let viewerAgent = getSessionAgent(db);
  let slaConfigChanged = false;
  // A contact, an SLA policy or the viewer's scope changes rows no change names.
  let everyRow = false;

  // Directory first, conversations next, messages last: a page may list them in any order, and a
  // message is kept only when its conversation is cached.
  for (const change of changes) {
    if (change.type === 'team.updated')
      result.directory = upsertTeam(db, change.team, change.seq) || result.directory;
    else if (change.type === 'contact.updated') {
      if (upsertContact(db, change.contact, change.seq)) {
        result.directory = true;
        result.inbox = true; // contact names show in inbox rows
        everyRow = true;
      }
    } else if (applySlaConfigChange(db, change)) {
      slaConfigChanged = true;
      result.inbox = true;
      everyRow = true;
    } else if (change.type === 'alert.created' && options.announceAssignments) {
      (result.slaAlerts ??= []).push(change.alert);
    } else if (change.type === 'agent.updated' && upsertAgent(db, change.agent, change.seq)) {
      result.directory = true;
      if (viewerAgent && change.agent.id === viewerAgent.id) {
        viewerAgent = change.agent;
        setSessionAgent(db, change.agent);
        result.sessionAgent = change.agent;
      }
    }
  }

  const viewer: Viewer | null = viewerAgent;
  for (const { conversation, seq } of latestConversationSnapshots(changes)) {
    if (applyConversation(db, conversation, seq, viewer, options, result)) touched.add(conversation.id);
  }

  for (const change of changes) {
    if (change.type !== 'message.created') continue;
    if (upsertServerMessage(db, change.message, change.seq)) {
      storeMessageInsight(db, change.message);
      touched.add(change.message.conversationId);
    }
  }

  if (result.sessionAgent && viewer) {
    // The viewer's scope changed (moved team, new role): drop what left it.
    for (const scope of listConversationScopes(db)) {
      if (!canSeeConversation(viewer, scope) && deleteConversation(db, scope.id)) touched.add(scope.id);
    }
    result.inbox = true;
    everyRow = true;
  }

  for (const id of touched) reapplyPending(db, id);
  refreshSlaDue(db, slaConfigChanged ? 'all' : [...touched]);
  if (touched.size > 0) result.inbox = true;
  result.conversationIds = [...touched];
  result.onlyListed = !everyRow;
  // Every other kind of record (sync/records.ts) is named by kind.
  const records = SYNCED_RECORD_KINDS.flatMap((kind) =>
    RECORD_SYNC[kind].apply(db, changes, viewerAgent).map((id) => recordKey(kind, id)),
  );
  if (records.length > 0) result.records = records;

  if (options.moveCursorTo !== undefined && options.moveCursorTo > getCursor(db)) {
    setCursor(db, options.moveCursorTo);
    pruneDrops(db, options.moveCursorTo);
  }
  if (options.pokeFloor !== undefined) setPokeFloor(db, options.pokeFloor);
  return result;
}

/**
 * The newest snapshot of each conversation in the page. A burst of writes to one conversation
 * (an outbox drain: a snapshot per reply) needs only its last state written, and since snapshots
 * are seq-guarded, an older one could only be overwritten by it. Skipping the rest also means an
 * assignment is announced by comparing the row before the page with the row after it.
 */
function latestConversationSnapshots(
  changes: readonly Change[],
): { conversation: Conversation; seq: number }[] {
  const latest = new Map<string, { conversation: Conversation; seq: number }>();
  for (const change of changes) {
    if (DIRECTORY_TYPES.has(change.type) || !('conversation' in change)) continue;
    const conversation: Conversation = change.conversation;
    const seen = latest.get(conversation.id);
    if (!seen || change.seq > seen.seq) latest.set(conversation.id, { conversation, seq: change.seq });
  }
  return [...latest.values()];
}

/** Returns whether the cached conversation changed (written or dropped). */
function applyConversation(
  db: Db,
  conversation: Conversation,
  seq: number,
  viewer: Viewer | null,
  options: ApplyOptions,
  result: ApplyResult,
): boolean {
  if (viewer && !canSeeConversation(viewer, conversation))
    return dropConversationAt(db, conversation.id, seq);
  if (droppedSince(db, conversation.id, seq)) return false;
  const before = getConversation(db, conversation.id);
  if (!upsertServerConversation(db, conversation, seq)) return false;
  if (!before) forgetDrop(db, conversation.id);
  storeConversationSla(db, conversation);
  storeConversationInsight(db, conversation);
  // The local row already showing the viewer as assignee means the viewer did it (optimistic).
  if (
    options.announceAssignments &&
    viewer &&
    conversation.assigneeId === viewer.id &&
    before?.assigneeId !== viewer.id
  ) {
    result.assignedToMe.push({
      conversationId: conversation.id,
      contactName: getContact(db, conversation.contactId)?.name ?? '',
      preview: conversation.lastMessagePreview,
    });
  }
  return true;
}
