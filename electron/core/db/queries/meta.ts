/** Key/value facts about this cache: sync cursor, client id, mutation counter, session agent. */
import { randomUUID } from 'node:crypto';
import { AgentSchema, type Agent } from '../../../../shared/domain/model';
import { AlertPreferencesSchema, DEFAULT_ALERT_PREFERENCES, type AlertPreferences } from '../../../../shared/contracts/alerts';
import {
  DEFAULT_DESKTOP_PREFERENCES,
  DesktopPreferencesSchema,
  type DesktopPreferences,
} from '../../../../shared/contracts/desktop';
import type { Db } from '../database';

function get(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

function set(db: Db, key: string, value: string): void {
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}

function remove(db: Db, key: string): void {
  db.prepare('DELETE FROM meta WHERE key = ?').run(key);
}

export function getCursor(db: Db): number {
  return Number(get(db, 'cursor') ?? 0);
}

/** Only ever called inside the transaction that applied the changes up to `cursor`. */
export function setCursor(db: Db, cursor: number): void {
  set(db, 'cursor', String(cursor));
}

/**
 * Where a catch-up pull starts when it is below the cursor: the cursor may have moved with one
 * poke of a flush whose other pokes were still on the way when the connection or the process
 * died (sync/client.ts). Written in the poke's apply transaction; cleared by a full pull.
 */
export function getPokeFloor(db: Db): number | null {
  const value = get(db, 'poke_floor');
  return value === undefined ? null : Number(value);
}

export function setPokeFloor(db: Db, seq: number): void {
  set(db, 'poke_floor', String(seq));
}

export function clearPokeFloor(db: Db, seq: number): void {
  db.prepare("DELETE FROM meta WHERE key = 'poke_floor' AND value = ?").run(String(seq));
}

/** The UUID this cache sends with its mutations; created on first use and kept. */
export function getClientId(db: Db): string {
  let id = get(db, 'client_id');
  if (!id) {
    id = randomUUID();
    set(db, 'client_id', id);
  }
  return id;
}

/** Allocate the next mutation id (strictly increasing for this client id). */
export function takeMutationId(db: Db): number {
  const next = Number(get(db, 'next_mutation_id') ?? 1);
  set(db, 'next_mutation_id', String(next + 1));
  return next;
}

export function getSessionAgent(db: Db): Agent | null {
  const raw = get(db, 'session_agent');
  if (!raw) return null;
  const parsed = AgentSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

export function setSessionAgent(db: Db, agent: Agent): void {
  set(db, 'session_agent', JSON.stringify(agent));
}

export function getServerUrl(db: Db): string | null {
  return get(db, 'server_url') ?? null;
}

export function setServerUrl(db: Db, url: string): void {
  set(db, 'server_url', url);
}

/**
 * Every table that holds what the signed-in agent may see or wrote: all of it goes when another
 * agent signs in (a reviewer's drafts and a lead's calibration sessions as much as the inbox).
 * The full-text indexes and inbox counts follow the rows by trigger; `meta` keeps the server URL.
 */
export const CACHED_TABLES = [
  'outbox',
  'messages',
  'conversations',
  'contacts',
  'agents',
  'teams',
  'alerts',
  'canned_responses',
  'drafts',
  'sla_config',
  'conversation_drops',
  'qa_scorecards',
  'qa_assignments',
  'qa_reviews',
  'qa_drafts',
  'qa_calibrations',
] as const;

/**
 * Forget everything cached for the previous agent (another agent signs in on this data dir). A new
 * client id is minted so the server's (clientId, mutationId) dedupe starts fresh.
 */
export function clearCache(db: Db): void {
  db.transaction(() => {
    for (const table of CACHED_TABLES) db.exec(`DELETE FROM ${table}`);
    for (const key of ['cursor', 'poke_floor', 'session_agent', 'client_id', 'next_mutation_id'])
      remove(db, key);
  })();
}

/** The lead's notification choices per alert kind (this workstation only); defaults when unset or unreadable. */
export function getAlertPreferences(db: Db): AlertPreferences {
  const raw = get(db, 'alert_preferences');
  if (!raw) return DEFAULT_ALERT_PREFERENCES;
  const parsed = AlertPreferencesSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : DEFAULT_ALERT_PREFERENCES;
}

export function setAlertPreferences(db: Db, preferences: AlertPreferences): void {
  set(db, 'alert_preferences', JSON.stringify(preferences));
}

/** What the desktop shell acts on (notification language, do-not-disturb, start at login). */
export function getDesktopPreferences(db: Db): DesktopPreferences {
  const raw = get(db, 'desktop_preferences');
  if (!raw) return DEFAULT_DESKTOP_PREFERENCES;
  const parsed = DesktopPreferencesSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : DEFAULT_DESKTOP_PREFERENCES;
}

export function setDesktopPreferences(db: Db, preferences: DesktopPreferences): void {
  set(db, 'desktop_preferences', JSON.stringify(preferences));
}
