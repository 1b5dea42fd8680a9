/**
 * What every part of the server configuration is built from (the parts live with their modules
 * and are composed into one schema in config.ts, parsed once at start).
 */
import { z } from 'zod';

/** Unset and blank variables both mean "use the default". */
export const fromEnv = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined), schema);

/**
 * A number variable whose every error says what it accepts ("must be a whole number of
 * seconds from 1 to 3600"). `above` excludes the minimum itself.
 */
export function envNumber(options: { min: number; max: number; integer?: boolean; unit?: string; above?: boolean }) {
  const what = `${options.integer ? 'a whole number' : 'a number'}${options.unit ? ` of ${options.unit}` : ''}`;
  const range = options.above ? `above ${options.min}, up to ${options.max}` : `from ${options.min} to ${options.max}`;
  const error = `must be ${what} ${range}`;
  let schema = z.coerce.number({ error });
  if (options.integer) schema = schema.int(error);
  schema = options.above ? schema.gt(options.min, error) : schema.min(options.min, error);
  return schema.max(options.max, error);
}

/** A variable the server cannot start with; the message names it and what it accepts. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** One variable for an entry script (scripts/): parsed by `schema`, a ConfigError naming it if bad. */
export function envVar<T extends z.ZodType>(env: NodeJS.ProcessEnv, name: string, schema: T): z.infer<T> {
  const parsed = fromEnv(schema).safeParse(env[name]);
  if (!parsed.success) {
    throw new ConfigError(`${name}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  }
  return parsed.data;
}
