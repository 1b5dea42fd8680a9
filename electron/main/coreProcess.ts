/**
 * The workstation core runs in an Electron utilityProcess so SQL and sync never block the main
 * process or a window. Main hands each window a MessagePort to it and relays only the shell's
 * concerns: the session token (kept in safeStorage) and native-notification requests. Both
 * directions are the shell protocol of shared/contracts/shell.ts.
 */
import type { MessagePortMain, UtilityProcess } from 'electron';
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

/** A message from the core, or null when it is not one the protocol knows. */
export function parseCoreMessage(data: unknown): CoreToShell | null {
  return parseShellMessage(CoreToShellSchema, data);
}

export interface CoreConnection {
  /** Give the core one end of a fresh channel; the other end goes to a window. */
  attachPort(port: MessagePortMain): void;
  restoreToken(token: string | null): void;
  /** Automatic presence from the desktop (idle, screen lock). */
  post(message: ShellToCore): void;
  kill(): void;
}

export function connectCore(
  child: UtilityProcess,
  handlers: {
    onToken(token: string | null): void;
    onAssignedToMe(payload: AssignedToMePayload): void;
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
  const post = (message: ShellToCore) => child.postMessage(message);
  return {
    attachPort(port) {
      child.postMessage({ type: 'port' } satisfies ShellToCore, [port]);
    },
    restoreToken(token) {
      post({ type: 'token', token });
    },
    post,
    kill() {
      child.kill();
    },
  };
}
