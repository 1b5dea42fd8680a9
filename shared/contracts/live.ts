/**
 * The waiting line's history on the wire: GET /api/v1/live/waiting-history?teamId= answers the
 * team's waiting count sampled once a minute by the server over the last hour (leads of the team
 * and admins), and the core's `live.waitHistory` proxies it for the Live screen and the wallboard.
 */
import { z } from 'zod';

const Id = z.string().min(1).max(64);

export const WaitHistoryQuerySchema = z.object({ teamId: Id });

export const WaitHistorySchema = z.object({
  teamId: Id,
  samples: z.array(z.object({ at: z.string().min(1).max(40), waiting: z.number().int().nonnegative() })).max(2_000),
});
export type WaitHistory = z.infer<typeof WaitHistorySchema>;

export const LiveRpcContract = {
  'live.waitHistory': { input: WaitHistoryQuerySchema, output: WaitHistorySchema },
} as const;
