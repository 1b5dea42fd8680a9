/**
 * Demo SLA policies and calendars, written once (when the installation has none yet) through the
 * same code path as an admin's PUT, so cores receive them like any other change.
 *
 * Order matters (first match wins): VIP customers on the tightest targets, then urgent, high,
 * live chat (round the clock), and the catch-all default for everything else.
 */
import type { BusinessCalendarRecord, SlaPolicyRecord } from '../../shared/sla/policies';
import { listSlaPolicies } from '../db/queries/sla';
import type { DomainContext } from '../domain/context';
import { putBusinessCalendars, putSlaPolicies } from '../domain/sla/config';

const OFFICE_DAY: Array<[string, string]> = [
  ['09:00', '12:00'],
  ['13:00', '18:00'],
];

export const DEMO_CALENDARS: BusinessCalendarRecord[] = [
  {
    id: 'cal-office',
    name: '工作时间 Office hours (Shanghai)',
    calendar: {
      timeZone: 'Asia/Shanghai',
      weekly: { mon: OFFICE_DAY, tue: OFFICE_DAY, wed: OFFICE_DAY, thu: OFFICE_DAY, fri: OFFICE_DAY },
      holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2027-01-01'],
    },
  },
  {
    id: 'cal-24x7',
    name: '全天 24/7',
    calendar: { timeZone: 'Asia/Shanghai', alwaysOpen: true, weekly: {} },
  },
];

export const DEMO_POLICIES: SlaPolicyRecord[] = [
  {
    id: 'sla-vip',
    name: 'VIP',
    match: { tiers: ['vip'] },
    calendarId: 'cal-24x7',
    firstResponseMin: 10,
    nextResponseMin: 15,
    resolutionMin: 120,
    warnBeforeMin: 5,
  },
  {
    id: 'sla-urgent',
    name: '紧急 Urgent',
    match: { priorities: ['urgent'] },
    calendarId: 'cal-office',
    firstResponseMin: 15,
    nextResponseMin: 30,
    resolutionMin: 240,
    warnBeforeMin: 5,
  },
  {
    id: 'sla-high',
    name: '高 High',
    match: { priorities: ['high'] },
    calendarId: 'cal-office',
    firstResponseMin: 60,
    nextResponseMin: 60,
    resolutionMin: 480,
    warnBeforeMin: 15,
  },
  {
    id: 'sla-chat',
    name: '在线聊天 Live chat',
    match: { channels: ['chat'] },
    calendarId: 'cal-24x7',
    firstResponseMin: 5,
    nextResponseMin: 10,
    resolutionMin: 480,
    warnBeforeMin: 2,
  },
  {
    id: 'sla-default',
    name: '默认 Default',
    match: {},
    calendarId: 'cal-office',
    firstResponseMin: 120,
    nextResponseMin: 240,
    resolutionMin: 1440,
    warnBeforeMin: 30,
  },
];

export async function seedSlaDemo(ctx: DomainContext): Promise<void> {
  if ((await listSlaPolicies(ctx.store.db)).length > 0) return;
  await putBusinessCalendars(ctx, { calendars: DEMO_CALENDARS });
  await putSlaPolicies(ctx, { policies: DEMO_POLICIES });
}
