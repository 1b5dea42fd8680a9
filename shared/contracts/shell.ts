/**
 * What the desktop shell and the workstation core say to each other, outside the RPC.
 *
 * - Electron: main ↔ the core's utilityProcess over `parentPort` (electron/main/coreProcess.ts,
 *   electron/core/host/utilityEntry.ts). A `port` message carries one MessagePort in `ports`, on
 *   which the RPC frames of rpcTransport.ts travel.
 * - Web mode: the web host ↔ the core's worker thread (electron/core/host/workerCore.ts,
 *   coreThread.ts), where the port travels inside the message.
 * - The preload asks main for a port on PORT_REQUEST_CHANNEL and receives it on
 *   PORT_DELIVERY_CHANNEL.
 *
 * Every side parses what it receives with these schemas and ignores anything else. The events
 * the core relays to main reuse the RPC event payloads (rpc.ts `rpcEvents`), so a window and a
 * native notification read the same shape.
 */
import { z } from 'zod';
import { DesktopBusySchema, DesktopPreferencesSchema } from './desktop';
import { rpcEvents } from './rpc';

export const PORT_REQUEST_CHANNEL = 'switchboard:request-core-port';
export const PORT_DELIVERY_CHANNEL = 'switchboard:core-port';

/** A session token as the shell stores it (a signed token, far below this). */
const Token = z.string().max(8_192).nullable();
const ConversationId = z.string().min(1).max(64);

export const AutoPresenceSchema = z.enum(['away', 'available']);
export type AutoPresence = z.infer<typeof AutoPresenceSchema>;

/** Main → core. */
export const ShellToCoreSchema = z.discriminatedUnion('type', [
  /** Serve the RPC on the MessagePort that travels with this message. */
  z.object({ type: z.literal('port') }),
  /** Restore (or clear) the session token kept in safeStorage. */
  z.object({ type: z.literal('token'), token: Token }),
  /** Idle or screen lock, and back (electron/main/presenceWatcher.ts); the core decides. */
  z.object({ type: z.literal('presence'), status: AutoPresenceSchema }),
  /** A notification was clicked or a switchboard:// link opened: show the conversation. */
  z.object({ type: z.literal('open'), conversationId: ConversationId }),
  /** The "Assign to me" action of a notification. */
  z.object({ type: z.literal('assignToMe'), conversationId: ConversationId }),
  /** A tray menu switch (do-not-disturb, start at login); the change comes back as `desktop.preferencesChanged`. */
  z.object({ type: z.literal('setPreferences'), changes: DesktopPreferencesSchema.partial().strict() }),
  /** The machine woke from sleep: reconnect now and catch up. */
  z.object({ type: z.literal('resume') }),
  /** The updater asks whether a restart would interrupt the agent; answered with `busy`. */
  z.object({ type: z.literal('busyQuery'), requestId: z.number().int().nonnegative() }),
]);
export type ShellToCore = z.infer<typeof ShellToCoreSchema>;
export type PresenceMessage = Extract<ShellToCore, { type: 'presence' }>;

/** The RPC events the core relays to main: native notifications, the tray and dock badge, preferences, pop-outs, the connection (for diagnostics). */
export const SHELL_RELAYED_EVENTS = [
  'conversation.assignedToMe',
  'sla.alerted',
  'alert.raised',
  'desktop.badgeChanged',
  'desktop.preferencesChanged',
  'desktop.popOutRequested',
  'sync.statusChanged',
] as const;
export type ShellRelayedEvent = (typeof SHELL_RELAYED_EVENTS)[number];

const relayed = <N extends ShellRelayedEvent>(name: N) =>
  z.object({ type: z.literal('event'), name: z.literal(name), payload: rpcEvents[name] });

/** Core → main. */
export const CoreToShellSchema = z.union([
  /** The token changed: persist it (or forget it). */
  z.object({ type: z.literal('token'), token: Token }),
  relayed('conversation.assignedToMe'),
  relayed('sla.alerted'),
  relayed('alert.raised'),
  relayed('desktop.badgeChanged'),
  relayed('desktop.preferencesChanged'),
  relayed('desktop.popOutRequested'),
  relayed('sync.statusChanged'),
  z.object({ type: z.literal('busy'), requestId: z.number().int().nonnegative() }).extend(DesktopBusySchema.shape),
]);
export type CoreToShell = z.infer<typeof CoreToShellSchema>;

export function isRelayedEvent(name: string): name is ShellRelayedEvent {
  return (SHELL_RELAYED_EVENTS as readonly string[]).includes(name);
}

/** Web host → core thread (the port travels inside the message). */
export const HostToCoreThreadSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('port'), port: z.custom<object>((value) => typeof value === 'object' && value !== null) }),
  /** Close the core, then answer `closed`. */
  z.object({ type: z.literal('close') }),
]);
export type HostToCoreThread = z.infer<typeof HostToCoreThreadSchema>;

/** Core thread → web host. */
export const CoreThreadToHostSchema = z.discriminatedUnion('type', [
  /** The cache is open. */
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('closed') }),
]);
export type CoreThreadToHost = z.infer<typeof CoreThreadToHostSchema>;

/** The message if the schema accepts it, else null. */
export function parseShellMessage<T>(schema: z.ZodType<T>, data: unknown): T | null {
  const parsed = schema.safeParse(data);
  return parsed.success ? parsed.data : null;
}
