/** Typed errors every boundary returns instead of throwing raw exceptions at the caller. */
import { z } from 'zod';

export const ERROR_CODES = [
  'invalid', // payload failed validation
  'too_large', // payload or message over the limit
  'unauthorized', // no, expired or revoked token; wrong credentials
  'forbidden', // authenticated, but not allowed for this role or team
  'not_found',
  'stale', // versioned write based on an old version
  'unknown_event',
  'offline', // the core cannot reach the server for something that needs it
  'internal',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ErrorBodySchema = z.object({ code: ErrorCodeSchema, message: z.string() });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export class SwitchboardError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SwitchboardError';
  }
  toBody(): ErrorBody {
    return { code: this.code, message: this.message };
  }
}

/** Short, readable description of a zod failure: "text: Too big; contact.name: Required". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(body)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Parse or throw a SwitchboardError: `too_large` when a text, list or payload is over its limit,
 * else `invalid` (a number above its maximum, such as a survey score of 11, is a wrong value, not
 * a large one).
 */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const tooBig = result.error.issues.some(
    (issue) => issue.code === 'too_big' && issue.origin !== 'number' && issue.origin !== 'bigint' && issue.origin !== 'date',
  );
  throw new SwitchboardError(tooBig ? 'too_large' : 'invalid', `${what}: ${describeIssues(result.error)}`);
}
