/** Results of applied client mutations, keyed by (clientId, mutationId): at most once. */
import type { MutationResult } from '../../../shared/contracts/sync';
import type { Db, Trx } from '../database';

export interface AppliedMutation {
  agentId: string;
  result: MutationResult;
}

export async function findAppliedMutation(
  db: Db | Trx,
  clientId: string,
  mutationId: number,
): Promise<AppliedMutation | undefined> {
  const row = await db
    .selectFrom('applied_mutations')
    .select(['agent_id', 'result'])
    .where('client_id', '=', clientId)
    .where('mutation_id', '=', mutationId)
    .executeTakeFirst();
  return row && { agentId: row.agent_id, result: JSON.parse(row.result) as MutationResult };
}

export async function recordAppliedMutation(
  trx: Trx,
  entry: { clientId: string; mutationId: number; agentId: string; result: MutationResult; now: string },
): Promise<void> {
  await trx
    .insertInto('applied_mutations')
    .values({
      client_id: entry.clientId,
      mutation_id: entry.mutationId,
      agent_id: entry.agentId,
      result: JSON.stringify(entry.result),
      created_at: entry.now,
    })
    .execute();
}
