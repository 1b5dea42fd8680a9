/**
 * Setting up the authorization matrix's probes that need a record to act on: a fresh 售前
 * conversation, and each quality-review mutation with what it needs before it (authz.test.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { expect } from 'vitest';
import { type Ack, SOCKET_EVENTS } from '../../../shared/contracts/socket';
import type { MutationName, MutationResult, PushResponse } from '../../../shared/contracts/sync';
import type { TestServer } from '../server/harness';
import { AGENT_ID, type SignedIn } from './authzMatrix';

/** A fresh 售前 chat from a customer; its id. */
export async function presalesConversation(server: TestServer): Promise<string> {
  const response = await server.ingest({
    channel: 'chat',
    externalId: randomUUID(),
    contact: { externalId: randomUUID(), name: 'Matrix Customer' },
    text: 'who may touch this?',
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { conversationId: string }).conversationId;
}

const QA_CARD = {
  name: 'Matrix card',
  passThreshold: 80,
  categories: [{ id: 'greeting', name: 'Greeting', weight: 1, scale: 'binary' }],
};

export async function pushOne(socket: Socket, name: MutationName, args: unknown): Promise<MutationResult> {
  const ack = (await socket.timeout(5_000).emitWithAck(SOCKET_EVENTS.push, {
    clientId: randomUUID(),
    mutations: [{ mutationId: 1, name, args }],
  })) as Ack<PushResponse>;
  expect(ack.ok).toBe(true);
  return ack.ok
    ? ack.data.results[0]!
    : { mutationId: 1, ok: false, error: { code: 'internal', message: 'no ack' } };
}

/**
 * The probe for quality-review mutations: `who` pushes `name` on a fresh 售前 conversation, set up
 * by the admin where it needs one (a scorecard, li.na's held conversation, a review, a dispute).
 */
export function qaMutationProbe(server: () => TestServer, ingestPresales: () => Promise<string>) {
  let qaCardId: string | null = null;
  return async function pushQa(
    sockets: Record<SignedIn, Socket>,
    who: SignedIn,
    name: MutationName,
  ): Promise<MutationResult> {
    if (name === 'qa.scorecard.save')
      return pushOne(sockets[who], name, { id: randomUUID(), fields: QA_CARD });
    if (!qaCardId) {
      qaCardId = randomUUID();
      expect((await pushOne(sockets.admin, 'qa.scorecard.save', { id: qaCardId, fields: QA_CARD })).ok).toBe(
        true,
      );
    }
    const conversationId = await ingestPresales();
    const assign = { id: randomUUID(), conversationId, reviewerId: AGENT_ID.reviewer };
    if (name === 'qa.assign') return pushOne(sockets[who], name, assign);
    if (name === 'qa.calibration.start')
      return pushOne(sockets[who], name, {
        id: randomUUID(),
        conversationId,
        scorecardId: qaCardId,
        reviewerIds: [AGENT_ID.reviewer, 'agent-sun-li'],
      });
    if (name.startsWith('qa.review.') && name !== 'qa.review.submit') {
      // li.na's work: she holds the conversation, the reviewer reviews it (and she disputes it first for resolve).
      const { version } = await server()
        .db.db.selectFrom('conversations')
        .select('version')
        .where('id', '=', conversationId)
        .executeTakeFirstOrThrow();
      expect(
        (
          await pushOne(sockets.admin, 'conversation.assign', {
            conversationId,
            assigneeId: AGENT_ID.agentOwner,
            baseVersion: Number(version),
          })
        ).ok,
      ).toBe(true);
      const held = { ...assign, id: randomUUID() };
      expect((await pushOne(sockets.admin, 'qa.assign', held)).ok, `setup of ${name}`).toBe(true);
      const reviewId = randomUUID();
      const ratings = { greeting: 0 };
      const submitted = await pushOne(sockets.reviewer, 'qa.review.submit', {
        id: reviewId,
        conversationId,
        assignmentId: held.id,
        scorecardId: qaCardId,
        scorecardVersion: 1,
        ratings,
      });
      expect(submitted.ok, `setup of ${name}`).toBe(true);
      if (name === 'qa.review.resolve') {
        const disputed = await pushOne(sockets.agentOwner, 'qa.review.dispute', {
          reviewId,
          comment: 'I did greet',
          proposedRatings: { greeting: 1 },
        });
        expect(disputed.ok, `setup of ${name}`).toBe(true);
        return pushOne(sockets[who], name, { reviewId, outcome: 'accepted', comment: 'matrix' });
      }
      if (name === 'qa.review.dispute')
        return pushOne(sockets[who], name, { reviewId, comment: 'matrix', proposedRatings: ratings });
      return pushOne(sockets[who], name, { reviewId });
    }
    expect((await pushOne(sockets.admin, 'qa.assign', assign)).ok, `setup of ${name}`).toBe(true);
    if (name === 'qa.skip') return pushOne(sockets[who], name, { assignmentId: assign.id, reason: 'matrix' });
    return pushOne(sockets[who], name, {
      id: randomUUID(),
      conversationId,
      assignmentId: who === 'reviewer' ? assign.id : null,
      scorecardId: qaCardId,
      scorecardVersion: 1,
      ratings: { greeting: 1 },
    });
  };
}
