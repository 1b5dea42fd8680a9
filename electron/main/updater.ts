/**
 * Updates with electron-updater from the generic feed electron-builder.yml names at build time
 * (`SWITCHBOARD_UPDATE_URL`; written into the app's app-update.yml). Checked at start and every
 * CHECK_EVERY_MS, downloaded in the background, installed when the app quits, or at once when the
 * agent asks from the tray — and never while the core says a restart would interrupt them (an
 * open call, a reply typed and not sent): then it waits and asks again. Staged rollouts are the
 * feed's `stagingPercentage`: electron-updater compares it with a per-installation UUID it creates
 * once in `userData/.updaterId` and keeps across updates (it also sends it as `x-user-staging-id`).
 * Errors are logged, never shown: a failed check or install waits for the next try.
 */
import type { AppUpdater, UpdateInfo } from 'electron-updater';
import type { DesktopBusy } from '../../shared/contracts/desktop';

export const CHECK_EVERY_MS = 4 * 60 * 60 * 1000;
export const RETRY_INSTALL_MS = 60 * 1000;
const NOTES_MAX_CHARS = 400;

export type UpdaterLike = Pick<AppUpdater, 'checkForUpdates' | 'quitAndInstall' | 'on'> & {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: AppUpdater['logger'];
};

export interface ReadyUpdate {
  version: string;
  /** The release notes as plain text (HTML tags dropped), shortened. */
  notes: string;
}

export interface UpdaterDeps {
  updater: UpdaterLike;
  /** Only a packaged app with a feed configured updates itself. */
  enabled: boolean;
  canRestart(): Promise<DesktopBusy>;
  onReady(update: ReadyUpdate): void;
  /** Told when an install waits for the agent (why), e.g. to say so in a notification. */
  onDeferred?(reason: DesktopBusy['reason']): void;
  log: { info(...args: unknown[]): void; warn(...args: unknown[]): void; error(...args: unknown[]): void };
  checkEveryMs?: number;
  retryInstallMs?: number;
}

export interface Updater {
  /** The downloaded update, if there is one. */
  ready(): ReadyUpdate | null;
  /** Restart into the update if the agent is free; otherwise try again later. True when it restarted. */
  installWhenIdle(): Promise<boolean>;
  stop(): void;
}

export function releaseNotesText(notes: UpdateInfo['releaseNotes']): string {
  const raw = Array.isArray(notes) ? notes.map((note) => note.note ?? '').join('\n') : (notes ?? '');
  const text = raw
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
  return text.length > NOTES_MAX_CHARS ? `${text.slice(0, NOTES_MAX_CHARS - 1)}…` : text;
}

export function startUpdater(deps: UpdaterDeps): Updater {
  let downloaded: ReadyUpdate | null = null;
  let checkTimer: NodeJS.Timeout | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  const updater = deps.updater;

  if (deps.enabled) {
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
    updater.logger = deps.log as AppUpdater['logger'];
    updater.on('error', (error) => deps.log.warn('update failed', error instanceof Error ? error.message : error));
    updater.on('update-downloaded', (info) => {
      downloaded = { version: info.version, notes: releaseNotesText(info.releaseNotes) };
      deps.log.info(`update ${info.version} downloaded`);
      deps.onReady(downloaded);
    });
    const checkFailed = (error: unknown) =>
      deps.log.warn('update check failed', error instanceof Error ? error.message : error);
    const check = () => {
      try {
        void updater.checkForUpdates()?.catch(checkFailed);
      } catch (error) {
        checkFailed(error);
      }
    };
    check();
    checkTimer = setInterval(check, deps.checkEveryMs ?? CHECK_EVERY_MS);
    checkTimer.unref?.();
  }

  let installing = false;
  let stopped = false;
  const retryLater = () => {
    if (stopped) return;
    retryTimer = setTimeout(() => void installWhenIdle(), deps.retryInstallMs ?? RETRY_INSTALL_MS);
    retryTimer.unref?.();
  };

  const installWhenIdle = async (): Promise<boolean> => {
    if (!downloaded || installing) return false;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    installing = true;
    try {
      let busy: DesktopBusy;
      try {
        busy = await deps.canRestart();
      } catch (error) {
        // A core that cannot say counts as busy: never restart over work that may be open.
        deps.log.warn('update waits: could not ask the core', error instanceof Error ? error.message : error);
        busy = { busy: true, reason: null };
      }
      if (busy.busy) {
        deps.log.info(`update waits: ${busy.reason ?? 'core did not answer'}`);
        deps.onDeferred?.(busy.reason);
        retryLater();
        return false;
      }
      try {
        updater.quitAndInstall(false, true);
        return true;
      } catch (error) {
        deps.log.error('update install failed', error instanceof Error ? error.message : error);
        retryLater();
        return false;
      }
    } finally {
      installing = false;
    }
  };

  return {
    ready: () => downloaded,
    installWhenIdle,
    stop() {
      stopped = true;
      if (checkTimer) clearInterval(checkTimer);
      if (retryTimer) clearTimeout(retryTimer);
    },
  };
}
