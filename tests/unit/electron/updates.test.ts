/**
 * Updates, logs and diagnostics of the desktop app, with electron-updater, electron-log and the
 * clipboard replaced by fakes: an update never restarts the app over a call or an unsent reply,
 * release notes arrive as plain text, tokens never reach the log, diagnostics stay small.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DESKTOP_PREFERENCES, type DesktopBusy } from '../../../shared/contracts/desktop';
import { releaseNotesText, startUpdater, type UpdaterLike } from '../../../electron/main/updater';
import { MAX_LOG_BYTES, redact, setupLogging, type LoggerLike } from '../../../electron/main/logging';
import { collectDiagnostics, copyDiagnostics, DIAGNOSTICS_MAX_BYTES } from '../../../electron/main/diagnostics';

vi.mock('electron', () => ({}));

function fakeUpdater() {
  const events = new EventEmitter();
  const updater = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    logger: null,
    on: (name: string, listener: (...args: unknown[]) => void) => events.on(name, listener),
    checkForUpdates: vi.fn(async () => null),
    quitAndInstall: vi.fn(),
  };
  return { updater: updater as unknown as UpdaterLike & typeof updater, events };
}

const quietLog = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

describe('auto-update', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('checks at start and on a timer, downloads in the background and installs on quit', async () => {
    const { updater } = fakeUpdater();
    const running = startUpdater({ updater, enabled: true, canRestart: async () => ({ busy: false, reason: null }), onReady: vi.fn(), log: quietLog, checkEveryMs: 1000 });
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true });
    await vi.advanceTimersByTimeAsync(3000);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(4);
    running.stop();
  });

  it('does nothing in development or without a feed', () => {
    const { updater } = fakeUpdater();
    const running = startUpdater({ updater, enabled: false, canRestart: async () => ({ busy: false, reason: null }), onReady: vi.fn(), log: quietLog });
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    expect(updater.autoDownload).toBe(false);
    running.stop();
  });

  it('never restarts while the agent is on a call or has an unsent reply, and does once they are free', async () => {
    const { updater, events } = fakeUpdater();
    let busy: DesktopBusy = { busy: true, reason: 'call' };
    const onReady = vi.fn();
    const onDeferred = vi.fn();
    const running = startUpdater({ updater, enabled: true, canRestart: async () => busy, onReady, onDeferred, log: quietLog, retryInstallMs: 60_000 });
    expect(await running.installWhenIdle()).toBe(false); // nothing downloaded yet
    events.emit('update-downloaded', { version: '1.4.0', releaseNotes: '<p>Faster inbox &amp; <b>pop-out</b> windows</p>' });
    expect(onReady).toHaveBeenCalledWith({ version: '1.4.0', notes: 'Faster inbox & pop-out windows' });

    expect(await running.installWhenIdle()).toBe(false);
    expect(onDeferred).toHaveBeenLastCalledWith('call');
    busy = { busy: true, reason: 'draft' };
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onDeferred).toHaveBeenLastCalledWith('draft');
    expect(updater.quitAndInstall).not.toHaveBeenCalled();

    busy = { busy: false, reason: null };
    await vi.advanceTimersByTimeAsync(60_000);
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
    running.stop();
  });

  it('logs a failed check, a core that cannot answer and a failed install, never throws, and tries again', async () => {
    const { updater, events } = fakeUpdater();
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    updater.checkForUpdates.mockRejectedValueOnce(new Error('feed unreachable'));
    let canRestart = vi.fn<() => Promise<DesktopBusy>>(async () => {
      throw new Error('core gone');
    });
    const running = startUpdater({ updater, enabled: true, canRestart: () => canRestart(), onReady: vi.fn(), log, retryInstallMs: 60_000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(log.warn).toHaveBeenCalledWith('update check failed', 'feed unreachable');

    events.emit('update-downloaded', { version: '1.4.0', releaseNotes: null });
    expect(await running.installWhenIdle()).toBe(false);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    expect(log.warn).toHaveBeenCalledWith('update waits: could not ask the core', 'core gone');

    canRestart = vi.fn(async () => ({ busy: false, reason: null }));
    updater.quitAndInstall.mockImplementationOnce(() => {
      throw new Error('installer missing');
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(log.error).toHaveBeenCalledWith('update install failed', 'installer missing');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(2);
    running.stop();
  });

  it('asks the core once when installs are requested together', async () => {
    const { updater, events } = fakeUpdater();
    let answer: (busy: DesktopBusy) => void = () => undefined;
    const canRestart = vi.fn(() => new Promise<DesktopBusy>((resolve) => (answer = resolve)));
    const running = startUpdater({ updater, enabled: true, canRestart, onReady: vi.fn(), log: quietLog });
    events.emit('update-downloaded', { version: '1.4.0', releaseNotes: null });
    const first = running.installWhenIdle();
    expect(await running.installWhenIdle()).toBe(false);
    answer({ busy: false, reason: null });
    expect(await first).toBe(true);
    expect(canRestart).toHaveBeenCalledTimes(1);
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
    running.stop();
  });

  it('turns release notes into short plain text', () => {
    expect(releaseNotesText(null)).toBe('');
    expect(releaseNotesText([{ version: '1.4.0', note: '<ul><li>One</li></ul>' }, { version: '1.3.9', note: null }])).toBe('One');
    expect(releaseNotesText('x'.repeat(1000))).toHaveLength(400);
  });
});

describe('logs', () => {
  it('masks tokens, bearer headers and URL secrets', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZ2VudC1saS1uYSJ9.c2lnbmF0dXJlLXZhbHVl';
    expect(redact(`login ok ${jwt}`)).toBe('login ok [redacted token]');
    expect(redact('authorization: Bearer abc.def-123')).toBe('authorization: Bearer [redacted]');
    expect(redact('GET http://127.0.0.1:5173/?secret=deadbeef&x=1')).toBe('GET http://127.0.0.1:5173/?secret=[redacted]&x=1');
  });

  it('rotates the file, catches uncaught errors without a dialog, logs gone processes, redacts every message', () => {
    const handlers = new Map<string, (...args: unknown[]) => void>();
    const logger = {
      hooks: [] as LoggerLike['hooks'],
      errorHandler: { startCatching: vi.fn() },
      transports: { file: { level: 'silly', maxSize: 0 }, console: { level: 'info' } },
      info: vi.fn(),
      warn: vi.fn(),
      error: vi.fn(),
    };
    setupLogging(logger as unknown as LoggerLike, { on: ((name: string, handler: (...args: unknown[]) => void) => handlers.set(name, handler)) as never, getVersion: () => '0.1.0' });
    expect(logger.transports.file).toMatchObject({ level: 'info', maxSize: MAX_LOG_BYTES });
    expect(logger.errorHandler.startCatching).toHaveBeenCalledWith({ showDialog: false });
    handlers.get('child-process-gone')!({}, { type: 'Utility', serviceName: 'Switchboard core', reason: 'crashed', exitCode: 11 });
    expect(logger.error).toHaveBeenCalledWith('child process gone', { type: 'Utility', name: 'Switchboard core', reason: 'crashed', exitCode: 11 });
    const hooked = logger.hooks[0]!({ data: ['token eyJabcdef.eyJabcdef.sig', { header: 'Bearer s3cret' }], level: 'info' } as never);
    expect(hooked && hooked.data).toEqual(['token [redacted token]', { header: 'Bearer [redacted]' }]);
  });
});

describe('copy diagnostics', () => {
  const base = {
    appVersion: '0.1.0',
    versions: { electron: '39.0.0', chrome: '142', node: '22.20.0' },
    platform: 'win32',
    arch: 'x64',
    osRelease: '10.0.22631',
    locale: 'zh-CN',
    uptimeSec: 3600,
    preferences: DEFAULT_DESKTOP_PREFERENCES,
    badge: { unread: 2, nearestDueAt: null },
    now: new Date('2026-12-04T10:00:00.000Z'),
  };

  it('puts versions, settings and the redacted end of the log on the clipboard', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-diag-'));
    const file = join(dir, 'main.log');
    writeFileSync(file, ['old line', ...Array.from({ length: 300 }, (_, i) => `line ${i}`), 'session eyJabcdef.eyJabcdef.sig'].join('\n'));
    const clipboard = { writeText: vi.fn() };
    const report = copyDiagnostics(clipboard, { ...base, logFile: file });
    expect(clipboard.writeText).toHaveBeenCalledWith(report);
    expect(report).toContain('Switchboard 0.1.0 diagnostics, 2026-12-04T10:00:00.000Z');
    expect(report).toContain('OS win32 10.0.22631 (x64) · locale zh-CN');
    expect(report).toContain('Unread 2');
    expect(report).toContain('Core status unknown');
    expect(report).toContain('line 299');
    expect(report).not.toContain('old line');
    expect(report).toContain('[redacted token]');
    expect(report).not.toContain('eyJabcdef');
  });

  it('stays under its size cap with a huge log, and copes without one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-diag-'));
    const file = join(dir, 'main.log');
    writeFileSync(file, Array.from({ length: 200 }, (_, i) => `${i} ${'x'.repeat(2000)}`).join('\n'));
    const report = collectDiagnostics({ ...base, logFile: file });
    expect(Buffer.byteLength(report)).toBeLessThanOrEqual(DIAGNOSTICS_MAX_BYTES);
    expect(report).toContain('199 xxx');
    expect(collectDiagnostics({ ...base, logFile: null })).toContain('(no log file)');
    expect(collectDiagnostics({ ...base, logFile: null, coreStatus: 'online, synced 10:02:11' })).toContain('Core online, synced 10:02:11');
  });
});
