/**
 * Row types of the server database, as Kysely sees them. Both dialects store the same shapes:
 * ids are text, instants are ISO-8601 UTC text (so they sort as strings), JSON is text, and
 * flags are integers. `seq` is bigint on PostgreSQL, which `pg` returns as a string: read it
 * through `Number()` (see queries/changes.ts).
 */
import type { CannedDatabase } from './schemaCanned';
import type { SlaDatabase } from './schemaSla';
import type { RoutingDatabase } from './schemaRouting';
import type { NluDatabase } from './schemaNlu';
import type { WidgetDatabase } from './schemaWidget';
import type { EmailDatabase } from './schemaEmail';
import type { KnowledgeDatabase } from './schemaKnowledge';
import type { SlaStateDatabase } from './schemaSlaState';
import type { QaDatabase } from './schemaQa';

export interface TeamsTable {
  id: string;
  name: string;
  name_en: string;
  created_at: string;
}

export interface AgentsTable {
  id: string;
  name: string;
  email: string;
  password_hash: string;
  role: string;
  status: string;
  created_at: string;
  /** Migration 020: when the status last changed. */
  status_since?: string | null;
}

export interface AgentTeamsTable {
  agent_id: string;
  team_id: string;
}

export interface ContactsTable {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  tier: string;
  created_at: string;
  updated_at: string;
  /** JSON object of custom attributes (migration 003); null when none. */
  attributes?: string | null;
}

export interface ContactIdentitiesTable {
  contact_id: string;
  channel: string;
  external_id: string;
}

export interface ConversationsTable {
  id: string;
  channel: string;
  external_id: string | null;
  contact_id: string;
  team_id: string;
  assignee_id: string | null;
  status: string;
  priority: string;
  subject: string | null;
  created_at: string;
  updated_at: string;
  last_message_at: string;
  last_message_preview: string;
  last_message_direction: string;
  waiting_since: string | null;
  message_count: number;
  version: number;
  /** The client whose versioned writes produced the versions since writer_streak_base_version. */
  last_writer_client_id: string | null;
  writer_streak_base_version: number;
  /** Migration 006 (the bot and classification): issue-type tags as a JSON array, newest first. */
  issue_types?: string | null;
  sentiment_label?: string | null;
  sentiment_strength?: number | null;
  sentiment_score?: number | null;
  /** When the last negative-sentiment alert was raised (its cool-down runs from here). */
  sentiment_alerted_at?: string | null;
}

export interface MessagesTable {
  id: string;
  conversation_id: string;
  channel: string;
  /** The channel's own id for inbound messages; null for messages written here. */
  external_id: string | null;
  direction: string;
  kind: string;
  author_type: string;
  author_id: string | null;
  text: string;
  subject: string | null;
  call_json: string | null;
  created_at: string;
  /** Migration 006: classification of an inbound customer message. */
  issue_type?: string | null;
  suggested_team_id?: string | null;
  sentiment_label?: string | null;
  sentiment_strength?: number | null;
  sentiment_score?: number | null;
  /** Migration 027: what the classifier was unsure of, as a JSON array (null: sure of both). */
  insight_unsure?: string | null;
  /** The customer message a bot answer or handoff decided on (unique). */
  in_reply_to?: string | null;
  /** MessageDetail (shared/nlu/insight.ts) as JSON. */
  detail_json?: string | null;
}

export interface ChannelTokensTable {
  token_hash: string;
  channel: string;
  label: string;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  agent_id: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface ChangeLogTable {
  seq: number | string;
  type: string;
  /** The change without its seq, as JSON. */
  data: string;
  /** The record the change is filed under (shared/contracts/records.ts); null for the directory. */
  record_kind: string | null;
  record_id: string | null;
  /** The audience (shared/domain/audience.ts, changes.ts `audienceColumns`): 1 = everyone. */
  everyone: number;
  /** `team` members: the team and the team a conversation left. */
  team_id: string | null;
  prev_team_id: string | null;
  /** `agent` members: the assignee and the agent a conversation left. */
  assignee_id: string | null;
  prev_assignee_id: string | null;
  /** `leads` member: only this team's leads. */
  leads_team_id: string | null;
  /** `personal` member: the owner, whatever the role. */
  owner_id: string | null;
  created_at: string;
}

export interface AppliedMutationsTable {
  client_id: string;
  mutation_id: number;
  agent_id: string;
  result: string;
  created_at: string;
}

export interface OutboundDeliveriesTable {
  message_id: string;
  channel: string;
  conversation_id: string;
  created_at: string;
}

export interface SurveysTable {
  conversation_id: string;
  kind: string;
  score: number;
  comment: string | null;
  created_at: string;
  updated_at: string;
}

/** Every invitation sent (migration 015). */
export interface SurveyRequestsTable {
  id: string;
  conversation_id: string;
  /** JSON SurveyKind[] */
  kinds: string;
  message_id: string;
  sent_at: string;
}

/** Every answer in order, the replaced ones included (migration 015). */
export interface SurveyAnswersTable {
  id: string;
  conversation_id: string;
  kind: string;
  score: number;
  comment: string | null;
  answered_at: string;
}

export interface ServerDatabase
  extends SlaDatabase, CannedDatabase, RoutingDatabase, KnowledgeDatabase, SlaStateDatabase, QaDatabase, NluDatabase, WidgetDatabase, EmailDatabase {
  teams: TeamsTable;
  agents: AgentsTable;
  agent_teams: AgentTeamsTable;
  contacts: ContactsTable;
  contact_identities: ContactIdentitiesTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  channel_tokens: ChannelTokensTable;
  sessions: SessionsTable;
  change_log: ChangeLogTable;
  applied_mutations: AppliedMutationsTable;
  outbound_deliveries: OutboundDeliveriesTable;
  surveys: SurveysTable;
  survey_requests: SurveyRequestsTable;
  survey_answers: SurveyAnswersTable;
}
