/**
 * Agent authentication: argon2 password check, one session row per login, and a short HS256 JWT
 * (`sub` = agent id, `sid` = session id, `exp`). Every use of a token re-reads the session and the
 * agent, so revoking a session or changing an agent's teams takes effect at the next handshake.
 */
import { createHash, randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { SignJWT, jwtVerify } from 'jose';
import { SwitchboardError } from '../../shared/contracts/errors';
import type { LoginRequest, LoginResponse } from '../../shared/contracts/http';
import type { Agent } from '../../shared/domain/model';
import type { Viewer } from '../../shared/domain/visibility';
import { findAgentByEmail, getAgent, agentTeamIds, agentFromRow } from '../db/queries/directory';
import { getSession, insertSession, revokeSession as markSessionRevoked } from '../db/queries/sessions';
import type { DomainContext } from './context';

const WRONG_CREDENTIALS = 'email or password is incorrect';
const BAD_TOKEN = 'sign in again: the session token is missing, expired or revoked';

export interface AuthenticatedAgent {
  agent: Agent;
  viewer: Viewer;
  sessionId: string;
  expiresAt: Date;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Channel tokens are stored only as this hash, so a database dump does not leak them. */
export function hashChannelToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

// Verified against when the email is unknown, so both failures take about as long.
let decoyHash: Promise<string> | undefined;

export async function login(ctx: DomainContext, request: LoginRequest): Promise<LoginResponse> {
  const row = await findAgentByEmail(ctx.store.db, request.email);
  decoyHash ??= hash('not-a-password');
  const ok = row
    ? await verify(row.password_hash, request.password)
    : (await verify(await decoyHash, request.password), false);
  if (!row || !ok) throw new SwitchboardError('unauthorized', WRONG_CREDENTIALS);

  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.tokenTtlHours * 3_600_000);
  const sessionId = randomUUID();
  await insertSession(ctx.store.db, {
    id: sessionId,
    agent_id: row.id,
    created_at: now.toISOString(),
    expires_at: expiresAt.toISOString(),
    revoked_at: null,
  });
  const token = await new SignJWT({ sid: sessionId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(row.id)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(ctx.tokenSecret);
  return { token, agent: agentFromRow(row, await agentTeamIds(ctx.store.db, row.id)) };
}

/** Checks signature, expiry, session and agent; throws SwitchboardError('unauthorized'). */
export async function authenticate(ctx: DomainContext, token: unknown): Promise<AuthenticatedAgent> {
  if (typeof token !== 'string' || token.length === 0 || token.length > 4_096) {
    throw new SwitchboardError('unauthorized', BAD_TOKEN);
  }
  let agentId: string;
  let sessionId: string;
  try {
    const { payload } = await jwtVerify(token, ctx.tokenSecret, {
      algorithms: ['HS256'],
      currentDate: ctx.now(),
    });
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') throw new Error('claims');
    agentId = payload.sub;
    sessionId = payload.sid;
  } catch {
    throw new SwitchboardError('unauthorized', BAD_TOKEN);
  }
  const session = await getSession(ctx.store.db, sessionId);
  const expiresAt = session ? new Date(session.expires_at) : new Date(0);
  if (!session || session.agent_id !== agentId || session.revoked_at !== null || expiresAt <= ctx.now()) {
    throw new SwitchboardError('unauthorized', BAD_TOKEN);
  }
  const agent = await getAgent(ctx.store.db, agentId);
  if (!agent) throw new SwitchboardError('unauthorized', BAD_TOKEN);
  return { agent, viewer: { id: agent.id, role: agent.role, teamIds: agent.teamIds }, sessionId, expiresAt };
}

/** Marks the session revoked; returns false when it was unknown or already revoked. */
export async function revokeSessionRow(ctx: DomainContext, sessionId: string): Promise<boolean> {
  return markSessionRevoked(ctx.store.db, sessionId, ctx.now().toISOString());
}
