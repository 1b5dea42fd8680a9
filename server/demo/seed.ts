/**
 * The demo contact centre: four teams, agents with Chinese and English names, a reviewer, a lead,
 * an admin, one shared demo password and a token per channel. Idempotent: rows that exist are
 * left alone, so running it on every start is safe. New teams and agents are announced through
 * the change log like any other write.
 */
import { newIdentitySecret } from '../domain/widget/identity';
import { SwitchboardError } from '../../shared/contracts/errors';
import type { Channel, Role } from '../../shared/domain/model';
import type { NewChange } from '../db/queries/changes';
import {
  agentFromRow,
  getAgentRow,
  getTeam,
  insertAgent,
  insertTeam,
  teamFromRow,
} from '../db/queries/directory';
import { insertChannelTokenIfMissing } from '../db/queries/sessions';
import { hashChannelToken, hashPassword } from '../domain/auth';
import { commitWithChanges, type DomainContext } from '../domain/context';
import { directoryChange } from '../domain/snapshots';
import { seedDemoCanned } from './cannedSeed';

export const DEMO_PASSWORD = 'switchboard';

export const DEMO_CHANNEL_TOKENS: Readonly<Record<Channel, string>> = {
  chat: 'demo-chat-token',
  email: 'demo-email-token',
  voice: 'demo-voice-token',
  sms: 'demo-sms-token',
  social: 'demo-social-token',
};

export const DEMO_TEAMS = [
  { id: 'team-presales', name: '售前', nameEn: 'Pre-sales' },
  { id: 'team-aftersales', name: '售后', nameEn: 'After-sales' },
  { id: 'team-techsupport', name: '技术支持', nameEn: 'Tech support' },
  { id: 'team-vip', name: 'VIP', nameEn: 'VIP' },
] as const;

const ALL_TEAMS = DEMO_TEAMS.map((team) => team.id);

interface DemoAgent {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamIds: readonly string[];
}

export const DEMO_AGENTS: readonly DemoAgent[] = [
  {
    id: 'agent-li-na',
    name: '李娜 Li Na',
    email: 'li.na@demo.switchboard',
    role: 'agent',
    teamIds: ['team-presales', 'team-aftersales'],
  },
  {
    id: 'agent-wang-wei',
    name: '王伟 Wang Wei',
    email: 'wang.wei@demo.switchboard',
    role: 'agent',
    teamIds: ['team-aftersales', 'team-techsupport'],
  },
  {
    id: 'agent-chen-jie',
    name: '陈杰 Chen Jie',
    email: 'chen.jie@demo.switchboard',
    role: 'agent',
    teamIds: ['team-techsupport', 'team-vip'],
  },
  {
    id: 'agent-emma-clark',
    name: 'Emma Clark',
    email: 'emma.clark@demo.switchboard',
    role: 'agent',
    teamIds: ['team-presales', 'team-vip'],
  },
  {
    id: 'agent-zhou-min',
    name: '周敏 Zhou Min',
    email: 'zhou.min@demo.switchboard',
    role: 'reviewer',
    teamIds: [],
  },
  {
    id: 'agent-sun-li',
    name: '孙丽 Sun Li',
    email: 'sun.li@demo.switchboard',
    role: 'reviewer',
    teamIds: [],
  },
  {
    id: 'agent-liu-yang',
    name: '刘洋 Liu Yang',
    email: 'liu.yang@demo.switchboard',
    role: 'lead',
    teamIds: ALL_TEAMS,
  },
  { id: 'agent-admin', name: 'Admin', email: 'admin@demo.switchboard', role: 'admin', teamIds: ALL_TEAMS },
];

/** Who can sign in to the demo, for the start script to print. */
export const DEMO_LOGINS: ReadonlyArray<{ email: string; password: string; role: Role; name: string }> =
  DEMO_AGENTS.map((agent) => ({
    email: agent.email,
    password: DEMO_PASSWORD,
    role: agent.role,
    name: agent.name,
  }));

/** The demo shop's widget channel (`<script data-channel="demo-site">`). */
export const DEMO_WIDGET_CHANNEL = 'demo-site';

export async function seedDemo(ctx: DomainContext): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await commitWithChanges(ctx, async (trx, append) => {
    const now = ctx.now().toISOString();
    const changes: NewChange[] = [];
    for (const team of DEMO_TEAMS) {
      if (await getTeam(trx, team.id)) continue;
      const row = { id: team.id, name: team.name, name_en: team.nameEn, created_at: now };
      await insertTeam(trx, row);
      changes.push(directoryChange({ type: 'team.updated', team: teamFromRow(row) }));
    }
    for (const agent of DEMO_AGENTS) {
      if (await getAgentRow(trx, agent.id)) continue;
      const row = {
        id: agent.id,
        name: agent.name,
        email: agent.email,
        password_hash: passwordHash,
        role: agent.role,
        status: 'offline',
        created_at: now,
      };
      await insertAgent(trx, row, agent.teamIds);
      changes.push(directoryChange({ type: 'agent.updated', agent: agentFromRow(row, [...agent.teamIds].sort()) }));
    }
    for (const [channel, token] of Object.entries(DEMO_CHANNEL_TOKENS) as [Channel, string][]) {
      await insertChannelTokenIfMissing(trx, {
        token_hash: hashChannelToken(token),
        channel,
        label: `demo ${channel}`,
        created_at: now,
      });
    }
    // The demo shop's web chat widget (the page at /demo/widget), on any origin.
    await trx
      .insertInto('widget_channels')
      .values({ id: DEMO_WIDGET_CHANNEL, name: '示例商城 Demo shop', origins: '[]', identity_secret: newIdentitySecret(), created_at: now })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    if (changes.length > 0) await append(changes);
  }).catch((error: unknown) => {
    throw error instanceof SwitchboardError
      ? error
      : new Error('seeding the demo data failed', { cause: error });
  });
  await seedDemoCanned(ctx);
}
