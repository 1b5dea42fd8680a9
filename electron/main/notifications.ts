/** Native notifications: a conversation assigned to the signed-in agent, or one of theirs warning or breaching its SLA. */
import type { BrowserWindow, Notification as NotificationType } from 'electron';
import type { SlaAlertedPayload } from './coreProcess';

export function notifyAssigned(
  NotificationClass: typeof NotificationType,
  window: BrowserWindow | null,
  payload: { conversationId: string; contactName: string; preview: string },
): NotificationType | null {
  if (!NotificationClass.isSupported()) return null;
  const notification = new NotificationClass({
    title: `Switchboard · ${payload.contactName}`,
    body: payload.preview,
    silent: false,
  });
  notification.on('click', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  notification.show();
  return notification;
}

const SLA_TARGET_LABELS: Record<string, string> = {
  firstResponse: 'First response',
  nextResponse: 'Next response',
  resolution: 'Resolution',
};

export function notifySlaAlerted(
  NotificationClass: typeof NotificationType,
  window: BrowserWindow | null,
  payload: SlaAlertedPayload,
): NotificationType | null {
  if (!NotificationClass.isSupported()) return null;
  const target = SLA_TARGET_LABELS[payload.target] ?? payload.target;
  const notification = new NotificationClass({
    title: `Switchboard · ${payload.kind === 'breached' ? 'SLA breached' : 'SLA due soon'} · ${payload.contactName}`,
    body: `${target} due ${new Date(payload.dueAt).toLocaleTimeString()}`,
    // A lead may turn the sound of breach alerts off (the core sets `silent`).
    silent: payload.silent ?? false,
  });
  notification.on('click', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });
  notification.show();
  return notification;
}
