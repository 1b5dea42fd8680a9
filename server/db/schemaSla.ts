/**
 * Row types of the SLA tables (migration 002_sla). Same conventions as schema.ts: instants are
 * ISO-8601 UTC text, JSON is text, bigint columns come back from PostgreSQL as strings.
 */
export interface SlaPoliciesTable {
  id: string;
  /** Order of the list: the first matching policy wins. */
  position: number;
  /** The SlaPolicyRecord as JSON. */
  data: string;
  updated_at: string;
}

export interface BusinessCalendarsTable {
  id: string;
  position: number;
  /** The BusinessCalendarRecord as JSON. */
  data: string;
  updated_at: string;
}

/** Every status a conversation entered, in order, so its SLA events can be rebuilt. */
export interface SlaStatusEventsTable {
  conversation_id: string;
  ordinal: number;
  status: string;
  at: string;
}

/** Warnings and breaches already announced: the scheduler fires each at most once. */
export interface SlaNoticesTable {
  conversation_id: string;
  /** firstResponse | nextResponse | resolution */
  target: string;
  /** 0, or the next-response instance number (1-based). */
  instance: number;
  /** warning | breached */
  kind: string;
  due_at: string;
  fired_at: string;
}

/** The latest outcome of each target, for reports: met in time, or breached and by how much. */
export interface SlaOutcomesTable {
  conversation_id: string;
  target: string;
  instance: number;
  policy_id: string | null;
  team_id: string;
  /** met | breached */
  outcome: string;
  started_at: string;
  /** The due instant (for a breach, when it breached). */
  due_at: string | null;
  met_at: string | null;
  /** Business ms past due when it was met late, or at the time recorded; 0 when met in time. */
  overtime_ms: number | string;
  recorded_at: string;
}

export interface AlertsTable {
  id: string;
  /** sla_breached (more kinds may follow) */
  kind: string;
  conversation_id: string;
  team_id: string;
  /** The Alert as JSON. */
  data: string;
  created_at: string;
  /** Copy of the alert's acknowledgedAt (migration 016); null while open. */
  acknowledged_at?: string | null;
}

/** Migration 016: the admin's alert settings, one row (id 1), JSON AlertSettings. */
export interface AlertSettingsTable {
  id: number;
  data: string;
  version: number;
  updated_at: string;
  updated_by: string | null;
}

/** Migration 016: a conversation whose alerts a lead muted; `until` null = until unmuted. */
export interface AlertMutesTable {
  conversation_id: string;
  team_id: string;
  muted_by: string;
  muted_at: string;
  until: string | null;
}

export interface SlaDatabase {
  sla_policies: SlaPoliciesTable;
  business_calendars: BusinessCalendarsTable;
  sla_status_events: SlaStatusEventsTable;
  sla_notices: SlaNoticesTable;
  sla_outcomes: SlaOutcomesTable;
  alerts: AlertsTable;
  alert_settings: AlertSettingsTable;
  alert_mutes: AlertMutesTable;
}
