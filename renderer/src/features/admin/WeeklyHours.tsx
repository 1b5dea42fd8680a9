/**
 * The weekly open hours of a calendar: one row per day (Monday first), each with its open
 * intervals. Problems (bad time, closes before it opens, overlap) show under the interval.
 */
import { useTranslation } from 'react-i18next';
import type { BusinessCalendarRecord } from '../../../../shared/sla/policies';
import { WEEKDAYS, type OpenInterval, type Weekday } from '../../../../shared/sla/types';
import { FieldMessage, shown } from './fields';
import type { FieldErrors } from './validation';

type Weekly = BusinessCalendarRecord['calendar']['weekly'];

/** A sensible next interval: after the day's last one, else office hours. */
function nextInterval(existing: readonly OpenInterval[]): OpenInterval {
  const last = existing[existing.length - 1];
  if (!last) return ['09:00', '18:00'];
  const end = /^(\d\d):(\d\d)$/.exec(last[1]);
  const hour = end ? Math.min(Number(end[1]) + 1, 23) : 19;
  return [`${String(hour).padStart(2, '0')}:00`, `${String(Math.min(hour + 2, 24)).padStart(2, '0')}:00`];
}

export function WeeklyHours(props: {
  weekly: Weekly;
  disabled: boolean;
  errors: FieldErrors;
  attempted: boolean;
  onChange(next: Weekly): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { weekly, errors } = props;
  const setDay = (day: Weekday, intervals: OpenInterval[]) => {
    const next: Weekly = { ...weekly };
    if (intervals.length > 0) next[day] = intervals;
    else delete next[day];
    props.onChange(next);
  };
  const copyMonday = () => {
    const monday = weekly.mon ?? [];
    const next: Weekly = { ...weekly };
    for (const day of ['tue', 'wed', 'thu', 'fri'] as const) {
      if (monday.length > 0) next[day] = monday.map(([a, b]) => [a, b] as OpenInterval);
      else delete next[day];
    }
    props.onChange(next);
  };

  return (
    <section className="admin-section" aria-labelledby="calendar-weekly-heading">
      <div className="admin-section-head">
        <h3 id="calendar-weekly-heading">{t('admin.calendars.weekly')}</h3>
        <button type="button" className="btn btn-small" disabled={props.disabled} onClick={copyMonday}>
          {t('admin.calendars.copyToWeekdays')}
        </button>
      </div>
      <p className="hint">{t('admin.calendars.weeklyHelp')}</p>
      <fieldset className="admin-week" disabled={props.disabled} data-testid="admin-weekly">
        <legend className="visually-hidden">{t('admin.calendars.weekly')}</legend>
        {WEEKDAYS.map((day) => {
          const intervals = weekly[day] ?? [];
          const dayName = t(`admin.calendars.days.${day}`);
          return (
            <div className="admin-day" key={day} data-testid={`admin-day-${day}`}>
              <span className="admin-day-name">{dayName}</span>
              <div className="admin-intervals">
                {intervals.length === 0 && (
                  <span className="admin-closed">{t('admin.calendars.closed')}</span>
                )}
                {intervals.map(([from, to], j) => {
                  const key = `${day}.${j}`;
                  const startError = errors[`${key}.start`];
                  const endError = errors[`${key}.end`];
                  const rangeError = errors[`${key}.range`];
                  const errorId = `interval-${key}-error`;
                  const update = (index: 0 | 1, value: string) =>
                    setDay(
                      day,
                      intervals.map((interval, n) =>
                        n === j
                          ? ((index === 0 ? [value, interval[1]] : [interval[0], value]) as OpenInterval)
                          : interval,
                      ),
                    );
                  return (
                    <div className="admin-interval" key={j} data-testid="admin-interval">
                      <div className="admin-interval-inputs">
                        <input
                          className="admin-time"
                          value={from}
                          inputMode="numeric"
                          maxLength={5}
                          placeholder="09:00"
                          aria-label={t('admin.calendars.from', { day: dayName, n: j + 1 })}
                          aria-invalid={startError || rangeError ? true : undefined}
                          aria-describedby={startError || endError || rangeError ? errorId : undefined}
                          onChange={(e) => update(0, e.target.value.trim())}
                          data-testid="admin-interval-from"
                        />
                        <span aria-hidden="true">–</span>
                        <input
                          className="admin-time"
                          value={to}
                          inputMode="numeric"
                          maxLength={5}
                          placeholder="18:00"
                          aria-label={t('admin.calendars.to', { day: dayName, n: j + 1 })}
                          aria-invalid={endError || rangeError ? true : undefined}
                          aria-describedby={startError || endError || rangeError ? errorId : undefined}
                          onChange={(e) => update(1, e.target.value.trim())}
                          data-testid="admin-interval-to"
                        />
                        <button
                          type="button"
                          className="btn btn-ghost btn-small btn-icon"
                          aria-label={t('admin.calendars.removeInterval', { day: dayName, from, to })}
                          title={t('admin.remove')}
                          onClick={() =>
                            setDay(
                              day,
                              intervals.filter((_, n) => n !== j),
                            )
                          }
                        >
                          ×
                        </button>
                      </div>
                      <FieldMessage id={errorId} error={startError ?? endError ?? rangeError} />
                    </div>
                  );
                })}
              </div>
              <button
                type="button"
                className="btn btn-ghost btn-small"
                onClick={() => setDay(day, [...intervals, nextInterval(intervals)])}
                aria-label={`${t('admin.calendars.addInterval')}: ${dayName}`}
                data-testid="admin-interval-add"
              >
                + {t('admin.calendars.addInterval')}
              </button>
            </div>
          );
        })}
      </fieldset>
      <FieldMessage id="calendar-hours-error" error={shown(errors.hours, props.attempted)} />
    </section>
  );
}
