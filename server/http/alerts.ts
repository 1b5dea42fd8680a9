/**
 * Alert triage API (Bearer agent token):
 *   GET /api/v1/admin/alert-settings                  → { settings }            (admins)
 *   PUT /api/v1/admin/alert-settings  { settings }    → { settings }            (admins; replaces all)
 *   GET /api/v1/alerts/mutes                          → { mutes }               (leads: their teams; admins: all)
 *   PUT /api/v1/alerts/mutes/:conversationId { minutes | null } → { mute }      (leads of its team, admins)
 *   DELETE /api/v1/alerts/mutes/:conversationId       → { ok, removed }         (leads of its team, admins)
 * The role is checked before the body, the body before the conversation is looked up. Muting
 * also acknowledges the conversation's open alerts (the lead has seen enough of it), which go out
 * as `alert.updated` through the change log like any acknowledgement.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AlertMuteBodySchema, type AlertMute, type AlertSettings } from '../../shared/alerts';
import { parseOrThrow, SwitchboardError } from '../../shared/contracts/errors';
import type { Agent } from '../../shared/domain/model';
import { openAlertsOf, saveAlertData } from '../db/queries/alerts';
import { deleteMute, listActiveMutes, saveMute } from '../db/queries/alertTriage';
import { getConversationRow } from '../db/queries/conversations';
import { authenticate } from '../domain/auth';
import { readAlertSettings, replaceAlertSettings } from '../domain/alerts/settings';
import { commitWithChanges, type DomainContext } from '../domain/context';
import { alertChange } from '../domain/snapshots';
import { bearerToken } from './errors';

export const ALERT_SETTINGS_PATH = '/api/v1/admin/alert-settings';
export const ALERT_MUTES_PATH = '/api/v1/alerts/mutes';

const ConversationParams = z.object({ conversationId: z.string().min(1).max(64) });

async function signedIn(ctx: DomainContext, request: FastifyRequest): Promise<Agent> {
  const token = bearerToken(request.headers.authorization);
  if (!token) throw new SwitchboardError('unauthorized', 'missing bearer token');
  return (await authenticate(ctx, token)).agent;
}

function requireLeadOrAdmin(agent: Agent): void {
  if (agent.role !== 'lead' && agent.role !== 'admin')
    throw new SwitchboardError('forbidden', 'only team leads and admins mute alerts');
}

/** The conversation's team, once the caller may mute it (404 before 403 only for admins). */
async function mutableTeam(ctx: DomainContext, agent: Agent, conversationId: string): Promise<string> {
  const row = await getConversationRow(ctx.store.db, conversationId);
  if (!row) throw new SwitchboardError('not_found', `conversationId: no conversation ${conversationId}`);
  if (agent.role === 'lead' && !agent.teamIds.includes(row.team_id))
    throw new SwitchboardError('forbidden', 'only the team’s leads and admins mute its alerts');
  return row.team_id;
}

export function registerAlertRoutes(app: FastifyInstance, ctx: DomainContext): void {
  app.get(ALERT_SETTINGS_PATH, async (request): Promise<{ settings: AlertSettings }> => {
    const agent = await signedIn(ctx, request);
    if (agent.role !== 'admin') throw new SwitchboardError('forbidden', 'only admins change alert settings');
    return { settings: await readAlertSettings(ctx.store.db) };
  });
  app.put(ALERT_SETTINGS_PATH, async (request): Promise<{ settings: AlertSettings }> => {
    const agent = await signedIn(ctx, request);
    if (agent.role !== 'admin') throw new SwitchboardError('forbidden', 'only admins change alert settings');
    return { settings: await replaceAlertSettings(ctx, request.body, agent.id) };
  });

  app.get(ALERT_MUTES_PATH, async (request): Promise<{ mutes: AlertMute[] }> => {
    const agent = await signedIn(ctx, request);
    requireLeadOrAdmin(agent);
    const teamIds = agent.role === 'admin' ? null : agent.teamIds;
    return { mutes: await listActiveMutes(ctx.store.db, teamIds, ctx.now().toISOString()) };
  });
  app.put(`${ALERT_MUTES_PATH}/:conversationId`, async (request): Promise<{ mute: AlertMute }> => {
    const agent = await signedIn(ctx, request);
    requireLeadOrAdmin(agent);
    const { conversationId } = parseOrThrow(ConversationParams, request.params, 'path');
    const { minutes } = parseOrThrow(AlertMuteBodySchema, request.body, 'mute');
    const teamId = await mutableTeam(ctx, agent, conversationId);
    const now = ctx.now();
    const mute: AlertMute = {
      conversationId,
      teamId,
      mutedBy: agent.id,
      mutedAt: now.toISOString(),
      until: minutes === null ? null : new Date(now.getTime() + minutes * 60_000).toISOString(),
    };
    await commitWithChanges(ctx, async (trx, append) => {
      await saveMute(trx, mute);
      const open = await openAlertsOf(trx, conversationId);
      for (const alert of open) {
        const seen = { ...alert, acknowledgedAt: mute.mutedAt, acknowledgedBy: agent.id };
        await saveAlertData(trx, seen);
        await append([alertChange('alert.updated', seen)]);
      }
    });
    return { mute };
  });
  app.delete(`${ALERT_MUTES_PATH}/:conversationId`, async (request): Promise<{ ok: true; removed: boolean }> => {
    const agent = await signedIn(ctx, request);
    requireLeadOrAdmin(agent);
    const { conversationId } = parseOrThrow(ConversationParams, request.params, 'path');
    await mutableTeam(ctx, agent, conversationId);
    const removed = await commitWithChanges(ctx, (trx) => deleteMute(trx, conversationId));
    return { ok: true, removed };
  });
}
