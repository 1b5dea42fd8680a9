/**
 * desktop.*: what the renderer tells the desktop shell through the core, and what the core tells
 * the shell about the agent's day (relayed to Electron main, see shell.ts SHELL_RELAYED_EVENTS).
 *
 * - Preferences the shell acts on (notification language, do-not-disturb, start at login) live in
 *   the core's cache, so the renderer sets them with one RPC in Electron and in web mode alike.
 * - The badge (unread conversations and the nearest SLA deadline of the signed-in agent's open
 *   conversations) feeds the tray and the dock / taskbar.
 * - `desktop.openConversation` asks every window to show a conversation (a notification was
 *   clicked, or a `switchboard://conversation/ID` link was opened).
 * - `desktop.busy` tells the updater whether a restart would interrupt the agent (a call, or a
 *   reply typed and not yet sent).
 */
import { z } from 'zod';

const Id = z.string().min(1).max(64);
const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

/** The languages of the UI (renderer/src/i18n/language.ts) and of the shell's own strings. */
export const DesktopLanguageSchema = z.enum(['en', 'zh-CN']);
export type DesktopLanguage = z.infer<typeof DesktopLanguageSchema>;

export const DesktopPreferencesSchema = z
  .object({
    /** The window's UI language; native notifications and the tray menu follow it. */
    language: DesktopLanguageSchema,
    /** No native notifications at all (toasts in the window still show). */
    doNotDisturb: z.boolean(),
    /** Start Switchboard when the agent signs in to the computer (Windows, macOS). */
    openAtLogin: z.boolean(),
  })
  .strict();
export type DesktopPreferences = z.infer<typeof DesktopPreferencesSchema>;

export const DEFAULT_DESKTOP_PREFERENCES: DesktopPreferences = {
  language: 'en',
  doNotDisturb: false,
  openAtLogin: false,
};

export const DesktopBadgeSchema = z
  .object({
    /** Open conversations assigned to the signed-in agent whose last message is unread. */
    unread: z.number().int().nonnegative(),
    /** The nearest SLA deadline among them (ISO time), or null. */
    nearestDueAt: z.string().max(40).nullable(),
  })
  .strict();
export type DesktopBadge = z.infer<typeof DesktopBadgeSchema>;

export const DesktopBusySchema = z
  .object({
    busy: z.boolean(),
    /** Why a restart must wait: an open phone conversation, or an unsent reply. */
    reason: z.enum(['call', 'draft']).nullable(),
  })
  .strict();
export type DesktopBusy = z.infer<typeof DesktopBusySchema>;

/** A second window: one conversation on its own, or the wallboard on another display. */
export const DesktopPopOutSchema = z.discriminatedUnion('view', [
  z.object({ view: z.literal('conversation'), conversationId: Id }).strict(),
  z.object({ view: z.literal('wallboard') }).strict(),
]);
export type DesktopPopOut = z.infer<typeof DesktopPopOutSchema>;

/** The hash a pop-out window opens the renderer at (renderer/src/app/popOut.ts reads it). */
export function popOutHash(popOut: DesktopPopOut): string {
  return popOut.view === 'wallboard' ? 'wallboard' : `conversation/${encodeURIComponent(popOut.conversationId)}`;
}

export const DesktopRpcContract = {
  'desktop.preferences': { input: Empty, output: DesktopPreferencesSchema },
  'desktop.setPreferences': { input: DesktopPreferencesSchema.partial().strict(), output: DesktopPreferencesSchema },
  /** The window reports whether a reply is typed and not yet sent (for the updater). */
  'desktop.reportDraft': { input: z.object({ unsent: z.boolean() }).strict(), output: Ok },
  'desktop.busy': { input: Empty, output: DesktopBusySchema },
  'desktop.badge': { input: Empty, output: DesktopBadgeSchema },
  /** Ask every window to show a conversation (notification click, deep link). */
  'desktop.openConversation': { input: z.object({ conversationId: Id }).strict(), output: Ok },
  /** Ask the desktop shell for a pop-out window (relayed as `desktop.popOutRequested`). */
  'desktop.popOut': { input: DesktopPopOutSchema, output: Ok },
} as const;

export const DesktopRpcEvents = {
  'desktop.preferencesChanged': DesktopPreferencesSchema,
  'desktop.badgeChanged': DesktopBadgeSchema,
  'desktop.openConversation': z.object({ conversationId: Id }),
  'desktop.popOutRequested': DesktopPopOutSchema,
} as const;
