/**
 * The demo crew's accounts: simulated agents who work the demo centre's queues so that demo
 * traffic is answered without anyone touching it (crew.ts drives them). They are deliberately
 * not among the printed demo logins (seed.ts DEMO_LOGINS), so a person who signs in is never
 * sharing an account with a simulation. Seeded only when the crew runs; idempotent.
 */
import type { NewChange } from '../db/queries/changes';
import { agentFromRow, getAgentRow, insertAgent } from '../db/queries/directory';
import { hashPassword } from '../domain/auth';
import { commitWithChanges, type DomainContext } from '../domain/context';
import { directoryChange } from '../domain/snapshots';
import { DEMO_PASSWORD } from './seed';

export interface CrewMember {
  id: string;
  name: string;
  email: string;
  teamIds: readonly string[];
}

/** Every demo team has at least two crew members, so one full agent never stalls a queue. */
export const DEMO_CREW: readonly CrewMember[] = [
  { id: 'crew-zhao-lei', name: '赵磊 Zhao Lei', email: 'zhao.lei@crew.demo.switchboard', teamIds: ['team-presales', 'team-aftersales'] },
  { id: 'crew-sun-li', name: '孙丽 Sun Li', email: 'sun.li@crew.demo.switchboard', teamIds: ['team-aftersales', 'team-techsupport'] },
  { id: 'crew-wu-qiang', name: '吴强 Wu Qiang', email: 'wu.qiang@crew.demo.switchboard', teamIds: ['team-techsupport', 'team-vip'] },
  { id: 'crew-olivia-grant', name: 'Olivia Grant', email: 'olivia.grant@crew.demo.switchboard', teamIds: ['team-presales', 'team-vip'] },
  { id: 'crew-zhou-ting', name: '周婷 Zhou Ting', email: 'zhou.ting@crew.demo.switchboard', teamIds: ['team-aftersales', 'team-presales'] },
  { id: 'crew-he-jun', name: '何俊 He Jun', email: 'he.jun@crew.demo.switchboard', teamIds: ['team-techsupport', 'team-aftersales'] },
];

/** The crew signs in with the demo password, through the same login API as everyone. */
export const DEMO_CREW_PASSWORD = DEMO_PASSWORD;

export async function seedDemoCrew(ctx: DomainContext): Promise<void> {
  const passwordHash = await hashPassword(DEMO_CREW_PASSWORD);
  await commitWithChanges(ctx, async (trx, append) => {
    const now = ctx.now().toISOString();
    const changes: NewChange[] = [];
    for (const member of DEMO_CREW) {
      if (await getAgentRow(trx, member.id)) continue;
      const row = {
        id: member.id,
        name: member.name,
        email: member.email,
        password_hash: passwordHash,
        role: 'agent' as const,
        status: 'offline',
        created_at: now,
      };
      await insertAgent(trx, row, member.teamIds);
      changes.push(directoryChange({ type: 'agent.updated', agent: agentFromRow(row, [...member.teamIds].sort()) }));
    }
    if (changes.length > 0) await append(changes);
  });
}
