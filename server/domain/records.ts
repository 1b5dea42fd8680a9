/**
 * Who hears of each kind of record: one audience rule per kind of RECORD_KINDS
 * (shared/contracts/records.ts). Every writer addresses its change-log entries through
 * `addressFor`, so a record's audience is decided in one place; a kind added to RECORD_KINDS does
 * not compile until it has its rule here (and its sync module in electron/core/sync/records.ts).
 * `previous` is the record before this write, so a team, agent or library it left still hears
 * that it went. Admins hear everything whatever the rule (shared/domain/audience.ts).
 */
import type { CannedResponse } from '../../shared/canned/model';
import type { RecordKind } from '../../shared/contracts/records';
import type { QaAssignment } from '../../shared/contracts/qa';
import type { Alert } from '../../shared/contracts/sla';
import type { AudienceMember } from '../../shared/domain/audience';
import type { Conversation } from '../../shared/domain/model';
import type { Calibration } from '../../shared/qa/calibration';
import type { Review, Scorecard } from '../../shared/qa/model';
import type { ChangeAddress } from '../db/queries/changes';

/** The snapshot each kind's changes carry. */
export interface RecordOf {
  conversation: Conversation;
  canned: CannedResponse;
  alert: Alert;
  scorecard: Scorecard;
  qa_assignment: QaAssignment;
  qa_review: Review;
  qa_calibration: Calibration;
}

type AudienceRule<T> = (record: T, previous?: T) => AudienceMember[];

/** A canned response's library: its team, or its owner for a personal one. */
function library(response: Pick<CannedResponse, 'scope' | 'teamId' | 'ownerId'>): AudienceMember {
  return response.scope === 'team'
    ? { kind: 'team', teamId: response.teamId! }
    : { kind: 'personal', ownerId: response.ownerId! };
}

export const AUDIENCE_RULES: { [K in RecordKind]: AudienceRule<RecordOf[K]> } = {
  /** A conversation reaches its team and its assignee (and the ones it just left). */
  conversation(conversation, previous) {
    const audience: AudienceMember[] = [{ kind: 'team', teamId: conversation.teamId }];
    if (previous && previous.teamId !== conversation.teamId)
      audience.push({ kind: 'team', teamId: previous.teamId });
    if (conversation.assigneeId) audience.push({ kind: 'agent', agentId: conversation.assigneeId });
    if (previous?.assigneeId && previous.assigneeId !== conversation.assigneeId)
      audience.push({ kind: 'agent', agentId: previous.assigneeId });
    return audience;
  },
  /** A team response reaches its team (agents and leads); a personal one its owner, whatever the role. */
  canned: (response, previous) => (previous ? [library(response), library(previous)] : [library(response)]),
  /** An escalation reaches only the leads of the alert's team. */
  alert: (alert) => [{ kind: 'leads', teamId: alert.teamId }],
  /** Scorecards are no secret: agents read the one they were scored on. */
  scorecard: () => [{ kind: 'everyone' }],
  /** A review assignment reaches its reviewer and the team's leads; never the agent reviewed. */
  qa_assignment: (assignment) => [
    { kind: 'personal', ownerId: assignment.reviewerId },
    { kind: 'leads', teamId: assignment.teamId },
  ],
  /** A submitted review reaches its reviewer, the agent whose work it scores, and the team's leads. */
  qa_review(review) {
    const audience: AudienceMember[] = [
      { kind: 'personal', ownerId: review.reviewerId },
      { kind: 'leads', teamId: review.teamId },
    ];
    if (review.agentId) audience.push({ kind: 'agent', agentId: review.agentId });
    return audience;
  },
  /**
   * A calibration session reaches the team's leads, and each reviewer only once they have
   * submitted their own scores (blind until then). The agent never.
   */
  qa_calibration: (calibration) => [
    { kind: 'leads', teamId: calibration.teamId },
    ...calibration.entries.map((entry): AudienceMember => ({ kind: 'personal', ownerId: entry.reviewerId })),
  ],
};

export function addressFor<K extends RecordKind>(
  kind: K,
  record: RecordOf[K],
  previous?: RecordOf[K],
): ChangeAddress {
  const rule = AUDIENCE_RULES[kind] as AudienceRule<RecordOf[K]>;
  return { record: { kind, id: record.id }, audience: rule(record, previous) };
}
