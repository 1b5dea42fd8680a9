/** The VIP-waiting rule, its setting, and the report's percentile: pure, table-driven. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config';
import { DEFAULT_VIP_WAIT_MS, vipWaitOf } from '../../../server/domain/sla/vipWaiting';

const vipWaitMsFrom = (env: NodeJS.ProcessEnv) => loadConfig(env).vipWaitMs;
import { quantile } from '../../../server/domain/reports/slaReport';

const since = '2026-01-05T09:00:00.000Z';
const queued = { status: 'open' as const, assigneeId: null, waitingSince: since };

describe('vipWaitOf', () => {
  it.each([
    ['a VIP open in the queue with an unanswered message', queued, 'vip', Date.parse(since) + 60_000],
    ['a standard customer', queued, 'standard', null],
    ['a VIP someone holds', { ...queued, assigneeId: 'agent-li-na' }, 'vip', null],
    ['a VIP still with the bot', { ...queued, status: 'bot' as const }, 'vip', null],
    ['a VIP pending', { ...queued, status: 'pending' as const }, 'vip', null],
    ['a VIP answered, back in the queue', { ...queued, waitingSince: null }, 'vip', null],
  ] as const)('%s', (_name, conversation, tier, dueMs) => {
    const wait = vipWaitOf(conversation, tier, 60_000);
    expect(wait?.dueMs ?? null).toBe(dueMs);
    if (wait) expect(wait.waitingSince).toBe(since);
  });
});

describe('SWITCHBOARD_VIP_WAIT_SEC', () => {
  it('defaults to two minutes and reads seconds', () => {
    expect(vipWaitMsFrom({})).toBe(DEFAULT_VIP_WAIT_MS);
    expect(vipWaitMsFrom({ SWITCHBOARD_VIP_WAIT_SEC: ' ' })).toBe(120_000);
    expect(vipWaitMsFrom({ SWITCHBOARD_VIP_WAIT_SEC: '45' })).toBe(45_000);
    expect(vipWaitMsFrom({ SWITCHBOARD_VIP_WAIT_SEC: '0.5' })).toBe(500);
  });
  it.each(['0', '-5', 'soon', '100000'])('refuses %s', (value) => {
    expect(() => vipWaitMsFrom({ SWITCHBOARD_VIP_WAIT_SEC: value })).toThrow(/SWITCHBOARD_VIP_WAIT_SEC/);
  });
});

describe('quantile', () => {
  it.each([
    [[], 0.5, null],
    [[7], 0.9, 7],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[60_000, 120_000, 600_000], 0.5, 120_000],
    [[60_000, 120_000, 600_000], 0.9, 504_000],
    [[0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9, 90],
  ])('%j at %d → %d', (sorted, q, expected) => {
    expect(quantile(sorted, q)).toBe(expected);
  });
});
