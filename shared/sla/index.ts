/**
 * shared/sla: the SLA clock. One pure function (`computeSla`) decides first-response,
 * next-response and resolution targets for the server's breach scheduler and for every countdown
 * in the app; the business-time helpers let the scheduler sleep until the next due instant or the
 * next opening/closing of a calendar. Imports only zod and other shared/ files. See README.md.
 */
export { computeSla } from './compute';
export { addBusinessTime, businessTimeBetween, nextCalendarBoundary, validateCalendar, HORIZON_DAYS } from './calendar';
export {
  BusinessCalendarSchema,
  MAX_TARGET_MIN,
  SLA_EVENT_TYPES,
  SLA_STATES,
  SlaEventSchema,
  SlaInputSchema,
  SlaInstantSchema,
  SlaPolicySchema,
  WEEKDAYS,
} from './types';
export type {
  BusinessCalendar,
  CalendarBoundary,
  CalendarValidation,
  NextResponseResult,
  OpenInterval,
  SlaEvent,
  SlaEventType,
  SlaInput,
  SlaPolicy,
  SlaResult,
  SlaState,
  SlaTargetResult,
  Weekday,
} from './types';
