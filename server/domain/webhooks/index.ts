/**
 * Outbound webhooks. `createWebhookPublisher` hangs off the post-commit announcements
 * (afterCommit.ts): each event becomes one pending delivery row per active endpoint that asked
 * for its kind, written after the commit and off the writer's path (an ingest never waits for
 * it). `startWebhookDelivery` (jobs/webhooks.ts) sends them.
 *
 * Events and their data:
 *   conversation.created  { conversation }                 first customer message of a conversation
 *   message.created       { conversationId, message }      a customer message, or an agent's reply
 *                                                          (internal notes never leave)
 *   conversation.resolved { conversation, resolvedBy }
 *   survey.answered       { conversationId, kind, score }
 *   sla.breached          { conversationId, teamId, assigneeId, target, dueAt }
 */
import { randomUUID } from 'node:crypto';
import type { WebhookEnvelope, WebhookEvent } from '../../../shared/contracts/webhooks';
import type { Mutation } from '../../../shared/contracts/sync';
import { getConversationRow } from '../../db/queries/conversations';
import { getMessageRow } from '../../db/queries/messages';
import { insertWebhookDeliveries, listWebhookEndpoints } from '../../db/queries/webhooks';
import type { WebhookEndpointsTable } from '../../db/schemaRouting';
import type { CommitSubscriber } from '../afterCommit';
import type { DomainContext } from '../context';

/** Endpoint changes on another node are seen within this long. */
const ENDPOINT_CACHE_MS = 5_000;

export interface PublishedEvent {
  event: WebhookEvent;
  data: Record<string, unknown>;
}

export interface WebhookPublisher extends CommitSubscriber {
  /** Admin changed the endpoints on this node: read them again. */
  endpointsChanged(): void;
  /** Resolves when every enqueue started so far has been written (tests, shutdown). */
  settled(): Promise<void>;
}

type ConversationRow = NonNullable<Awaited<ReturnType<typeof getConversationRow>>>;

function conversationData(row: ConversationRow) {
  return {
    id: row.id,
    channel: row.channel,
    status: row.status,
    teamId: row.team_id,
    assigneeId: row.assignee_id,
    contactId: row.contact_id,
    subject: row.subject,
    createdAt: row.created_at,
  };
}

export function createWebhookPublisher(
  ctx: Pick<DomainContext, 'store' | 'now'>,
  log: (message: string, error: unknown) => void = (message, error) => console.error(`[server] webhooks: ${message}`, error),
): WebhookPublisher {
  let cache: { at: number; endpoints: WebhookEndpointsTable[] } | null = null;
  const inFlight = new Set<Promise<void>>();

  const endpoints = async (): Promise<WebhookEndpointsTable[]> => {
    const now = Date.now();
    if (!cache || now - cache.at > ENDPOINT_CACHE_MS)
      cache = { at: now, endpoints: (await listWebhookEndpoints(ctx.store.db)).filter((e) => e.active === 1) };
    return cache.endpoints;
  };

  const enqueue = async (events: () => Promise<PublishedEvent[]>): Promise<void> => {
    const active = await endpoints();
    if (active.length === 0) return;
    const at = ctx.now().toISOString();
    const rows = [];
    for (const { event, data } of await events()) {
      const envelope: WebhookEnvelope = { id: randomUUID(), event, occurredAt: at, data };
      const body = JSON.stringify(envelope);
      for (const endpoint of active) {
        if (!(JSON.parse(endpoint.events) as string[]).includes(event)) continue;
        rows.push({
          id: randomUUID(),
          endpoint_id: endpoint.id,
          event,
          body,
          status: 'pending' as const,
          attempts: 0,
          next_attempt_at: at,
          last_status: null,
          last_error: null,
          created_at: at,
          delivered_at: null,
        });
      }
    }
    await insertWebhookDeliveries(ctx.store.db, rows);
  };

  const later = (what: string, events: () => Promise<PublishedEvent[]>) => {
    const running: Promise<void> = enqueue(events)
      .catch((error: unknown) => log(`could not queue ${what}`, error))
      .finally(() => inFlight.delete(running));
    inFlight.add(running);
  };

  const fromMutation = async (mutation: Mutation, actorId: string): Promise<PublishedEvent[]> => {
    if (mutation.name === 'message.send') {
      const args = mutation.args as { conversationId: string; messageId: string; kind: string };
      if (args.kind !== 'text') return [];
      const message = await getMessageRow(ctx.store.db, args.messageId);
      if (!message) return [];
      return [
        {
          event: 'message.created',
          data: {
            conversationId: args.conversationId,
            message: { id: message.id, direction: 'out', authorId: message.author_id, text: message.text, subject: message.subject, createdAt: message.created_at },
          },
        },
      ];
    }
    if (mutation.name === 'conversation.setStatus') {
      const args = mutation.args as { conversationId: string; status: string };
      if (args.status !== 'resolved') return [];
      const row = await getConversationRow(ctx.store.db, args.conversationId);
      return row ? [{ event: 'conversation.resolved', data: { conversation: conversationData(row), resolvedBy: actorId } }] : [];
    }
    return [];
  };

  return {
    ingested(result) {
      if (result.duplicate) return;
      later('an ingested message', async () => {
        const [message, conversation] = await Promise.all([
          getMessageRow(ctx.store.db, result.messageId),
          getConversationRow(ctx.store.db, result.conversationId),
        ]);
        if (!message || !conversation) return [];
        const events: PublishedEvent[] = [];
        if (conversation.created_at === message.created_at)
          events.push({ event: 'conversation.created', data: { conversation: conversationData(conversation) } });
        events.push({
          event: 'message.created',
          data: {
            conversationId: conversation.id,
            message: { id: message.id, direction: 'in', channel: message.channel, text: message.text, subject: message.subject, createdAt: message.created_at },
          },
        });
        return events;
      });
    },
    mutated({ actor, mutation, result }) {
      if (!result.ok) return;
      later(mutation.name, () => fromMutation(mutation, actor.id));
    },
    published(event) {
      later(event.event, async () => [event]);
    },
    endpointsChanged() {
      cache = null;
    },
    async settled() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
