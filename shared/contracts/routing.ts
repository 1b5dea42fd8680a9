/**
 * Presence, capacity and auto-assignment on the wire: the `agent.setStatus` mutation merged into
 * shared/contracts/sync.ts, the `presence.*` RPC calls merged into shared/contracts/rpc.ts, and the
 * routing HTTP bodies (GET/PUT /api/v1/routing/...). Kept here so the shared tables grow by one
 * spread line each.
 */
import { z } from 'zod';
import { AgentStatusSchema, CHANNELS, type Channel } from '../domain/model';

const Id = z.string().min(1).max(64);

/** How many conversations of each channel an agent holds at once unless configured otherwise. */
export const DEFAULT_CAPACITY: Readonly<Record<Channel, number>> = {
  chat: 3,
  email: 10,
  voice: 1,
  sms: 5,
  social: 5,
};

export const CapacitySchema = z.object(
  Object.fromEntries(CHANNELS.map((channel) => [channel, z.number().int().min(0).max(100)])) as Record<
    Channel,
    z.ZodNumber
  >,
);
export type Capacity = z.infer<typeof CapacitySchema>;

export const RoutingMutationArgsSchemas = {
  /** The agent's own presence; goes out as `agent.updated`. */
  'agent.setStatus': z.object({ status: AgentStatusSchema }),
} as const;

/** One agent's presence and load as the workstation shows it (load = open and pending conversations held). */
export const PresenceSchema = z.object({
  status: AgentStatusSchema,
  load: CapacitySchema,
  capacity: CapacitySchema,
});
export type Presence = z.infer<typeof PresenceSchema>;

export const RoutingRpcContract = {
  'presence.get': { input: z.object({}).strict(), output: PresenceSchema },
  'presence.set': {
    input: z.object({ status: AgentStatusSchema }),
    output: z.object({ ok: z.literal(true) }),
  },
} as const;

/** PUT /api/v1/routing/teams/:teamId (lead of the team or admin). */
export const TeamRoutingBodySchema = z.object({ autoAssign: z.boolean() });
export type TeamRoutingBody = z.infer<typeof TeamRoutingBodySchema>;

/** PUT /api/v1/routing/agents/:agentId/capacity (lead of one of the agent's teams, or admin). */
export const AgentCapacityBodySchema = z.object({ capacity: CapacitySchema });

/** GET /api/v1/routing/teams/:teamId: the lead's view of a team's dispatch. */
export const TeamRoutingViewSchema = z.object({
  teamId: Id,
  autoAssign: z.boolean(),
  queued: z.number().int().nonnegative(),
  agents: z.array(
    z.object({
      id: Id,
      name: z.string(),
      status: AgentStatusSchema,
      /** When the status last changed (absent from older servers; null before the first change). */
      statusSince: z.string().max(40).nullable().optional(),
      load: CapacitySchema,
      capacity: CapacitySchema,
    }),
  ),
});
export type TeamRoutingView = z.infer<typeof TeamRoutingViewSchema>;

/** PUT /api/v1/routing/agents/:agentId/status: a lead sets an agent's status (e.g. away, so nothing more is routed). */
export const AgentStatusBodySchema = z.object({ status: AgentStatusSchema }).strict();
export type AgentStatusBody = z.infer<typeof AgentStatusBodySchema>;

/** GET /api/v1/routing/me: what the workstation cannot compute locally. */
export const MyRoutingSchema = z.object({ capacity: CapacitySchema });
export type MyRouting = z.infer<typeof MyRoutingSchema>;
