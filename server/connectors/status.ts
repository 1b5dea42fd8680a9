/**
 * Each channel connector's health, kept in `connector_status` (migration 025) so that every node
 * can show what the node running the connector saw: connected, or failing with the last error,
 * and when it last worked. Errors are stored as given; callers pass them through `redact` first.
 */
import type { Db } from '../db/database';
import { getConnectorStatus, saveConnectorStatus } from '../db/queries/email';

const ERROR_MAX_CHARS = 500;

export interface ConnectorHealth {
  succeeded(): Promise<void>;
  failed(error: string): Promise<void>;
}

export function connectorHealth(
  db: Db,
  connector: { name: string; channel: string; direction: 'inbound' | 'outbound' },
  now: () => Date,
): ConnectorHealth {
  const save = async (patch: { ok: boolean; error?: string }) => {
    const at = now().toISOString();
    const before = await getConnectorStatus(db, connector.name);
    await saveConnectorStatus(db, {
      connector: connector.name,
      channel: connector.channel,
      direction: connector.direction,
      state: patch.ok ? 'connected' : 'failing',
      last_error: patch.ok ? (before?.last_error ?? null) : (patch.error ?? 'unknown error').slice(0, ERROR_MAX_CHARS),
      last_success_at: patch.ok ? at : (before?.last_success_at ?? null),
      last_failure_at: patch.ok ? (before?.last_failure_at ?? null) : at,
      failures: patch.ok ? 0 : (before?.failures ?? 0) + 1,
      updated_at: at,
    });
  };
  return {
    succeeded: () => save({ ok: true }),
    failed: (error) => save({ ok: false, error }),
  };
}

/** An error's message with every secret in `secrets` replaced, ready to store or log. */
export function redact(error: unknown, secrets: Array<string | undefined>): string {
  const parts: string[] = [];
  if (error instanceof Error) {
    parts.push(error.message);
    const extra = error as Error & { responseText?: string; response?: string; code?: string };
    if (extra.responseText && !error.message.includes(extra.responseText)) parts.push(extra.responseText);
    else if (extra.response && !error.message.includes(extra.response)) parts.push(extra.response);
    if (extra.code && !error.message.includes(extra.code)) parts.push(`${parts.pop() ?? ''} (${extra.code})`);
  } else parts.push(String(error));
  let text = parts.join(': ');
  for (const secret of secrets) if (secret) text = text.split(secret).join('***');
  return text;
}
