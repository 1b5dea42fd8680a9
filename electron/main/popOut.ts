/**
 * Pop-out windows: one conversation on its own beside the main window, or the wallboard full
 * screen on a display other than the main window's (a second monitor or a TV). Where each goes is
 * a pure function of the displays, so it is tested without Electron.
 */
import type { Display, Rectangle } from 'electron';
import type { DesktopPopOut } from '../../shared/contracts/desktop';

export const CONVERSATION_WINDOW = { width: 720, height: 820 };
const OFFSET_PX = 40;

export interface PopOutPlacement {
  bounds: Rectangle;
  fullscreen: boolean;
}

type DisplayLike = Pick<Display, 'id' | 'bounds' | 'workArea'>;

function clampInto(bounds: Rectangle, area: Rectangle): Rectangle {
  const width = Math.min(bounds.width, area.width);
  const height = Math.min(bounds.height, area.height);
  return {
    x: Math.min(Math.max(bounds.x, area.x), area.x + area.width - width),
    y: Math.min(Math.max(bounds.y, area.y), area.y + area.height - height),
    width,
    height,
  };
}

export function popOutPlacement(
  popOut: DesktopPopOut,
  main: { bounds: Rectangle; displayId: number },
  displays: readonly DisplayLike[],
  primary: DisplayLike,
): PopOutPlacement {
  const mainDisplay = displays.find((display) => display.id === main.displayId) ?? primary;
  if (popOut.view === 'wallboard') {
    const other = displays.find((display) => display.id !== mainDisplay.id);
    if (other) return { bounds: { ...other.bounds }, fullscreen: true };
    // One display: a large window over the main one; the lead can move it to a TV later.
    return { bounds: clampInto({ ...mainDisplay.workArea }, mainDisplay.workArea), fullscreen: false };
  }
  const beside = {
    x: main.bounds.x + main.bounds.width - CONVERSATION_WINDOW.width + OFFSET_PX,
    y: main.bounds.y + OFFSET_PX,
    ...CONVERSATION_WINDOW,
  };
  return { bounds: clampInto(beside, mainDisplay.workArea), fullscreen: false };
}
