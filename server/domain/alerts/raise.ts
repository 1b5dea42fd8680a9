/**
 * The one way an alert is raised (SLA scheduler, VIP waiting, sentiment, surveys), inside the
 * writer's transaction so the alert and its change commit with what caused it. In order:
 *
 * 1. the kind is switched off, or the conversation is muted: nothing;
 * 2. a kind's own threshold (negative sentiment: score at or below `maxScore`, and, with
 *    `skipWhenAssigned`, nobody holds the conversation): below it, nothing;
 * 3. the conversation already has an open (unacknowledged) alert of this kind: it joins that
 *    group (`count` + 1, `lastRaisedAt`, the latest excerpt / score, the higher severity) and
 *    goes out as `alert.updated`; a join never counts against the rate limit;
 * 4. the team already got `maxPerTeamPerHour` new alerts of this kind in the last hour: nothing;
 * 5. otherwise a new alert (`alert.created`).
 *
 * Returns the changes to append (empty when nothing is raised).
 */
import { alertSeverity, higherSeverity, type AlertSettings, type SeverityInput } from '../../../shared/alerts';
import type { Alert } from '../../../shared/contracts/sla';
import type { Trx } from '../../db/database';
import type { NewChange } from '../../db/queries/changes';
import { countTeamAlertsSince, findOpenAlert, saveAlertData } from '../../db/queries/alerts';
import { activeMute } from '../../db/queries/alertTriage';
import { getContactRow } from '../../db/queries/contacts';
import { getConversationRow } from '../../db/queries/conversations';
import { insertAlert } from '../../db/queries/sla';
import { alertChange } from '../snapshots';
import { readAlertSettings } from './settings';

const HOUR_MS = 3_600_000;

/** A new alert as its raiser builds it (severity, count and lastRaisedAt are set here). */
export type AlertCandidate = Alert;

function passesThreshold(settings: AlertSettings, alert: Alert): boolean {
  if (alert.kind !== 'negative_sentiment') return true;
  const rule = settings.negative_sentiment;
  if (alert.score > rule.maxScore) return false;
  return !(rule.skipWhenAssigned && alert.assigneeId);
}

async function severityOf(trx: Trx, alert: Alert) {
  const conversation = await getConversationRow(trx, alert.conversationId);
  const contact = conversation ? await getContactRow(trx, conversation.contact_id) : undefined;
  const vip = contact?.tier === 'vip';
  const input: SeverityInput =
    alert.kind === 'sla_breached'
      ? { kind: 'sla_breached', vip }
      : alert.kind === 'negative_sentiment'
        ? { kind: 'negative_sentiment', score: alert.score, vip }
        : alert.kind === 'low_survey'
          ? { kind: 'low_survey', survey: alert.survey, score: alert.score }
          : { kind: 'vip_waiting' };
  return alertSeverity(input);
}

/** The open group with the new raise folded in: the latest words and score, the higher severity. */
function joined(group: Alert, next: Alert): Alert {
  const severity = higherSeverity(group.severity ?? 'info', next.severity ?? 'info');
  const base = { count: (group.count ?? 1) + 1, lastRaisedAt: next.createdAt, severity };
  if (group.kind === 'negative_sentiment' && next.kind === 'negative_sentiment')
    return { ...group, ...base, messageId: next.messageId, score: next.score, excerpt: next.excerpt, assigneeId: next.assigneeId };
  if (group.kind === 'low_survey' && next.kind === 'low_survey')
    return { ...group, ...base, survey: next.survey, score: next.score, comment: next.comment };
  return { ...group, ...base };
}

export async function raiseAlert(trx: Trx, candidate: AlertCandidate): Promise<NewChange[]> {
  const settings = await readAlertSettings(trx);
  if (!settings[candidate.kind].enabled) return [];
  if (await activeMute(trx, candidate.conversationId, candidate.createdAt)) return [];
  if (!passesThreshold(settings, candidate)) return [];
  const alert: Alert = { ...candidate, severity: await severityOf(trx, candidate), count: 1, lastRaisedAt: candidate.createdAt };
  const group = await findOpenAlert(trx, alert.conversationId, alert.kind);
  if (group) {
    const updated = joined(group, alert);
    await saveAlertData(trx, updated);
    return [alertChange('alert.updated', updated)];
  }
  const limit = settings[alert.kind].maxPerTeamPerHour;
  if (limit > 0) {
    const since = new Date(Date.parse(alert.createdAt) - HOUR_MS).toISOString();
    if ((await countTeamAlertsSince(trx, alert.teamId, alert.kind, since)) >= limit) return [];
  }
  await insertAlert(trx, alert);
  return [alertChange('alert.created', alert)];
}
