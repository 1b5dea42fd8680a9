/**
 * Replies the SMTP server could not take yet (unreachable, "try later") are sent again by the
 * cluster leader (jobs/periodic.ts) when their next attempt is due, so a mail server outage
 * delays replies and loses none.
 */
import type { PeriodicJob } from '../../jobs/periodic';
import { startPeriodicJob } from '../../jobs/periodic';
import type { SmtpConnector } from './smtp';

/** Differs from every other job's key (SLA 7_340_032 … webhooks 7_340_037, the mailbox 7_340_040). */
export const EMAIL_SEND_LEADER_LOCK_KEY = 7_340_041;

export function startSendRetry(
  connector: SmtpConnector,
  databaseUrl: string | undefined,
  checkMs: number,
): PeriodicJob<number> {
  return startPeriodicJob<number>(databaseUrl, {
    lockKey: EMAIL_SEND_LEADER_LOCK_KEY,
    checkMs,
    idle: 0,
    run: () => connector.retryDue(),
    log: (message, error) => console.error(`[server] email: resending replies: ${message}`, error instanceof Error ? error.message : error),
  });
}
