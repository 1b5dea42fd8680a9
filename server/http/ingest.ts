/**
 * Channel ingest (public contract, DESIGN.md): messages and survey answers from channel
 * integrations, authenticated with a per-channel bearer token stored as a sha256 hash. Order of
 * checks: token (401), body (400/413), token's channel vs body's channel (403); nothing is
 * stored unless all pass.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseOrThrow, SwitchboardError } from '../../shared/contracts/errors';
import { IngestMessageRequestSchema, IngestSurveyRequestSchema } from '../../shared/contracts/http';
import type { Channel } from '../../shared/domain/model';
import { findChannelByTokenHash } from '../db/queries/sessions';
import { hashChannelToken } from '../domain/auth';
import type { DomainContext } from '../domain/context';
import { ingestMessage } from '../domain/ingest';
import { recordSurveyAnswer } from '../domain/surveys';
import { bearerToken } from './errors';

async function channelOf(ctx: DomainContext, request: FastifyRequest): Promise<Channel> {
  const token = bearerToken(request.headers.authorization);
  if (!token) throw new SwitchboardError('unauthorized', 'missing bearer channel token');
  const channel = await findChannelByTokenHash(ctx.store.db, hashChannelToken(token));
  if (!channel) throw new SwitchboardError('unauthorized', 'unknown channel token');
  return channel;
}

export function registerIngestRoutes(app: FastifyInstance, ctx: DomainContext): void {
  app.post('/api/v1/ingest/messages', async (request, reply) => {
    const tokenChannel = await channelOf(ctx, request);
    const body = parseOrThrow(IngestMessageRequestSchema, request.body, 'ingest message');
    if (body.channel !== tokenChannel) {
      throw new SwitchboardError(
        'forbidden',
        `channel: this token is for ${tokenChannel}, not ${body.channel}`,
      );
    }
    const result = await ingestMessage(ctx, body);
    return reply.code(202).send(result);
  });

  app.post('/api/v1/ingest/surveys', async (request, reply) => {
    const tokenChannel = await channelOf(ctx, request);
    const body = parseOrThrow(IngestSurveyRequestSchema, request.body, 'ingest survey');
    await recordSurveyAnswer(ctx, body, tokenChannel);
    ctx.announcer.published?.({
      event: 'survey.answered',
      data: { conversationId: body.conversationId, kind: body.kind, score: body.score, answeredAt: ctx.now().toISOString() },
    });
    return reply.code(202).send({ ok: true });
  });
}
