/**
 * The email channel's configuration (composed into the one schema in server/config.ts). The
 * channel is on when SWITCHBOARD_EMAIL_IMAP_URL (inbound) and/or SWITCHBOARD_EMAIL_SMTP_URL with
 * SWITCHBOARD_EMAIL_FROM (outbound) are set. Passwords live only in these URLs: an error message
 * never repeats a URL, and `describe*` names a server without its password.
 */
import { z } from 'zod';
import { envNumber, fromEnv } from '../../envField';

export interface ImapSettings {
  host: string;
  port: number;
  /** imaps:// (TLS from the first byte); imap:// upgrades with STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  pass: string;
  mailbox: string;
}

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string | undefined;
  pass: string | undefined;
}

export interface EmailSettings {
  imap: ImapSettings | undefined;
  smtp: SmtpSettings | undefined;
  /** `Support <support@centre.example>`: the From of every reply. */
  from: string | undefined;
  /** Appended under every reply after the standard `-- ` line; empty for none. */
  signature: string;
  /** How often the mailbox is checked when IDLE has said nothing. */
  pollMs: number;
  /** A mail larger than this is not downloaded: recorded, and a note from its sender stands in the thread. */
  maxMailBytes: number;
  /** An attachment larger than this is refused (its name, size and type are noted). */
  maxAttachmentBytes: number;
  /** A mailbox seen for the first time: the mails that arrived in these last days are taken in, not its whole history. */
  backfillDays: number;
  /** Waits between reconnection attempts after failures, the last one repeating. */
  retryMs: readonly number[];
  /** Waits before each new attempt at a reply the SMTP server could not take yet; then it is failed. */
  sendRetryMs: readonly number[];
  /** How often the leader looks for replies whose next attempt is due. */
  sendCheckMs: number;
}

const MB = 1024 * 1024;
export const DEFAULT_EMAIL_RETRY_MS = [5_000, 15_000, 60_000, 300_000] as const;

const IMAP_HELP = 'must be imap://user:password@host[:port]/MAILBOX or imaps://… (user and password URL-encoded)';
const SMTP_HELP = 'must be smtp://[user:password@]host[:port] or smtps://… (user and password URL-encoded)';

function parsedUrl(value: string, protocols: string[]): URL | null {
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.hostname ? url : null;
  } catch {
    return null;
  }
}

export function imapSettingsOf(value: string): ImapSettings {
  const url = parsedUrl(value, ['imap:', 'imaps:']);
  if (!url || !url.username || !url.password) throw new Error(IMAP_HELP);
  const secure = url.protocol === 'imaps:';
  const mailbox = decodeURIComponent(url.pathname.replace(/^\/+/, '')) || 'INBOX';
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 993 : 143,
    secure,
    user: decodeURIComponent(url.username),
    pass: decodeURIComponent(url.password),
    mailbox,
  };
}

export function smtpSettingsOf(value: string): SmtpSettings {
  const url = parsedUrl(value, ['smtp:', 'smtps:']);
  if (!url) throw new Error(SMTP_HELP);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    user: url.username ? decodeURIComponent(url.username) : undefined,
    pass: url.password ? decodeURIComponent(url.password) : undefined,
  };
}

/** `user@host:port/MAILBOX`: how a mailbox is named in the database, logs and Admin (no password). */
export function describeMailbox(imap: ImapSettings): string {
  return `${imap.user}@${imap.host}:${imap.port}/${imap.mailbox}`;
}

export function describeSmtp(smtp: SmtpSettings): string {
  return `${smtp.user ? `${smtp.user}@` : ''}${smtp.host}:${smtp.port}`;
}

const valid = (parse: (value: string) => unknown) => (value: string) => {
  try {
    parse(value);
    return true;
  } catch {
    return false;
  }
};

export const EMAIL_ENV = {
  SWITCHBOARD_EMAIL_IMAP_URL: fromEnv(z.string().refine(valid(imapSettingsOf), IMAP_HELP).optional()),
  SWITCHBOARD_EMAIL_SMTP_URL: fromEnv(z.string().refine(valid(smtpSettingsOf), SMTP_HELP).optional()),
  SWITCHBOARD_EMAIL_FROM: fromEnv(
    z
      .string()
      .regex(/^([^<>]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, 'must be an address, e.g. support@centre.example or "Support <support@centre.example>"')
      .optional(),
  ),
  /** `\n` in the value starts a new line. */
  SWITCHBOARD_EMAIL_SIGNATURE: fromEnv(z.string().max(2_000, 'must be at most 2000 characters').default('')),
  SWITCHBOARD_EMAIL_POLL_SEC: fromEnv(envNumber({ min: 5, max: 3_600, integer: true, unit: 'seconds' }).default(60)),
  SWITCHBOARD_EMAIL_MAX_MB: fromEnv(envNumber({ min: 1, max: 200, unit: 'MB' }).default(25)),
  SWITCHBOARD_EMAIL_BACKFILL_DAYS: fromEnv(envNumber({ min: 0, max: 365, integer: true, unit: 'days' }).default(7)),
  SWITCHBOARD_EMAIL_ATTACHMENT_MAX_MB: fromEnv(envNumber({ min: 0, above: true, max: 200, unit: 'MB' }).default(10)),
};

export function emailSettingsOf(e: z.infer<z.ZodObject<typeof EMAIL_ENV>>): EmailSettings {
  return {
    imap: e.SWITCHBOARD_EMAIL_IMAP_URL ? imapSettingsOf(e.SWITCHBOARD_EMAIL_IMAP_URL) : undefined,
    smtp: e.SWITCHBOARD_EMAIL_SMTP_URL ? smtpSettingsOf(e.SWITCHBOARD_EMAIL_SMTP_URL) : undefined,
    from: e.SWITCHBOARD_EMAIL_FROM,
    signature: e.SWITCHBOARD_EMAIL_SIGNATURE.replace(/\\n/g, '\n'),
    pollMs: e.SWITCHBOARD_EMAIL_POLL_SEC * 1000,
    maxMailBytes: Math.round(e.SWITCHBOARD_EMAIL_MAX_MB * MB),
    maxAttachmentBytes: Math.round(e.SWITCHBOARD_EMAIL_ATTACHMENT_MAX_MB * MB),
    backfillDays: e.SWITCHBOARD_EMAIL_BACKFILL_DAYS,
    retryMs: DEFAULT_EMAIL_RETRY_MS,
    sendRetryMs: [30_000, 120_000, 600_000, 1_800_000, 7_200_000],
    sendCheckMs: 5_000,
  };
}
