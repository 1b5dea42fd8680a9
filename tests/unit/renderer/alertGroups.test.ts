/** The Live screen's grouping of open alerts: one card per conversation, most severe first. */
import { describe, expect, it } from 'vitest';
import type { AlertListItem } from '../../../shared/contracts/alerts';
import type { Alert } from '../../../shared/contracts/sla';
import { groupOpenAlerts, openAlertIds } from '../../../renderer/src/features/live/alertGroups';

const item = (alert: Partial<Alert> & Pick<Alert, 'id' | 'conversationId'>): AlertListItem => ({
  alert: {
    kind: 'negative_sentiment',
    teamId: 'team-presales',
    assigneeId: null,
    messageId: 'm',
    score: -1,
    excerpt: '…',
    createdAt: '2026-11-16T02:00:00.000Z',
    acknowledgedAt: null,
    ...alert,
  } as Alert,
  contactName: 'x',
  teamName: null,
  teamNameEn: null,
  acknowledgedByName: null,
  pending: false,
});

describe('groupOpenAlerts', () => {
  it('puts a conversation’s alerts in one group, most severe groups first, acknowledged ones left out', () => {
    const groups = groupOpenAlerts([
      item({ id: 'a', conversationId: 'c1', severity: 'info', createdAt: '2026-11-16T02:05:00.000Z' }),
      item({ id: 'b', conversationId: 'c2', severity: 'warning' }),
      item({ id: 'c', conversationId: 'c1', kind: 'vip_waiting', severity: 'critical', waitingSince: '2026-11-16T01:00:00.000Z' } as Partial<Alert> & { id: string; conversationId: string }),
      item({ id: 'd', conversationId: 'c3', severity: 'critical', acknowledgedAt: '2026-11-16T02:06:00.000Z' }),
    ]);
    expect(groups.map((g) => [g.conversationId, g.severity])).toEqual([
      ['c1', 'critical'],
      ['c2', 'warning'],
    ]);
    expect(groups[0]!.items.map((i) => i.alert.id)).toEqual(['c', 'a']);
    expect(groups[0]!.lastRaisedAt).toBe('2026-11-16T02:05:00.000Z');
    expect(openAlertIds(groups)).toEqual(['c', 'a', 'b']);
  });

  it('ranks equally severe groups by their latest raise, a repeat counting as new', () => {
    const groups = groupOpenAlerts([
      item({ id: 'a', conversationId: 'old', severity: 'warning', createdAt: '2026-11-16T02:00:00.000Z', lastRaisedAt: '2026-11-16T02:09:00.000Z', count: 3 }),
      item({ id: 'b', conversationId: 'new', severity: 'warning', createdAt: '2026-11-16T02:05:00.000Z' }),
    ]);
    expect(groups.map((g) => g.conversationId)).toEqual(['old', 'new']);
  });
});
