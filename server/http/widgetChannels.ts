/**
 * Web chat widget channels, for admins (Bearer agent token; contract in shared/contracts/connectors.ts):
 *   GET  /api/v1/admin/widget-channels                     → { channels }   (no secrets; visitors of the last day)
 *   POST /api/v1/admin/widget-channels { id, name, origins } → 201 { channel, identitySecret }  (the secret, this once)
 * A site embeds `<script src="<server>/widget.js" data-channel="<id>" async>`; a site that signs
 * its customers in computes hex HMAC-SHA256(user id, identitySecret) on its server.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { WidgetChannelBodySchema, type WidgetChannel } from '../../shared/contracts/connectors';
import { parseOrThrow, SwitchboardError } from '../../shared/contracts/errors';
import type { DomainContext } from '../domain/context';
import { newIdentitySecret } from '../domain/widget/identity';
import { requireAdmin } from './access';

export const WIDGET_CHANNELS_PATH = '/api/v1/admin/widget-channels';
const DAY_MS = 24 * 3_600_000;
const CHANNELS_MAX = 100;

export async function listWidgetChannels(ctx: DomainContext): Promise<Array<WidgetChannel & { lastVisitAt: string | null }>> {
  const since = new Date(ctx.now().getTime() - DAY_MS).toISOString();
  const db = ctx.store.db;
  const rows = await db.selectFrom('widget_channels').selectAll().orderBy('created_at').orderBy('id').execute();
  const visits = await db
    .selectFrom('widget_visitors')
    .select((eb) => ['channel_id', eb.fn.max('last_seen_at').as('last'), eb.fn.sum(eb.case().when('last_seen_at', '>=', since).then(1).else(0).end()).as('today')])
    .groupBy('channel_id')
    .execute();
  const byChannel = new Map(visits.map((row) => [row.channel_id, row]));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    origins: JSON.parse(row.origins) as string[],
    secretHint: `…${row.identity_secret.slice(-4)}`,
    createdAt: row.created_at,
    visitorsToday: Number(byChannel.get(row.id)?.today ?? 0),
    lastVisitAt: (byChannel.get(row.id)?.last as string | null | undefined) ?? null,
  }));
}

const admin = (ctx: DomainContext, request: FastifyRequest) => requireAdmin(ctx, request, 'only admins manage widget channels');

export function registerWidgetChannelRoutes(app: FastifyInstance, ctx: DomainContext): void {
  app.get(WIDGET_CHANNELS_PATH, async (request): Promise<{ channels: WidgetChannel[] }> => {
    await admin(ctx, request);
    return { channels: (await listWidgetChannels(ctx)).map(({ lastVisitAt: _last, ...channel }) => channel) };
  });
  app.post(WIDGET_CHANNELS_PATH, async (request, reply) => {
    await admin(ctx, request);
    const body = parseOrThrow(WidgetChannelBodySchema, request.body, 'widget channel');
    const db = ctx.store.db;
    if (await db.selectFrom('widget_channels').select('id').where('id', '=', body.id).executeTakeFirst())
      throw new SwitchboardError('invalid', `id: a widget channel ${body.id} exists already`);
    const count = await db.selectFrom('widget_channels').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    if (Number(count.n) >= CHANNELS_MAX) throw new SwitchboardError('invalid', `at most ${CHANNELS_MAX} widget channels`);
    const row = { id: body.id, name: body.name, origins: JSON.stringify(body.origins), identity_secret: newIdentitySecret(), created_at: ctx.now().toISOString() };
    await db.insertInto('widget_channels').values(row).execute();
    const channel: WidgetChannel = { id: row.id, name: row.name, origins: body.origins, secretHint: `…${row.identity_secret.slice(-4)}`, createdAt: row.created_at, visitorsToday: 0 };
    return reply.code(201).send({ channel, identitySecret: row.identity_secret });
  });
}
