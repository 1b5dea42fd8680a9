/**
 * Which team a new conversation lands in. A small table on purpose: VIP customers go to the VIP
 * team when there is one, everything else by channel; teams are matched by their English name so
 * an installation can rename the Chinese one freely. Unknown names fall back to the first team.
 */
import type { Channel, ContactTier } from '../../shared/domain/model';

export const VIP_TEAM = 'VIP';

export const TEAM_BY_CHANNEL: Readonly<Record<Channel, string>> = {
  chat: 'Pre-sales',
  voice: 'Pre-sales',
  social: 'Pre-sales',
  email: 'After-sales',
  sms: 'After-sales',
};

export interface RoutableTeam {
  id: string;
  nameEn: string;
}

/** `teams` in their configured order; returns null only when no team exists at all. */
export function chooseTeam(
  teams: readonly RoutableTeam[],
  channel: Channel,
  tier: ContactTier,
): string | null {
  const byName = (name: string) => teams.find((team) => team.nameEn.toLowerCase() === name.toLowerCase());
  if (tier === 'vip') {
    const vip = byName(VIP_TEAM);
    if (vip) return vip.id;
  }
  return byName(TEAM_BY_CHANNEL[channel])?.id ?? teams[0]?.id ?? null;
}
