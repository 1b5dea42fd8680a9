/**
 * Outbound webhooks (server/domain/webhooks): the event kinds an endpoint can ask for, the admin
 * API's bodies and answers, and what a delivery looks like on the wire.
 *
 * A delivery is `POST <url>` with a JSON body `{ id, event, occurredAt, data }` and the headers
 *   Switchboard-Event: <event>          Switchboard-Delivery: <id>
 *   Switchboard-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the endpoint's secret>
 * A receiver recomputes the HMAC over the raw body and refuses a timestamp older than a few
 * minutes (a replay). Any 2xx is success; anything else, or no answer within the timeout, is
 * retried with backoff.
 */
import { z } from 'zod';

export const WEBHOOK_EVENTS = [
  'conversation.created',
  'message.created',
  'conversation.resolved',
  'survey.answered',
  'sla.breached',
] as const;
export const WebhookEventSchema = z.enum(WEBHOOK_EVENTS);
export type WebhookEvent = z.infer<typeof WebhookEventSchema>;

export const WEBHOOK_URL_MAX = 2_000;
export const WEBHOOKS_MAX = 50;

const Url = z
  .string()
  .trim()
  .max(WEBHOOK_URL_MAX)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'an http(s) URL without credentials in it');

export const WebhookEndpointBodySchema = z
  .object({
    url: Url,
    events: z
      .array(WebhookEventSchema)
      .min(1)
      .max(WEBHOOK_EVENTS.length)
      .refine((events) => new Set(events).size === events.length, 'each event once'),
    active: z.boolean().default(true),
  })
  .strict();
export type WebhookEndpointBody = z.infer<typeof WebhookEndpointBodySchema>;

/** An endpoint as the admin API shows it: the secret never, only its last characters. */
export const WebhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(WebhookEventSchema),
  active: z.boolean(),
  secretHint: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  /** Deliveries of the last day: how it is doing. */
  delivered: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

export const WebhookDeliverySchema = z.object({
  id: z.string(),
  event: WebhookEventSchema,
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.string(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

export interface WebhookEnvelope {
  id: string;
  event: WebhookEvent;
  occurredAt: string;
  data: Record<string, unknown>;
}

const EndpointId = z.string().min(1).max(64);

/** The Admin screen's calls, proxied by the core to /api/v1/admin/webhooks (admins only). */
export const WebhookRpcContract = {
  'webhooks.list': { input: z.object({}).strict(), output: z.object({ endpoints: z.array(WebhookEndpointSchema) }) },
  'webhooks.create': {
    input: WebhookEndpointBodySchema,
    output: z.object({ endpoint: WebhookEndpointSchema, secret: z.string() }),
  },
  'webhooks.update': {
    input: WebhookEndpointBodySchema.extend({ id: EndpointId }),
    output: z.object({ endpoint: WebhookEndpointSchema }),
  },
  'webhooks.remove': { input: z.object({ id: EndpointId }).strict(), output: z.object({ ok: z.literal(true) }) },
  'webhooks.deliveries': {
    input: z.object({ id: EndpointId }).strict(),
    output: z.object({ deliveries: z.array(WebhookDeliverySchema) }),
  },
} as const;
