/**
 * The tray (menu-bar on macOS) icon and the dock / taskbar badge: how many of the agent's
 * conversations are unread and when the nearest SLA falls due, a menu to show the window, switch
 * do-not-disturb and start-at-login, copy diagnostics for support, and quit.
 *
 * Electron's classes come in as parameters so this is testable without Electron.
 */
import type { BrowserWindow, Menu as MenuType, MenuItemConstructorOptions, NativeImage, Tray as TrayType } from 'electron';
import type { DesktopBadge, DesktopPreferences } from '../../shared/contracts/desktop';
import { shellStrings, shellTime } from './strings';

export interface TrayActions {
  show(): void;
  /** The wallboard full screen on another display. */
  openWallboard(): void;
  setDoNotDisturb(on: boolean): void;
  setOpenAtLogin(on: boolean): void;
  copyDiagnostics(): void;
  /** Restart into a downloaded update (waits while the agent is busy). */
  restartToUpdate(): void;
  quit(): void;
}

export interface TrayDeps {
  Tray: typeof TrayType;
  Menu: Pick<typeof MenuType, 'buildFromTemplate'>;
  icon: NativeImage | string;
  platform: NodeJS.Platform;
  actions: TrayActions;
}

export interface TrayController {
  update(badge: DesktopBadge, preferences: DesktopPreferences): void;
  /** A downloaded update's version (null: none): the menu offers the restart. */
  setUpdate(version: string | null): void;
  destroy(): void;
}

/** "Switchboard · 3 unread conversations · next SLA due 10:42" in the UI's language. */
export function badgeSummary(badge: DesktopBadge, preferences: DesktopPreferences): string {
  const strings = shellStrings(preferences.language).tray;
  const parts = ['Switchboard'];
  if (badge.unread > 0) parts.push(strings.unread(badge.unread));
  if (badge.nearestDueAt) parts.push(strings.nextDue(shellTime(badge.nearestDueAt, preferences.language)));
  return parts.join(' · ');
}

export function trayMenu(
  preferences: DesktopPreferences,
  platform: NodeJS.Platform,
  actions: TrayActions,
  updateVersion: string | null = null,
): MenuItemConstructorOptions[] {
  const strings = shellStrings(preferences.language).tray;
  return [
    ...(updateVersion
      ? [{ label: strings.restartToUpdate(updateVersion), click: () => actions.restartToUpdate() }, { type: 'separator' as const }]
      : []),
    { label: strings.show, click: () => actions.show() },
    { label: strings.wallboard, click: () => actions.openWallboard() },
    { type: 'separator' },
    {
      label: strings.doNotDisturb,
      type: 'checkbox',
      checked: preferences.doNotDisturb,
      click: () => actions.setDoNotDisturb(!preferences.doNotDisturb),
    },
    // Linux has no login-item API; the desktop environment's autostart settings do it there.
    ...(platform === 'linux'
      ? []
      : [
          {
            label: strings.startAtLogin,
            type: 'checkbox' as const,
            checked: preferences.openAtLogin,
            click: () => actions.setOpenAtLogin(!preferences.openAtLogin),
          },
        ]),
    { label: strings.copyDiagnostics, click: () => actions.copyDiagnostics() },
    { type: 'separator' },
    { label: strings.quit, click: () => actions.quit() },
  ];
}

export function createTrayController(deps: TrayDeps): TrayController {
  const tray = new deps.Tray(deps.icon);
  tray.on('click', () => deps.actions.show());
  let lastMenu = '';
  let updateVersion: string | null = null;
  let lastPreferences: DesktopPreferences | null = null;
  const rebuildMenu = (preferences: DesktopPreferences) => {
    const key = JSON.stringify([preferences, updateVersion]);
    if (key === lastMenu) return;
    lastMenu = key;
    tray.setContextMenu(deps.Menu.buildFromTemplate(trayMenu(preferences, deps.platform, deps.actions, updateVersion)));
  };
  return {
    update(badge, preferences) {
      lastPreferences = preferences;
      tray.setToolTip(badgeSummary(badge, preferences));
      if (deps.platform === 'darwin') tray.setTitle(badge.unread > 0 ? String(badge.unread) : '');
      rebuildMenu(preferences);
    },
    setUpdate(version) {
      updateVersion = version;
      if (lastPreferences) rebuildMenu(lastPreferences);
    },
    destroy() {
      tray.destroy();
    },
  };
}

export interface BadgeTarget {
  app: { setBadgeCount(count?: number): boolean };
  window: Pick<BrowserWindow, 'setOverlayIcon' | 'isDestroyed'> | null;
  platform: NodeJS.Platform;
  /** The taskbar overlay on Windows, which has no badge count. */
  overlay: NativeImage | null;
}

/** The dock (macOS), launcher (Linux) or taskbar overlay (Windows) shows the unread count. */
export function showBadge(target: BadgeTarget, badge: DesktopBadge, preferences: DesktopPreferences): void {
  if (target.platform === 'win32') {
    if (!target.window || target.window.isDestroyed()) return;
    const description = badge.unread > 0 ? shellStrings(preferences.language).tray.unread(badge.unread) : '';
    target.window.setOverlayIcon(badge.unread > 0 ? target.overlay : null, description);
    return;
  }
  target.app.setBadgeCount(badge.unread);
}
