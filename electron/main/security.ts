/**
 * Secure defaults for every window and every web contents: no Node in the renderer, sandbox,
 * context isolation, no navigation away from the app, no new windows, no permission grants.
 */
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  // Call recordings play from blobs the page assembled itself (features/qa/recording.ts).
  "media-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function secureWebPreferences(preloadPath: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    // Middle-click must not open links in a new window (new windows are denied anyway).
    disableBlinkFeatures: 'Auxclick',
    spellcheck: true,
  };
}

/**
 * The page the app window loads: the packaged renderer file, or in development the dev server
 * electron-vite started (ELECTRON_RENDERER_URL). A packaged build ignores that variable, and
 * only an http URL on this machine is taken, so no environment can point a window that holds
 * the core bridge at remote content.
 */
export function rendererUrl(rendererIndexFileUrl: string, devServerUrl: string | undefined, isPackaged: boolean): string {
  if (isPackaged || !devServerUrl) return rendererIndexFileUrl;
  try {
    const url = new URL(devServerUrl);
    const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
    return url.protocol === 'http:' && local ? url.toString() : rendererIndexFileUrl;
  } catch {
    return rendererIndexFileUrl;
  }
}

/** True when `url` is the app's own page (the packaged file or the dev server the build printed). */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(appUrl);
    if (app.protocol === 'file:') return target.protocol === 'file:' && target.pathname === app.pathname;
    return target.origin === app.origin;
  } catch {
    return false;
  }
}

/** Deny navigation, new windows and webviews for one web contents. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Deny every permission request (camera, notifications from the page, geolocation…) and add the CSP header. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}
