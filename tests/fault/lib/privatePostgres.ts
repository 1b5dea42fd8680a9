/**
 * A private PostgreSQL cluster for one test: initdb into a temp dir and a postmaster on a free
 * 127.0.0.1 port, so the test may restart or crash it without touching the machine's shared
 * server. Run as the current user, or as `postgres` through runuser when the test runs as root
 * (initdb refuses root). `available()` says why not when the binaries are missing.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './util';

function binDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) if (existsSync(join(root, version, 'bin', 'initdb'))) return join(root, version, 'bin');
  return null;
}

/** Null when a private cluster can be started, else the reason it cannot. */
export function postgresUnavailable(): string | null {
  if (!binDir()) return 'PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb) are not installed';
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0) return 'running as root and there is no postgres user to run initdb as';
  return null;
}

export interface PrivatePostgres {
  url: string;
  port: number;
  /** The postmaster's pid (from postmaster.pid), or 0 when it is down. */
  pid(): number;
  /** `pg_ctl restart`: 'fast' disconnects clients cleanly, 'immediate' is a crash and recovery. */
  restart(mode: 'fast' | 'immediate'): void;
  stop(): void;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir();
  if (!bin) throw new Error(postgresUnavailable() ?? 'no PostgreSQL');
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'sb-fault-pg-'));
  if (asRoot) {
    const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim();
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  const data = join(dir, 'data');
  const port = await freePort();
  const run = (tool: string, args: string[], timeout = 60_000) => {
    const command = asRoot ? 'runuser' : join(bin, tool);
    const full = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
    const result = spawnSync(command, full, { encoding: 'utf8', timeout, cwd: dir });
    if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr || result.stdout || result.error?.message}`);
  };
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c max_connections=60`;
  const pgCtl = (action: string, extra: string[] = []) => run('pg_ctl', [action, '-D', data, '-w', '-t', '60', '-l', join(dir, 'log'), '-o', options, ...extra]);
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--locale=C']);
  pgCtl('start');
  const pid = () => {
    try {
      return Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]) || 0;
    } catch {
      return 0;
    }
  };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    pid,
    restart(mode) {
      pgCtl('restart', ['-m', mode]);
    },
    stop() {
      const postmaster = pid();
      try {
        if (postmaster) pgCtl('stop', ['-m', 'immediate']);
      } catch {
        // pg_ctl could not stop it: end that pid ourselves
        if (postmaster) {
          try {
            process.kill(postmaster, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
