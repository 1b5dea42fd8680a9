import { describe, expect, it } from 'vitest';
import { formatClock, formatWaiting } from '../../../renderer/src/lib/time';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('formatWaiting', () => {
  it.each([
    [0, '<1m', '不到1分钟'],
    [59_999, '<1m', '不到1分钟'],
    [4 * MIN, '4m', '4分钟'],
    [4 * MIN + 59_000, '4m', '4分钟'],
    [59 * MIN, '59m', '59分钟'],
    [HOUR, '1h', '1小时'],
    [2 * HOUR + 5 * MIN, '2h 5m', '2小时5分钟'],
    [23 * HOUR + 59 * MIN, '23h 59m', '23小时59分钟'],
    [DAY, '1d', '1天'],
    [3 * DAY + 4 * HOUR + 30 * MIN, '3d 4h', '3天4小时'],
  ])('%i ms reads %s / %s', (ms, en, zh) => {
    expect(formatWaiting(ms, 'en')).toBe(en);
    expect(formatWaiting(ms, 'zh-CN')).toBe(zh);
  });

  it('treats clock skew (negative) and garbage as no wait', () => {
    expect(formatWaiting(-5 * MIN, 'en')).toBe('<1m');
    expect(formatWaiting(Number.NaN, 'en')).toBe('<1m');
  });
});

describe('formatClock', () => {
  it.each([
    [0, '0:00'],
    [5, '0:05'],
    [65, '1:05'],
    [600, '10:00'],
    [3725, '1:02:05'],
    [12.9, '0:12'],
    [-3, '0:00'],
  ])('%d s reads %s', (seconds, expected) => {
    expect(formatClock(seconds)).toBe(expected);
  });
});
