/**
 * The customer web chat widget's wire (widget/ in the browser, server/realtime/visitors.ts on the
 * server): a Socket.IO namespace of its own, `/visitor`, never the agents' one.
 *
 * Handshake `auth`: `{ channel, visitorToken?, user?, name?, lang? }`
 *   - `channel`: the widget channel a centre put on its site (`<script data-channel=…>`).
 *   - `visitorToken`: what the server gave this browser last time (kept in localStorage), so a
 *     reload or a new tab continues the same conversation; absent or unreadable → a new visitor.
 *   - `user`: a site's signed-in customer, `{ id, name?, email?, hash }` with
 *     `hash = hex HMAC-SHA256(id, channel's identity secret)` computed by the site's server; the
 *     visitor then joins that customer's record and past conversations. A wrong hash refuses the
 *     connection ("identity could not be verified"), it never falls back to anonymous.
 * Server → visitor: `widget.session` `{ visitorToken, visitorId, verified, messages }` once per
 * connection (the history: this customer's public messages, never internal notes), then
 * `widget.message` for every new public line and `widget.typing` while an agent types.
 * Visitor → server (with acks `{ ok, data } | { ok: false, error }`): `visitor.send`
 * `{ clientId, text }` (the same clientId twice is stored once), `visitor.typing` `{ typing }`,
 * `visitor.rate` `{ kind, score }` (the satisfaction survey's answer).
 */
import { z } from 'zod';
import { MAX_NAME_CHARS } from '../domain/limits';
import { WIDGET_MESSAGE_MAX_CHARS, type WidgetLine, type WidgetSessionPayload } from '../widget/protocol';

export {
  VISITOR_EVENTS,
  VISITOR_NAMESPACE,
  WIDGET_EVENTS,
  WIDGET_HISTORY_MAX,
  WIDGET_MESSAGE_MAX_CHARS,
  WIDGET_RATE_MESSAGES,
  WIDGET_RATE_WINDOW_MS,
} from '../widget/protocol';

const ChannelId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a widget channel id (lower-case letters, digits, dashes)');

export const WidgetUserSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(128)
      .refine((id) => !id.startsWith('visitor:'), 'a user id may not start with "visitor:"'),
    name: z.string().trim().min(1).max(MAX_NAME_CHARS).optional(),
    email: z.email().max(320).optional(),
    hash: z.string().regex(/^[0-9a-f]{64}$/, 'hex HMAC-SHA256 of the user id'),
  })
  .strict();
export type WidgetUser = z.infer<typeof WidgetUserSchema>;

export const WidgetHandshakeSchema = z
  .object({
    channel: ChannelId,
    visitorToken: z.string().max(2_000).optional(),
    user: WidgetUserSchema.optional(),
    name: z.string().trim().min(1).max(MAX_NAME_CHARS).optional(),
    lang: z.enum(['zh-CN', 'en']).optional(),
  })
  .strict();
export type WidgetHandshake = z.infer<typeof WidgetHandshakeSchema>;

export const WidgetMessageSchema = z.object({
  id: z.string(),
  /** Who wrote it, as the customer sees it. */
  from: z.enum(['customer', 'agent', 'bot', 'system']),
  /** The agent's display name on agent lines. */
  name: z.string().nullable(),
  text: z.string(),
  at: z.string(),
  /** A satisfaction survey invitation: the widget offers these ratings. */
  survey: z.array(z.enum(['csat', 'nps'])).optional(),
  /** `handoff`: the bot passed the customer to a person (the widget says so in its own words). */
  event: z.literal('handoff').optional(),
});
export type WidgetMessage = z.infer<typeof WidgetMessageSchema>;

export const WidgetSessionSchema = z.object({
  visitorToken: z.string(),
  visitorId: z.string(),
  verified: z.boolean(),
  messages: z.array(WidgetMessageSchema),
});
export type WidgetSession = z.infer<typeof WidgetSessionSchema>;

export const VisitorSendSchema = z
  .object({ clientId: z.string().uuid(), text: z.string().trim().min(1).max(WIDGET_MESSAGE_MAX_CHARS) })
  .strict();
export const VisitorTypingSchema = z.object({ typing: z.boolean() }).strict();
export const VisitorRateSchema = z
  .object({ kind: z.enum(['csat', 'nps']), score: z.number().int().min(0).max(10) })
  .strict()
  .refine((rate) => rate.kind !== 'csat' || rate.score >= 1, { path: ['score'], message: 'a CSAT score is 1 to 5' })
  .refine((rate) => rate.kind !== 'csat' || rate.score <= 5, { path: ['score'], message: 'a CSAT score is 1 to 5' });

// The schemas describe exactly the shapes the widget reads.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const widgetShapesAgree: Same<WidgetMessage, WidgetLine> & Same<WidgetSession, WidgetSessionPayload> = true;
