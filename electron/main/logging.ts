/**
 * Crash and error logs of the desktop app, with electron-log: one file in the OS's log folder
 * (`~/Library/Logs/Switchboard/main.log`, `%APPDATA%\Switchboard\logs\main.log`,
 * `~/.config/Switchboard/logs/main.log`), rotated at MAX_LOG_BYTES; uncaught errors and rejections
 * of main, a renderer or the core process that goes away are written there, never shown in a
 * dialog. Tokens never reach the file: every message passes `redact` first.
 */
import type { App } from 'electron';
import type { MainLogger } from 'electron-log';

export const MAX_LOG_BYTES = 5 * 1024 * 1024;

const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi;
const JWT = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]+/g;
const SECRET_PARAM = /([?&](?:secret|token|access_token)=)[^&\s"']+/gi;

/** Anything that looks like a session token, a bearer header or a secret in a URL, masked. */
export function redact(text: string): string {
  return text.replace(BEARER, '$1[redacted]').replace(JWT, '[redacted token]').replace(SECRET_PARAM, '$1[redacted]');
}

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redact(value);
  if (value instanceof Error) {
    const copy = new Error(redact(value.message));
    copy.name = value.name;
    copy.stack = value.stack ? redact(value.stack) : undefined;
    return copy;
  }
  if (value && typeof value === 'object') {
    try {
      return JSON.parse(redact(JSON.stringify(value)));
    } catch {
      return '[unserialisable value]';
    }
  }
  return value;
}

export type LoggerLike = Pick<MainLogger, 'hooks' | 'errorHandler' | 'error' | 'info' | 'warn'> & {
  transports: { file: Pick<MainLogger['transports']['file'], 'level' | 'maxSize'>; console: { level: MainLogger['transports']['console']['level'] } };
};

export function setupLogging(logger: LoggerLike, app: Pick<App, 'on' | 'getVersion'>): void {
  logger.transports.file.level = 'info';
  logger.transports.file.maxSize = MAX_LOG_BYTES;
  logger.hooks.push((message) => ({ ...message, data: message.data.map(redactValue) }));
  logger.errorHandler.startCatching({ showDialog: false });
  app.on('render-process-gone', (_event, _contents, details) =>
    logger.error('renderer process gone', { reason: details.reason, exitCode: details.exitCode }),
  );
  app.on('child-process-gone', (_event, details) =>
    logger.error('child process gone', {
      type: details.type,
      name: details.name ?? details.serviceName ?? null,
      reason: details.reason,
      exitCode: details.exitCode,
    }),
  );
  logger.info(`Switchboard ${app.getVersion()} starting`);
}
