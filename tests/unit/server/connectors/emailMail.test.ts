/** Reading mail and the email channel's settings: the pure parts, table by table. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../server/config';
import { messageIds, readMail, subjectKey } from '../../../../server/connectors/email/mail';
import { describeMailbox, imapSettingsOf, smtpSettingsOf } from '../../../../server/connectors/email/settings';
import { redact } from '../../../../server/connectors/status';

const raw = (headers: string[], body = 'Hello') =>
  Buffer.from([...headers, 'Content-Type: text/plain; charset=utf-8', '', body, ''].join('\r\n'));

describe('subjectKey', () => {
  it.each([
    ['Refund for order 5521', 'refund for order 5521'],
    ['Re: Refund for order 5521', 'refund for order 5521'],
    ['RE: Fwd: re:  Refund   for order 5521 ', 'refund for order 5521'],
    ['AW: Rechnung', 'rechnung'],
    ['回复：退款什么时候到账', '退款什么时候到账'],
    ['Re[2]: Invoice', 'invoice'],
    ['Regarding the invoice', 'regarding the invoice'],
    ['', ''],
  ])('%j → %j', (subject, key) => expect(subjectKey(subject)).toBe(key));
});

describe('messageIds', () => {
  it.each([
    ['<a@x.test>', ['a@x.test']],
    ['<a@x.test> <b@y.test>\r\n <c@z.test>', ['a@x.test', 'b@y.test', 'c@z.test']],
    [['<a@x.test>', '<b@y.test>'], ['a@x.test', 'b@y.test']],
    ['a@x.test', ['a@x.test']],
    [undefined, []],
  ] as const)('%j → %j', (value, ids) => expect(messageIds(value as string | string[] | undefined)).toEqual(ids));
});

describe('what counts as automatic mail', () => {
  it.each([
    [['From: amy@example.test'], false],
    [['From: amy@example.test', 'Auto-Submitted: no'], false],
    [['From: amy@example.test', 'Auto-Submitted: auto-replied'], true],
    [['From: amy@example.test', 'X-Autoreply: yes'], true],
    [['From: amy@example.test', 'Precedence: bulk'], true],
    [['From: amy@example.test', 'Precedence: auto_reply'], true],
    [['From: MAILER-DAEMON@mx.example.test'], true],
    [['From: postmaster@example.test'], true],
  ])('%j → %s', async (headers, automatic) => {
    expect((await readMail(raw(headers), 1024)).automatic).toBe(automatic);
  });

  it('knows a delivery report by its content type', async () => {
    const report = Buffer.from(
      ['From: mail@mx.example.test', 'Content-Type: multipart/report; report-type=delivery-status; boundary="r"', '', '--r', 'Content-Type: text/plain', '', 'failed', '--r--', ''].join('\r\n'),
    );
    expect((await readMail(report, 1024)).automatic).toBe(true);
  });

  it('refuses a mail without a sender with a clear error', async () => {
    await expect(readMail(raw(['Subject: who?']), 1024)).rejects.toThrow('the mail names no sender address (From)');
  });
});

describe('email settings', () => {
  it('reads IMAP and SMTP URLs, URL-encoded credentials included, and names a mailbox without its password', () => {
    const imap = imapSettingsOf('imaps://support%40acme.example:p%40ss%2Fword@imap.acme.example/Support%20Inbox');
    expect(imap).toEqual({ host: 'imap.acme.example', port: 993, secure: true, user: 'support@acme.example', pass: 'p@ss/word', mailbox: 'Support Inbox' });
    expect(describeMailbox(imap)).toBe('support@acme.example@imap.acme.example:993/Support Inbox');
    expect(imapSettingsOf('imap://u:p@127.0.0.1:1143')).toMatchObject({ port: 1143, secure: false, mailbox: 'INBOX' });
    expect(smtpSettingsOf('smtp://relay.acme.example')).toEqual({ host: 'relay.acme.example', port: 587, secure: false, user: undefined, pass: undefined });
    expect(smtpSettingsOf('smtps://u:p@relay.acme.example')).toMatchObject({ port: 465, secure: true, user: 'u', pass: 'p' });
  });

  it.each([
    [{ SWITCHBOARD_EMAIL_IMAP_URL: 'imap://support@imap.acme.example/INBOX' }, 'SWITCHBOARD_EMAIL_IMAP_URL: must be imap://'],
    [{ SWITCHBOARD_EMAIL_IMAP_URL: 'http://u:hunter2secret@imap.acme.example/' }, 'SWITCHBOARD_EMAIL_IMAP_URL: must be imap://'],
    [{ SWITCHBOARD_EMAIL_SMTP_URL: 'mailto:u:hunter2secret@smtp' }, 'SWITCHBOARD_EMAIL_SMTP_URL: must be smtp://'],
    [{ SWITCHBOARD_EMAIL_SMTP_URL: 'smtp://u:hunter2secret@smtp.acme.example' }, 'SWITCHBOARD_EMAIL_FROM: must be set'],
    [{ SWITCHBOARD_EMAIL_FROM: 'not an address' }, 'SWITCHBOARD_EMAIL_FROM: must be an address'],
    [{ SWITCHBOARD_EMAIL_POLL_SEC: '1' }, 'SWITCHBOARD_EMAIL_POLL_SEC: must be a whole number of seconds from 5 to 3600'],
  ])('stops start-up on %j, naming the variable and never the password', (env, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect((error as Error).name).toBe('ConfigError');
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain('hunter2secret');
  });

  it('is off unless configured, and reads the signature’s line breaks', () => {
    expect(loadConfig({}).email).toMatchObject({ imap: undefined, smtp: undefined, pollMs: 60_000, maxMailBytes: 25 * 1024 * 1024 });
    expect(loadConfig({ SWITCHBOARD_EMAIL_SIGNATURE: 'Acme care\\nhttps://acme.example' }).email.signature).toBe('Acme care\nhttps://acme.example');
  });
});

describe('redact', () => {
  it('keeps the server’s answer and removes every secret', () => {
    const error = Object.assign(new Error('Command failed'), { responseText: 'Authentication failed for hunter2secret', code: 'EAUTH' });
    expect(redact(error, ['hunter2secret', undefined])).toBe('Command failed: Authentication failed for *** (EAUTH)');
  });
});
