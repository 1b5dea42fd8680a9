/** Properties of the SLA clock over random instants, targets and calendars (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar, SlaEvent } from '../../../shared/sla';
import { addBusinessTime, businessTimeBetween, computeSla, nextCalendarBoundary } from '../../../shared/sla';
import { NY_FALL_DESK, NY_OFFICE, NY_SPRING_DESK, SHANGHAI_OFFICE } from './fixtures';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// 2025-01-01 .. 2028-12-31, covering several DST changes in New York.
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2028, 11, 31);

const calendars: BusinessCalendar[] = [NY_OFFICE, SHANGHAI_OFFICE, NY_SPRING_DESK, NY_FALL_DESK];
const calendarArb = fc.constantFrom(...calendars);
const instantArb = fc.integer({ min: FROM, max: TO });
const iso = (ms: number) => new Date(ms).toISOString();

describe('SLA properties', () => {
  it('addBusinessTime then businessTimeBetween returns the same business time', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 0, max: 200 * HOUR }), (calendar, start, ms) => {
        const due = addBusinessTime(calendar, iso(start), ms);
        expect(businessTimeBetween(calendar, iso(start), due)).toBe(ms);
      }),
      { numRuns: 300 },
    );
  });

  it('while a clock counts, remaining time falls by exactly the business time that passed', () => {
    fc.assert(
      fc.property(
        calendarArb,
        instantArb,
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 0, max: 72 * HOUR }),
        fc.integer({ min: 0, max: 72 * HOUR }),
        (calendar, created, targetMin, firstStep, secondStep) => {
          const events: SlaEvent[] = [{ at: iso(created), type: 'created' }];
          const at = (now: number) =>
            computeSla({ policy: { resolutionMin: targetMin, warnBeforeMin: 30 }, calendar, events, now: iso(now) }).resolution!;
          const earlier = at(created + firstStep);
          const later = at(created + firstStep + secondStep);
          const passed = businessTimeBetween(calendar, iso(created + firstStep), iso(created + firstStep + secondStep));
          expect(later.remainingMs).toBe(earlier.remainingMs! - passed);
          expect(later.remainingMs!).toBeLessThanOrEqual(earlier.remainingMs!);
          // Inside open hours the clock strictly falls.
          if (passed > 0) expect(later.remainingMs!).toBeLessThan(earlier.remainingMs!);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('pausing never moves breachedAt earlier', () => {
    fc.assert(
      fc.property(
        calendarArb,
        instantArb,
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 0, max: 96 * HOUR }),
        fc.integer({ min: 0, max: 96 * HOUR }),
        fc.integer({ min: 0, max: 200 * HOUR }),
        fc.constantFrom('pending' as const, 'snoozed' as const),
        (calendar, created, targetMin, pauseAfter, pauseFor, nowAfter, pausing) => {
          const base: SlaEvent[] = [{ at: iso(created), type: 'created' }];
          const paused: SlaEvent[] = [
            ...base,
            { at: iso(created + pauseAfter), type: 'status', status: pausing },
            { at: iso(created + pauseAfter + pauseFor), type: 'status', status: 'open' },
          ];
          const now = iso(created + nowAfter);
          const policy = { resolutionMin: targetMin };
          const without = computeSla({ policy, calendar, events: base, now }).resolution!;
          const withPause = computeSla({ policy, calendar, events: paused, now }).resolution!;
          if (withPause.breachedAt !== null) {
            expect(without.breachedAt).not.toBeNull();
            expect(Date.parse(withPause.breachedAt)).toBeGreaterThanOrEqual(Date.parse(without.breachedAt!));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('nextCalendarBoundary: no open time before an opening, all open time before a closing', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, (calendar, instant) => {
        const boundary = nextCalendarBoundary(calendar, iso(instant))!;
        expect(Date.parse(boundary.at)).toBeGreaterThan(instant);
        const open = businessTimeBetween(calendar, iso(instant), boundary.at);
        expect(open).toBe(boundary.kind === 'opens' ? 0 : Date.parse(boundary.at) - instant);
      }),
      { numRuns: 300 },
    );
  });
});
