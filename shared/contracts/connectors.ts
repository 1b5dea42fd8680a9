/**
 * GET /api/v1/admin/connectors (admins): each channel connector's health. `kind` says what a
 * channel's messages go through: `imap` / `smtp` for a configured email channel, `demo` for the
 * demo connector (which records replies and never fails). `state` is `unknown` until the
 * connector first ran.
 */
import { z } from 'zod';
import { ChannelSchema } from '../domain/model';

export const ConnectorStatusSchema = z.object({
  connector: z.string(),
  channel: ChannelSchema,
  direction: z.enum(['inbound', 'outbound']),
  kind: z.enum(['imap', 'smtp', 'demo']),
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
