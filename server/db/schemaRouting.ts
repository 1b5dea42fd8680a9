/** Row types of the routing tables (migration 004). */
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

export interface RoutingDatabase {
  queue_samples: QueueSamplesTable;
  agent_capacity: AgentCapacityTable;
  team_routing: TeamRoutingTable;
}
