/**
 * The inbound half of the email channel: on the cluster leader only (jobs/periodic.ts), one IMAP
 * connection watches the mailbox (IDLE wakes it when mail arrives; a poll every `pollMs` in any
 * case) and takes in every mail whose UID is above the stored cursor, in UID order, moving the
 * cursor after each mail is stored. So a restart repeats nothing and loses nothing, and a mail
 * that cannot be read whole (too large, broken MIME) is recorded in `email_intake_errors`, stands
 * in the thread as a note from its sender, and never holds up the mails after it. A failure to
 * connect, log in or store closes the connection, marks the connector failing with the error
 * (never the password), and the next attempt waits `retryMs` (growing).
 */
import { randomUUID } from 'node:crypto';
import { ImapFlow } from 'imapflow';
import { getMailboxCursor, insertIntakeError, saveMailboxCursor, type MailboxCursor } from '../../db/queries/email';
import type { DomainContext } from '../../domain/context';
import { startPeriodicJob } from '../../jobs/periodic';
import { connectorHealth, redact } from '../status';
import { formatBytes, MailReadError, readHeaders, readMail, type InboundMail } from './mail';
import { takeInMail } from './intake';
import { describeMailbox, type EmailSettings, type ImapSettings } from './settings';

/** Differs from every other job's key (SLA 7_340_032 … webhooks 7_340_037). */
export const EMAIL_LEADER_LOCK_KEY = 7_340_040;
export const IMAP_CONNECTOR = 'email.imap';

export interface MailboxWatcher {
  isLeader(): boolean;
  /** One check of the mailbox now (on the leader; 0 elsewhere): how many mails were taken in. */
  checkNow(): Promise<number>;
  close(): Promise<void>;
}

export function startMailboxWatcher(
  ctx: DomainContext,
  databaseUrl: string | undefined,
  settings: Pick<EmailSettings, 'pollMs' | 'maxMailBytes' | 'maxAttachmentBytes' | 'retryMs' | 'backfillDays'> & { imap: ImapSettings },
  log: (message: string) => void = (message) => console.error(`[server] email: ${message}`),
): MailboxWatcher {
  const { imap } = settings;
  const mailbox = describeMailbox(imap);
  const health = connectorHealth(ctx.store.db, { name: IMAP_CONNECTOR, channel: 'email', direction: 'inbound' }, ctx.now);
  let client: ImapFlow | null = null;
  let failures = 0;
  let retryAt = 0;
  let closed = false;
  let wake: (() => void) | null = null;

  const drop = () => {
    const old = client;
    client = null;
    if (old) {
      old.removeAllListeners();
      old.on('error', () => {});
      void old.logout().catch(() => old.close());
    }
  };

  const connect = async (): Promise<ImapFlow> => {
    const fresh = new ImapFlow({
      host: imap.host,
      port: imap.port,
      secure: imap.secure,
      auth: { user: imap.user, pass: imap.pass },
      logger: false,
      connectionTimeout: 30_000,
      greetingTimeout: 15_000,
      socketTimeout: 5 * 60_000,
    });
    fresh.on('error', () => {
      if (client === fresh) drop();
    });
    fresh.on('close', () => {
      if (client === fresh) client = null;
    });
    // New mail while idling: check at once instead of at the next poll.
    fresh.on('exists', () => wake?.());
    await fresh.connect();
    return fresh;
  };

  const firstRecentUid = async (connection: ImapFlow, uidNext: number): Promise<number> => {
    if (settings.backfillDays <= 0) return uidNext;
    const since = new Date(ctx.now().getTime() - settings.backfillDays * 86_400_000);
    const uids = await connection.search({ since }, { uid: true });
    if (!uids || uids.length === 0) return uidNext;
    return uids.reduce((low, uid) => Math.min(low, uid), uidNext);
  };

  const intakeError = async (uid: number, mail: Pick<InboundMail, 'messageId'> | null, reason: string, messageId: string | null) => {
    await insertIntakeError(ctx.store.db, {
      id: randomUUID(),
      mailbox,
      uid,
      rfc_message_id: mail?.messageId ?? null,
      message_id: messageId,
      reason,
      created_at: ctx.now().toISOString(),
    });
    log(`mail UID ${uid} in ${mailbox}: ${reason}`);
  };

  /** One mail, whatever it holds: stored, or recorded as not readable. Throws only when storing fails. */
  const takeIn = async (connection: ImapFlow, cursor: MailboxCursor, uid: number, size: number) => {
    const fallbackId = `imap-${cursor.uidValidity}-${uid}@${imap.host}`;
    const standIn = async (reason: string, headerBlock: Buffer | undefined) => {
      let mail: InboundMail | null = null;
      try {
        if (headerBlock) mail = await readHeaders(headerBlock);
      } catch {
        mail = null;
      }
      const note = `[This mail could not be taken in whole: ${reason}. It stays in the mailbox (UID ${uid}).]`;
      const stored = mail ? await takeInMail(ctx, mail, fallbackId, [note]) : null;
      await intakeError(uid, mail, reason, stored?.messageId ?? null);
    };
    if (size > settings.maxMailBytes) {
      const headers = await connection.fetchOne(String(uid), { uid: true, headers: true }, { uid: true });
      await standIn(`it is ${formatBytes(size)}, over the ${formatBytes(settings.maxMailBytes)} limit`, headers ? headers.headers : undefined);
      return;
    }
    const fetched = await connection.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
    if (!fetched || !fetched.source) {
      await intakeError(uid, null, 'the mail vanished from the mailbox before it could be read', null);
      return;
    }
    let mail: InboundMail;
    try {
      mail = await readMail(fetched.source, settings.maxAttachmentBytes);
    } catch (error) {
      if (!(error instanceof MailReadError)) throw error;
      await standIn(error.message, fetched.source);
      return;
    }
    const stored = await takeInMail(ctx, mail, fallbackId);
    for (const part of mail.brokenParts)
      await intakeError(uid, mail, `broken MIME part ${part.name} (${part.type}): ${part.problem}`, stored?.messageId ?? null);
  };

  const check = async (): Promise<number> => {
    if (closed || Date.now() < retryAt) return 0;
    let taken = 0;
    try {
      client ??= await connect();
      const connection = client;
      const lock = await connection.getMailboxLock(imap.mailbox);
      try {
        // The server reports new mail only in answer to a command (or while idling): ask.
        await connection.noop();
        const opened = connection.mailbox;
        if (!opened) throw new Error(`mailbox ${imap.mailbox} could not be opened`);
        const uidValidity = Number(opened.uidValidity);
        const stored = await getMailboxCursor(ctx.store.db, mailbox);
        // A new UIDVALIDITY means the server renumbered the mailbox: every mail is looked at
        // again, and the ones already stored are recognised by their Message-ID. A mailbox seen
        // for the first time starts at its mails of the last `backfillDays`, not its whole history.
        let cursor: MailboxCursor =
          stored && stored.uidValidity === uidValidity
            ? stored
            : stored
              ? { uidValidity, lastUid: 0 }
              : { uidValidity, lastUid: (await firstRecentUid(connection, Number(opened.uidNext ?? 1))) - 1 };
        const pending: Array<{ uid: number; size: number }> = [];
        if (opened.exists > 0) {
          for await (const message of connection.fetch(`${cursor.lastUid + 1}:*`, { uid: true, size: true }, { uid: true }))
            if (message.uid > cursor.lastUid) pending.push({ uid: message.uid, size: message.size ?? 0 });
        }
        pending.sort((a, b) => a.uid - b.uid);
        for (const { uid, size } of pending) {
          if (closed) break;
          await takeIn(connection, cursor, uid, size);
          cursor = { uidValidity, lastUid: uid };
          await saveMailboxCursor(ctx.store.db, mailbox, cursor, ctx.now().toISOString());
          taken += 1;
        }
        if (!stored || stored.uidValidity !== uidValidity) await saveMailboxCursor(ctx.store.db, mailbox, cursor, ctx.now().toISOString());
      } finally {
        lock.release();
      }
      failures = 0;
      retryAt = 0;
      await health.succeeded();
    } catch (error) {
      drop();
      failures += 1;
      retryAt = Date.now() + (settings.retryMs[Math.min(failures, settings.retryMs.length) - 1] ?? 60_000);
      const reason = redact(error, [imap.pass]);
      log(`${mailbox}: ${reason} (attempt ${failures}; next in ${Math.round((retryAt - Date.now()) / 1000)} s)`);
      await health.failed(`${mailbox}: ${reason}`).catch(() => undefined);
    }
    return taken;
  };

  const job = startPeriodicJob<number>(databaseUrl, {
    lockKey: EMAIL_LEADER_LOCK_KEY,
    checkMs: settings.pollMs,
    idle: 0,
    run: check,
    log: (message, error) => log(`${message}: ${redact(error, [imap.pass])}`),
    // Another node leads now: its connection watches the mailbox, this one lets go.
    stopped: drop,
  });
  wake = () => void job.runNow().catch(() => undefined);
  return {
    isLeader: job.isLeader,
    checkNow: job.runNow,
    async close() {
      closed = true;
      wake = null;
      await job.close();
      drop();
    },
  };
}
