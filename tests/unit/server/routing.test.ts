import { describe, expect, it } from 'vitest';
import { chooseTeam } from '../../../server/domain/routing';

const demoTeams = [
  { id: 'pre', nameEn: 'Pre-sales' },
  { id: 'after', nameEn: 'After-sales' },
  { id: 'tech', nameEn: 'Tech support' },
  { id: 'vip', nameEn: 'VIP' },
];

describe('routing a new conversation', () => {
  it.each([
    ['chat', 'standard', 'pre'],
    ['voice', 'standard', 'pre'],
    ['social', 'standard', 'pre'],
    ['email', 'standard', 'after'],
    ['sms', 'standard', 'after'],
    ['email', 'vip', 'vip'],
    ['chat', 'vip', 'vip'],
  ] as const)('%s from a %s customer goes to %s', (channel, tier, team) => {
    expect(chooseTeam(demoTeams, channel, tier)).toBe(team);
  });

  it('falls back to the channel team without a VIP team, and to the first team without a match', () => {
    expect(
      chooseTeam(
        demoTeams.filter((t) => t.id !== 'vip'),
        'sms',
        'vip',
      ),
    ).toBe('after');
    expect(
      chooseTeam(
        [
          { id: 'general', nameEn: 'General' },
          { id: 'b', nameEn: 'B' },
        ],
        'voice',
        'vip',
      ),
    ).toBe('general');
    expect(chooseTeam([], 'chat', 'standard')).toBeNull();
  });
});
