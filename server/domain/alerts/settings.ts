/**
 * The admin's alert settings, stored in the database (migration 016, one row) and read inside
 * the transaction that raises an alert, so every node applies a save from its next alert on,
 * with no cache to refresh. A stored row this version cannot read falls back to the defaults.
 */
import {
  AlertSettingsBodySchema,
  AlertSettingsSchema,
  DEFAULT_ALERT_SETTINGS,
  type AlertSettings,
} from '../../../shared/alerts';
import { parseOrThrow } from '../../../shared/contracts/errors';
import type { Db, Trx } from '../../db/database';
import { getAlertSettingsData, saveAlertSettingsData } from '../../db/queries/alertTriage';
import { commitWithChanges, type DomainContext } from '../context';

export async function readAlertSettings(db: Db | Trx): Promise<AlertSettings> {
  const data = await getAlertSettingsData(db);
  if (!data) return DEFAULT_ALERT_SETTINGS;
  const parsed = AlertSettingsSchema.safeParse(JSON.parse(data));
  return parsed.success ? parsed.data : DEFAULT_ALERT_SETTINGS;
}

/** Validates the whole body (400 naming each bad field) and replaces the settings. */
export async function replaceAlertSettings(ctx: DomainContext, body: unknown, adminId: string): Promise<AlertSettings> {
  const { settings } = parseOrThrow(AlertSettingsBodySchema, body, 'alert settings');
  const now = ctx.now().toISOString();
  await commitWithChanges(ctx, (trx) => saveAlertSettingsData(trx, JSON.stringify(settings), now, adminId));
  return settings;
}
