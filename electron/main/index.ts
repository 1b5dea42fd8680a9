/**
 * Electron main: orchestration only. One instance; one main window; the workstation core in a
 * utilityProcess; each window gets a MessagePort to the core; the token lives in safeStorage.
 */
import {
  app,
  BrowserWindow,
  ipcMain,
  MessageChannelMain,
  Notification,
  powerMonitor,
  safeStorage,
  session,
  utilityProcess,
} from 'electron';
import type { WebContents } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { connectCore, type CoreConnection } from './coreProcess';
import { notifyAssigned, notifySlaAlerted } from './notifications';
import { PORT_REQUEST_CHANNEL } from '../../shared/contracts/shell';
import { handlePortRequest } from './portBroker';
import { watchPresence } from './presenceWatcher';
import { hardenSession, hardenWebContents, rendererUrl, secureWebPreferences } from './security';
import { createTokenStore } from './tokenStore';

const DEFAULT_SERVER_URL = 'http://127.0.0.1:4000';

let mainWindow: BrowserWindow | null = null;
let core: CoreConnection | null = null;
const appWindows = new Set<WebContents>();

function appUrl(): string {
  const packaged = pathToFileURL(join(__dirname, '../renderer/index.html')).toString();
  return rendererUrl(packaged, process.env.ELECTRON_RENDERER_URL, app.isPackaged === true);
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
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
  window.on('closed', () => {
    appWindows.delete(contents);
    if (mainWindow === window) mainWindow = null;
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appUrl());
  return window;
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
    onAssignedToMe: (payload) => notifyAssigned(Notification, mainWindow, payload),
    onSlaAlerted: (payload) => notifySlaAlerted(Notification, mainWindow, payload),
  });
  void tokens.load().then((token) => connection.restoreToken(token));
  // Away on screen lock or idle, available again on return; the core decides whether it applies.
  const stopWatching = watchPresence(powerMonitor, { post: (message) => connection.post(message) });
  child.on('exit', stopWatching);
  return connection;
}

function main(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
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

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    core = startCore();
    mainWindow = createMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => core?.kill());
}

main();
