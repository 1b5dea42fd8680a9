/**
 * Channel connector health, for admins (Bearer agent token):
 *   GET /api/v1/admin/connectors → { connectors }   (shared/contracts/connectors.ts)
 * One row per channel and direction: the email channel's IMAP and SMTP connectors when configured
 * (their stored status, written by whichever node runs them), the demo connector for the rest.
 */
import type { FastifyInstance } from 'fastify';
import type { ConnectorStatus, ConnectorStatusResponse } from '../../shared/contracts/connectors';
import { CHANNELS } from '../../shared/domain/model';
import { IMAP_CONNECTOR } from '../connectors/email/mailbox';
import { describeMailbox, describeSmtp, type EmailSettings } from '../connectors/email/settings';
import { SMTP_CONNECTOR } from '../connectors/email/smtp';
import { listConnectorStatus } from '../db/queries/email';
import type { ConnectorStatusTable } from '../db/schemaEmail';
import type { DomainContext } from '../domain/context';
import { requireAdmin } from './access';
import { listWidgetChannels } from './widgetChannels';

export const CONNECTORS_PATH = '/api/v1/admin/connectors';

function configured(
  name: string,
  base: Pick<ConnectorStatus, 'channel' | 'direction' | 'kind' | 'target'>,
  row: ConnectorStatusTable | undefined,
): ConnectorStatus {
  return {
    connector: name,
    ...base,
    state: row?.state ?? 'unknown',
    lastError: row?.last_error ?? null,
    lastSuccessAt: row?.last_success_at ?? null,
    lastFailureAt: row?.last_failure_at ?? null,
    failures: row?.failures ?? 0,
  };
}

export function registerConnectorRoutes(app: FastifyInstance, ctx: DomainContext, email: EmailSettings): void {
  app.get(CONNECTORS_PATH, async (request): Promise<ConnectorStatusResponse> => {
    await requireAdmin(ctx, request, 'only admins see channel connectors');
    const rows = new Map((await listConnectorStatus(ctx.store.db)).map((row) => [row.connector, row]));
    const connectors: ConnectorStatus[] = [];
    const widgets = await listWidgetChannels(ctx);
    for (const channel of CHANNELS) {
      if (channel === 'chat')
        for (const widget of widgets)
          connectors.push({
            connector: `chat.widget.${widget.id}`,
            channel,
            direction: 'inbound',
            kind: 'widget',
            target: `data-channel="${widget.id}" · ${widget.origins.length ? widget.origins.join(', ') : '*'}`,
            state: 'connected',
            lastError: null,
            lastSuccessAt: widget.lastVisitAt,
            lastFailureAt: null,
            failures: 0,
          });
      if (channel === 'email' && email.imap)
        connectors.push(configured(IMAP_CONNECTOR, { channel, direction: 'inbound', kind: 'imap', target: describeMailbox(email.imap) }, rows.get(IMAP_CONNECTOR)));
      if (channel === 'email' && email.smtp && email.from) {
        connectors.push(configured(SMTP_CONNECTOR, { channel, direction: 'outbound', kind: 'smtp', target: describeSmtp(email.smtp) }, rows.get(SMTP_CONNECTOR)));
        continue;
      }
      connectors.push({
        connector: `${channel}.demo`,
        channel,
        direction: 'outbound',
        kind: 'demo',
        target: null,
        state: 'connected',
        lastError: null,
        lastSuccessAt: null,
        lastFailureAt: null,
        failures: 0,
      });
    }
    return { connectors };
  });
}
