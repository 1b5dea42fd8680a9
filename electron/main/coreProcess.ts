/**
 * The workstation core runs in an Electron utilityProcess so SQL and sync never block the main
 * process or a window. Main hands each window a MessagePort to it and relays only the shell's
 * concerns: the session token (kept in safeStorage) and native-notification requests. Both
 * directions are the shell protocol of shared/contracts/shell.ts.
 */
import type { MessagePortMain, UtilityProcess } from 'electron';
import type { DesktopBadge, DesktopBusy, DesktopPopOut, DesktopPreferences } from '../../shared/contracts/desktop';
import type { RpcEventPayload } from '../../shared/contracts/rpc';
import {
  CoreToShellSchema,
  parseShellMessage,
  type CoreToShell,
  type ShellToCore,
} from '../../shared/contracts/shell';

export type { CoreToShell, ShellToCore };
export type AssignedToMePayload = RpcEventPayload<'conversation.assignedToMe'>;
export type SlaAlertedPayload = RpcEventPayload<'sla.alerted'>;
export type AlertRaisedPayload = RpcEventPayload<'alert.raised'>;

/** How long the updater waits for the core's answer before it assumes the agent is busy. */
export const BUSY_ANSWER_TIMEOUT_MS = 2_000;

/** A message from the core, or null when it is not one the protocol knows. */
export function parseCoreMessage(data: unknown): CoreToShell | null {
  return parseShellMessage(CoreToShellSchema, data);
}

export interface CoreConnection {
  /** Give the core one end of a fresh channel; the other end goes to a window. */
  attachPort(port: MessagePortMain): void;
  restoreToken(token: string | null): void;
  /** Automatic presence, resume after sleep, open / assign from a notification. */
  post(message: ShellToCore): void;
  /** Would a restart interrupt the agent (a call, an unsent reply)? Busy when the core does not answer. */
  busy(): Promise<DesktopBusy>;
  kill(): void;
}

export function connectCore(
  child: UtilityProcess,
  handlers: {
    onToken(token: string | null): void;
    onAssignedToMe(payload: AssignedToMePayload): void;
    onSlaAlerted?(payload: SlaAlertedPayload): void;
    onAlertRaised?(payload: AlertRaisedPayload): void;
    onBadge?(badge: DesktopBadge): void;
    onPreferences?(preferences: DesktopPreferences): void;
    onPopOut?(popOut: DesktopPopOut): void;
    onSyncStatus?(status: RpcEventPayload<'sync.statusChanged'>): void;
  },
): CoreConnection {
  const waiting = new Map<number, (answer: DesktopBusy) => void>();
  let nextRequestId = 0;
  child.on('message', (data: unknown) => {
    const message = parseCoreMessage(data);
    if (!message) return;
    if (message.type === 'token') return handlers.onToken(message.token);
    if (message.type === 'busy') {
      waiting.get(message.requestId)?.({ busy: message.busy, reason: message.reason });
      return;
    }
    switch (message.name) {
      case 'conversation.assignedToMe':
        return handlers.onAssignedToMe(message.payload);
      case 'sla.alerted':
        return handlers.onSlaAlerted?.(message.payload);
      case 'alert.raised':
        return handlers.onAlertRaised?.(message.payload);
      case 'desktop.badgeChanged':
        return handlers.onBadge?.(message.payload);
      case 'desktop.preferencesChanged':
        return handlers.onPreferences?.(message.payload);
      case 'desktop.popOutRequested':
        return handlers.onPopOut?.(message.payload);
      case 'sync.statusChanged':
        return handlers.onSyncStatus?.(message.payload);
    }
  });
  const post = (message: ShellToCore) => child.postMessage(message);
  return {
    attachPort(port) {
      child.postMessage({ type: 'port' } satisfies ShellToCore, [port]);
    },
    restoreToken(token) {
      post({ type: 'token', token });
    },
    post,
    busy() {
      const requestId = nextRequestId++;
      return new Promise<DesktopBusy>((resolve) => {
        const timer = setTimeout(() => finish({ busy: true, reason: null }), BUSY_ANSWER_TIMEOUT_MS);
        const finish = (answer: DesktopBusy) => {
          clearTimeout(timer);
          waiting.delete(requestId);
          resolve(answer);
        };
        waiting.set(requestId, finish);
        post({ type: 'busyQuery', requestId });
      });
    },
    kill() {
      child.kill();
    },
  };
}
