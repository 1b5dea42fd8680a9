/**
 * The demo crew: simulated agents who sign in like people, set themselves Available and work what
 * routing assigns them, so demo traffic is answered without anyone touching it. Each member has
 * its own connection (crewConnection.ts: the login API and Socket.IO sync, never the database)
 * and desk (crewDesk.ts: what to do and when). The printed demo logins are never crew members
 * (crewRoster.ts). Started by scripts/demo-server.ts unless SWITCHBOARD_DEMO_CREW=0.
 *
 * Invariants: never throws after start (failures are counted); after stop() resolves no timer is
 * left and no socket is open.
 */
import { z } from 'zod';
import { SwitchboardError, describeIssues } from '../../shared/contracts/errors';
import { CrewConnection } from './crewConnection';
import { CrewDesk, type CrewPace, type CrewStats } from './crewDesk';
import { DEMO_CREW, DEMO_CREW_PASSWORD, type CrewMember } from './crewRoster';
import { createRng, deriveSeed } from './simulatorRandom';

export { DEMO_CREW, seedDemoCrew } from './crewRoster';
export type { CrewPace, CrewStats } from './crewDesk';

/** Unhurried but attentive: a reply within half a minute, resolved after a minute of quiet. */
export const DEMO_CREW_PACE: CrewPace = { replyDelayMs: [6_000, 25_000], quietMs: [45_000, 90_000], noteChance: 0.25 };

export interface CrewOptions {
  baseUrl: string;
  members?: readonly CrewMember[];
  pace?: Partial<CrewPace>;
  seed?: number;
  /** Observer for logs and tests (sign-in failures, refused writes). */
  onError?(member: string, message: string): void;
}

export interface Crew {
  members: readonly CrewMember[];
  stats(): CrewStats;
  stop(): Promise<void>;
}

const Range = z.tuple([z.number().int().min(0), z.number().int().min(0)]).refine(([min, max]) => min <= max, 'min > max');
const OptionsSchema = z.object({
  baseUrl: z.url(),
  pace: z.object({ replyDelayMs: Range, quietMs: Range, noteChance: z.number().min(0).max(1) }),
  seed: z.number().int(),
});

/** `SWITCHBOARD_DEMO_CREW=0` (or `false`, `off`) turns the crew off; anything else leaves it on. */
export function crewEnabled(env: NodeJS.ProcessEnv): boolean {
  const value = env.SWITCHBOARD_DEMO_CREW?.trim().toLowerCase();
  return !(value === '0' || value === 'false' || value === 'off');
}

export function startCrew(options: CrewOptions): Crew {
  const parsed = OptionsSchema.safeParse({
    baseUrl: options.baseUrl,
    pace: { ...DEMO_CREW_PACE, ...options.pace },
    seed: options.seed ?? Date.now() % 2_147_483_647,
  });
  if (!parsed.success) throw new SwitchboardError('invalid', `crew options: ${describeIssues(parsed.error)}`);
  const { baseUrl, pace, seed } = parsed.data;
  const members = options.members ?? DEMO_CREW;
  const stats: CrewStats = { replies: 0, notes: 0, resolved: 0, rejected: 0 };
  const report = (member: CrewMember, message: string) => {
    try {
      options.onError?.(member.name, message);
    } catch {
      // An observer must not stop the crew.
    }
  };

  const running = members.map((member, index) => {
    let desk: CrewDesk | null = null;
    let settingStatus = false;
    const connection: CrewConnection = new CrewConnection({
      baseUrl,
      email: member.email,
      password: DEMO_CREW_PASSWORD,
      onChanges(changes) {
        desk?.apply(changes);
        // Someone (or the offline grace after a dropped connection) set this member away: come back.
        const self = [...changes].reverse().find((c) => c.type === 'agent.updated' && c.agent.id === member.id);
        if (self?.type === 'agent.updated' && self.agent.status !== 'available' && desk) becomeAvailable();
      },
      onReady: () => becomeAvailable(),
      onError: (message) => report(member, message),
    });
    desk = new CrewDesk(member.id, member.name, connection, pace, createRng(deriveSeed(seed, index + 1)), stats);
    function becomeAvailable(): void {
      if (settingStatus) return;
      settingStatus = true;
      void connection.push('agent.setStatus', { status: 'available' }).finally(() => {
        settingStatus = false;
      });
    }
    connection.start().catch((error: unknown) => report(member, error instanceof Error ? error.message : String(error)));
    return { connection, desk };
  });

  return {
    members,
    stats: () => ({ ...stats }),
    async stop() {
      for (const { connection, desk } of running) {
        desk.stop();
        connection.stop();
      }
    },
  };
}
