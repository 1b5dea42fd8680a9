/** Teams, agents and contacts: upserts guarded by seq, and lookups. */
import type { Agent, Contact, Team } from '../../../../shared/domain/model';
import type { Db } from '../database';

interface AgentRow {
  id: string;
  name: string;
  email: string;
  role: Agent['role'];
  team_ids: string;
  status: Agent['status'];
}
interface ContactRow {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  tier: Contact['tier'];
  identities: string;
  created_at: string;
  attributes?: string | null;
}

const toAgent = (row: AgentRow): Agent => ({
  id: row.id,
  name: row.name,
  email: row.email,
  role: row.role,
  teamIds: JSON.parse(row.team_ids) as string[],
  status: row.status,
});

const toContact = (row: ContactRow): Contact => ({
  id: row.id,
  name: row.name,
  email: row.email,
  phone: row.phone,
  tier: row.tier,
  identities: JSON.parse(row.identities) as Contact['identities'],
  createdAt: row.created_at,
  ...(row.attributes ? { attributes: JSON.parse(row.attributes) as Record<string, string> } : {}),
});

/** Each upsert keeps the stored row when it came from a newer change (returns false then). */
export function upsertTeam(db: Db, team: Team, seq: number): boolean {
  const result = db
    .prepare(
      `INSERT INTO teams (id, name, name_en, seq) VALUES (@id, @name, @nameEn, @seq)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_en = excluded.name_en, seq = excluded.seq
       WHERE excluded.seq >= teams.seq`,
    )
    .run({ ...team, seq });
  return result.changes > 0;
}

export function upsertAgent(db: Db, agent: Agent, seq: number): boolean {
  const result = db
    .prepare(
      `INSERT INTO agents (id, name, email, role, team_ids, status, seq)
       VALUES (@id, @name, @email, @role, @teamIds, @status, @seq)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, role = excluded.role,
         team_ids = excluded.team_ids, status = excluded.status, seq = excluded.seq
       WHERE excluded.seq >= agents.seq`,
    )
    .run({ ...agent, teamIds: JSON.stringify(agent.teamIds), seq });
  return result.changes > 0;
}

export function upsertContact(db: Db, contact: Contact, seq: number): boolean {
  const result = db
    .prepare(
      `INSERT INTO contacts (id, name, email, phone, tier, identities, created_at, attributes, seq)
       VALUES (@id, @name, @email, @phone, @tier, @identities, @createdAt, @attributes, @seq)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, phone = excluded.phone,
         tier = excluded.tier, identities = excluded.identities, created_at = excluded.created_at,
         attributes = excluded.attributes, seq = excluded.seq
       WHERE excluded.seq >= contacts.seq`,
    )
    .run({
      ...contact,
      identities: JSON.stringify(contact.identities),
      attributes: contact.attributes ? JSON.stringify(contact.attributes) : null,
      seq,
    });
  return result.changes > 0;
}

export function listTeams(db: Db): Team[] {
  return db.prepare('SELECT id, name, name_en AS nameEn FROM teams ORDER BY name').all() as Team[];
}

export function listAgents(db: Db): Agent[] {
  return (db.prepare('SELECT * FROM agents ORDER BY name').all() as AgentRow[]).map(toAgent);
}

export function getAgent(db: Db, id: string): Agent | null {
  const row = db.prepare('SELECT * FROM agents WHERE id = ?').get(id) as AgentRow | undefined;
  return row ? toAgent(row) : null;
}

export function getContact(db: Db, id: string): Contact | null {
  const row = db.prepare('SELECT * FROM contacts WHERE id = ?').get(id) as ContactRow | undefined;
  return row ? toContact(row) : null;
}
