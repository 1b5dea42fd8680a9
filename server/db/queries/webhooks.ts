/** Webhook endpoints and their deliveries (migration 024); see domain/webhooks. */
import type { Db } from '../database';
import type { WebhookDeliveriesTable, WebhookEndpointsTable } from '../schemaRouting';

export async function listWebhookEndpoints(db: Db): Promise<WebhookEndpointsTable[]> {
  return db.selectFrom('webhook_endpoints').selectAll().orderBy('created_at').orderBy('id').execute();
}

export async function getWebhookEndpoint(db: Db, id: string): Promise<WebhookEndpointsTable | undefined> {
  return db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertWebhookEndpoint(db: Db, row: WebhookEndpointsTable): Promise<void> {
  await db.insertInto('webhook_endpoints').values(row).execute();
}

export async function updateWebhookEndpoint(
  db: Db,
  id: string,
  changes: Pick<WebhookEndpointsTable, 'url' | 'events' | 'active'>,
): Promise<boolean> {
  const result = await db.updateTable('webhook_endpoints').set(changes).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteWebhookEndpoint(db: Db, id: string): Promise<boolean> {
  await db.deleteFrom('webhook_deliveries').where('endpoint_id', '=', id).execute();
  const result = await db.deleteFrom('webhook_endpoints').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function insertWebhookDeliveries(db: Db, rows: WebhookDeliveriesTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('webhook_deliveries').values(rows).execute();
}

/** Pending deliveries whose time has come, oldest first (index webhook_deliveries_due). */
export async function dueWebhookDeliveries(db: Db, now: string, limit: number): Promise<WebhookDeliveriesTable[]> {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
}

export async function recordWebhookAttempt(
  db: Db,
  id: string,
  outcome: Pick<WebhookDeliveriesTable, 'status' | 'attempts' | 'next_attempt_at' | 'last_status' | 'last_error' | 'delivered_at'>,
): Promise<void> {
  await db.updateTable('webhook_deliveries').set(outcome).where('id', '=', id).execute();
}

export async function listWebhookDeliveries(db: Db, endpointId: string, limit: number): Promise<WebhookDeliveriesTable[]> {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('endpoint_id', '=', endpointId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Per endpoint, deliveries since `since` by status, and the newest error. */
export async function webhookHealth(
  db: Db,
  since: string,
): Promise<Map<string, { delivered: number; pending: number; failed: number; lastError: string | null }>> {
  const counts = await db
    .selectFrom('webhook_deliveries')
    .select((eb) => ['endpoint_id', 'status', eb.fn.countAll<number | string>().as('n')])
    .where('created_at', '>=', since)
    .groupBy(['endpoint_id', 'status'])
    .execute();
  const errors = await db
    .selectFrom('webhook_deliveries')
    .select(['endpoint_id', 'last_error', 'created_at'])
    .where('created_at', '>=', since)
    .where('last_error', 'is not', null)
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
  const health = new Map<string, { delivered: number; pending: number; failed: number; lastError: string | null }>();
  const of = (id: string) => {
    let entry = health.get(id);
    if (!entry) health.set(id, (entry = { delivered: 0, pending: 0, failed: 0, lastError: null }));
    return entry;
  };
  for (const row of counts) of(row.endpoint_id)[row.status] = Number(row.n);
  for (const row of errors) {
    const entry = of(row.endpoint_id);
    entry.lastError ??= row.last_error;
  }
  return health;
}
