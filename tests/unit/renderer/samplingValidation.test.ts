/**
 * The Sampling tab's checks: each mistake a lead can make in a sampling rule lands on its field
 * (keys `r<i>.<field>`) with the bound the shared schema states, and a valid list passes.
 */
import { describe, expect, it } from 'vitest';
import { shown } from '../../../renderer/src/features/admin/fields';
import { validateSamplingRules } from '../../../renderer/src/features/admin/qaValidation';
import { fieldsOf, isValid, recordsWithErrors } from '../../../renderer/src/features/admin/validation';
import { SamplingRulesBodySchema, type SamplingRule } from '../../../shared/qa/sampling';

const RULE: SamplingRule = SamplingRulesBodySchema.parse({
  rules: [
    {
      id: 'daily-presales',
      name: 'Daily sample',
      teamId: 'team-presales',
      cycle: 'daily',
      timeZone: 'Asia/Shanghai',
      random: { mode: 'percent', amount: 10 },
      conditions: [{ kind: 'sla_breached' }, { kind: 'long_handle', minutes: 45 }, { kind: 'channel', channels: ['email'] }],
      reviewers: [{ reviewerId: 'agent-zhou-min', goal: 20 }],
    },
  ],
}).rules[0]!;
const OTHER: SamplingRule = { ...RULE, id: 'daily-aftersales', teamId: 'team-aftersales' };
const errorsOf = (rule: SamplingRule) => fieldsOf(validateSamplingRules([OTHER, rule]).fields, 'r1');

describe('sampling rule validation', () => {
  it('passes the demo-shaped rules', () => {
    const validation = validateSamplingRules([RULE, OTHER]);
    expect(isValid(validation)).toBe(true);
  });

  it('places a missing name on the name, shown once a save was tried', () => {
    const errors = errorsOf({ ...RULE, name: '  ' });
    expect(errors).toEqual({ name: { key: 'admin.errors.required' } });
    expect(shown(errors.name, false)).toBeUndefined();
    expect(shown(errors.name, true)).toEqual({ key: 'admin.errors.required' });
  });

  it('places the random part on its amount with the bound of its mode', () => {
    expect(errorsOf({ ...RULE, random: { mode: 'percent', amount: 120 } })).toEqual({
      'random.amount': { key: 'admin.errors.atMost', params: { max: 100 } },
    });
    expect(errorsOf({ ...RULE, random: { mode: 'count', amount: 2.5 } })).toEqual({
      'random.amount': { key: 'admin.errors.wholeNumber' },
    });
    expect(errorsOf({ ...RULE, random: { mode: 'count', amount: Number.NaN } })).toEqual({
      'random.amount': { key: 'admin.errors.numberRequired' },
    });
  });

  it("places a condition's setting on that condition, by kind", () => {
    const conditions = RULE.conditions.map((c) =>
      c.kind === 'long_handle' ? { ...c, minutes: 0 } : c.kind === 'channel' ? { ...c, channels: [] } : c,
    );
    expect(errorsOf({ ...RULE, conditions })).toEqual({
      'condition.long_handle': { key: 'admin.errors.atLeast', params: { min: 1 } },
      'condition.channel': { key: 'admin.errors.tooFew', params: { min: 1 } },
    });
  });

  it('says an unknown time zone at the time zone', () => {
    expect(errorsOf({ ...RULE, timeZone: 'Mars/Olympus' })).toEqual({
      timeZone: { key: 'qa.sampling.errors.timeZone' },
    });
  });

  it('needs a reviewer, a goal of at least one, and each reviewer once', () => {
    expect(errorsOf({ ...RULE, reviewers: [] })).toEqual({
      reviewers: { key: 'admin.errors.tooFew', params: { min: 1 } },
    });
    expect(errorsOf({ ...RULE, reviewers: [{ reviewerId: 'agent-zhou-min', goal: 0 }] })).toEqual({
      'reviewers.0.goal': { key: 'admin.errors.atLeast', params: { min: 1 } },
    });
    const twice = validateSamplingRules([
      {
        ...RULE,
        reviewers: [
          { reviewerId: 'agent-zhou-min', goal: 5 },
          { reviewerId: 'agent-zhou-min', goal: 5 },
        ],
      },
    ]);
    expect(fieldsOf(twice.fields, 'r0')).toEqual({
      'reviewers.1.reviewerId': { key: 'qa.sampling.errors.reviewerTwice' },
    });
  });

  it('marks the rule with the problem and says an id used twice', () => {
    const validation = validateSamplingRules([RULE, { ...RULE, name: '' }]);
    expect([...recordsWithErrors(validation.fields, 'r')]).toEqual([1]);
    expect(fieldsOf(validation.fields, 'r1')).toEqual({
      name: { key: 'admin.errors.required' },
      id: { key: 'admin.errors.idTwice' },
    });
    const sameId = validateSamplingRules([RULE, { ...OTHER, id: RULE.id }]);
    expect(fieldsOf(sameId.fields, 'r1')).toEqual({ id: { key: 'admin.errors.idTwice' } });
  });
});
