/** The webhook signature (shared/contracts/webhooks.ts): HMAC-SHA256 of "<t>.<body>". */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'switchboard-signature';
/** A receiver should refuse signatures older than this (replays). */
export const SIGNATURE_TOLERANCE_SEC = 300;

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

export function signWebhook(body: string, secret: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

/** What a receiver does; used by the tests and documented in the README. */
export function verifyWebhook(
  body: string,
  header: string | undefined,
  secret: string,
  nowSeconds: number,
  toleranceSec = SIGNATURE_TOLERANCE_SEC,
): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((part) => part.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(nowSeconds - t) > toleranceSec) return false;
  const expected = Buffer.from(signWebhook(body, secret, t).split('v1=')[1]!, 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
