/**
 * shared/kpi: the team-lead KPI formulas as pure functions, so the server's reports and the
 * workstation's dashboards compute every figure the same way. Percentages are 0–100 (NPS −100 to
 * 100), unrounded, and `null` when nothing counts; off-scale input is a RangeError naming the
 * value. Imports nothing outside shared/kpi. The formulas in product terms: README.md,
 * "KPI formulas".
 */
export { CSAT_SATISFIED_MIN, NPS_DETRACTOR_MAX, NPS_PROMOTER_MIN, csat, nps } from './satisfaction';
export { firstContactResolution, serviceLevel } from './service';
export type { ResolutionItem, ServiceLevelItem } from './service';
export { nextResponseWaits } from './nextResponse';
export type { ThreadTurn } from './nextResponse';
export { median, percentile, rate } from './stats';
export { addDays, dayIn, startOfDayIn, weekdayOf } from './calendarDays';
export { SLA_TARGETS, daysOfPeriod, kpiByDay, kpiFigures, kpiGroups } from './report';
export type { ConversationFacts, KpiDurationFigures, KpiFigureSet, KpiSlaTargetName } from './report';
