/** Row types of the routing tables (migration 004), queue samples (023) and webhooks (024). */
export interface AgentCapacityTable {
  agent_id: string;
  channel: string;
  capacity: number;
}

export interface TeamRoutingTable {
  team_id: string;
  /** 1 = dispatch new work automatically, 0 = leads switched it off. */
  auto_assign: number;
  /** The round-robin pointer: the agent this team's last automatic assignment went to. */
  last_assigned_agent_id: string | null;
  updated_at: string;
}

/** A team's waiting count at one instant (migration 023). */
export interface QueueSamplesTable {
  team_id: string;
  at: string;
  waiting: number;
}

/** An admin's webhook endpoint (migration 024). */
export interface WebhookEndpointsTable {
  id: string;
  url: string;
  /** JSON array of event kinds. */
  events: string;
  secret: string;
  active: number;
  created_by: string;
  created_at: string;
}

/** One event for one endpoint, and how sending it went (migration 024). */
export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: string;
  event: string;
  body: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: string;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface RoutingDatabase {
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  queue_samples: QueueSamplesTable;
  agent_capacity: AgentCapacityTable;
  team_routing: TeamRoutingTable;
}
