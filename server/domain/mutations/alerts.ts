/**
 * alert.acknowledge: a lead of the alert's team, or an admin, marks an alert as seen. The first
 * acknowledgement stands (a second one changes nothing and appends nothing). The alert goes out
 * again as `alert.updated`, which only the team's leads and admins receive (snapshots.ts `alertChange`).
 */
import type { MutationArgs } from '../../../shared/contracts/sync';
import type { Alert } from '../../../shared/contracts/sla';
import { getAlert, saveAlertData } from '../../db/queries/alerts';
import { alertChange } from '../snapshots';
import { MutationRejected, type MutationContext, type MutationOutcome } from './common';

export async function acknowledgeAlert(
  ctx: MutationContext,
  args: MutationArgs<'alert.acknowledge'>,
): Promise<MutationOutcome> {
  const { actor } = ctx;
  const refused = () =>
    new MutationRejected('forbidden', 'only the team’s leads and admins acknowledge its alerts');
  if (actor.role !== 'admin' && actor.role !== 'lead') throw refused();
  const alert = await getAlert(ctx.trx, args.alertId);
  if (!alert) throw new MutationRejected('not_found', `alert ${args.alertId} does not exist`);
  if (actor.role === 'lead' && !actor.teamIds.includes(alert.teamId)) throw refused();
  if (alert.acknowledgedAt) return { changes: [] };
  const acknowledged: Alert = { ...alert, acknowledgedAt: ctx.now, acknowledgedBy: actor.id };
  await saveAlertData(ctx.trx, acknowledged);
  return {
    changes: [
      alertChange('alert.updated', acknowledged),
    ],
  };
}
