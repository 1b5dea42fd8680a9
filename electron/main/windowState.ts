/**
 * Window bounds remembered per display: where the main window was on each monitor arrangement,
 * restored at the next start on the display it was last on, as long as that display is still
 * attached and the window would be visible on it; otherwise centred on the primary display.
 * Kept in userData/window-state.json (bounds only, nothing about the agent's work).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BrowserWindow, Display, Rectangle, Screen } from 'electron';
import { z } from 'zod';

const BoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive().max(100_000),
  height: z.number().int().positive().max(100_000),
  maximized: z.boolean(),
});
export type SavedBounds = z.infer<typeof BoundsSchema>;

const WindowStateSchema = z.object({
  lastDisplay: z.string().max(200).nullable(),
  displays: z.record(z.string().max(200), BoundsSchema),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export const EMPTY_WINDOW_STATE: WindowState = { lastDisplay: null, displays: {} };
/** At least this much of the window must lie on the display for the saved place to count. */
const MIN_VISIBLE_PX = 120;
const SAVE_DELAY_MS = 500;

/** A display's key: its id and its size, so a different monitor on the same port counts as new. */
export function displayKey(display: Pick<Display, 'id' | 'bounds'>): string {
  return `${display.id}:${display.bounds.width}x${display.bounds.height}`;
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

export function restoreBounds(
  state: WindowState,
  displays: readonly Pick<Display, 'id' | 'bounds' | 'workArea'>[],
  primary: Pick<Display, 'workArea'>,
  size: { width: number; height: number },
): SavedBounds {
  const display = displays.find((candidate) => displayKey(candidate) === state.lastDisplay);
  const saved = state.lastDisplay ? state.displays[state.lastDisplay] : undefined;
  if (display && saved) {
    const area = display.workArea;
    const width = Math.min(saved.width, area.width);
    const height = Math.min(saved.height, area.height);
    const seen = overlap({ ...saved, width, height }, area);
    if (seen.width >= MIN_VISIBLE_PX && seen.height >= MIN_VISIBLE_PX)
      return { x: saved.x, y: saved.y, width, height, maximized: saved.maximized };
  }
  const area = primary.workArea;
  const width = Math.min(size.width, area.width);
  const height = Math.min(size.height, area.height);
  return {
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
    maximized: false,
  };
}

export function loadWindowState(file: string): WindowState {
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : EMPTY_WINDOW_STATE;
  } catch {
    return EMPTY_WINDOW_STATE;
  }
}

/** Written to a temporary file and renamed, so a crash mid-write leaves the old state. */
export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify(state), { mode: 0o600 });
  renameSync(temporary, file);
}

/** Remember where the window is, per display, whenever it moves, resizes or closes. */
export function trackWindowBounds(
  window: Pick<BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized' | 'isDestroyed'>,
  screen: Pick<Screen, 'getDisplayMatching'>,
  file: string,
  initial: WindowState,
): () => void {
  let state = initial;
  let timer: NodeJS.Timeout | null = null;
  const capture = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    const key = displayKey(screen.getDisplayMatching(bounds));
    state = {
      lastDisplay: key,
      displays: { ...state.displays, [key]: { ...bounds, maximized: window.isMaximized() } },
    };
    try {
      saveWindowState(file, state);
    } catch {
      // A read-only profile must not break the window; the next start centres it.
    }
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(capture, SAVE_DELAY_MS);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('close', capture);
  return capture;
}
