/**
 * Native notifications: a conversation assigned to the signed-in agent, one of theirs warning or
 * breaching its SLA, and for leads the alerts they asked to be told about (an unhappy customer, a
 * VIP waiting, a low survey score).
 *
 * - In the language of the UI (desktop preferences), with "Open" and "Assign to me" actions where
 *   the OS shows actions (macOS); a click opens the conversation everywhere.
 * - Grouped: a new notification about a conversation replaces the previous one about it, and a
 *   burst (more than BURST_MAX within BURST_WINDOW_MS) collapses into one summary that counts.
 * - Do-not-disturb shows nothing; the window's own toasts still do.
 *
 * Takes the Notification class and the window/core callbacks as parameters so it is testable
 * without Electron.
 */
import type { Notification as NotificationType, NotificationConstructorOptions } from 'electron';
import { DEFAULT_DESKTOP_PREFERENCES, type DesktopPreferences } from '../../shared/contracts/desktop';
import type { RpcEventPayload } from '../../shared/contracts/rpc';
import type { ShellToCore } from '../../shared/contracts/shell';
import { shellStrings, shellTime } from './strings';

export const BURST_WINDOW_MS = 10_000;
export const BURST_MAX = 3;

export interface NotifierDeps {
  Notification: typeof NotificationType;
  /** Bring the main window forward (restore, show, focus). */
  showWindow(): void;
  /** Ask the core to open a conversation or assign it to the signed-in agent. */
  post(message: Extract<ShellToCore, { type: 'open' | 'assignToMe' }>): void;
  now?: () => number;
}

export interface Notifier {
  assigned(payload: RpcEventPayload<'conversation.assignedToMe'>): NotificationType | null;
  slaAlerted(payload: RpcEventPayload<'sla.alerted'>): NotificationType | null;
  alertRaised(payload: RpcEventPayload<'alert.raised'>): NotificationType | null;
  /** An update is downloaded: say so once, with its release notes. */
  updateReady(update: { version: string; notes: string }): NotificationType | null;
  /** The agent asked to restart but is busy. */
  updateDeferred(reason: 'call' | 'draft' | null): NotificationType | null;
  setPreferences(preferences: DesktopPreferences): void;
}

interface Shown {
  conversationId: string | null;
  title: string;
  body: string;
  silent: boolean;
  /** Offer "Assign to me" (a lead taking an alerted conversation). */
  canAssign: boolean;
}

export function createNotifier(deps: NotifierDeps): Notifier {
  const now = deps.now ?? Date.now;
  let preferences = DEFAULT_DESKTOP_PREFERENCES;
  /** Held so they are not collected (their click handlers would go with them). */
  const byConversation = new Map<string, NotificationType>();
  let shownAt: number[] = [];
  let summary: { notification: NotificationType; count: number } | null = null;

  const open = (conversationId: string | null) => {
    deps.showWindow();
    if (conversationId) deps.post({ type: 'open', conversationId });
  };

  const showSummary = (silent: boolean): NotificationType => {
    const count = (summary?.count ?? BURST_MAX) + 1;
    summary?.notification.close();
    const strings = shellStrings(preferences.language);
    const notification = new deps.Notification({
      title: `Switchboard · ${strings.summaryTitle(count)}`,
      body: strings.summaryBody,
      silent,
    });
    notification.on('click', () => open(null));
    notification.show();
    summary = { notification, count };
    return notification;
  };

  /** About the app itself: not grouped with the customers' notifications, silent. */
  const plain = (title: string, body: string): NotificationType | null => {
    if (preferences.doNotDisturb || !deps.Notification.isSupported()) return null;
    const notification = new deps.Notification({ title, body, silent: true });
    notification.on('click', () => open(null));
    notification.show();
    return notification;
  };

  const show = (shown: Shown): NotificationType | null => {
    if (preferences.doNotDisturb || !deps.Notification.isSupported()) return null;
    const at = now();
    shownAt = shownAt.filter((time) => at - time < BURST_WINDOW_MS);
    if (shownAt.length === 0) summary = null;
    shownAt.push(at);
    if (shownAt.length > BURST_MAX) return showSummary(shown.silent);

    const strings = shellStrings(preferences.language);
    const options: NotificationConstructorOptions = {
      title: `Switchboard · ${shown.title}`,
      body: shown.body,
      silent: shown.silent,
      actions: [
        { type: 'button', text: strings.open },
        ...(shown.canAssign ? [{ type: 'button' as const, text: strings.assignToMe }] : []),
      ],
    };
    const notification = new deps.Notification(options);
    const id = shown.conversationId;
    if (id) {
      byConversation.get(id)?.close();
      byConversation.set(id, notification);
      notification.on('close', () => {
        if (byConversation.get(id) === notification) byConversation.delete(id);
      });
    }
    notification.on('click', () => open(id));
    notification.on('action', (_event, index) => {
      if (index === 1 && id) {
        deps.showWindow();
        deps.post({ type: 'assignToMe', conversationId: id });
      } else open(id);
    });
    notification.show();
    return notification;
  };

  return {
    assigned(payload) {
      const strings = shellStrings(preferences.language);
      return show({
        conversationId: payload.conversationId,
        title: strings.assignedTitle(payload.contactName),
        body: payload.preview,
        silent: false,
        canAssign: false,
      });
    },
    slaAlerted(payload) {
      const strings = shellStrings(preferences.language);
      const target = strings.slaTargets[payload.target];
      return show({
        conversationId: payload.conversationId,
        title:
          payload.kind === 'breached'
            ? strings.slaBreachedTitle(payload.contactName)
            : strings.slaDueSoonTitle(payload.contactName),
        body: strings.slaDue(target, shellTime(payload.dueAt, preferences.language)),
        // A lead may turn the sound of breach alerts off (the core sets `silent`).
        silent: payload.silent ?? false,
        canAssign: false,
      });
    },
    alertRaised(payload) {
      const strings = shellStrings(preferences.language);
      return show({
        conversationId: payload.conversationId,
        title: strings.alertTitles[payload.kind](payload.contactName),
        body: strings.alertBody,
        silent: payload.silent ?? false,
        canAssign: true,
      });
    },
    updateReady(update) {
      const strings = shellStrings(preferences.language);
      return plain(strings.updateReadyTitle(update.version), update.notes ? `${update.notes}\n\n${strings.updateReadyBody}` : strings.updateReadyBody);
    },
    updateDeferred(reason) {
      return plain('Switchboard', shellStrings(preferences.language).updateWaits[reason ?? 'unknown']);
    },
    setPreferences(next) {
      preferences = next;
    },
  };
}
