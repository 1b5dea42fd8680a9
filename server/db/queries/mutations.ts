/** Results of applied client mutations, keyed by (clientId, mutationId): at most once. */
import type { MutationResult } from '../../../shared/contracts/sync';
import type { Db, Trx } from '../database';
import { preparedQuery } from '../compiledQuery';
import type { AppliedMutationsTable } from '../schema';

// Both run once per pushed mutation (compiledQuery.ts).
const selectApplied = preparedQuery<
  { clientId: string; mutationId: number },
  Pick<AppliedMutationsTable, 'agent_id' | 'result'>
>(['clientId', 'mutationId'], (db, p) =>
  db
    .selectFrom('applied_mutations')
    .select(['agent_id', 'result'])
    .where('client_id', '=', p.clientId)
    .where('mutation_id', '=', p.mutationId),
);
const insertApplied = preparedQuery<AppliedMutationsTable & Record<string, unknown>, never>(
  ['client_id', 'mutation_id', 'agent_id', 'result', 'created_at'],
  (db, p) =>
    db.insertInto('applied_mutations').values({
      client_id: p.client_id,
      mutation_id: p.mutation_id,
      agent_id: p.agent_id,
      result: p.result,
      created_at: p.created_at,
    }),
);

export interface AppliedMutation {
  agentId: string;
  result: MutationResult;
}

export async function findAppliedMutation(
  db: Db | Trx,
  clientId: string,
  mutationId: number,
): Promise<AppliedMutation | undefined> {
  const row = await selectApplied.executeTakeFirst(db, { clientId, mutationId });
  return row && { agentId: row.agent_id, result: JSON.parse(row.result) as MutationResult };
}

export async function recordAppliedMutation(
  trx: Trx,
  entry: { clientId: string; mutationId: number; agentId: string; result: MutationResult; now: string },
): Promise<void> {
  await insertApplied.execute(trx, {
    client_id: entry.clientId,
    mutation_id: entry.mutationId,
    agent_id: entry.agentId,
    result: JSON.stringify(entry.result),
    created_at: entry.now,
  });
}
