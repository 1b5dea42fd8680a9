/**
 * The desktop shell's own behaviour with Electron's classes replaced by fakes: native
 * notifications (language, grouping per conversation, bursts, do-not-disturb, actions), the tray
 * and badge, switchboard:// links and the remembered window place.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Notification as NotificationType } from 'electron';
import { DEFAULT_DESKTOP_PREFERENCES } from '../../../shared/contracts/desktop';
import { BURST_MAX, createNotifier } from '../../../electron/main/notifications';
import { SHELL_STRINGS } from '../../../electron/main/strings';
import { badgeSummary, showBadge, trayMenu } from '../../../electron/main/tray';
import { CONVERSATION_WINDOW, popOutPlacement } from '../../../electron/main/popOut';
import { popOutHash } from '../../../shared/contracts/desktop';
import { deepLinkIn, parseDeepLink } from '../../../electron/main/deepLinks';
import {
  displayKey,
  EMPTY_WINDOW_STATE,
  loadWindowState,
  restoreBounds,
  saveWindowState,
} from '../../../electron/main/windowState';

vi.mock('electron', () => ({}));

function fakeNotifications(supported = true) {
  const shown: Array<{ options: Record<string, unknown>; closed: boolean; emit(name: string, ...args: unknown[]): void }> = [];
  class FakeNotification {
    private handlers = new Map<string, (...args: unknown[]) => void>();
    record: (typeof shown)[number];
    constructor(options: Record<string, unknown>) {
      this.record = { options, closed: false, emit: (name, ...args) => this.handlers.get(name)?.(...args) };
    }
    static isSupported() {
      return supported;
    }
    on(name: string, handler: (...args: unknown[]) => void) {
      this.handlers.set(name, handler);
      return this;
    }
    show() {
      shown.push(this.record);
    }
    close() {
      this.record.closed = true;
      this.handlers.get('close')?.();
    }
  }
  return { Notification: FakeNotification as unknown as typeof NotificationType, shown };
}

const alert = (conversationId: string, kind: 'vip_waiting' | 'negative_sentiment' | 'low_survey' = 'negative_sentiment') => ({
  alertId: `alert-${conversationId}`,
  kind,
  conversationId,
  contactName: '陈静',
});

describe('native notifications', () => {
  it('speaks the UI language, and opens or assigns the conversation from its actions', () => {
    const { Notification, shown } = fakeNotifications();
    const post = vi.fn();
    const showWindow = vi.fn();
    const notifier = createNotifier({ Notification, post, showWindow });
    notifier.alertRaised(alert('c1', 'low_survey'));
    expect(shown[0]!.options).toMatchObject({
      title: 'Switchboard · Low survey score · 陈静',
      actions: [
        { type: 'button', text: 'Open' },
        { type: 'button', text: 'Assign to me' },
      ],
    });
    notifier.setPreferences({ ...DEFAULT_DESKTOP_PREFERENCES, language: 'zh-CN' });
    notifier.slaAlerted({ conversationId: 'c2', kind: 'breached', target: 'firstResponse', dueAt: '2026-12-02T09:00:00.000Z', contactName: '陈静', silent: true });
    expect(shown[1]!.options).toMatchObject({ title: 'Switchboard · 已超时 · 陈静', silent: true });
    expect(String(shown[1]!.options.body)).toMatch(/^首次响应截止 /);
    expect((shown[1]!.options.actions as unknown[]).length).toBe(1);

    shown[0]!.emit('click');
    expect(post).toHaveBeenLastCalledWith({ type: 'open', conversationId: 'c1' });
    shown[0]!.emit('action', {}, 1);
    expect(post).toHaveBeenLastCalledWith({ type: 'assignToMe', conversationId: 'c1' });
    shown[0]!.emit('action', {}, 0);
    expect(post).toHaveBeenLastCalledWith({ type: 'open', conversationId: 'c1' });
    expect(showWindow).toHaveBeenCalledTimes(3);
  });

  it('replaces the previous notification about the same conversation', () => {
    const { Notification, shown } = fakeNotifications();
    let now = 0;
    const notifier = createNotifier({ Notification, post: vi.fn(), showWindow: vi.fn(), now: () => (now += 20_000) });
    notifier.alertRaised(alert('c1'));
    notifier.alertRaised(alert('c1', 'vip_waiting'));
    expect(shown).toHaveLength(2);
    expect(shown[0]!.closed).toBe(true);
    expect(shown[1]!.closed).toBe(false);
  });

  it('collapses a burst into one summary that counts, and starts afresh after a quiet spell', () => {
    const { Notification, shown } = fakeNotifications();
    let now = 1_000_000;
    const notifier = createNotifier({ Notification, post: vi.fn(), showWindow: vi.fn(), now: () => now });
    for (let i = 0; i < BURST_MAX + 3; i++) {
      notifier.alertRaised(alert(`c${i}`));
      now += 500;
    }
    const titles = shown.map((n) => n.options.title);
    expect(titles.slice(0, BURST_MAX).every((t) => String(t).includes('Unhappy customer'))).toBe(true);
    expect(titles.slice(BURST_MAX)).toEqual([
      'Switchboard · 4 new notifications',
      'Switchboard · 5 new notifications',
      'Switchboard · 6 new notifications',
    ]);
    // Only the newest summary stays on screen.
    expect(shown.slice(BURST_MAX, -1).every((n) => n.closed)).toBe(true);
    now += 60_000;
    notifier.assigned({ conversationId: 'c99', contactName: 'Wang Fang', preview: 'Where is my parcel?' });
    expect(shown.at(-1)!.options).toMatchObject({ title: 'Switchboard · New conversation · Wang Fang', body: 'Where is my parcel?' });
  });

  it('shows nothing with do-not-disturb on or where the OS has no notifications', () => {
    const quiet = fakeNotifications();
    const notifier = createNotifier({ Notification: quiet.Notification, post: vi.fn(), showWindow: vi.fn() });
    notifier.setPreferences({ ...DEFAULT_DESKTOP_PREFERENCES, doNotDisturb: true });
    expect(notifier.alertRaised(alert('c1'))).toBeNull();
    expect(quiet.shown).toHaveLength(0);
    const none = fakeNotifications(false);
    expect(createNotifier({ Notification: none.Notification, post: vi.fn(), showWindow: vi.fn() }).alertRaised(alert('c1'))).toBeNull();
  });

  it('has every shell string in both languages', () => {
    const shape = (value: unknown): unknown =>
      typeof value === 'object' && value !== null
        ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shape(inner)]))
        : typeof value;
    expect(shape(SHELL_STRINGS['zh-CN'])).toEqual(shape(SHELL_STRINGS.en));
    expect(SHELL_STRINGS['zh-CN'].tray.quit).not.toBe(SHELL_STRINGS.en.tray.quit);
  });
});

describe('tray and badge', () => {
  const badge = { unread: 2, nearestDueAt: '2026-12-02T09:30:00.000Z' };

  it('sums up unread conversations and the next SLA deadline in the UI language', () => {
    expect(badgeSummary(badge, DEFAULT_DESKTOP_PREFERENCES)).toMatch(/^Switchboard · 2 unread conversations · next SLA due /);
    expect(badgeSummary({ unread: 0, nearestDueAt: null }, DEFAULT_DESKTOP_PREFERENCES)).toBe('Switchboard');
    expect(badgeSummary(badge, { ...DEFAULT_DESKTOP_PREFERENCES, language: 'zh-CN' })).toMatch(/^Switchboard · 2 个未读会话 · 最近 SLA 截止 /);
  });

  it('offers do-not-disturb and start at login (not on Linux) as switches', () => {
    const actions = { show: vi.fn(), openWallboard: vi.fn(), restartToUpdate: vi.fn(), setDoNotDisturb: vi.fn(), setOpenAtLogin: vi.fn(), copyDiagnostics: vi.fn(), quit: vi.fn() };
    const menu = trayMenu({ ...DEFAULT_DESKTOP_PREFERENCES, doNotDisturb: true }, 'win32', actions);
    const dnd = menu.find((item) => item.label === 'Do not disturb')!;
    expect(dnd).toMatchObject({ type: 'checkbox', checked: true });
    dnd.click!({} as never, undefined, {} as never);
    expect(actions.setDoNotDisturb).toHaveBeenCalledWith(false);
    expect(menu.some((item) => item.label === 'Start at login')).toBe(true);
    expect(trayMenu(DEFAULT_DESKTOP_PREFERENCES, 'linux', actions).some((item) => item.label === 'Start at login')).toBe(false);
    // A downloaded update is offered first; choosing it asks the updater (which waits while busy).
    const withUpdate = trayMenu({ ...DEFAULT_DESKTOP_PREFERENCES, language: 'zh-CN' }, 'darwin', actions, '1.4.0');
    expect(withUpdate[0]!.label).toBe('重启并更新（1.4.0）');
    withUpdate[0]!.click!({} as never, undefined, {} as never);
    expect(actions.restartToUpdate).toHaveBeenCalled();
  });

  it('puts the count on the dock or launcher, and an overlay on the Windows taskbar', () => {
    const app = { setBadgeCount: vi.fn(() => true) };
    showBadge({ app, window: null, platform: 'darwin', overlay: null }, badge, DEFAULT_DESKTOP_PREFERENCES);
    expect(app.setBadgeCount).toHaveBeenCalledWith(2);
    const window = { setOverlayIcon: vi.fn(), isDestroyed: () => false };
    const overlay = { overlay: true } as never;
    showBadge({ app, window, platform: 'win32', overlay }, badge, DEFAULT_DESKTOP_PREFERENCES);
    expect(window.setOverlayIcon).toHaveBeenCalledWith(overlay, '2 unread conversations');
    showBadge({ app, window, platform: 'win32', overlay }, { unread: 0, nearestDueAt: null }, DEFAULT_DESKTOP_PREFERENCES);
    expect(window.setOverlayIcon).toHaveBeenLastCalledWith(null, '');
  });
});

describe('switchboard:// links', () => {
  it('accepts exactly switchboard://conversation/ID', () => {
    expect(parseDeepLink('switchboard://conversation/conv_42')).toEqual({ conversationId: 'conv_42' });
    expect(parseDeepLink('switchboard://conversation/conv_42/')).toEqual({ conversationId: 'conv_42' });
    for (const bad of [
      'https://conversation/conv_42',
      'switchboard://settings/conv_42',
      'switchboard://conversation/',
      'switchboard://conversation/a/b',
      'switchboard://conversation/%2e%2e',
      'switchboard://conversation/conv_42?x=1',
      'switchboard://user:pw@conversation/conv_42',
      `switchboard://conversation/${'a'.repeat(65)}`,
      'not a url',
    ])
      expect(parseDeepLink(bad), bad).toBeNull();
  });

  it('finds the link on a second instance’s command line', () => {
    expect(deepLinkIn(['/opt/sb', '--hidden', 'SWITCHBOARD://conversation/c1'])).toEqual({ conversationId: 'c1' });
    expect(deepLinkIn(['/opt/sb', 'switchboard://conversation/a$b'])).toBeNull();
    expect(deepLinkIn(['/opt/sb'])).toBeNull();
  });
});

describe('window place per display', () => {
  const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 }, workArea: { x: 0, y: 25, width: 1440, height: 875 } };
  const monitor = { id: 2, bounds: { x: 1440, y: 0, width: 2560, height: 1440 }, workArea: { x: 1440, y: 0, width: 2560, height: 1400 } };
  const size = { width: 1440, height: 900 };

  it('puts the window back where it was on a display that is still there', () => {
    const state = { lastDisplay: displayKey(monitor), displays: { [displayKey(monitor)]: { x: 1600, y: 100, width: 1800, height: 1100, maximized: true } } };
    expect(restoreBounds(state, [laptop, monitor], laptop, size)).toEqual({ x: 1600, y: 100, width: 1800, height: 1100, maximized: true });
  });

  it('centres it on the primary display when that display is gone or the place is off-screen', () => {
    const state = { lastDisplay: displayKey(monitor), displays: { [displayKey(monitor)]: { x: 1600, y: 100, width: 1800, height: 1100, maximized: false } } };
    expect(restoreBounds(state, [laptop], laptop, size)).toEqual({ x: 0, y: 25, width: 1440, height: 875, maximized: false });
    const offScreen = { lastDisplay: displayKey(laptop), displays: { [displayKey(laptop)]: { x: 5000, y: 5000, width: 800, height: 600, maximized: false } } };
    expect(restoreBounds(offScreen, [laptop], laptop, { width: 800, height: 600 })).toEqual({ x: 320, y: 163, width: 800, height: 600, maximized: false });
  });

  it('survives a missing or damaged file, and writes a readable one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-window-'));
    const file = join(dir, 'window-state.json');
    expect(loadWindowState(file)).toEqual(EMPTY_WINDOW_STATE);
    writeFileSync(file, '{"lastDisplay": 3, "displ');
    expect(loadWindowState(file)).toEqual(EMPTY_WINDOW_STATE);
    const state = { lastDisplay: '1:1440x900', displays: { '1:1440x900': { x: 10, y: 20, width: 1200, height: 800, maximized: false } } };
    saveWindowState(file, state);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
    expect(loadWindowState(file)).toEqual(state);
  });
});

describe('pop-out windows', () => {
  const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 }, workArea: { x: 0, y: 25, width: 1440, height: 875 } };
  const tv = { id: 2, bounds: { x: 1440, y: 0, width: 1920, height: 1080 }, workArea: { x: 1440, y: 0, width: 1920, height: 1040 } };
  const main = { bounds: { x: 0, y: 25, width: 1440, height: 875 }, displayId: 1 };

  it('puts the wallboard full screen on the other display, or over the main one when there is none', () => {
    expect(popOutPlacement({ view: 'wallboard' }, main, [laptop, tv], laptop)).toEqual({ bounds: tv.bounds, fullscreen: true });
    expect(popOutPlacement({ view: 'wallboard' }, { ...main, displayId: 2 }, [laptop, tv], laptop)).toEqual({ bounds: laptop.bounds, fullscreen: true });
    expect(popOutPlacement({ view: 'wallboard' }, main, [laptop], laptop)).toEqual({ bounds: laptop.workArea, fullscreen: false });
  });

  it('opens a conversation beside the main window, inside the display', () => {
    const { bounds, fullscreen } = popOutPlacement({ view: 'conversation', conversationId: 'c1' }, main, [laptop, tv], laptop);
    expect(fullscreen).toBe(false);
    expect(bounds).toMatchObject(CONVERSATION_WINDOW);
    expect(bounds.x + bounds.width).toBeLessThanOrEqual(1440);
    expect(bounds.y).toBeGreaterThanOrEqual(25);
  });

  it('opens the renderer at a hash it can read back', () => {
    expect(popOutHash({ view: 'wallboard' })).toBe('wallboard');
    expect(popOutHash({ view: 'conversation', conversationId: 'conv_42' })).toBe('conversation/conv_42');
  });
});
