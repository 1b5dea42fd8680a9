/**
 * desktop.*: the preferences the desktop shell acts on, the badge of the tray and the dock, the
 * updater's "would a restart interrupt the agent" question and the request to show a
 * conversation (shared/contracts/desktop.ts). Works the same in web mode, where nothing relays
 * the events to a shell.
 */
import {
  DEFAULT_DESKTOP_PREFERENCES,
  type DesktopBadge,
  type DesktopPreferences,
} from '../../../shared/contracts/desktop';
import { desktopBadge, hasOpenCall } from '../db/queries/desktop';
import { getDesktopPreferences, getSessionAgent, setDesktopPreferences } from '../db/queries/meta';
import type { CoreContext } from './context';
import type { HandlersOf } from './types';

type DesktopMethods =
  | 'desktop.preferences'
  | 'desktop.setPreferences'
  | 'desktop.reportDraft'
  | 'desktop.busy'
  | 'desktop.badge'
  | 'desktop.openConversation'
  | 'desktop.popOut';

/** Recomputing the badge at most this often while changes stream in. */
const BADGE_COALESCE_MS = 200;

const NO_BADGE: DesktopBadge = { unread: 0, nearestDueAt: null };

export function desktopHandlers(ctx: CoreContext): HandlersOf<DesktopMethods> {
  let unsentDraft = false;
  let lastBadge = JSON.stringify(NO_BADGE);
  let badgeTimer: NodeJS.Timeout | null = null;

  const badge = (): DesktopBadge => {
    const agent = ctx.token() ? getSessionAgent(ctx.db) : null;
    return agent ? desktopBadge(ctx.db, agent.id) : NO_BADGE;
  };
  const publishBadge = () => {
    badgeTimer = null;
    // The core closed (sign-off, quit) while a recount was scheduled.
    if (!ctx.db.open) return;
    const next = badge();
    const key = JSON.stringify(next);
    if (key === lastBadge) return;
    lastBadge = key;
    ctx.events.emit('desktop.badgeChanged', next);
  };
  ctx.events.on((name) => {
    if (name !== 'data.changed' && name !== 'sync.statusChanged') return;
    if (badgeTimer) return;
    badgeTimer = setTimeout(publishBadge, BADGE_COALESCE_MS);
    badgeTimer.unref?.();
  });

  return {
    'desktop.preferences': async () => getDesktopPreferences(ctx.db),
    'desktop.setPreferences': async (changes) => {
      const current = getDesktopPreferences(ctx.db);
      const next: DesktopPreferences = { ...DEFAULT_DESKTOP_PREFERENCES, ...current, ...changes };
      if (JSON.stringify(next) !== JSON.stringify(current)) {
        setDesktopPreferences(ctx.db, next);
        ctx.events.emit('desktop.preferencesChanged', next);
      }
      return next;
    },
    'desktop.reportDraft': async ({ unsent }) => {
      unsentDraft = unsent;
      return { ok: true };
    },
    'desktop.busy': async () => {
      const agent = ctx.token() ? getSessionAgent(ctx.db) : null;
      if (agent && hasOpenCall(ctx.db, agent.id)) return { busy: true, reason: 'call' };
      if (unsentDraft) return { busy: true, reason: 'draft' };
      return { busy: false, reason: null };
    },
    'desktop.badge': async () => badge(),
    'desktop.openConversation': async ({ conversationId }) => {
      ctx.events.emit('desktop.openConversation', { conversationId });
      return { ok: true };
    },
    'desktop.popOut': async (popOut) => {
      ctx.events.emit('desktop.popOutRequested', popOut);
      return { ok: true };
    },
  };
}
