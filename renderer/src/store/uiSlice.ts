/** Window-local preferences and transient UI: language, theme, the open screen, toasts, the shortcuts dialog. */
import type { ScreenId } from '../app/screens';
import { applyLanguage } from '../i18n';
import type { UiLanguage } from '../lib/time';
import type { SliceCreator } from './types';

export type Theme = 'light' | 'dark';
export const THEME_STORAGE_KEY = 'switchboard.theme';
const TOAST_LIMIT = 5;
const TOAST_LIFETIME_MS = 8_000;

export interface Toast {
  id: number;
  /** i18n key and parameters, so a toast follows a language switch. */
  key: string;
  params: Record<string, string | number>;
  tone: 'info' | 'warning' | 'error';
  conversationId: string | null;
  /**
   * Toasts of one group (e.g. every unhappy-customer alert) share one slot: a new one replaces
   * the shown one and counts the others, so a busy centre does not bury the screen in toasts.
   */
  group?: string;
  /** How many earlier toasts of the group this one stands for. */
  more?: number;
}

export interface UiSlice {
  language: UiLanguage;
  theme: Theme;
  toasts: Toast[];
  shortcutsOpen: boolean;
  /** The screen the rail selected; null until then: the role's home (the shell falls back to it if the role may not see the choice). */
  screen: ScreenId | null;
  setScreen(screen: ScreenId): void;
  setLanguage(language: UiLanguage): void;
  setTheme(theme: Theme): void;
  pushToast(toast: Omit<Toast, 'id'>): void;
  dismissToast(id: number): void;
  setShortcutsOpen(open: boolean): void;
}

let nextToastId = 1;

export function initialTheme(): Theme {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    if (stored === 'light' || stored === 'dark') return stored;
  } catch {
    // fall through to the system preference
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

export const createUiSlice =
  (language: UiLanguage): SliceCreator<UiSlice> =>
  (set, get) => ({
    language,
    theme: initialTheme(),
    toasts: [],
    shortcutsOpen: false,
    // A TV browser opens the wallboard straight away (web mode, `…/#wallboard`).
    screen: typeof location !== 'undefined' && location.hash === '#wallboard' ? 'wallboard' : null,
    setScreen(screen) {
      set({ screen });
    },
    setLanguage(next) {
      applyLanguage(next);
      set({ language: next });
    },
    setTheme(theme) {
      applyTheme(theme);
      try {
        localStorage.setItem(THEME_STORAGE_KEY, theme);
      } catch {
        // not persisted
      }
      set({ theme });
    },
    pushToast(toast) {
      const id = nextToastId++;
      const shown = toast.group ? get().toasts.find((t) => t.group === toast.group) : undefined;
      const more = shown ? (shown.more ?? 0) + 1 : 0;
      const others = shown ? get().toasts.filter((t) => t.id !== shown.id) : get().toasts;
      set({ toasts: [...others, { ...toast, id, more }].slice(-TOAST_LIMIT) });
      setTimeout(() => get().dismissToast(id), TOAST_LIFETIME_MS);
    },
    dismissToast(id) {
      const toasts = get().toasts;
      if (toasts.some((t) => t.id === id)) set({ toasts: toasts.filter((t) => t.id !== id) });
    },
    setShortcutsOpen(open) {
      set({ shortcutsOpen: open });
    },
  });
