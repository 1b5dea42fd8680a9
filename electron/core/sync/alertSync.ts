/**
 * Alerts in the cache: `alert.created` / `alert.updated` changes, and the lead's acknowledgement
 * through the outbox (`alert.acknowledge`), shown at once and kept until the server answers.
 *
 * Invariants:
 * - An acknowledgement is filed in the outbox under the record `{ kind: 'alert', id }`; the
 *   outbox row and the refreshed view are written in one transaction, before the network.
 * - The view = the server's snapshot, acknowledged by the pending write if the snapshot is not
 *   acknowledged yet (the server keeps the first acknowledgement, so does the view).
 * - A rejected acknowledgement is rolled back by rebuilding the view from the snapshot.
 */
import type { AlertRaised } from '../../../shared/contracts/alerts';
import { recordKey } from '../../../shared/contracts/records';
import { SwitchboardError } from '../../../shared/contracts/errors';
import type { Change } from '../../../shared/contracts/sync';
import type { Alert } from '../../../shared/contracts/sla';
import type { Db } from '../db/database';
import { getServerAlert, setServerAlert, writeAlertView } from '../db/queries/alerts';
import { getConversation } from '../db/queries/conversations';
import { getContact } from '../db/queries/directory';
import { getSessionAgent, takeMutationId } from '../db/queries/meta';
import { insertOutbox, pendingForRecord } from '../db/queries/outbox';

type AlertChange = Extract<Change, { type: 'alert.created' | 'alert.updated' }>;

export function isAlertChange(change: Change): change is AlertChange {
  return change.type === 'alert.created' || change.type === 'alert.updated';
}

/** Apply the alert changes of a page (inside the caller's transaction); returns the ids touched. */
export function applyAlertChanges(db: Db, changes: readonly Change[]): string[] {
  const touched = new Set<string>();
  for (const change of changes) {
    if (isAlertChange(change) && setServerAlert(db, change.alert, change.seq)) touched.add(change.alert.id);
  }
  for (const id of touched) reapplyAlert(db, id);
  return [...touched];
}

/** Rebuild the visible acknowledgement of one alert from its snapshot and pending writes. */
export function reapplyAlert(db: Db, id: string): void {
  const snapshot = getServerAlert(db, id);
  if (!snapshot) return;
  const pending = pendingForRecord(db, recordKey('alert', id)).filter(
    (entry) => entry.name === 'alert.acknowledge',
  );
  const local = pending[0];
  const acknowledgedAt = snapshot.acknowledgedAt ?? local?.createdAt ?? null;
  // A pending acknowledgement is the signed-in agent's own (the outbox is per session).
  const acknowledgedBy = snapshot.acknowledgedAt
    ? (snapshot.acknowledgedBy ?? null)
    : local
      ? (getSessionAgent(db)?.id ?? null)
      : null;
  writeAlertView(db, id, {
    acknowledgedAt,
    acknowledgedBy,
    pending: !snapshot.acknowledgedAt && local !== undefined,
  });
}

/** The `alert.raised` event of a non-breach alert (breaches go out as `sla.alerted`), else null. */
export function alertRaisedOf(db: Db, alert: Alert): AlertRaised | null {
  if (alert.kind === 'sla_breached') return null;
  const conversation = getConversation(db, alert.conversationId);
  const contactName = conversation ? (getContact(db, conversation.contactId)?.name ?? '') : '';
  return { alertId: alert.id, kind: alert.kind, conversationId: alert.conversationId, contactName };
}

/** Queue an acknowledgement and show it, in one transaction. Acknowledging twice is a no-op. */
export function queueAlertAcknowledge(db: Db, alertId: string, now = new Date()): boolean {
  return db.transaction(() => {
    const snapshot: Alert | null = getServerAlert(db, alertId);
    if (!snapshot) throw new SwitchboardError('not_found', 'Alert not found.');
    if (snapshot.acknowledgedAt || pendingForRecord(db, recordKey('alert', alertId)).length > 0) return false;
    insertOutbox(db, {
      mutationId: takeMutationId(db),
      name: 'alert.acknowledge',
      args: { alertId },
      record: recordKey('alert', alertId),
      createdAt: now.toISOString(),
    });
    reapplyAlert(db, alertId);
    return true;
  })();
}
