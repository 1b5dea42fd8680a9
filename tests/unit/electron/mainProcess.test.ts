// The main-process entry with `electron` mocked: Electron itself cannot run on these machines.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({
  lock: true,
  appHandlers: new Map<string, (...args: unknown[]) => void>(),
  ipcHandlers: new Map<string, (...args: unknown[]) => void>(),
  windows: [] as Array<{ options: Record<string, unknown>; url: string | null; webContents: Record<string, unknown> }>,
  forks: [] as Array<{ path: string; options: Record<string, unknown>; posted: unknown[] }>,
  powerHandlers: new Map<string, () => void>(),
  childHandlers: new Map<string, (data: unknown) => void>(),
  notifications: [] as Array<{ options: Record<string, unknown>; handlers: Map<string, (...args: unknown[]) => void> }>,
  shortcuts: new Map<string, () => void>(),
  trays: [] as Array<{ tooltip: string; menu: unknown[] }>,
  protocols: [] as string[],
  badge: [] as number[],
  loginItems: [] as unknown[],
  clipboard: [] as string[],
  quit: 0,
  ready: null as null | (() => void),
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: Record<string, unknown>;
    constructor(public options: Record<string, unknown>) {
      this.webContents = { postMessage: vi.fn(), on: vi.fn(), setWindowOpenHandler: vi.fn() };
      state.windows.push({ options, url: null, webContents: this.webContents });
    }
    static getAllWindows() {
      return state.windows;
    }
    on() {}
    once() {}
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    show() {}
    focus() {}
    maximize() {}
    loadURL(url: string) {
      state.windows[state.windows.length - 1]!.url = url;
      return Promise.resolve();
    }
  }
  return {
    app: {
      requestSingleInstanceLock: () => state.lock,
      quit: () => state.quit++,
      on: (name: string, handler: (...args: unknown[]) => void) => state.appHandlers.set(name, handler),
      whenReady: () => new Promise<void>((resolve) => (state.ready = resolve)),
      getPath: () => '/tmp/switchboard-test-user-data',
      getAppPath: () => '/opt/switchboard',
      getVersion: () => '0.1.0',
      getLocale: () => 'en-US',
      isPackaged: false,
      setAsDefaultProtocolClient: (scheme: string) => state.protocols.push(scheme) > 0,
      setBadgeCount: (count: number) => state.badge.push(count) > 0,
      setLoginItemSettings: (settings: unknown) => state.loginItems.push(settings),
      setAppUserModelId: vi.fn(),
    },
    clipboard: { writeText: (text: string) => state.clipboard.push(text) },
    globalShortcut: {
      register: (accelerator: string, handler: () => void) => state.shortcuts.set(accelerator, handler) !== undefined,
      unregisterAll: () => state.shortcuts.clear(),
    },
    Menu: { buildFromTemplate: (template: unknown[]) => template },
    Tray: class {
      record = { tooltip: '', menu: [] as unknown[] };
      constructor() {
        state.trays.push(this.record);
      }
      on() {}
      setToolTip(text: string) {
        this.record.tooltip = text;
      }
      setTitle() {}
      setContextMenu(menu: unknown[]) {
        this.record.menu = menu;
      }
      destroy() {}
    },
    nativeImage: { createFromPath: () => ({ setTemplateImage: vi.fn() }) },
    nativeTheme: { shouldUseDarkColors: false },
    screen: {
      getAllDisplays: () => [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
      getDisplayMatching: () => ({ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }),
    },
    BrowserWindow,
    ipcMain: { on: (name: string, handler: (...args: unknown[]) => void) => state.ipcHandlers.set(name, handler) },
    MessageChannelMain: class {
      port1 = { side: 1 };
      port2 = { side: 2 };
    },
    Notification: class {
      handlers = new Map<string, (...args: unknown[]) => void>();
      constructor(options: Record<string, unknown>) {
        state.notifications.push({ options, handlers: this.handlers });
      }
      static isSupported() {
        return true;
      }
      on(name: string, handler: (...args: unknown[]) => void) {
        this.handlers.set(name, handler);
      }
      show() {}
      close() {}
    },
    safeStorage: { isEncryptionAvailable: () => false },
    powerMonitor: {
      on: (name: string, handler: () => void) => state.powerHandlers.set(name, handler),
      removeListener: vi.fn(),
      getSystemIdleState: () => 'active',
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onHeadersReceived: vi.fn() },
      },
    },
    utilityProcess: {
      fork: (path: string, _args: string[], options: Record<string, unknown>) => {
        const record = { path, options, posted: [] as unknown[] };
        state.forks.push(record);
        return {
          on: (name: string, handler: (data: unknown) => void) => state.childHandlers.set(name, handler),
          postMessage: (message: unknown) => record.posted.push(message),
          kill: vi.fn(),
        };
      },
    },
  };
});

vi.mock('electron-log/main', () => ({
  default: {
    hooks: [],
    errorHandler: { startCatching: vi.fn() },
    transports: { file: { level: 'info', maxSize: 0, getFile: () => ({ path: '/tmp/none.log' }) }, console: { level: 'info' } },
    info: vi.fn(),
    warn: vi.fn(),
    error: vi.fn(),
  },
}));

vi.mock('electron-updater', () => ({
  autoUpdater: { on: vi.fn(), checkForUpdates: vi.fn(async () => null), quitAndInstall: vi.fn() },
}));

beforeEach(() => {
  vi.resetModules();
  state.lock = true;
  state.appHandlers.clear();
  state.ipcHandlers.clear();
  state.windows.length = 0;
  state.forks.length = 0;
  state.powerHandlers.clear();
  state.childHandlers.clear();
  state.notifications.length = 0;
  state.shortcuts.clear();
  state.trays.length = 0;
  state.protocols.length = 0;
  state.badge.length = 0;
  state.loginItems.length = 0;
  state.clipboard.length = 0;
  state.quit = 0;
  state.ready = null;
});

describe('Electron main process', () => {
  it('quits when another instance already runs', async () => {
    state.lock = false;
    await import('../../../electron/main/index');
    expect(state.quit).toBe(1);
    expect(state.ready).toBeNull();
  });

  it('starts the core in a utility process and opens one hardened window', async () => {
    await import('../../../electron/main/index');
    expect(state.appHandlers.has('web-contents-created')).toBe(true);
    expect(state.appHandlers.has('second-instance')).toBe(true);
    state.ready!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(state.forks).toHaveLength(1);
    expect(state.forks[0]!.path).toMatch(/core\.js$/);
    expect(state.forks[0]!.options.env).toMatchObject({ SWITCHBOARD_CORE_DATA_DIR: expect.stringContaining('cache') });
    expect(state.windows).toHaveLength(1);
    const prefs = state.windows[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(state.windows[0]!.url).toMatch(/^file:.*renderer\/index\.html$/);
  });

  it('tells the core the agent is away when the screen locks, and back when it unlocks', async () => {
    await import('../../../electron/main/index');
    state.ready!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    state.powerHandlers.get('lock-screen')!();
    state.powerHandlers.get('unlock-screen')!();
    const presence = state.forks[0]!.posted.filter((m) => (m as { type: string }).type === 'presence');
    expect(presence).toEqual([
      { type: 'presence', status: 'away' },
      { type: 'presence', status: 'available' },
    ]);
  });

  it('hands a core port only to the app window that asks for it', async () => {
    await import('../../../electron/main/index');
    state.ready!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const window = state.windows[0]!;
    const request = state.ipcHandlers.get('switchboard:request-core-port')!;
    const stranger = { postMessage: vi.fn() };
    request({ sender: stranger, senderFrame: { url: window.url, parent: null } });
    expect(stranger.postMessage).not.toHaveBeenCalled();
    request({ sender: window.webContents, senderFrame: { url: window.url, parent: null } });
    expect(window.webContents.postMessage).toHaveBeenCalledWith('switchboard:core-port', null, [{ side: 2 }]);
    expect(state.forks[0]!.posted).toContainEqual({ type: 'port' });
  });

  async function started() {
    await import('../../../electron/main/index');
    state.ready!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    return (data: unknown) => state.childHandlers.get('message')!(data);
  }

  it('opens a switchboard:// link from a second instance in the conversation, and ignores other links', async () => {
    await started();
    // The installers register the scheme; the running app never claims it.
    expect(state.protocols).toEqual([]);
    const second = state.appHandlers.get('second-instance')!;
    second({}, ['/opt/Switchboard', '--flag', 'switchboard://conversation/conv_42']);
    second({}, ['/opt/Switchboard', 'switchboard://settings/../../etc']);
    const opens = state.forks[0]!.posted.filter((m) => (m as { type: string }).type === 'open');
    expect(opens).toEqual([{ type: 'open', conversationId: 'conv_42' }]);
  });

  it('shows a lead an alert the core raises, in the UI language, and "Assign to me" asks the core', async () => {
    const fromCore = await started();
    fromCore({ type: 'event', name: 'desktop.preferencesChanged', payload: { language: 'zh-CN', doNotDisturb: false, openAtLogin: false } });
    fromCore({ type: 'event', name: 'alert.raised', payload: { alertId: 'a1', kind: 'vip_waiting', conversationId: 'c7', contactName: '王芳' } });
    expect(state.notifications).toHaveLength(1);
    expect(state.notifications[0]!.options).toMatchObject({ title: 'Switchboard · VIP 客户等待中 · 王芳', silent: false });
    state.notifications[0]!.handlers.get('action')!({}, 1);
    expect(state.forks[0]!.posted).toContainEqual({ type: 'assignToMe', conversationId: 'c7' });
  });

  it('shows nothing while do-not-disturb is on, and turning it on from the tray goes through the core', async () => {
    const fromCore = await started();
    const tray = state.trays[0]!;
    const dnd = (tray.menu as Array<{ label?: string; click?: () => void }>).find((item) => item.label === 'Do not disturb')!;
    dnd.click!();
    expect(state.forks[0]!.posted).toContainEqual({ type: 'setPreferences', changes: { doNotDisturb: true } });
    fromCore({ type: 'event', name: 'desktop.preferencesChanged', payload: { language: 'en', doNotDisturb: true, openAtLogin: false } });
    fromCore({ type: 'event', name: 'conversation.assignedToMe', payload: { conversationId: 'c1', contactName: 'Wang Fang', preview: 'Where is my parcel?' } });
    expect(state.notifications).toHaveLength(0);
  });

  it('puts the unread count on the tray and the badge, and registers the bring-forward shortcut', async () => {
    const fromCore = await started();
    expect(state.shortcuts.has('CommandOrControl+Alt+S')).toBe(true);
    fromCore({ type: 'event', name: 'desktop.badgeChanged', payload: { unread: 3, nearestDueAt: null } });
    expect(state.trays[0]!.tooltip).toBe('Switchboard · 3 unread conversations');
    if (process.platform !== 'win32') expect(state.badge.at(-1)).toBe(3);
  });

  it('sets start at login when the preference changes (not on Linux, which has no login items)', async () => {
    const fromCore = await started();
    fromCore({ type: 'event', name: 'desktop.preferencesChanged', payload: { language: 'en', doNotDisturb: false, openAtLogin: true } });
    expect(state.loginItems).toEqual(process.platform === 'linux' ? [] : [{ openAtLogin: true }]);
  });

  it('copies diagnostics with the core’s connection state from the tray', async () => {
    const fromCore = await started();
    fromCore({ type: 'event', name: 'sync.statusChanged', payload: { state: 'offline', pending: 2, cursor: 41, lastError: 'connect ECONNREFUSED' } });
    const copy = (state.trays[0]!.menu as Array<{ label?: string; click?: () => void }>).find((item) => item.label === 'Copy diagnostics')!;
    copy.click!();
    expect(state.clipboard).toHaveLength(1);
    expect(state.clipboard[0]).toContain('Core offline, 2 unsent, cursor 41, last error: connect ECONNREFUSED');
  });
});
