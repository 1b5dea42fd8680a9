/**
 * GET /api/v1/admin/connectors (admins): each channel connector's health. `kind` says what a
 * channel's messages go through: `imap` / `smtp` for a configured email channel, `widget` for each
 * web chat widget on a site (chat), `demo` for the
 * demo connector (which records replies and never fails). `state` is `unknown` until the
 * connector first ran.
 */
import { z } from 'zod';
import { ChannelSchema } from '../domain/model';

export const ConnectorStatusSchema = z.object({
  connector: z.string(),
  channel: ChannelSchema,
  direction: z.enum(['inbound', 'outbound']),
  kind: z.enum(['imap', 'smtp', 'widget', 'demo']),
  /** Where it connects, without credentials (`support@imap.example:993/INBOX`); null for demo. */
  target: z.string().nullable(),
  state: z.enum(['connected', 'failing', 'unknown']),
  lastError: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastFailureAt: z.string().nullable(),
  /** Consecutive failures (0 once it works again). */
  failures: z.number().int().nonnegative(),
});
export type ConnectorStatus = z.infer<typeof ConnectorStatusSchema>;

export const ConnectorStatusResponseSchema = z.object({ connectors: z.array(ConnectorStatusSchema) });
export type ConnectorStatusResponse = z.infer<typeof ConnectorStatusResponseSchema>;

/** A web chat widget channel as the admin API shows it: the identity secret never, only its end. */
export const WidgetChannelSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Pages the widget may run on; empty: any. */
  origins: z.array(z.string()),
  secretHint: z.string(),
  createdAt: z.string(),
  /** Visitors seen in the last 24 hours. */
  visitorsToday: z.number().int().nonnegative(),
});
export type WidgetChannel = z.infer<typeof WidgetChannelSchema>;

const Origin = z
  .string()
  .trim()
  .max(300)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  }, 'an origin such as https://shop.example.com (scheme, host and port only)');

export const WidgetChannelBodySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes, up to 63'),
    name: z.string().trim().min(1).max(200),
    origins: z.array(Origin).max(20).default([]),
  })
  .strict();
export type WidgetChannelBody = z.infer<typeof WidgetChannelBodySchema>;

/** The Admin screen's calls, proxied by the core (admins only). */
export const ConnectorRpcContract = {
  'connectors.list': { input: z.object({}).strict(), output: ConnectorStatusResponseSchema },
  'widgetChannels.list': { input: z.object({}).strict(), output: z.object({ channels: z.array(WidgetChannelSchema) }) },
  'widgetChannels.create': { input: WidgetChannelBodySchema, output: z.object({ channel: WidgetChannelSchema, identitySecret: z.string() }) },
} as const;
