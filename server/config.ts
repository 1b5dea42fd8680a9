/**
 * The server's one configuration: a single zod schema composed of this file's variables and each
 * module's part (BOT_ENV, VIP_WAIT_ENV, ROUTING_ENV, SURVEY_ENV, EMAIL_ENV, next to the code they configure), parsed
 * once at start. A bad value stops the process with a ConfigError naming every bad variable and
 * what it accepts. No other server module reads the environment. Explicit options given to
 * startServer() override these. The token secret comes from SWITCHBOARD_TOKEN_SECRET, else from
 * `<dataDir>/token-secret`, generated once (mode 0600) so tokens survive restarts.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_POKE_COALESCE_MS } from './realtime/pokes';
import { defaultNluWorkers } from './domain/nlu/inboundClassifier';
import { BOT_ENV, botSettingsOf, type BotSettings } from './domain/bot/settings';
import { VIP_WAIT_ENV, vipWaitMsOf } from './domain/sla/vipWaiting';
import { ROUTING_ENV, offlineGraceMsOf } from './domain/routing/presenceTracker';
import { SURVEY_ENV, surveySettingsOf } from './domain/surveys';
import { RECORDING_ENV, recordingOriginsOf } from './domain/recordings';
import { EMAIL_ENV, emailSettingsOf, type EmailSettings } from './connectors/email/settings';
import type { SurveySettings } from '../shared/surveys';
import { ConfigError, envNumber, fromEnv } from './envField';
import { NLU_RETRAINING_ENV, retrainingScheduleOf, type NluRetrainingSchedule } from './jobs/nluRetraining';

export { ConfigError } from './envField';

const EnvSchema = z.object({
  PORT: fromEnv(envNumber({ min: 0, max: 65_535, integer: true }).default(4000)),
  HOST: fromEnv(z.string().default('127.0.0.1')),
  DATABASE_URL: fromEnv(
    z
      .string()
      .regex(
        /^postgres(ql)?:\/\//,
        'must be a postgres:// URL (leave unset for the embedded SQLite database)',
      )
      .optional(),
  ),
  REDIS_URL: fromEnv(
    z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// URL')
      .optional(),
  ),
  SWITCHBOARD_DATA_DIR: fromEnv(z.string().default('./.data/server')),
  SWITCHBOARD_TOKEN_SECRET: fromEnv(z.string().min(16, 'must be at least 16 characters').optional()),
  SWITCHBOARD_TOKEN_TTL_HOURS: fromEnv(envNumber({ min: 0, above: true, max: 24 * 365, unit: 'hours' }).default(12)),
  SWITCHBOARD_POKE_COALESCE_MS: fromEnv(
    envNumber({ min: 0, max: 1_000, integer: true, unit: 'ms' }).default(DEFAULT_POKE_COALESCE_MS),
  ),
  SWITCHBOARD_NLU_WORKERS: fromEnv(envNumber({ min: 0, max: 16, integer: true, unit: 'worker threads' }).default(defaultNluWorkers())),
  ...BOT_ENV,
  ...VIP_WAIT_ENV,
  ...ROUTING_ENV,
  ...SURVEY_ENV,
  ...RECORDING_ENV,
  ...NLU_RETRAINING_ENV,
  ...EMAIL_ENV,
});

export interface ServerConfig {
  port: number;
  host: string;
  /** Undefined means the embedded SQLite file `<dataDir>/server.db`. */
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  dataDir: string;
  /** Undefined means read or create `<dataDir>/token-secret`. */
  tokenSecret: string | undefined;
  tokenTtlHours: number;
  /** Quiet time between two poke flushes while commits keep coming (0: one poke per commit). */
  pokeCoalesceMs: number;
  /** Worker threads for classification and the bot's replies (0: on the event loop). */
  nluWorkers: number;
  /** The bot and sentiment alerts (domain/bot/settings.ts). */
  bot: BotSettings;
  /** How long a VIP customer waits in the queue before the leads are alerted (domain/sla/vipWaiting.ts). */
  vipWaitMs: number;
  /** How long an agent whose last socket is gone stays online (domain/routing/presenceTracker.ts). */
  offlineGraceMs: number;
  /** Which resolved conversations are surveyed, and how (domain/surveys.ts). */
  surveys: SurveySettings;
  /** Origins call recordings may be relayed from (domain/recordings.ts); none by default. */
  recordingOrigins: string[];
  /** When the leader retrains the classifier from agents' corrections by itself (jobs/nluRetraining.ts). */
  nluRetraining: NluRetrainingSchedule;
  /** The email channel over IMAP and SMTP (connectors/email/settings.ts); off unless its URLs are set. */
  email: EmailSettings;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new ConfigError(`invalid server configuration: ${problems}`);
  }
  const e = parsed.data;
  if (e.SWITCHBOARD_EMAIL_SMTP_URL && !e.SWITCHBOARD_EMAIL_FROM)
    throw new ConfigError('invalid server configuration: SWITCHBOARD_EMAIL_FROM: must be set when SWITCHBOARD_EMAIL_SMTP_URL is (the From of every reply)');
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dataDir: resolve(e.SWITCHBOARD_DATA_DIR),
    tokenSecret: e.SWITCHBOARD_TOKEN_SECRET,
    tokenTtlHours: e.SWITCHBOARD_TOKEN_TTL_HOURS,
    pokeCoalesceMs: e.SWITCHBOARD_POKE_COALESCE_MS,
    nluWorkers: e.SWITCHBOARD_NLU_WORKERS,
    bot: botSettingsOf(e),
    vipWaitMs: vipWaitMsOf(e),
    offlineGraceMs: offlineGraceMsOf(e),
    surveys: surveySettingsOf(e),
    recordingOrigins: recordingOriginsOf(e),
    nluRetraining: retrainingScheduleOf(e),
    email: emailSettingsOf(e),
  };
}

/** The signing secret: the given one, or the one stored in the data dir (created on first use). */
export function resolveTokenSecret(dataDir: string, given: string | undefined): Uint8Array {
  if (given) return new TextEncoder().encode(given);
  const file = join(dataDir, 'token-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  chmodSync(file, 0o600);
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}
