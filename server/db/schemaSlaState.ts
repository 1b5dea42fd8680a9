/** Row type of the folded SLA events per conversation (migration 007). */
export interface SlaEventStateTable {
  conversation_id: string;
  /** JSON SlaEvent[]: exactly what the conversation's snapshots carry as `slaEvents`. */
  events: string;
  /** Messages folded in; equals the conversation's message_count when nothing was missed. */
  message_count: number;
  /** Latest instant among the folded events (ISO). */
  last_at: string;
  /** The last row of sla_status_events: its status, how many rows there are, and the latest status instant. */
  status: string;
  status_count: number;
  status_at: string;
}

export interface SlaStateDatabase {
  sla_event_state: SlaEventStateTable;
}
