/**
 * The pure part of customer surveys (shared/surveys): which answers are on the scale, which are
 * low enough for a lead to hear of, and the invitation a customer reads in their own language.
 */
import { describe, expect, it } from 'vitest';
import {
  customerLanguage,
  DEFAULT_SURVEY_SETTINGS,
  isLowScore,
  onScale,
  surveyInvitation,
  type SurveyKind,
} from '../../../shared/surveys';

describe('onScale', () => {
  it.each<[SurveyKind, number, boolean]>([
    ['csat', 1, true],
    ['csat', 5, true],
    ['csat', 0, false],
    ['csat', 6, false],
    ['csat', 3.5, false],
    ['csat', Number.NaN, false],
    ['nps', 0, true],
    ['nps', 10, true],
    ['nps', -1, false],
    ['nps', 11, false],
    ['nps', 7.2, false],
  ])('%s %d → %s', (kind, score, expected) => {
    expect(onScale(kind, score)).toBe(expected);
  });
});

describe('isLowScore', () => {
  it.each<[SurveyKind, number, boolean]>([
    ['csat', 1, true],
    ['csat', 2, true],
    ['csat', 3, false],
    ['csat', 5, false],
    ['nps', 0, true],
    ['nps', 6, true],
    ['nps', 7, false],
    ['nps', 10, false],
  ])('%s %d → %s', (kind, score, expected) => {
    expect(isLowScore(kind, score)).toBe(expected);
  });
});

describe('customerLanguage', () => {
  it('is Chinese when the customer wrote any Chinese, English otherwise', () => {
    expect(customerLanguage('我的订单还没到')).toBe('zh-CN');
    expect(customerLanguage('order 12345 还没到 please check')).toBe('zh-CN');
    expect(customerLanguage('Where is my parcel?')).toBe('en');
    expect(customerLanguage(null)).toBe('en');
  });
});

describe('surveyInvitation', () => {
  it('asks only the questions the centre surveys, in the customer language', () => {
    const csatOnly = surveyInvitation(['csat'], 'en');
    expect(csatOnly).toContain('1 (very unhappy) to 5');
    expect(csatOnly).not.toContain('0 to 10');
    const both = surveyInvitation(['csat', 'nps'], 'zh-CN');
    expect(both).toContain('1（很不满意）到 5');
    expect(both).toContain('0 到 10');
    expect(both).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('surveys the written channels by default, not phone calls', () => {
    expect(DEFAULT_SURVEY_SETTINGS.channels).not.toContain('phone');
    expect(DEFAULT_SURVEY_SETTINGS.nps).toBe(false);
  });
});
