/**
 * "Copy diagnostics" (tray menu): a plain-text report for support, put on the clipboard. Versions,
 * OS, language, uptime, what the shell last heard from the core, and the end of the main log —
 * redacted, size-capped, and nothing about customers (no message text is ever logged).
 */
import { readFileSync } from 'node:fs';
import type { Clipboard } from 'electron';
import type { DesktopBadge, DesktopPreferences } from '../../shared/contracts/desktop';
import { redact } from './logging';

export const DIAGNOSTICS_MAX_BYTES = 64 * 1024;
export const LOG_TAIL_LINES = 200;

export interface DiagnosticsDeps {
  appVersion: string;
  versions: Partial<Record<'electron' | 'chrome' | 'node' | 'v8', string>>;
  platform: string;
  arch: string;
  osRelease: string;
  locale: string;
  uptimeSec: number;
  preferences: DesktopPreferences;
  badge: DesktopBadge;
  /** What the core last said about its connection and sync (e.g. "online, synced 10:02:11"), if known. */
  coreStatus?: string | null;
  /** The main log file, if it exists. */
  logFile: string | null;
  now?: Date;
}

function logTail(file: string | null): string {
  if (!file) return '(no log file)';
  try {
    const lines = readFileSync(file, 'utf8').split('\n');
    return lines.slice(-LOG_TAIL_LINES - 1).join('\n').trimEnd();
  } catch {
    return '(log file not readable)';
  }
}

export function collectDiagnostics(deps: DiagnosticsDeps): string {
  const header = [
    `Switchboard ${deps.appVersion} diagnostics, ${(deps.now ?? new Date()).toISOString()}`,
    `Electron ${deps.versions.electron ?? '?'} · Chrome ${deps.versions.chrome ?? '?'} · Node ${deps.versions.node ?? '?'}`,
    `OS ${deps.platform} ${deps.osRelease} (${deps.arch}) · locale ${deps.locale} · up ${Math.round(deps.uptimeSec)} s`,
    `UI language ${deps.preferences.language} · do not disturb ${deps.preferences.doNotDisturb ? 'on' : 'off'} · start at login ${deps.preferences.openAtLogin ? 'on' : 'off'}`,
    `Unread ${deps.badge.unread} · next SLA due ${deps.badge.nearestDueAt ?? 'none'}`,
    `Core ${deps.coreStatus ?? 'status unknown'}`,
    '',
    `--- last ${LOG_TAIL_LINES} lines of the log ---`,
  ].join('\n');
  let report = redact(`${header}\n${logTail(deps.logFile)}\n`);
  // Keep the newest lines when the cap bites: the header, then the end of the log.
  if (Buffer.byteLength(report) > DIAGNOSTICS_MAX_BYTES) {
    const budget = DIAGNOSTICS_MAX_BYTES - Buffer.byteLength(header) - 64;
    const tail = Buffer.from(redact(logTail(deps.logFile)));
    report = `${header}\n…\n${tail.subarray(Math.max(0, tail.length - budget)).toString('utf8')}\n`;
  }
  return report;
}

export function copyDiagnostics(clipboard: Pick<Clipboard, 'writeText'>, deps: DiagnosticsDeps): string {
  const report = collectDiagnostics(deps);
  clipboard.writeText(report);
  return report;
}
