/** Native notification when a conversation is assigned to the signed-in agent. */
import type { BrowserWindow, Notification as NotificationType } from 'electron';

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
