// The main-process entry with `electron` mocked: Electron itself cannot run on these machines.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({
  lock: true,
  appHandlers: new Map<string, (...args: unknown[]) => void>(),
  ipcHandlers: new Map<string, (...args: unknown[]) => void>(),
  windows: [] as Array<{ options: Record<string, unknown>; url: string | null; webContents: Record<string, unknown> }>,
  forks: [] as Array<{ path: string; options: Record<string, unknown>; posted: unknown[] }>,
  powerHandlers: new Map<string, () => void>(),
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
    },
    BrowserWindow,
    ipcMain: { on: (name: string, handler: (...args: unknown[]) => void) => state.ipcHandlers.set(name, handler) },
    MessageChannelMain: class {
      port1 = { side: 1 };
      port2 = { side: 2 };
    },
    Notification: class {
      static isSupported() {
        return false;
      }
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
        return { on: vi.fn(), postMessage: (message: unknown) => record.posted.push(message), kill: vi.fn() };
      },
    },
  };
});

beforeEach(() => {
  vi.resetModules();
  state.lock = true;
  state.appHandlers.clear();
  state.ipcHandlers.clear();
  state.windows.length = 0;
  state.forks.length = 0;
  state.powerHandlers.clear();
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
});
