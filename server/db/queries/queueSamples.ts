/** Each team's waiting count over time (migration 023), written by jobs/queueSamples.ts. */
import type { Db, Trx } from '../database';

export interface QueueSample {
  at: string;
  waiting: number;
}

/** Sample every team now: open conversations nobody holds (0 for a team with none). */
export async function recordQueueSamples(db: Db, at: string): Promise<number> {
  const [teams, waiting] = await Promise.all([
    db.selectFrom('teams').select('id').execute(),
    db
      .selectFrom('conversations')
      .select((eb) => ['team_id', eb.fn.countAll<number | string>().as('n')])
      .where('assignee_id', 'is', null)
      .where('status', '=', 'open')
      .groupBy('team_id')
      .execute(),
  ]);
  if (teams.length === 0) return 0;
  const byTeam = new Map(waiting.map((row) => [row.team_id, Number(row.n)]));
  await db
    .insertInto('queue_samples')
    .values(teams.map((team) => ({ team_id: team.id, at, waiting: byTeam.get(team.id) ?? 0 })))
    .onConflict((oc) => oc.columns(['team_id', 'at']).doNothing())
    .execute();
  return teams.length;
}

export async function queueSamplesSince(db: Db | Trx, teamId: string, since: string): Promise<QueueSample[]> {
  return db
    .selectFrom('queue_samples')
    .select(['at', 'waiting'])
    .where('team_id', '=', teamId)
    .where('at', '>=', since)
    .orderBy('at')
    .execute();
}

export async function pruneQueueSamples(db: Db, before: string): Promise<void> {
  await db.deleteFrom('queue_samples').where('at', '<', before).execute();
}
