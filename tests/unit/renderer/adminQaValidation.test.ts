/**
 * The quality-review editors' checks: each mistake an admin can make in an auto-QA rule or a
 * scorecard lands on its field with the bound the shared schema states, valid drafts pass, and
 * the one-per-line lists read as the admin typed them.
 */
import { describe, expect, it } from 'vitest';
import { linesOf, shown } from '../../../renderer/src/features/admin/fields';
import {
  validateAutoQaRules,
  validateScorecards,
  type ScorecardDraft,
} from '../../../renderer/src/features/admin/qaValidation';
import { newestScorecard } from '../../../renderer/src/features/admin/scorecardStore';
import { fieldsOf, isValid, recordsWithErrors } from '../../../renderer/src/features/admin/validation';
import { AutoQaRulesBodySchema, STARTER_AUTO_QA_RULES, type AutoQaRule } from '../../../shared/qa/autoQa';

const STARTER = AutoQaRulesBodySchema.parse({ rules: STARTER_AUTO_QA_RULES }).rules;
const at = (kind: AutoQaRule['kind']) => STARTER.findIndex((rule) => rule.kind === kind);
const withRule = (index: number, change: (rule: AutoQaRule) => AutoQaRule) =>
  STARTER.map((rule, i) => (i === index ? change(rule) : rule));

const CARD: ScorecardDraft = {
  id: 'scorecard-service',
  version: 3,
  name: 'Service standard',
  passThreshold: 80,
  archived: false,
  categories: [
    {
      id: 'greeting',
      name: 'Greeting',
      guidance: '',
      weight: 1,
      scale: 'binary',
      critical: false,
      naAllowed: false,
      rootCauses: [],
    },
    {
      id: 'accuracy',
      name: 'Accuracy',
      guidance: '',
      weight: 3,
      scale: '5',
      critical: true,
      naAllowed: false,
      rootCauses: ['Knowledge gap'],
    },
  ],
};
const withCard = (change: Partial<ScorecardDraft>) => [{ ...CARD, ...change }];
const withCategory = (j: number, change: Partial<ScorecardDraft['categories'][number]>) =>
  withCard({ categories: CARD.categories.map((c, i) => (i === j ? { ...c, ...change } : c)) });

describe('auto-QA rule checks', () => {
  it('accepts the starter rules', () => {
    expect(isValid(validateAutoQaRules(STARTER))).toBe(true);
  });

  it.each<[string, AutoQaRule[], string, string, Record<string, unknown>]>([
    [
      'an empty Chinese name',
      withRule(0, (rule) => ({ ...rule, name: { ...rule.name, 'zh-CN': '  ' } })),
      'a0.name.zh-CN',
      'admin.errors.required',
      {},
    ],
    [
      'an English name over 80 characters',
      withRule(0, (rule) => ({ ...rule, name: { ...rule.name, en: 'x'.repeat(81) } })),
      'a0.name.en',
      'admin.errors.tooLong',
      { max: 80 },
    ],
    [
      'a forbidden-phrase rule without phrases',
      withRule(at('forbidden'), (rule) => ({ ...rule, phrases: { 'zh-CN': [], en: [] } }) as AutoQaRule),
      `a${at('forbidden')}.phrases`,
      'admin.errors.phraseRequired',
      {},
    ],
    [
      'a phrase over 80 characters',
      withRule(
        at('greeting'),
        (rule) => ({ ...rule, phrases: { 'zh-CN': ['您好'], en: ['y'.repeat(81)] } }) as AutoQaRule,
      ),
      `a${at('greeting')}.phrases.en`,
      'admin.errors.tooLong',
      { max: 80 },
    ],
    [
      'a slow reply under 10 seconds',
      withRule(at('slow_reply'), (rule) => ({ ...rule, seconds: 5 }) as AutoQaRule),
      `a${at('slow_reply')}.seconds`,
      'admin.errors.atLeast',
      { min: 10 },
    ],
    [
      'a call silence over an hour',
      withRule(at('long_silence'), (rule) => ({ ...rule, seconds: 3_601 }) as AutoQaRule),
      `a${at('long_silence')}.seconds`,
      'admin.errors.atMost',
      { max: 3_600 },
    ],
    [
      'seconds left empty',
      withRule(at('slow_reply'), (rule) => ({ ...rule, seconds: Number.NaN }) as AutoQaRule),
      `a${at('slow_reply')}.seconds`,
      'admin.errors.numberRequired',
      {},
    ],
    [
      'seconds with a fraction',
      withRule(at('long_silence'), (rule) => ({ ...rule, seconds: 2.5 }) as AutoQaRule),
      `a${at('long_silence')}.seconds`,
      'admin.errors.wholeNumber',
      {},
    ],
  ])('places %s on its field', (_, rules, field, key, params) => {
    const validation = validateAutoQaRules(rules);
    expect(isValid(validation)).toBe(false);
    expect(validation.fields[field]).toEqual({ key, ...(Object.keys(params).length ? { params } : {}) });
    expect(Object.keys(validation.fields)).toEqual([field]);
  });

  it('names a rule id used twice, even while another rule is wrong too', () => {
    const twin = { ...STARTER[1]!, id: STARTER[0]!.id };
    const rules = [STARTER[0]!, twin, { ...STARTER[2]!, name: { 'zh-CN': '', en: 'x' } }];
    const { fields } = validateAutoQaRules(rules);
    expect(fields['a1.id']).toEqual({ key: 'admin.errors.idTwice' });
    expect(recordsWithErrors(fields, 'a')).toEqual(new Set([1, 2]));
  });

  it('keeps "give at least one phrase" quiet until a save was tried', () => {
    const rules = withRule(
      at('forbidden'),
      (rule) => ({ ...rule, phrases: { 'zh-CN': [], en: [] } }) as AutoQaRule,
    );
    const error = fieldsOf(validateAutoQaRules(rules).fields, `a${at('forbidden')}`).phrases;
    expect(shown(error, false)).toBeUndefined();
    expect(shown(error, true)).toEqual({ key: 'admin.errors.phraseRequired' });
  });
});

describe('scorecard checks', () => {
  it('accepts a complete scorecard', () => {
    expect(isValid(validateScorecards([CARD]))).toBe(true);
  });

  it.each<[string, ScorecardDraft[], string, string, Record<string, unknown>]>([
    ['no name', withCard({ name: ' ' }), 's0.name', 'admin.errors.required', {}],
    [
      'a threshold over 100',
      withCard({ passThreshold: 101 }),
      's0.passThreshold',
      'admin.errors.atMost',
      { max: 100 },
    ],
    [
      'a negative threshold',
      withCard({ passThreshold: -1 }),
      's0.passThreshold',
      'admin.errors.atLeast',
      { min: 0 },
    ],
    ['no categories', withCard({ categories: [] }), 's0.categories', 'admin.errors.tooFew', { min: 1 }],
    [
      'a weight of 0',
      withCategory(1, { weight: 0 }),
      's0.categories.1.weight',
      'admin.errors.above',
      { min: 0 },
    ],
    [
      'a weight over 100',
      withCategory(0, { weight: 150 }),
      's0.categories.0.weight',
      'admin.errors.atMost',
      { max: 100 },
    ],
    [
      'an id with capitals',
      withCategory(0, { id: 'Greeting' }),
      's0.categories.0.id',
      'admin.errors.idFormat',
      {},
    ],
    [
      'an id used twice',
      withCategory(1, { id: 'greeting' }),
      's0.categories.1.id',
      'admin.errors.idTwice',
      {},
    ],
    [
      'a category without a name',
      withCategory(0, { name: '' }),
      's0.categories.0.name',
      'admin.errors.required',
      {},
    ],
    [
      'thirteen root causes',
      withCategory(1, { rootCauses: Array.from({ length: 13 }, (_, i) => `cause ${i}`) }),
      's0.categories.1.rootCauses',
      'admin.errors.tooMany',
      { max: 12 },
    ],
    [
      'a root cause over 80 characters',
      withCategory(1, { rootCauses: ['z'.repeat(81)] }),
      's0.categories.1.rootCauses',
      'admin.errors.tooLong',
      { max: 80 },
    ],
  ])('places %s on its field', (_, cards, field, key, params) => {
    const validation = validateScorecards(cards);
    expect(isValid(validation)).toBe(false);
    expect(validation.fields[field]).toEqual({ key, ...(Object.keys(params).length ? { params } : {}) });
  });

  it("keys each scorecard's problems by its place in the list", () => {
    const { fields } = validateScorecards([CARD, { ...CARD, id: 'other', name: '' }]);
    expect(recordsWithErrors(fields, 's')).toEqual(new Set([1]));
    expect(fieldsOf(fields, 's1')).toEqual({ name: { key: 'admin.errors.required' } });
  });

  it('offers the newest saved scorecard that is not archived to the auto-QA rules', () => {
    const older = { ...CARD, id: 'old', updatedAt: '2026-01-01T00:00:00.000Z' };
    const newer = { ...CARD, id: 'new', updatedAt: '2026-03-01T00:00:00.000Z' };
    const archived = { ...CARD, id: 'archived', archived: true, updatedAt: '2026-06-01T00:00:00.000Z' };
    const unsaved = { ...CARD, id: 'draft', version: 0 };
    expect(newestScorecard([older, archived, newer, unsaved])?.id).toBe('new');
    expect(newestScorecard([archived, unsaved])).toBeNull();
  });
});

describe('one item per line', () => {
  it('reads the lines as typed, without blanks or surrounding spaces', () => {
    expect(linesOf('不归我管\n\n  not my problem  \n')).toEqual(['不归我管', 'not my problem']);
    expect(linesOf('')).toEqual([]);
  });
});
