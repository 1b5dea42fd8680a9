/**
 * Who a widget visitor is. A browser gets a visitor token (a JWT signed with a key derived from
 * the server's token secret, so it can never pass for an agent's login token), kept in its
 * localStorage. A site's signed-in customer is vouched for by the site: the hex HMAC-SHA256 of
 * their user id with the channel's identity secret, as the well-known chat widgets do.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

/** How long a browser keeps its visitor identity without coming back. */
export const VISITOR_TOKEN_DAYS = 180;
const AUDIENCE = 'switchboard-visitor';

export const newIdentitySecret = () => `wsec_${randomBytes(24).toString('base64url')}`;

/** What a site's server computes for a signed-in customer (and what the widget passes on). */
export function identityHash(userId: string, secret: string): string {
  return createHmac('sha256', secret).update(userId, 'utf8').digest('hex');
}

export function identityMatches(userId: string, hash: string, secret: string): boolean {
  const expected = Buffer.from(identityHash(userId, secret), 'hex');
  const given = Buffer.from(hash, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const visitorKey = (tokenSecret: Uint8Array) => createHmac('sha256', tokenSecret).update('switchboard visitor tokens').digest();

export async function signVisitorToken(tokenSecret: Uint8Array, visitorId: string, channel: string, now: Date): Promise<string> {
  const issued = Math.floor(now.getTime() / 1000);
  return new SignJWT({ ch: channel })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(visitorId)
    .setAudience(AUDIENCE)
    .setIssuedAt(issued)
    .setExpirationTime(issued + VISITOR_TOKEN_DAYS * 86_400)
    .sign(visitorKey(tokenSecret));
}

/** The visitor id in a token this server signed for this channel; null for anything else. */
export async function readVisitorToken(tokenSecret: Uint8Array, token: string, channel: string, now: Date): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, visitorKey(tokenSecret), { algorithms: ['HS256'], audience: AUDIENCE, currentDate: now });
    return typeof payload.sub === 'string' && payload.ch === channel ? payload.sub : null;
  } catch {
    return null;
  }
}
