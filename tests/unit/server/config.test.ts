import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, resolveTokenSecret } from '../../../server/config';

describe('server config', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      redisUrl: undefined,
      tokenTtlHours: 12,
      pokeCoalesceMs: 15,
    });
    expect(config.dataDir.endsWith(join('.data', 'server'))).toBe(true);
  });

  it('reads the environment', () => {
    const config = loadConfig({
      PORT: '5000',
      DATABASE_URL: 'postgres://u@h/db',
      REDIS_URL: 'redis://h:6379',
      SWITCHBOARD_TOKEN_TTL_HOURS: '1.5',
      SWITCHBOARD_POKE_COALESCE_MS: '0',
    });
    expect(config).toMatchObject({
      port: 5000,
      databaseUrl: 'postgres://u@h/db',
      redisUrl: 'redis://h:6379',
      tokenTtlHours: 1.5,
      pokeCoalesceMs: 0,
    });
  });

  it('names the bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres/);
    for (const bad of ['-5', '2.5', 'soon', '5000'])
      expect(() => loadConfig({ SWITCHBOARD_POKE_COALESCE_MS: bad })).toThrow(/SWITCHBOARD_POKE_COALESCE_MS/);
  });

  it('creates the token secret once, readable only by the owner', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-config-'));
    try {
      const first = resolveTokenSecret(dir, undefined);
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(statSync(join(dir, 'token-secret')).mode & 0o777).toBe(0o600);
      expect(resolveTokenSecret(dir, undefined)).toEqual(first);
      expect(new TextDecoder().decode(resolveTokenSecret(dir, 'given-secret-0123456789'))).toBe(
        'given-secret-0123456789',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
