/**
 * Real mail servers on 127.0.0.1 for the email channel's tests: Debian's dovecot (IMAP), started
 * as a child process with a generated configuration in a temp dir (users from a static
 * passwd-file, Maildir storage, plaintext login without TLS), and an smtp-server capture that can
 * refuse chosen recipients. Both are stopped by the test (dovecot by its pid).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** The dovecot binary (SWITCHBOARD_TEST_DOVECOT, else Debian's path, else PATH), or null when absent. */
export function dovecotBinary(): string | null {
  const given = process.env.SWITCHBOARD_TEST_DOVECOT;
  if (given) return given;
  if (existsSync('/usr/sbin/dovecot')) return '/usr/sbin/dovecot';
  const found = spawnSync('sh', ['-c', 'command -v dovecot'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : null;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function accepting(port: number, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`dovecot did not listen on 127.0.0.1:${port} within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface Dovecot {
  port: number;
  /** APPENDs a raw mail to the user's INBOX over IMAP (`receivedAt`: its internal date, default now). */
  append(user: string, raw: string | Buffer, receivedAt?: Date): Promise<void>;
  stop(): Promise<void>;
}

/** `users`: name → password. */
export async function startDovecot(users: Record<string, string>): Promise<Dovecot> {
  const binary = dovecotBinary();
  if (!binary) throw new Error('dovecot is not installed (apt-get install -y dovecot-imapd)');
  const dir = mkdtempSync(join(tmpdir(), 'sb-dovecot-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const root = process.getuid?.() === 0;
  // As root, dovecot insists on its own unprivileged users; otherwise everything runs as us.
  const me = userInfo();
  const owner = root ? lookup('dovecot') : { uid: me.uid, gid: me.gid, name: me.username };
  const login = root ? lookup('dovenull').name : me.username;
  const mail = join(dir, 'mail');
  mkdirSync(mail);
  if (root) chownSync(mail, owner.uid, owner.gid);
  writeFileSync(
    join(dir, 'passwd'),
    Object.entries(users)
      .map(([name, password]) => `${name}:{PLAIN}${password}:${owner.uid}:${owner.gid}::${join(mail, name)}`)
      .join('\n') + '\n',
  );
  const conf = join(dir, 'dovecot.conf');
  writeFileSync(
    conf,
    [
      `base_dir = ${join(dir, 'run')}`,
      `state_dir = ${join(dir, 'state')}`,
      `log_path = ${join(dir, 'dovecot.log')}`,
      'protocols = imap',
      'listen = 127.0.0.1',
      'ssl = no',
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain login',
      `mail_location = maildir:${mail}/%u`,
      `first_valid_uid = ${Math.min(owner.uid, 1) || 0}`,
      `default_internal_user = ${owner.name}`,
      `default_internal_group = ${root ? 'dovecot' : owner.name}`,
      `default_login_user = ${login}`,
      'passdb {',
      '  driver = passwd-file',
      `  args = scheme=PLAIN ${join(dir, 'passwd')}`,
      '}',
      'userdb {',
      '  driver = passwd-file',
      `  args = ${join(dir, 'passwd')}`,
      '}',
      // No chroot: it needs root, and the tests may run without.
      'service imap-login {',
      '  chroot =',
      '  inet_listener imap {',
      '    address = 127.0.0.1',
      `    port = ${port}`,
      '  }',
      '}',
      'service anvil {',
      '  chroot =',
      '}',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(binary, ['-F', '-c', conf], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await accepting(port, 15_000);
  return {
    port,
    async append(user, raw, receivedAt) {
      const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass: users[user]! }, logger: false });
      await client.connect();
      try {
        await client.append('INBOX', raw, [], receivedAt);
      } finally {
        await client.logout();
      }
    },
    async stop() {
      if (child.exitCode === null && child.pid) {
        process.kill(child.pid, 'SIGTERM');
        const timer = setTimeout(() => child.pid && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function lookup(name: string): { uid: number; gid: number; name: string } {
  const uid = Number(spawnSync('id', ['-u', name], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', name], { encoding: 'utf8' }).stdout.trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid) || !uid) throw new Error(`the system user ${name} (from dovecot-core) is missing`);
  return { uid, gid, name };
}

export interface CapturedMail {
  from: string;
  to: string[];
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpCapture {
  port: number;
  received: CapturedMail[];
  close(): Promise<void>;
}

/** Accepts every mail except to the recipients `refuse` names, which get `550 5.1.1 mailbox unavailable`; `port` 0 picks a free one. */
export async function startSmtpCapture(refuse: (recipient: string) => boolean = () => false, port = 0): Promise<SmtpCapture> {
  const received: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse(address.address)) {
        const error = new Error('5.1.1 mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        void simpleParser(raw).then((parsed) => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            raw,
            parsed,
          });
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const bound = (server.server.address() as AddressInfo).port;
  return { port: bound, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
