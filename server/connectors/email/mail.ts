/**
 * One raw mail read into what the channel keeps: sender, subject, the thread headers, the text
 * (HTML turned into text by mailparser; markup, scripts and styles never reach the thread), the
 * attachments' names, sizes and types (their content is not kept), and whether a mail system or
 * an auto-responder sent it. mailparser reads broken parts leniently (corrupt base64 becomes
 * garbage bytes), so each part's transfer encoding is checked first with the same MIME splitter:
 * a broken part is refused by name with the reason, and the rest of the mail is kept. A mail
 * whose structure cannot be read at all gives a MailReadError; its header block, read alone,
 * still names the sender.
 */
import { Readable, type Transform } from 'node:stream';
import { Splitter } from '@zone-eu/mailsplit';
import { simpleParser, type AddressObject, type HeaderValue, type ParsedMail } from 'mailparser';

export interface AttachmentNote {
  name: string;
  size: number;
  type: string;
  /** Why it was not taken in (over the size limit, its content broken). */
  refused?: string;
}

/** A part whose content does not decode as its headers say. */
export interface BrokenPart {
  name: string;
  type: string;
  problem: string;
}

export interface InboundMail {
  /** Without angle brackets; null when the mail has none. */
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  fromAddress: string;
  fromName: string | undefined;
  toAddress: string | undefined;
  subject: string;
  text: string;
  date: Date | undefined;
  /** A bounce, an out-of-office or another machine's mail: stored, never answered automatically. */
  automatic: boolean;
  attachments: AttachmentNote[];
  brokenParts: BrokenPart[];
}

export class MailReadError extends Error {
  override name = 'MailReadError';
}

/** `<a@b>` → `a@b`; several ids in one header → each. */
export function messageIds(value: string | string[] | undefined): string[] {
  const all = [value ?? []].flat().join(' ');
  const bracketed = [...all.matchAll(/<([^<>\s]+)>/g)].map((match) => match[1]!);
  if (bracketed.length > 0) return bracketed;
  return all.split(/\s+/).filter((id) => id.includes('@'));
}

/** `Re: RE: Fwd: Refund` → `refund`: how a reply's subject is matched with the thread's. */
export function subjectKey(subject: string): string {
  let key = subject.trim();
  for (;;) {
    const next = key.replace(/^\s*((re|fw|fwd|aw|sv|回复|答复|转发)\s*(\[\d+\])?\s*[:：]\s*)/i, '');
    if (next === key) break;
    key = next;
  }
  return key.replace(/\s+/g, ' ').trim().toLowerCase();
}

const SYSTEM_SENDER = /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)$/i;

/** RFC 3834 and the common conventions for machine-sent mail. */
export function isAutomatic(headers: Map<string, HeaderValue>, fromAddress: string): boolean {
  const text = (name: string) => {
    const value = headers.get(name);
    if (value === undefined) return '';
    if (typeof value === 'string') return value.toLowerCase();
    if (typeof value === 'object' && value !== null && 'value' in value) return String(value.value).toLowerCase();
    return String(value).toLowerCase();
  };
  const contentType = text('content-type');
  const autoSubmitted = text('auto-submitted');
  const precedence = text('precedence');
  return (
    contentType.startsWith('multipart/report') ||
    (autoSubmitted !== '' && autoSubmitted !== 'no') ||
    headers.has('x-autoreply') ||
    headers.has('x-autorespond') ||
    ['bulk', 'auto_reply', 'junk'].includes(precedence.trim()) ||
    SYSTEM_SENDER.test(fromAddress.split('@')[0] ?? '')
  );
}

function firstAddress(field: AddressObject | AddressObject[] | undefined): { address?: string; name?: string } {
  const list = [field ?? []].flat().flatMap((group) => group.value);
  const found = list.find((entry) => entry.address) ?? list.flatMap((entry) => entry.group ?? []).find((entry) => entry.address);
  return { address: found?.address, name: found?.name || undefined };
}

const RETURNED_PARTS = new Set(['message/rfc822', 'text/rfc822-headers', 'message/rfc822-headers', 'message/global', 'message/global-headers']);

function returnedMessageIds(parsed: ParsedMail): string[] {
  return parsed.attachments
    .filter((part) => RETURNED_PARTS.has(part.contentType.toLowerCase()))
    .flatMap((part) => {
      const head = part.content.subarray(0, 64 * 1024).toString('utf8').split(/\r?\n\r?\n/)[0] ?? '';
      const match = /^message-id:\s*(<[^<>\s]+>)/im.exec(head);
      return match ? messageIds(match[1]) : [];
    });
}

function fromParsed(parsed: ParsedMail, maxAttachmentBytes: number): InboundMail {
  const from = firstAddress(parsed.from);
  if (!from.address) throw new MailReadError('the mail names no sender address (From)');
  const fromAddress = from.address.toLowerCase();
  const attachments: AttachmentNote[] = parsed.attachments.map((part) => {
    const note: AttachmentNote = { name: part.filename ?? '(unnamed)', size: part.size, type: part.contentType };
    if (part.size > maxAttachmentBytes) note.refused = `over the ${formatBytes(maxAttachmentBytes)} limit`;
    return note;
  });
  const automatic = isAutomatic(parsed.headers, fromAddress);
  // A bounce names the mail it returns only inside its report: that mail's Message-ID threads it.
  const returned = automatic ? returnedMessageIds(parsed) : [];
  const references = [...messageIds(parsed.references), ...returned];
  return {
    messageId: messageIds(parsed.messageId)[0] ?? null,
    inReplyTo: messageIds(parsed.inReplyTo)[0] ?? null,
    references,
    fromAddress,
    fromName: from.name,
    toAddress: firstAddress(parsed.to).address?.toLowerCase(),
    subject: (parsed.subject ?? '').trim(),
    text: (parsed.text ?? '').trim(),
    date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : undefined,
    automatic,
    attachments,
    brokenParts: [],
  };
}

const BASE64_BODY = /^[A-Za-z0-9+/=\s]*$/;
const QP_BODY = /^(?:[^=]|=[0-9A-Fa-f]{2}|=\r?\n|=$)*$/;

/** Walks the MIME tree and checks every leaf's transfer encoding; throws when the tree cannot be walked. */
async function brokenPartsOf(source: Buffer): Promise<BrokenPart[]> {
  const broken: BrokenPart[] = [];
  let current: { name: string; type: string; encoding: string; body: string[] } | null = null;
  const finish = () => {
    if (!current) return;
    const body = current.body.join('');
    const valid = current.encoding === 'base64' ? BASE64_BODY.test(body) && body.replace(/\s/g, '').length % 4 !== 1 : current.encoding === 'quoted-printable' ? QP_BODY.test(body) : true;
    if (!valid) broken.push({ name: current.name, type: current.type, problem: `its ${current.encoding} content is corrupt` });
    current = null;
  };
  const splitter = new Splitter();
  await new Promise<void>((resolve, reject) => {
    splitter.on('data', (chunk: { type: string; value?: Buffer; multipart?: string | false; filename?: string | false; contentType?: string | false; encoding?: string | false }) => {
      if (chunk.type === 'node') {
        finish();
        if (!chunk.multipart && chunk.encoding && ['base64', 'quoted-printable'].includes(chunk.encoding.toLowerCase()))
          current = { name: chunk.filename || '(unnamed)', type: chunk.contentType || 'application/octet-stream', encoding: chunk.encoding.toLowerCase(), body: [] };
      } else if (chunk.type === 'body' && current && chunk.value) current.body.push(chunk.value.toString('latin1'));
    });
    // The splitter's declared events are its object chunks only; it is a Transform all the same.
    const stream = splitter as unknown as Transform;
    stream.once('end', () => resolve());
    stream.once('error', reject);
    Readable.from([source]).pipe(splitter);
  });
  finish();
  return broken;
}

export async function readMail(source: Buffer, maxAttachmentBytes: number): Promise<InboundMail> {
  let parsed: ParsedMail;
  let brokenParts: BrokenPart[];
  try {
    brokenParts = await brokenPartsOf(source);
    parsed = await simpleParser(source, { skipImageLinks: true, skipTextToHtml: true });
  } catch (error) {
    throw new MailReadError(`broken MIME structure: ${error instanceof Error ? error.message : String(error)}`);
  }
  const mail = fromParsed(parsed, maxAttachmentBytes);
  // A broken part's decoded bytes mean nothing: it is refused, named and explained instead.
  const attachments = mail.attachments.map((part) => {
    const broken = brokenParts.find((b) => b.name === part.name && b.type === part.type);
    return broken ? { ...part, refused: broken.problem } : part;
  });
  const unlisted = brokenParts
    .filter((b) => !attachments.some((part) => part.name === b.name && part.type === b.type))
    .map((b) => ({ name: b.name, size: 0, type: b.type, refused: b.problem }));
  return { ...mail, attachments: [...attachments, ...unlisted], brokenParts };
}

/** The header block alone (a mail too large to download, or one whose body cannot be read). */
export async function readHeaders(headerBlock: Buffer): Promise<InboundMail> {
  const end = headerBlock.indexOf('\r\n\r\n');
  const block = end >= 0 ? headerBlock.subarray(0, end) : headerBlock;
  // A header too large to read (what may have broken the mail) is left out; From and the ids are short.
  const lines = block.toString('latin1').split('\r\n').filter((line) => line.length <= 8_192);
  const parsed = await simpleParser(Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), { skipTextToHtml: true });
  return { ...fromParsed(parsed, Number.MAX_SAFE_INTEGER), text: '', attachments: [] };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
