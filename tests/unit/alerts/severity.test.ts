/** Alert severity (shared/alerts): what a lead sees first. */
import { describe, expect, it } from 'vitest';
import { alertSeverity, AlertSettingsSchema, DEFAULT_ALERT_SETTINGS, type SeverityInput } from '../../../shared/alerts';

describe('alertSeverity', () => {
  const cases: [SeverityInput, string][] = [
    [{ kind: 'negative_sentiment', score: -0.65, vip: false }, 'info'],
    [{ kind: 'negative_sentiment', score: -0.75, vip: false }, 'warning'],
    [{ kind: 'negative_sentiment', score: -1, vip: false }, 'critical'],
    [{ kind: 'negative_sentiment', score: -0.65, vip: true }, 'warning'],
    [{ kind: 'negative_sentiment', score: -1, vip: true }, 'critical'],
    [{ kind: 'sla_breached', vip: false }, 'warning'],
    [{ kind: 'sla_breached', vip: true }, 'critical'],
    [{ kind: 'vip_waiting' }, 'critical'],
    [{ kind: 'low_survey', survey: 'csat', score: 1 }, 'warning'],
    [{ kind: 'low_survey', survey: 'csat', score: 2 }, 'info'],
    [{ kind: 'low_survey', survey: 'nps', score: 2 }, 'warning'],
    [{ kind: 'low_survey', survey: 'nps', score: 6 }, 'info'],
  ];
  it.each(cases)('%j → %s', (input, expected) => expect(alertSeverity(input)).toBe(expected));

  it('ranks a very negative message above a slightly negative one, and a breach above a mild message', () => {
    const rank = (input: SeverityInput) => ['info', 'warning', 'critical'].indexOf(alertSeverity(input));
    expect(rank({ kind: 'negative_sentiment', score: -1, vip: false })).toBeGreaterThan(rank({ kind: 'negative_sentiment', score: -0.6, vip: false }));
    expect(rank({ kind: 'sla_breached', vip: false })).toBeGreaterThan(rank({ kind: 'negative_sentiment', score: -0.6, vip: false }));
  });

  it('has defaults the settings schema accepts, with "reopen on low score" off', () => {
    expect(AlertSettingsSchema.parse(DEFAULT_ALERT_SETTINGS)).toEqual(DEFAULT_ALERT_SETTINGS);
    expect(DEFAULT_ALERT_SETTINGS.reopenOnLowSurvey).toBe(false);
  });
});
