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

  it('reads every module\'s part in the same parse: bot, VIP wait, offline grace', () => {
    const config = loadConfig({
      SWITCHBOARD_BOT_CHANNELS: 'chat, sms',
      SWITCHBOARD_BOT_MAX_TURNS: '5',
      SWITCHBOARD_SENTIMENT_RAISE_PRIORITY: 'true',
      SWITCHBOARD_VIP_WAIT_SEC: '90',
      SWITCHBOARD_OFFLINE_GRACE_SEC: '0',
    });
    expect(config.bot).toMatchObject({ channels: ['chat', 'sms'], maxTurns: 5, raisePriorityOnNegative: true });
    expect(config.vipWaitMs).toBe(90_000);
    expect(config.offlineGraceMs).toBe(0);
    expect(loadConfig({})).toMatchObject({ vipWaitMs: 120_000, offlineGraceMs: 30_000 });
    expect(loadConfig({}).bot.channels).toEqual(['chat', 'sms', 'social']);
  });

  it('stops on a bad value anywhere, naming each variable and what it accepts', () => {
    const problems = (env: NodeJS.ProcessEnv) => {
      try {
        loadConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    // A bad grace period used to fall back to 30 s without a word.
    expect(problems({ SWITCHBOARD_OFFLINE_GRACE_SEC: '-1' })).toMatch(/SWITCHBOARD_OFFLINE_GRACE_SEC: must be a number of seconds from 0 to 3600/);
    expect(problems({ SWITCHBOARD_OFFLINE_GRACE_SEC: 'soon' })).toMatch(/SWITCHBOARD_OFFLINE_GRACE_SEC/);
    expect(problems({ SWITCHBOARD_VIP_WAIT_SEC: '0' })).toMatch(/SWITCHBOARD_VIP_WAIT_SEC: must be a number of seconds above 0, up to 86400/);
    expect(problems({ SWITCHBOARD_BOT_CHANNELS: 'chat,fax' })).toMatch(/SWITCHBOARD_BOT_CHANNELS: not a bot channel: fax \(use chat, sms, social or none\)/);
    const both = problems({ PORT: 'eighty', SWITCHBOARD_BOT_CONFIDENCE: '2' });
    expect(both).toMatch(/PORT: must be a whole number from 0 to 65535/);
    expect(both).toMatch(/SWITCHBOARD_BOT_CONFIDENCE: must be a number from 0 to 1/);
    expect(problems({ SWITCHBOARD_SENTIMENT_RAISE_PRIORITY: 'yes' })).toMatch(/must be 0, 1, true or false/);
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
