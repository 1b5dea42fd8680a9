/**
 * The Live screen's triage view of the cached alerts: the open ones grouped per conversation
 * (each alert in a group is already one per kind, repeats counted by the server), most severe
 * first, then the most recently raised. Pure, so it is tested without a DOM.
 */
import { severityRank, type AlertSeverity } from '../../../../shared/alerts';
import type { AlertListItem } from '../../../../shared/contracts/alerts';
import type { Alert } from '../../../../shared/contracts/sla';

export interface ConversationAlerts {
  conversationId: string;
  contactName: string | null;
  teamId: string;
  teamName: string | null;
  teamNameEn: string | null;
  /** The most severe of its alerts. */
  severity: AlertSeverity;
  /** When any of its alerts was last raised. */
  lastRaisedAt: string;
  items: AlertListItem[];
}

export const severityOf = (alert: Alert): AlertSeverity => alert.severity ?? (alert.kind === 'sla_breached' ? 'warning' : 'info');
export const lastRaisedAt = (alert: Alert): string => alert.lastRaisedAt ?? alert.createdAt;

export function groupOpenAlerts(items: readonly AlertListItem[]): ConversationAlerts[] {
  const groups = new Map<string, ConversationAlerts>();
  for (const item of items) {
    if (item.alert.acknowledgedAt) continue;
    const { alert } = item;
    const group = groups.get(alert.conversationId);
    if (!group) {
      groups.set(alert.conversationId, {
        conversationId: alert.conversationId,
        contactName: item.contactName,
        teamId: alert.teamId,
        teamName: item.teamName,
        teamNameEn: item.teamNameEn,
        severity: severityOf(alert),
        lastRaisedAt: lastRaisedAt(alert),
        items: [item],
      });
      continue;
    }
    group.items.push(item);
    if (severityRank(severityOf(alert)) > severityRank(group.severity)) group.severity = severityOf(alert);
    if (lastRaisedAt(alert) > group.lastRaisedAt) group.lastRaisedAt = lastRaisedAt(alert);
  }
  const byUrgency = (a: AlertListItem, b: AlertListItem) =>
    severityRank(severityOf(b.alert)) - severityRank(severityOf(a.alert)) ||
    lastRaisedAt(b.alert).localeCompare(lastRaisedAt(a.alert));
  for (const group of groups.values()) group.items.sort(byUrgency);
  return [...groups.values()].sort(
    (a, b) => severityRank(b.severity) - severityRank(a.severity) || b.lastRaisedAt.localeCompare(a.lastRaisedAt),
  );
}

/** The open alert ids of these groups (what "acknowledge" sends). */
export const openAlertIds = (groups: readonly ConversationAlerts[]): string[] =>
  groups.flatMap((group) => group.items.map((item) => item.alert.id));
