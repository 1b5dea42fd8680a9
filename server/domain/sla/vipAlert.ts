/**
 * Raises the `vip_waiting` alert of one wait (vipWaiting.ts decides when). The sla_notices row,
 * keyed by the wait's start, makes it fire once across restarts and leader changes; the alert and
 * its change commit in the same transaction, for the team's leads and admins, through the
 * triage gate (domain/alerts/raise.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Alert } from '../../../shared/contracts/sla';
import type { Conversation } from '../../../shared/domain/model';
import { insertNoticeOnce } from '../../db/queries/sla';
import { raiseAlert } from '../alerts/raise';
import { commitWithChanges, type DomainContext } from '../context';

/** sla_notices `target` of a VIP-waiting alert; its `due_at` is the wait's start. */
export const VIP_WAIT_NOTICE = 'vipWaiting';

/** Returns whether this call raised it (false: it had been raised before). */
export async function raiseVipWaitingAlert(
  ctx: DomainContext,
  conversation: Conversation,
  waitingSince: string,
  now: string,
): Promise<boolean> {
  const alert: Alert = {
    id: randomUUID(),
    kind: 'vip_waiting',
    conversationId: conversation.id,
    teamId: conversation.teamId,
    assigneeId: null,
    waitingSince,
    createdAt: now,
  };
  return commitWithChanges(ctx, async (trx, append) => {
    const first = await insertNoticeOnce(trx, {
      conversation_id: conversation.id,
      target: VIP_WAIT_NOTICE,
      instance: 0,
      kind: 'vip_waiting',
      due_at: waitingSince,
      fired_at: now,
    });
    if (!first) return false;
    const raised = await raiseAlert(trx, alert);
    if (raised.length > 0) await append(raised);
    return true;
  });
}
