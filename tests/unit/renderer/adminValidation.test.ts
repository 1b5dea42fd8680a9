/**
 * The admin screen's client-side checks: each mistake lands on the field it belongs to with the
 * message key the UI shows, valid drafts pass, and nothing the server would refuse is called valid.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_BASE } from '../../../server/domain/nlu/training/knowledgeBase';
import { DEMO_CALENDARS, DEMO_POLICIES } from '../../../server/demo/seedSla';
import type { KnowledgeEntryInput } from '../../../shared/contracts/knowledge';
import type { BusinessCalendarRecord, SlaPolicyRecord } from '../../../shared/sla/policies';
import { shown } from '../../../renderer/src/features/admin/fields';
import {
  fieldsOf,
  isValid,
  recordsWithErrors,
  shadowsOthers,
  validateCalendars,
  validateKnowledge,
  validatePolicies,
} from '../../../renderer/src/features/admin/validation';

const office = (
  weekly: BusinessCalendarRecord['calendar']['weekly'],
  extra: Partial<BusinessCalendarRecord['calendar']> = {},
): BusinessCalendarRecord[] => [
  { id: 'cal-office', name: 'Office', calendar: { timeZone: 'Asia/Shanghai', weekly, ...extra } },
];

describe('calendar checks', () => {
  it('accepts the demo calendars', () => {
    expect(isValid(validateCalendars(DEMO_CALENDARS))).toBe(true);
  });

  it.each([
    [
      'overlap',
      {
        mon: [
          ['09:00', '12:00'],
          ['11:00', '14:00'],
        ],
      },
      'c0.mon.1.range',
      'admin.errors.overlaps',
      { other: '09:00–12:00' },
    ],
    [
      'overlap listed out of order',
      {
        tue: [
          ['13:00', '18:00'],
          ['09:00', '13:30'],
        ],
      },
      'c0.tue.0.range',
      'admin.errors.overlaps',
      { other: '09:00–13:30' },
    ],
    [
      'closes before it opens',
      { mon: [['18:00', '09:00']] },
      'c0.mon.0.range',
      'admin.errors.endsBeforeStart',
      undefined,
    ],
    [
      'empty interval',
      { wed: [['09:00', '09:00']] },
      'c0.wed.0.range',
      'admin.errors.emptyInterval',
      undefined,
    ],
    ['not a time', { fri: [['9am', '18:00']] }, 'c0.fri.0.start', 'admin.errors.timeFormat', undefined],
    [
      '24:00 as an opening',
      { sat: [['24:00', '24:00']] },
      'c0.sat.0.start',
      'admin.errors.timeFormat',
      undefined,
    ],
  ] as const)('places %s at the interval', (_, weekly, field, key, params) => {
    const validation = validateCalendars(office(weekly as never));
    expect(validation.fields[field]).toEqual(params ? { key, params } : { key });
    expect(isValid(validation)).toBe(false);
  });

  it('lets touching intervals and a day ending at 24:00 pass', () => {
    expect(
      isValid(
        validateCalendars(
          office({
            mon: [
              ['09:00', '12:00'],
              ['12:00', '24:00'],
            ],
          }),
        ),
      ),
    ).toBe(true);
  });

  it('names an unknown time zone, a week with no hours, and bad or repeated holidays', () => {
    const zone = validateCalendars([
      { id: 'x', name: 'X', calendar: { timeZone: 'Mars/Olympus', weekly: { mon: [['09:00', '18:00']] } } },
    ]);
    expect(zone.fields['c0.timeZone']).toEqual({
      key: 'admin.errors.zoneUnknown',
      params: { zone: 'Mars/Olympus' },
    });
    expect(validateCalendars(office({})).fields['c0.hours']).toEqual({ key: 'admin.errors.noOpenHours' });
    expect(isValid(validateCalendars(office({}, { alwaysOpen: true })))).toBe(true);
    const holidays = validateCalendars(
      office({ mon: [['09:00', '18:00']] }, { holidays: ['2026-02-30', '2026-10-01', '2026-10-01'] }),
    );
    expect(holidays.fields['c0.holiday.0']).toEqual({ key: 'admin.errors.dateFormat' });
    expect(holidays.fields['c0.holiday.2']).toEqual({ key: 'admin.errors.dateTwice' });
    expect(recordsWithErrors(holidays.fields, 'c')).toEqual(new Set([0]));
  });

  it('still refuses what only the shared list rules catch (a calendar id used twice)', () => {
    const twice = [...DEMO_CALENDARS, { ...DEMO_CALENDARS[0]!, name: 'Copy' }];
    const validation = validateCalendars(twice);
    expect(validation.fields).toEqual({});
    expect(validation.problems).toEqual([`calendar "${DEMO_CALENDARS[0]!.id}" appears twice`]);
  });
});

describe('policy checks', () => {
  const calendars = new Set(DEMO_CALENDARS.map((c) => c.id));
  const edit = (index: number, change: Partial<SlaPolicyRecord>) =>
    DEMO_POLICIES.map((p, i) => (i === index ? { ...p, ...change } : p));

  it('accepts the demo policies', () => {
    expect(isValid(validatePolicies(DEMO_POLICIES, calendars))).toBe(true);
  });

  it('asks for a target, a name, a known calendar and sane minutes', () => {
    const noTarget = edit(0, {
      firstResponseMin: undefined,
      nextResponseMin: undefined,
      resolutionMin: undefined,
    });
    expect(validatePolicies(noTarget, calendars).fields['p0.targets']).toEqual({
      key: 'admin.errors.targetRequired',
    });
    expect(validatePolicies(edit(1, { name: '  ' }), calendars).fields['p1.name']).toEqual({
      key: 'admin.errors.nameRequired',
    });
    expect(validatePolicies(edit(0, { calendarId: 'gone' }), calendars).fields['p0.calendarId']).toEqual({
      key: 'admin.errors.calendarUnknown',
    });
    expect(
      validatePolicies(edit(0, { firstResponseMin: 0 }), calendars).fields['p0.firstResponseMin']?.key,
    ).toBe('admin.errors.targetRange');
    expect(validatePolicies(edit(0, { warnBeforeMin: -5 }), calendars).fields['p0.warnBeforeMin']?.key).toBe(
      'admin.errors.warnRange',
    );
  });

  it('wants the catch-all last, and flags a policy that hides the ones below it', () => {
    const last = DEMO_POLICIES.length - 1;
    const restricted = edit(last, { match: { channels: ['chat'] } });
    expect(validatePolicies(restricted, calendars).fields[`p${last}.match`]).toEqual({
      key: 'admin.errors.catchAllLast',
    });
    const hiding = edit(0, { match: {} });
    expect(shadowsOthers(hiding, 0)).toBe(true);
    expect(shadowsOthers(DEMO_POLICIES, last)).toBe(false);
  });
});

describe('knowledge-base checks', () => {
  const entries = (): KnowledgeEntryInput[] =>
    structuredClone(DEFAULT_KNOWLEDGE_BASE) as KnowledgeEntryInput[];

  it('accepts the default knowledge base', () => {
    expect(isValid(validateKnowledge(entries()))).toBe(true);
  });

  it('places each mistake at its entry and field', () => {
    const list = entries();
    list[1]!.intent = list[0]!.intent;
    list[2]!.answer.en = '   ';
    list[3]!.variants['zh-CN'] = [];
    list[4]!.intent = 'Not An Id';
    list[5]!.answer['zh-CN'] = '长'.repeat(2001);
    const { fields } = validateKnowledge(list);
    expect(fields['k1.intent']).toEqual({ key: 'admin.errors.intentTwice', params: { other: '1' } });
    expect(fields['k2.answer.en']).toEqual({ key: 'admin.errors.required', params: {} });
    expect(fields['k3.variants.zh-CN']).toEqual({ key: 'admin.errors.required', params: {} });
    expect(fields['k4.intent']).toEqual({ key: 'admin.errors.intentFormat', params: {} });
    expect(fields['k5.answer.zh-CN']).toEqual({ key: 'admin.errors.tooLong', params: { max: '2000' } });
    expect(fieldsOf(fields, 'k2')).toEqual({ 'answer.en': { key: 'admin.errors.required', params: {} } });
    expect(recordsWithErrors(fields, 'k')).toEqual(new Set([1, 2, 3, 4, 5]));
  });

  it('names an empty variant by its position, and an empty list', () => {
    const list = entries();
    list[0]!.variants.en = ['Fine', ''];
    expect(validateKnowledge(list).fields['k0.variants.en.1']?.key).toBe('admin.errors.required');
    expect(validateKnowledge([]).fields.list).toEqual({ key: 'admin.errors.kbEmpty' });
  });

  it('keeps "fill this in" messages back until a save is tried, but never real mistakes', () => {
    expect(shown({ key: 'admin.errors.required' }, false)).toBeUndefined();
    expect(shown({ key: 'admin.errors.required' }, true)).toEqual({ key: 'admin.errors.required' });
    expect(shown({ key: 'admin.errors.overlaps', params: { other: '09:00–12:00' } }, false)?.key).toBe(
      'admin.errors.overlaps',
    );
  });
});
