/**
 * The workstation core runs in an Electron utilityProcess so SQL and sync never block the main
 * process or a window. Main hands each window a MessagePort to it and relays only the shell's
 * concerns: the session token (kept in safeStorage) and native-notification requests.
 */
import type { MessagePortMain, UtilityProcess } from 'electron';

/** Messages the core's utility process sends to main. */
export type CoreToShell =
  | { type: 'token'; token: string | null }
  | { type: 'event'; name: 'conversation.assignedToMe'; payload: { conversationId: string; contactName: string; preview: string } }
  | { type: 'event'; name: 'sla.alerted'; payload: SlaAlertedPayload };

/** One of my conversations warned or breached its SLA (shared/contracts/sla.ts SlaAlerted). */
export interface SlaAlertedPayload {
  conversationId: string;
  kind: 'warning' | 'breached';
  target: string;
  dueAt: string;
  contactName: string;
}

/** Messages main sends to the core. */
export type ShellToCore = { type: 'token'; token: string | null } | { type: 'port' };

export function parseCoreMessage(data: unknown): CoreToShell | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as Record<string, unknown>;
  if (message.type === 'token' && (typeof message.token === 'string' || message.token === null)) {
    return { type: 'token', token: message.token };
  }
  if (message.type === 'event' && message.name === 'conversation.assignedToMe') {
    const payload = message.payload as Record<string, unknown> | null;
    if (
      payload &&
      typeof payload.conversationId === 'string' &&
      typeof payload.contactName === 'string' &&
      typeof payload.preview === 'string'
    ) {
      return {
        type: 'event',
        name: 'conversation.assignedToMe',
        payload: { conversationId: payload.conversationId, contactName: payload.contactName, preview: payload.preview },
      };
    }
  }
  if (message.type === 'event' && message.name === 'sla.alerted') {
    const payload = message.payload as Record<string, unknown> | null;
    if (
      payload &&
      typeof payload.conversationId === 'string' &&
      (payload.kind === 'warning' || payload.kind === 'breached') &&
      typeof payload.target === 'string' &&
      typeof payload.dueAt === 'string' &&
      typeof payload.contactName === 'string'
    ) {
      const { conversationId, kind, target, dueAt, contactName } = payload;
      return { type: 'event', name: 'sla.alerted', payload: { conversationId, kind, target, dueAt, contactName } };
    }
  }
  return null;
}

export interface CoreConnection {
  /** Give the core one end of a fresh channel; the other end goes to a window. */
  attachPort(port: MessagePortMain): void;
  restoreToken(token: string | null): void;
  kill(): void;
}

export function connectCore(
  child: UtilityProcess,
  handlers: {
    onToken(token: string | null): void;
    onAssignedToMe(payload: { conversationId: string; contactName: string; preview: string }): void;
    onSlaAlerted?(payload: SlaAlertedPayload): void;
  },
): CoreConnection {
  child.on('message', (data: unknown) => {
    const message = parseCoreMessage(data);
    if (!message) return;
    if (message.type === 'token') handlers.onToken(message.token);
    else if (message.name === 'sla.alerted') handlers.onSlaAlerted?.(message.payload);
    else handlers.onAssignedToMe(message.payload);
  });
  return {
    attachPort(port) {
      child.postMessage({ type: 'port' } satisfies ShellToCore, [port]);
    },
    restoreToken(token) {
      child.postMessage({ type: 'token', token } satisfies ShellToCore);
    },
    kill() {
      child.kill();
    },
  };
}
