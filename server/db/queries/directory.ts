/** Teams and agents: the directory every client receives. */
import type { Agent, AgentStatus, Role, Team } from '../../../shared/domain/model';
import type { Db, Trx } from '../database';
import type { AgentsTable, TeamsTable } from '../schema';

export function teamFromRow(row: TeamsTable): Team {
  return { id: row.id, name: row.name, nameEn: row.name_en };
}

export async function listTeams(db: Db | Trx): Promise<TeamsTable[]> {
  return db.selectFrom('teams').selectAll().orderBy('created_at').orderBy('id').execute();
}

export async function getTeam(db: Db | Trx, id: string): Promise<TeamsTable | undefined> {
  return db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertTeam(trx: Trx, team: TeamsTable): Promise<void> {
  await trx.insertInto('teams').values(team).execute();
}

export async function getAgentRow(db: Db | Trx, id: string): Promise<AgentsTable | undefined> {
  return db.selectFrom('agents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Emails are stored lower-case, so the lookup is an index hit. */
export async function findAgentByEmail(db: Db | Trx, email: string): Promise<AgentsTable | undefined> {
  return db
    .selectFrom('agents')
    .selectAll()
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

export async function agentTeamIds(db: Db | Trx, agentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('agent_teams')
    .select('team_id')
    .where('agent_id', '=', agentId)
    .orderBy('team_id')
    .execute();
  return rows.map((row) => row.team_id);
}

export async function getAgent(db: Db | Trx, id: string): Promise<Agent | undefined> {
  const row = await getAgentRow(db, id);
  if (!row) return undefined;
  return agentFromRow(row, await agentTeamIds(db, id));
}

export function agentFromRow(row: AgentsTable, teamIds: string[]): Agent {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role as Role,
    status: row.status as AgentStatus,
    teamIds,
  };
}

export async function insertAgent(trx: Trx, agent: AgentsTable, teamIds: readonly string[]): Promise<void> {
  await trx
    .insertInto('agents')
    .values({ ...agent, email: agent.email.toLowerCase() })
    .execute();
  if (teamIds.length > 0) {
    await trx
      .insertInto('agent_teams')
      .values(teamIds.map((team_id) => ({ agent_id: agent.id, team_id })))
      .execute();
  }
}
