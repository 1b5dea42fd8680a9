/**
 * Electron main: orchestration only. One instance; one main window; the workstation core in a
 * utilityProcess; each window gets a MessagePort to the core; the token lives in safeStorage.
 */
import {
  app,
  BrowserWindow,
  clipboard,
  globalShortcut,
  ipcMain,
  Menu,
  MessageChannelMain,
  nativeImage,
  nativeTheme,
  Notification,
  powerMonitor,
  safeStorage,
  screen,
  session,
  Tray,
  utilityProcess,
} from 'electron';
import type { WebContents } from 'electron';
import log from 'electron-log/main';
import { autoUpdater } from 'electron-updater';
import { existsSync } from 'node:fs';
import { arch, release } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { connectCore, type CoreConnection } from './coreProcess';
import {
  DEFAULT_DESKTOP_PREFERENCES,
  popOutHash,
  type DesktopBadge,
  type DesktopPopOut,
  type DesktopPreferences,
} from '../../shared/contracts/desktop';
import { popOutPlacement } from './popOut';
import { copyDiagnostics } from './diagnostics';
import { setupLogging } from './logging';
import { startUpdater, type Updater } from './updater';
import { deepLinkIn, parseDeepLink } from './deepLinks';
import { createNotifier } from './notifications';
import { createTrayController, showBadge, type TrayController } from './tray';
import { loadWindowState, restoreBounds, trackWindowBounds } from './windowState';
import { PORT_REQUEST_CHANNEL } from '../../shared/contracts/shell';
import { handlePortRequest } from './portBroker';
import { watchPresence } from './presenceWatcher';
import { hardenSession, hardenWebContents, rendererUrl, secureWebPreferences } from './security';
import { createTokenStore } from './tokenStore';

const DEFAULT_SERVER_URL = 'http://127.0.0.1:4000';
/** Brings Switchboard forward from any application. */
export const BRING_FORWARD_SHORTCUT = 'CommandOrControl+Alt+S';
const APP_USER_MODEL_ID = 'app.switchboard.workstation';

let mainWindow: BrowserWindow | null = null;
let core: CoreConnection | null = null;
let tray: TrayController | null = null;
let updater: Updater | null = null;
let preferences: DesktopPreferences = DEFAULT_DESKTOP_PREFERENCES;
let badge: DesktopBadge = { unread: 0, nearestDueAt: null };
/** The core's last connection state, for "Copy diagnostics". */
let coreStatus: string | null = null;
/** A link that arrived before the core was up. */
let pendingLink: { conversationId: string } | null = null;
const appWindows = new Set<WebContents>();

function showMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

const notifier = createNotifier({
  Notification,
  showWindow: showMainWindow,
  post: (message) => core?.post(message),
});

function openLink(link: { conversationId: string } | null): void {
  if (!link) return;
  showMainWindow();
  if (core) core.post({ type: 'open', conversationId: link.conversationId });
  else pendingLink = link;
}

/** Resources next to the app when packaged (extraResources), the repo's resources/ otherwise. */
function resourcePath(...parts: string[]): string {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  return app.isPackaged && resources ? join(resources, ...parts) : join(app.getAppPath(), 'resources', ...parts);
}

function trayIcon(): Electron.NativeImage {
  if (process.platform === 'darwin') {
    const image = nativeImage.createFromPath(resourcePath('tray', 'trayTemplate.png'));
    image.setTemplateImage(true);
    return image;
  }
  return nativeImage.createFromPath(resourcePath('tray', nativeTheme.shouldUseDarkColors ? 'trayDark.png' : 'trayLight.png'));
}

function applyPreferences(next: DesktopPreferences): void {
  const loginChanged = next.openAtLogin !== preferences.openAtLogin;
  preferences = next;
  notifier.setPreferences(next);
  tray?.update(badge, preferences);
  // Linux has no login-item API (desktop environments use ~/.config/autostart).
  if (loginChanged && process.platform !== 'linux') app.setLoginItemSettings({ openAtLogin: next.openAtLogin });
}

function applyBadge(next: DesktopBadge): void {
  badge = next;
  tray?.update(badge, preferences);
  showBadge({ app, window: mainWindow, platform: process.platform, overlay: trayIcon() }, badge, preferences);
}

/** The app's page; a pop-out opens it at the hash of shared/contracts/desktop.ts popOutHash. */
function appUrl(hash?: string): string {
  const packaged = pathToFileURL(join(__dirname, '../renderer/index.html')).toString();
  const page = rendererUrl(packaged, process.env.ELECTRON_RENDERER_URL, app.isPackaged === true);
  return hash ? `${page}#${hash}` : page;
}

/** Every window runs the same renderer with the same hardening; a pop-out opens it at a hash. */
function createAppWindow(options: { bounds: Electron.Rectangle; hash?: string; minWidth: number; minHeight: number }): BrowserWindow {
  const window = new BrowserWindow({
    ...options.bounds,
    minWidth: options.minWidth,
    minHeight: options.minHeight,
    show: false,
    title: 'Switchboard',
    webPreferences: {
      ...secureWebPreferences(join(__dirname, '../preload/index.js')),
      // Restated where the window is made, so reviewers and the electronegativity gate see them here.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const contents = window.webContents;
  appWindows.add(contents);
  window.on('closed', () => appWindows.delete(contents));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appUrl(options.hash));
  return window;
}

function createMainWindow(): BrowserWindow {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const saved = loadWindowState(stateFile);
  const bounds = restoreBounds(saved, screen.getAllDisplays(), screen.getPrimaryDisplay(), { width: 1440, height: 900 });
  const window = createAppWindow({
    bounds: { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height },
    minWidth: 1024,
    minHeight: 640,
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  if (bounds.maximized) window.maximize();
  trackWindowBounds(window, screen, stateFile, saved);
  return window;
}

/** One window per pop-out: asking again brings the existing one forward. */
const popOuts = new Map<string, BrowserWindow>();

function openPopOut(popOut: DesktopPopOut): void {
  const hash = popOutHash(popOut);
  const existing = popOuts.get(hash);
  if (existing && !existing.isDestroyed()) {
    existing.show();
    existing.focus();
    return;
  }
  const main = mainWindow && !mainWindow.isDestroyed() ? mainWindow.getBounds() : screen.getPrimaryDisplay().workArea;
  const placement = popOutPlacement(
    popOut,
    { bounds: main, displayId: screen.getDisplayMatching(main).id },
    screen.getAllDisplays(),
    screen.getPrimaryDisplay(),
  );
  const window = createAppWindow({ bounds: placement.bounds, hash, minWidth: 480, minHeight: 400 });
  if (placement.fullscreen) window.setFullScreen(true);
  popOuts.set(hash, window);
  window.on('closed', () => {
    if (popOuts.get(hash) === window) popOuts.delete(hash);
  });
}

/** An Electron build of better-sqlite3, produced by the packaging scripts (see README). */
function sqliteBindingPath(): string | undefined {
  if (process.env.SWITCHBOARD_SQLITE_BINDING) return process.env.SWITCHBOARD_SQLITE_BINDING;
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  return resources ? join(resources, 'native', 'better_sqlite3.node') : undefined;
}

function startCore(): CoreConnection {
  const binding = sqliteBindingPath();
  const tokens = createTokenStore(safeStorage, app.getPath('userData'));
  const child = utilityProcess.fork(join(__dirname, 'core.js'), [], {
    serviceName: 'Switchboard core',
    env: {
      ...process.env,
      SWITCHBOARD_CORE_DATA_DIR: join(app.getPath('userData'), 'cache'),
      SWITCHBOARD_SERVER_URL: process.env.SWITCHBOARD_SERVER_URL ?? DEFAULT_SERVER_URL,
      ...(binding ? { SWITCHBOARD_SQLITE_BINDING: binding } : {}),
    },
  });
  const connection = connectCore(child, {
    onToken: (token) => void tokens.save(token),
    onAssignedToMe: (payload) => notifier.assigned(payload),
    onSlaAlerted: (payload) => notifier.slaAlerted(payload),
    onAlertRaised: (payload) => notifier.alertRaised(payload),
    onBadge: applyBadge,
    onPreferences: applyPreferences,
    onPopOut: openPopOut,
    onSyncStatus: (status) => {
      coreStatus = `${status.state}, ${status.pending} unsent, cursor ${status.cursor}${status.lastError ? `, last error: ${status.lastError}` : ''}`;
    },
  });
  void tokens.load().then((token) => connection.restoreToken(token));
  // Away on screen lock or idle, available again on return; the core decides whether it applies.
  const stopWatching = watchPresence(powerMonitor, { post: (message) => connection.post(message) });
  child.on('exit', stopWatching);
  if (pendingLink) connection.post({ type: 'open', conversationId: pendingLink.conversationId });
  pendingLink = null;
  return connection;
}

function main(): void {
  setupLogging(log, app);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Windows and Linux: a switchboard:// link starts a second instance; its argv carries the link.
  app.on('second-instance', (_event, argv) => {
    showMainWindow();
    openLink(deepLinkIn(argv));
  });
  // macOS delivers links to the running app.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openLink(parseDeepLink(url));
  });
  pendingLink = deepLinkIn(process.argv);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  ipcMain.on(PORT_REQUEST_CHANNEL, (event) => {
    if (!core) return;
    const connection = core;
    handlePortRequest(event, {
      windows: appWindows,
      appUrl: appUrl(),
      createChannel: () => new MessageChannelMain(),
      attachToCore: (port) => connection.attachPort(port),
    });
  });

  // Windows attributes notifications to the installed app by this id (electron-builder.yml appId).
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    core = startCore();
    mainWindow = createMainWindow();
    tray = createTrayController({
      Tray,
      Menu,
      icon: trayIcon(),
      platform: process.platform,
      actions: {
        show: showMainWindow,
        openWallboard: () => openPopOut({ view: 'wallboard' }),
        setDoNotDisturb: (on) => core?.post({ type: 'setPreferences', changes: { doNotDisturb: on } }),
        setOpenAtLogin: (on) => core?.post({ type: 'setPreferences', changes: { openAtLogin: on } }),
        copyDiagnostics: () =>
          void copyDiagnostics(clipboard, {
            appVersion: app.getVersion(),
            versions: process.versions,
            platform: process.platform,
            arch: arch(),
            osRelease: release(),
            locale: app.getLocale(),
            uptimeSec: process.uptime(),
            preferences,
            badge,
            coreStatus,
            logFile: log.transports.file.getFile()?.path ?? null,
          }),
        restartToUpdate: () => void updater?.installWhenIdle(),
        quit: () => app.quit(),
      },
    });
    tray.update(badge, preferences);
    updater = startUpdater({
      updater: autoUpdater,
      // The feed URL is written into app-update.yml at build time (SWITCHBOARD_UPDATE_URL).
      enabled: app.isPackaged && existsSync(resourcePath('app-update.yml')),
      canRestart: () => core?.busy() ?? Promise.resolve({ busy: true, reason: null }),
      onReady: (update) => {
        tray?.setUpdate(update.version);
        notifier.updateReady(update);
      },
      onDeferred: (reason) => notifier.updateDeferred(reason),
      log,
    });
    if (!globalShortcut.register(BRING_FORWARD_SHORTCUT, showMainWindow))
      console.warn(`Switchboard: ${BRING_FORWARD_SHORTCUT} is taken by another application.`);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => globalShortcut.unregisterAll());
  app.on('before-quit', () => {
    updater?.stop();
    tray?.destroy();
    core?.kill();
  });
}

main();
