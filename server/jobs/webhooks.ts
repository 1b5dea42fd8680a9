/**
 * Webhook delivery as a job: on the leader only (leader.ts), every `checkMs` the pending
 * deliveries that are due are sent, several at once, each with a timeout; a 2xx marks one
 * delivered, anything else schedules the next attempt after a growing delay until MAX_ATTEMPTS,
 * then it is failed. Nothing here runs on an ingest's or a mutation's path.
 */
import type { DomainContext } from '../domain/context';
import { signWebhook } from '../domain/webhooks/signing';
import { dueWebhookDeliveries, listWebhookEndpoints, recordWebhookAttempt } from '../db/queries/webhooks';
import type { WebhookDeliveriesTable } from '../db/schemaRouting';
import { startPeriodicJob } from './periodic';

/** Differs from every other job's key (SLA 7_340_032 … queue samples 7_340_036). */
export const WEBHOOKS_LEADER_LOCK_KEY = 7_340_037;
export const WEBHOOK_CHECK_MS = 1_000;
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** Delay before attempt n+1 after n failures; after the last, the delivery is failed. */
export const WEBHOOK_BACKOFF_MS = [10_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000];
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_BACKOFF_MS.length + 1;
const BATCH = 20;
const ERROR_MAX_CHARS = 300;

export interface WebhookDelivery {
  isLeader(): boolean;
  /** Sends what is due now (on the leader; 0 elsewhere): how many were attempted. */
  deliverNow(): Promise<number>;
  close(): Promise<void>;
}

export interface WebhookDeliveryOptions {
  checkMs?: number;
  timeoutMs?: number;
  backoffMs?: readonly number[];
  fetch?: typeof fetch;
  log?: (message: string, error: unknown) => void;
}

export function startWebhookDelivery(
  ctx: DomainContext,
  databaseUrl: string | undefined,
  options: WebhookDeliveryOptions = {},
): WebhookDelivery {
  const send = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const backoff = options.backoffMs ?? WEBHOOK_BACKOFF_MS;
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;

  const attempt = async (delivery: WebhookDeliveriesTable, endpoint: { url: string; secret: string }) => {
    const now = ctx.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await send(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Switchboard-Webhooks/1',
          'switchboard-event': delivery.event,
          'switchboard-delivery': delivery.id,
          'switchboard-signature': signWebhook(delivery.body, endpoint.secret, Math.floor(now.getTime() / 1000)),
        },
        body: delivery.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      await response.body?.cancel().catch(() => undefined);
      if (status < 200 || status > 299) error = `HTTP ${status}`;
    } catch (failure) {
      const name = failure instanceof Error ? failure.name : '';
      error = name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : failure instanceof Error ? (failure.cause as Error | undefined)?.message ?? failure.message : String(failure);
    }
    const attempts = delivery.attempts + 1;
    const finished = ctx.now().toISOString();
    if (!error) {
      await recordWebhookAttempt(ctx.store.db, delivery.id, {
        status: 'delivered',
        attempts,
        next_attempt_at: delivery.next_attempt_at,
        last_status: status,
        last_error: null,
        delivered_at: finished,
      });
      return;
    }
    const delay = backoff[attempts - 1];
    await recordWebhookAttempt(ctx.store.db, delivery.id, {
      status: delay === undefined ? 'failed' : 'pending',
      attempts,
      next_attempt_at: delay === undefined ? delivery.next_attempt_at : new Date(Date.parse(finished) + delay).toISOString(),
      last_status: status,
      last_error: error.slice(0, ERROR_MAX_CHARS),
      delivered_at: null,
    });
  };

  const job = startPeriodicJob<number>(databaseUrl, {
    lockKey: WEBHOOKS_LEADER_LOCK_KEY,
    checkMs: options.checkMs ?? WEBHOOK_CHECK_MS,
    idle: 0,
    async run() {
      const due = await dueWebhookDeliveries(ctx.store.db, ctx.now().toISOString(), BATCH);
      if (due.length === 0) return 0;
      const endpoints = new Map((await listWebhookEndpoints(ctx.store.db)).map((e) => [e.id, e]));
      await Promise.all(
        due.map((delivery) => {
          const endpoint = endpoints.get(delivery.endpoint_id);
          if (endpoint && endpoint.active === 1) return attempt(delivery, endpoint);
          // Turned off after the event: it is not sent, and says why.
          return recordWebhookAttempt(ctx.store.db, delivery.id, {
            status: 'failed',
            attempts: delivery.attempts,
            next_attempt_at: delivery.next_attempt_at,
            last_status: null,
            last_error: 'endpoint turned off',
            delivered_at: null,
          });
        }),
      );
      return due.length;
    },
    log: options.log ?? ((message, error) => console.error(`[server] webhooks: ${message}`, error)),
  });
  return { isLeader: job.isLeader, deliverNow: job.runNow, close: job.close };
}
