/**
 * The email channel against real mail servers on 127.0.0.1: dovecot (IMAP, its own instance on a
 * free port) holds the centre's mailbox, an smtp-server captures what the centre sends. A mail
 * appended to the mailbox becomes a conversation; an agent's reply (pushed like any reply) leaves
 * over SMTP in the customer's thread; the customer's answer threads back into the same
 * conversation; a restart of the server takes in what arrived meanwhile, once each; a wrong
 * password shows the connector failing with a clear error and no password; a bounce is stored
 * and never answered; an SMTP refusal is recorded on the reply; a 30 MB mail and a broken one are
 * recorded and lose nothing else. Runs on SQLite, and on PostgreSQL when its URL is given.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorStatusResponse } from '../../../shared/contracts/connectors';
import type { LoginResponse } from '../../../shared/contracts/http';
import { startServer, type RunningServer } from '../../../server/app';
import type { EmailSettings } from '../../../server/connectors/email/settings';
import { DEMO_PASSWORD } from '../../../server/demo/seed';
import { connectSocket, scratchDatabase, testBackends } from './harness';
import { dovecotBinary, startDovecot, startSmtpCapture, type Dovecot, type SmtpCapture } from './mailServers';
import { socketSync } from './socketSync';

const MAILBOX_USER = 'support';
const MAILBOX_PASSWORD = 'mailbox-secret-4471';
const WRONG_PASSWORD = 'not-the-password-9083';
/** A second mailbox with years of mail in it, connected for the first time. */
const ARCHIVE_USER = 'archive';
const FROM = 'Acme Support <support@acme.test>';
const SIGNATURE = 'Acme Support team\nhttps://acme.test/help';
const MB = 1024 * 1024;

async function eventually<T>(probe: () => Promise<T> | T, accept: (value: T) => boolean, what: string, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)?.slice(0, 600)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function mail(fields: {
  from: string;
  subject: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  body: string;
  headers?: string[];
}): string {
  return [
    `From: ${fields.from}`,
    'To: Acme Support <support@acme.test>',
    `Subject: ${fields.subject}`,
    `Date: ${new Date().toUTCString()}`,
    ...(fields.messageId ? [`Message-ID: <${fields.messageId}>`] : []),
    ...(fields.inReplyTo ? [`In-Reply-To: <${fields.inReplyTo}>`] : []),
    ...(fields.references ? [`References: ${fields.references.map((id) => `<${id}>`).join(' ')}`] : []),
    ...(fields.headers ?? []),
    'MIME-Version: 1.0',
    ...(fields.body.startsWith('Content-Type:') ? [] : ['Content-Type: text/plain; charset=utf-8', '']),
    fields.body,
    '',
  ].join('\r\n');
}

const available = dovecotBinary() !== null;
if (!available) console.warn('email.test.ts: dovecot is not installed (apt-get install -y dovecot-imapd); the email channel suite is skipped');

describe.runIf(available).each(testBackends())('the email channel over IMAP and SMTP (%s)', (backend) => {
  let dovecot: Dovecot;
  let smtp: SmtpCapture;
  let server: RunningServer;
  let dataDir: string;
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  let admin: Socket;
  let adminToken: string;
  const { pushOk } = socketSync();

  const emailSettings = (pass = MAILBOX_PASSWORD, user = MAILBOX_USER): Partial<EmailSettings> => ({
    imap: { host: '127.0.0.1', port: dovecot.port, secure: false, user, pass, mailbox: 'INBOX' },
    smtp: { host: '127.0.0.1', port: smtp.port, secure: false, user: undefined, pass: undefined },
    from: FROM,
    signature: SIGNATURE,
    pollMs: 250,
    retryMs: [200, 400, 800],
    sendRetryMs: [300, 600, 1_200, 2_400, 4_800, 9_600],
    sendCheckMs: 100,
    maxMailBytes: 25 * MB,
    maxAttachmentBytes: 1 * MB,
  });
  const boot = (options: { seed: boolean; pass?: string; user?: string }) =>
    startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      databaseUrl,
      seedDemo: options.seed,
      logger: false,
      env: {},
      tokenSecret: 'integration-test-token-secret',
      bot: { channels: [] },
      // Surveys on email, so a resolved bounce would be answered if nothing stopped it.
      surveys: { channels: ['email'] },
      email: emailSettings(options.pass, options.user),
    });
  const login = async (email: string) => {
    const response = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as LoginResponse;
  };
  const connectors = async () => {
    const response = await fetch(`${server.url}/api/v1/admin/connectors`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(response.status).toBe(200);
    return { body: (await response.json()) as ConnectorStatusResponse };
  };
  const headersOf = (rfcId: string) =>
    server.db.db.selectFrom('email_headers').selectAll().where('rfc_message_id', '=', rfcId).executeTakeFirst();
  const threadOf = (conversationId: string) =>
    server.db.db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId).orderBy('created_at').execute();
  const takenIn = (rfcId: string) => eventually(() => headersOf(rfcId), (row) => row !== undefined, `mail ${rfcId} taken in`).then((row) => row!);
  const reply = async (conversationId: string, text: string) => {
    const messageId = randomUUID();
    await pushOk(admin, 'message.send', { conversationId, messageId, kind: 'text', text });
    return messageId;
  };
  const connectAdmin = async () => {
    adminToken = (await login('admin@demo.switchboard')).token;
    admin = await connectSocket(server.url, adminToken);
  };

  beforeAll(async () => {
    dovecot = await startDovecot({ [MAILBOX_USER]: MAILBOX_PASSWORD, [ARCHIVE_USER]: MAILBOX_PASSWORD });
    smtp = await startSmtpCapture((recipient) => recipient === 'blocked@example.test');
    dataDir = mkdtempSync(join(tmpdir(), 'sb-email-test-'));
    if (backend === 'postgres') {
      const scratch = await scratchDatabase();
      databaseUrl = scratch.url;
      dropDatabase = scratch.drop;
    }
    server = await boot({ seed: true });
    await connectAdmin();
  }, 60_000);
  afterAll(async () => {
    admin?.close();
    await server?.close();
    await dropDatabase?.();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await smtp?.close();
    await dovecot?.stop();
  }, 60_000);

  it('takes a mail in as a conversation, replies in its thread over SMTP, and threads the answer back', async () => {
    const first = `order-5521-${randomUUID()}@example.test`;
    await dovecot.append(
      MAILBOX_USER,
      mail({
        from: 'Amy Lee <amy@example.test>',
        subject: 'Refund for order 5521',
        messageId: first,
        body: [
          'Content-Type: multipart/mixed; boundary="b1"',
          '',
          '--b1',
          'Content-Type: multipart/alternative; boundary="b2"',
          '',
          '--b2',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'Hello, I returned the blender last week and have no refund yet.',
          '',
          'On Mon, 1 Dec 2026 at 10:00, Acme Support wrote:',
          '> Thank you for your order.',
          '--b2',
          'Content-Type: text/html; charset=utf-8',
          '',
          '<p>Hello, I returned the blender last week and have no refund yet.</p><script>steal()</script>',
          '--b2--',
          '--b1',
          'Content-Type: application/pdf; name="receipt.pdf"',
          'Content-Disposition: attachment; filename="receipt.pdf"',
          'Content-Transfer-Encoding: base64',
          '',
          Buffer.from('%PDF-1.4 receipt').toString('base64'),
          '--b1',
          'Content-Type: video/mp4; name="unboxing.mp4"',
          'Content-Disposition: attachment; filename="unboxing.mp4"',
          'Content-Transfer-Encoding: base64',
          '',
          randomBytes(2 * MB).toString('base64').replace(/.{76}/g, '$&\r\n'),
          '--b1--',
        ].join('\r\n'),
      }),
    );
    const inbound = await takenIn(first);
    const conversation = await server.db.db.selectFrom('conversations').selectAll().where('id', '=', inbound.conversation_id).executeTakeFirstOrThrow();
    expect(conversation).toMatchObject({ channel: 'email', subject: 'Refund for order 5521', status: 'open' });
    const contact = await server.db.db.selectFrom('contacts').selectAll().where('id', '=', conversation.contact_id).executeTakeFirstOrThrow();
    expect(contact).toMatchObject({ email: 'amy@example.test', name: 'Amy Lee' });
    const [customer] = await threadOf(conversation.id);
    expect(customer).toMatchObject({ direction: 'in', kind: 'email', subject: 'Refund for order 5521' });
    // The customer's own words; the quoted history, markup and script are not in the thread.
    expect(customer!.text).toContain('I returned the blender last week');
    expect(customer!.text).not.toContain('Thank you for your order');
    expect(customer!.text).not.toMatch(/<p>|steal\(\)/);
    // Attachments: named with size and type; the one over the limit refused, with a note.
    expect(customer!.text).toContain('[Attachment: receipt.pdf');
    expect(customer!.text).toContain('[Attachment refused: unboxing.mp4 (2 MB, video/mp4): over the 1 MB limit]');
    expect(JSON.parse(inbound.attachments_json)).toEqual([
      { name: 'receipt.pdf', size: 16, type: 'application/pdf' },
      { name: 'unboxing.mp4', size: 2 * MB, type: 'video/mp4', refused: 'over the 1 MB limit' },
    ]);

    const replyId = await reply(conversation.id, 'We are sorry for the wait: the refund was sent today.');
    const sent = await eventually(() => smtp.received.find((m) => m.parsed.messageId === `<${replyId}@acme.test>`), Boolean, 'the reply at the SMTP server');
    expect(sent!.to).toEqual(['amy@example.test']);
    expect(sent!.parsed.from?.value[0]).toMatchObject({ name: 'Acme Support', address: 'support@acme.test' });
    expect(sent!.parsed.subject).toBe('Re: Refund for order 5521');
    expect(sent!.parsed.inReplyTo).toBe(`<${first}>`);
    expect([sent!.parsed.references].flat()).toEqual([`<${first}>`]);
    expect(sent!.parsed.text).toContain('the refund was sent today.\n\n-- \nAcme Support team\nhttps://acme.test/help');
    await eventually(() => server.db.db.selectFrom('email_headers').selectAll().where('message_id', '=', replyId).executeTakeFirst(), (row) => row?.delivery_status === 'sent', 'the reply recorded as sent');

    // The customer answers the reply: In-Reply-To our Message-ID, into the same conversation.
    const answer = `answer-${randomUUID()}@example.test`;
    await dovecot.append(
      MAILBOX_USER,
      mail({
        from: 'amy@example.test',
        subject: 'Re: Refund for order 5521',
        messageId: answer,
        inReplyTo: `${replyId}@acme.test`,
        references: [first, `${replyId}@acme.test`],
        body: 'Thank you, it arrived.',
      }),
    );
    expect((await takenIn(answer)).conversation_id).toBe(conversation.id);

    // A second reply carries the whole thread in References, In-Reply-To the latest mail.
    const second = await reply(conversation.id, 'Glad to hear it.');
    const sentAgain = await eventually(() => smtp.received.find((m) => m.parsed.messageId === `<${second}@acme.test>`), Boolean, 'the second reply');
    expect(sentAgain!.parsed.inReplyTo).toBe(`<${answer}>`);
    expect([sentAgain!.parsed.references].flat()).toEqual([`<${first}>`, `<${replyId}@acme.test>`, `<${answer}>`]);

    // No thread headers at all (a client that drops them): the sender and subject still thread it.
    const bare = `bare-${randomUUID()}@example.test`;
    await dovecot.append(MAILBOX_USER, mail({ from: 'amy@example.test', subject: 'RE: Refund for order 5521', messageId: bare, body: 'One more thing.' }));
    expect((await takenIn(bare)).conversation_id).toBe(conversation.id);
    // A new subject is a new conversation.
    const other = `other-${randomUUID()}@example.test`;
    await dovecot.append(MAILBOX_USER, mail({ from: 'amy@example.test', subject: 'Where is my invoice?', messageId: other, body: 'I need the invoice.' }));
    expect((await takenIn(other)).conversation_id).not.toBe(conversation.id);
  }, 120_000);

  it('after a restart takes in what arrived meanwhile, each mail once, and repeats nothing', async () => {
    const before = await server.db.db.selectFrom('email_headers').select('rfc_message_id').where('direction', '=', 'in').execute();
    admin.close();
    await server.close();
    const whileDown = [`down-1-${randomUUID()}@example.test`, `down-2-${randomUUID()}@example.test`];
    for (const [i, id] of whileDown.entries())
      await dovecot.append(MAILBOX_USER, mail({ from: `waiting${i}@example.test`, subject: `Question ${i}`, messageId: id, body: `Asked while you were away (${i}).` }));
    server = await boot({ seed: false });
    await connectAdmin();
    for (const id of whileDown) await takenIn(id);
    const after = () => server.db.db.selectFrom('email_headers').select('rfc_message_id').where('direction', '=', 'in').execute();
    // Give the watcher several more checks: still nothing repeated.
    await server.email.mailbox!.checkNow();
    await server.email.mailbox!.checkNow();
    const ids = (await after()).map((row) => row.rfc_message_id);
    expect(ids.sort()).toEqual([...before.map((row) => row.rfc_message_id), ...whileDown].sort());
    const inboundMessages = await server.db.db.selectFrom('messages').select('external_id').where('channel', '=', 'email').where('direction', '=', 'in').execute();
    expect(new Set(inboundMessages.map((m) => m.external_id)).size).toBe(inboundMessages.length);
    expect(inboundMessages).toHaveLength(ids.length);
    const cursor = await server.db.db.selectFrom('email_mailboxes').selectAll().executeTakeFirstOrThrow();
    expect(Number(cursor.last_uid)).toBe(ids.length);
    expect(cursor.mailbox).toBe(`${MAILBOX_USER}@127.0.0.1:${dovecot.port}/INBOX`);
  }, 120_000);

  it('stores a bounce in the thread of the reply it returns and never answers it, even when resolved with surveys on', async () => {
    const question = `gone-${randomUUID()}@example.test`;
    await dovecot.append(MAILBOX_USER, mail({ from: 'gone@example.test', subject: 'Warranty', messageId: question, body: 'Is the kettle under warranty?' }));
    const asked = await takenIn(question);
    const replyId = await reply(asked.conversation_id, 'Yes, for two years.');
    await eventually(() => smtp.received.find((m) => m.parsed.messageId === `<${replyId}@acme.test>`), Boolean, 'the reply sent');

    const bounce = `dsn-${randomUUID()}@mx.example.test`;
    await dovecot.append(
      MAILBOX_USER,
      mail({
        from: 'Mail Delivery System <MAILER-DAEMON@mx.example.test>',
        subject: 'Undelivered Mail Returned to Sender',
        messageId: bounce,
        headers: ['Auto-Submitted: auto-replied'],
        body: [
          'Content-Type: multipart/report; report-type=delivery-status; boundary="r1"',
          '',
          '--r1',
          'Content-Type: text/plain',
          '',
          'Your message could not be delivered to gone@example.test.',
          '--r1',
          'Content-Type: message/delivery-status',
          '',
          'Final-Recipient: rfc822; gone@example.test',
          'Action: failed',
          'Status: 5.1.1',
          '--r1',
          'Content-Type: text/rfc822-headers',
          '',
          'From: Acme Support <support@acme.test>',
          'To: gone@example.test',
          'Subject: Re: Warranty',
          `Message-ID: <${replyId}@acme.test>`,
          '--r1--',
        ].join('\r\n'),
      }),
    );
    const stored = await takenIn(bounce);
    expect(stored.automatic).toBe(1);
    expect(stored.conversation_id).toBe(asked.conversation_id);
    const conversation = await server.db.db.selectFrom('conversations').selectAll().where('id', '=', stored.conversation_id).executeTakeFirstOrThrow();
    expect(conversation.status).toBe('open');
    expect((await threadOf(conversation.id)).map((m) => m.text).join('\n')).toContain('could not be delivered');

    const sentBefore = smtp.received.length;
    await pushOk(admin, 'conversation.setStatus', { conversationId: conversation.id, status: 'resolved', baseVersion: Number(conversation.version) });
    await server.surveys.idle();
    const invitation = await eventually(
      () =>
        server.db.db
          .selectFrom('email_headers')
          .selectAll()
          .where('conversation_id', '=', conversation.id)
          .where('direction', '=', 'out')
          .where('message_id', '!=', replyId)
          .executeTakeFirst(),
      (row) => row?.delivery_status === 'failed',
      'the survey invitation recorded as not sent',
    );
    expect(invitation!.delivery_error).toMatch(/bounce or an auto-reply, which is never answered automatically/);
    expect(smtp.received.length).toBe(sentBefore);
    expect(smtp.received.some((m) => m.to.some((to) => /mailer-daemon/i.test(to)))).toBe(false);
  }, 120_000);

  it('never sends anything to a mail system', async () => {
    const bounce = `dsn-${randomUUID()}@mx.example.test`;
    await dovecot.append(
      MAILBOX_USER,
      mail({ from: 'MAILER-DAEMON@mx.example.test', subject: 'Delivery Status Notification (Failure)', messageId: bounce, body: 'Delivery to nobody@example.test failed.' }),
    );
    const stored = await takenIn(bounce);
    expect(stored.automatic).toBe(1);
    // Even an agent's reply: a mail system's address is never written to.
    const replyId = await reply(stored.conversation_id, 'Hello?');
    const row = await eventually(
      () => server.db.db.selectFrom('email_headers').selectAll().where('message_id', '=', replyId).executeTakeFirst(),
      (found) => found?.delivery_status === 'failed',
      'the reply to a mail system recorded as not sent',
    );
    expect(row!.delivery_error).toBe('not sent: mailer-daemon@mx.example.test is a mail system, which is never answered');
    expect(smtp.received.some((m) => m.to.some((to) => /mailer-daemon/i.test(to)))).toBe(false);
  }, 120_000);

  it('records an SMTP refusal on the reply, which stays in the thread', async () => {
    const id = `blocked-${randomUUID()}@example.test`;
    await dovecot.append(MAILBOX_USER, mail({ from: 'blocked@example.test', subject: 'Cancel my order', messageId: id, body: 'Please cancel order 881.' }));
    const inbound = await takenIn(id);
    const replyId = await reply(inbound.conversation_id, 'Your order 881 is cancelled.');
    const row = await eventually(
      () => server.db.db.selectFrom('email_headers').selectAll().where('message_id', '=', replyId).executeTakeFirst(),
      (found) => found?.delivery_status === 'failed',
      'the refused reply recorded',
    );
    expect(row!.delivery_error).toMatch(/550/);
    expect(row!.delivery_error).toMatch(/mailbox unavailable/);
    const thread = await eventually(() => threadOf(inbound.conversation_id), (messages) => messages.some((m) => m.kind === 'system'), 'the note in the thread');
    expect(thread.map((m) => m.text)).toContain('Your order 881 is cancelled.');
    // The agent is told under their reply, with the server's answer.
    expect(thread.find((m) => m.kind === 'system')!.text).toMatch(/^Reply not delivered to blocked@example\.test: .*550 5\.1\.1 mailbox unavailable/);
    // A refusal is about that mail; the SMTP connector itself still works.
    const smtpStatus = (await connectors()).body.connectors.find((c) => c.connector === 'email.smtp');
    expect(smtpStatus).toMatchObject({ state: 'connected', kind: 'smtp', channel: 'email' });
  }, 120_000);

  it('keeps a reply while the mail server is down and sends it, once, when it is back', async () => {
    const id = `outage-${randomUUID()}@example.test`;
    await dovecot.append(MAILBOX_USER, mail({ from: 'patient@example.test', subject: 'Delivery date', messageId: id, body: 'When will it arrive?' }));
    const inbound = await takenIn(id);
    const port = smtp.port;
    await smtp.close();
    const replyId = await reply(inbound.conversation_id, 'It arrives on Friday.');
    const pending = await eventually(
      () => server.db.db.selectFrom('email_headers').selectAll().where('message_id', '=', replyId).executeTakeFirst(),
      (row) => row?.delivery_status === 'pending' && row.delivery_attempts >= 2,
      'the reply waiting for the mail server, retried',
    );
    expect(pending!.delivery_error).toMatch(/ECONNREFUSED/);
    expect((await connectors()).body.connectors.find((c) => c.connector === 'email.smtp')).toMatchObject({ state: 'failing' });

    smtp = await startSmtpCapture((recipient) => recipient === 'blocked@example.test', port);
    const sent = () => smtp.received.filter((m) => m.parsed.messageId === `<${replyId}@acme.test>`);
    await eventually(sent, (list) => list.length > 0, 'the reply sent once the server is back');
    const row = await eventually(
      () => server.db.db.selectFrom('email_headers').selectAll().where('message_id', '=', replyId).executeTakeFirst(),
      (found) => found?.delivery_status === 'sent',
      'the reply recorded as sent',
    );
    expect(row!.delivery_error).toBeNull();
    expect(sent()).toHaveLength(1);
    expect(sent()[0]!.parsed.inReplyTo).toBe(`<${id}>`);
    expect((await connectors()).body.connectors.find((c) => c.connector === 'email.smtp')).toMatchObject({ state: 'connected', failures: 0 });
    // No note in the thread: the reply was only late.
    expect((await threadOf(inbound.conversation_id)).some((m) => m.kind === 'system')).toBe(false);
  }, 120_000);

  it('records a 30 MB mail, a broken part and an unreadable mail, each with a note in its thread, and takes in the mail after them', async () => {
    const huge = `huge-${randomUUID()}@example.test`;
    const brokenPart = `broken-part-${randomUUID()}@example.test`;
    const unreadable = `unreadable-${randomUUID()}@example.test`;
    const after = `after-${randomUUID()}@example.test`;
    await dovecot.append(
      MAILBOX_USER,
      mail({
        from: 'Big Sender <big@example.test>',
        subject: 'Photos of the damage',
        messageId: huge,
        body: ['Content-Type: application/octet-stream; name="photos.zip"', 'Content-Transfer-Encoding: base64', '', randomBytes(23 * MB).toString('base64').replace(/.{76}/g, '$&\r\n')].join('\r\n'),
      }),
    );
    await dovecot.append(
      MAILBOX_USER,
      mail({
        from: 'Outlook User <broken@example.test>',
        subject: 'Signed contract',
        messageId: brokenPart,
        body: [
          'Content-Type: multipart/mixed; boundary="q"',
          '',
          '--q',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'The signed contract is attached.',
          '--q',
          'Content-Type: application/ms-tnef; name="winmail.dat"',
          'Content-Transfer-Encoding: base64',
          '',
          '@@@@ this is not base64 !!',
          '--q--',
        ].join('\r\n'),
      }),
    );
    await dovecot.append(
      MAILBOX_USER,
      mail({ from: 'odd@example.test', subject: 'Odd mail', messageId: unreadable, headers: [`X-Tracking: ${'x'.repeat(2 * MB)}`], body: 'Hello?' }),
    );
    await dovecot.append(MAILBOX_USER, mail({ from: 'next@example.test', subject: 'Opening hours', messageId: after, body: 'Are you open on Sunday?' }));
    await takenIn(after);

    const errors = await server.db.db.selectFrom('email_intake_errors').selectAll().orderBy('uid').execute();
    const errorOf = (id: string) => errors.find((e) => e.rfc_message_id === id);
    expect(errorOf(huge)?.reason).toMatch(/^it is 3\d(\.\d)? MB, over the 25 MB limit$/);
    expect(errorOf(unreadable)?.reason).toBe('broken MIME structure: Max header size for a MIME node exceeded');
    for (const [id, sender] of [
      [huge, 'big@example.test'],
      [unreadable, 'odd@example.test'],
    ] as const) {
      const error = errorOf(id)!;
      const stored = await takenIn(id);
      expect(stored.from_address).toBe(sender);
      const [note] = await threadOf(stored.conversation_id);
      expect(note!.id).toBe(error.message_id);
      expect(note!.text).toBe(`[This mail could not be taken in whole: ${error.reason}. It stays in the mailbox (UID ${Number(error.uid)}).]`);
    }
    // A broken part is refused by name; the rest of its mail is kept.
    expect(errorOf(brokenPart)?.reason).toBe('broken MIME part winmail.dat (application/ms-tnef): its base64 content is corrupt');
    const withPart = await takenIn(brokenPart);
    const [contract] = await threadOf(withPart.conversation_id);
    expect(contract!.id).toBe(errorOf(brokenPart)!.message_id);
    expect(contract!.text).toContain('The signed contract is attached.');
    expect(contract!.text).toMatch(/\[Attachment refused: winmail\.dat \(\d+ B, application\/ms-tnef\): its base64 content is corrupt\]/);
  }, 120_000);

  it('takes in only the last days of a mailbox it sees for the first time, then everything new', async () => {
    const old = `old-${randomUUID()}@example.test`;
    const recent = `recent-${randomUUID()}@example.test`;
    const later = `later-${randomUUID()}@example.test`;
    await dovecot.append(ARCHIVE_USER, mail({ from: 'old@example.test', subject: 'Last year', messageId: old, body: 'An old question.' }), new Date(Date.now() - 30 * 86_400_000));
    await dovecot.append(ARCHIVE_USER, mail({ from: 'recent@example.test', subject: 'Yesterday', messageId: recent, body: 'A recent question.' }), new Date(Date.now() - 86_400_000));
    admin.close();
    await server.close();
    server = await boot({ seed: false, user: ARCHIVE_USER });
    await connectAdmin();
    await takenIn(recent);
    await dovecot.append(ARCHIVE_USER, mail({ from: 'recent@example.test', subject: 'Today', messageId: later, body: 'A new question.' }));
    await takenIn(later);
    expect(await headersOf(old)).toBeUndefined();
  }, 120_000);

  it('shows a wrong mailbox password as a failing connector with a clear error, retried, and never the password', async () => {
    admin.close();
    await server.close();
    server = await boot({ seed: false, pass: WRONG_PASSWORD });
    await connectAdmin();
    const failing = await eventually(
      async () => (await connectors()).body.connectors.find((c) => c.connector === 'email.imap'),
      (status) => status?.state === 'failing' && status.failures >= 2,
      'the IMAP connector failing after retries',
    );
    expect(failing).toMatchObject({ channel: 'email', direction: 'inbound', kind: 'imap', target: `${MAILBOX_USER}@127.0.0.1:${dovecot.port}/INBOX` });
    expect(failing!.lastError).toMatch(/Authentication failed/i);
    expect(failing!.lastSuccessAt).not.toBeNull();
    const whole = JSON.stringify((await connectors()).body);
    expect(whole).not.toContain(WRONG_PASSWORD);
    expect(whole).not.toContain(MAILBOX_PASSWORD);
    // Channels without a real connector still send through the demo connector.
    expect((await connectors()).body.connectors.find((c) => c.channel === 'chat' && c.direction === 'outbound')).toMatchObject({ kind: 'demo', state: 'connected' });
  }, 120_000);
});
