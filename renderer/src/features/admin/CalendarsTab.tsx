/**
 * Business calendars: the list beside the editor of the selected calendar. A calendar that a
 * saved policy uses cannot be deleted here (the server would refuse it too).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessCalendarRecord } from '../../../../shared/sla/policies';
import { parseTimeOfDay, WEEKDAYS } from '../../../../shared/sla/types';
import { useAdmin } from './adminSlice';
import { CalendarEditor } from './CalendarEditor';
import { useRevealSelected, AdminListItem } from './fields';
import { TabFrame } from './TabFrame';
import { fieldsOf, recordsWithErrors, validateCalendars } from './validation';

function newCalendar(name: string): BusinessCalendarRecord {
  const office: [string, string][] = [['09:00', '18:00']];
  return {
    id: `cal-${crypto.randomUUID().slice(0, 8)}`,
    name,
    calendar: {
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Shanghai',
      weekly: { mon: office, tue: office, wed: office, thu: office, fri: office },
      holidays: [],
    },
  };
}

/** Open hours per week (for the list), or null when a time does not parse yet. */
function weeklyHours(record: BusinessCalendarRecord): number | null {
  let minutes = 0;
  for (const day of WEEKDAYS) {
    for (const [from, to] of record.calendar.weekly[day] ?? []) {
      const start = parseTimeOfDay(from);
      const end = parseTimeOfDay(to);
      if (start === null || end === null) return null;
      minutes += Math.max(0, end - start);
    }
  }
  return Math.round((minutes / 60) * 10) / 10;
}

export function CalendarsTab(): React.JSX.Element {
  const { t } = useTranslation();
  const draft = useAdmin((s) => s.calendars.draft);
  const savedPolicies = useAdmin((s) => s.policies.saved);
  const edit = useAdmin((s) => s.edit);
  const [selected, setSelected] = useState(0);
  const listRef = useRevealSelected<HTMLUListElement>(selected);
  const validation = useMemo(() => (draft ? validateCalendars(draft) : null), [draft]);
  const withErrors = validation ? recordsWithErrors(validation.fields, 'c') : new Set<number>();
  const usage = (id: string) => (savedPolicies ?? []).filter((policy) => policy.calendarId === id).length;

  return (
    <TabFrame tab="calendars" validation={validation}>
      {(calendars, attempted) => {
        const index = Math.min(selected, calendars.length - 1);
        const add = () => {
          edit('calendars', (list) => [...list, newCalendar(t('admin.calendars.newName'))]);
          setSelected(calendars.length);
        };
        const remove = (at: number) => {
          if (!window.confirm(t('admin.calendars.confirmDelete', { name: calendars[at]!.name }))) return;
          edit('calendars', (list) => list.filter((_, i) => i !== at));
          setSelected(Math.max(0, at - 1));
        };
        const current = calendars[index]!;
        const used = usage(current.id);
        return (
          <div className="admin-split">
            <aside className="admin-list-pane" aria-labelledby="admin-calendars-heading">
              <div className="admin-list-head">
                <h2 id="admin-calendars-heading">{t('admin.calendars.heading')}</h2>
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={add}
                  data-testid="admin-calendar-add"
                >
                  + {t('admin.calendars.add')}
                </button>
              </div>
              <p className="hint">{t('admin.calendars.help')}</p>
              <ul ref={listRef} className="admin-list" data-testid="admin-calendar-list">
                {calendars.map((record, i) => {
                  const hours = weeklyHours(record);
                  const count = usage(record.id);
                  return (
                    <AdminListItem
                      key={record.id}
                      selected={i === index}
                      onSelect={() => setSelected(i)}
                      testId="admin-calendar-item"
                    >
                      <span className="admin-list-text">
                        <strong>{record.name || t('admin.calendars.newName')}</strong>
                        <span className="admin-list-sub">
                          {record.calendar.timeZone}
                          {' · '}
                          {record.calendar.alwaysOpen
                            ? t('admin.calendars.alwaysOpen')
                            : hours !== null && t('admin.calendars.openPerWeek', { hours })}
                        </span>
                      </span>
                      {count > 0 && <span className="badge">{t('admin.calendars.inUse', { count })}</span>}
                      {withErrors.has(i) && <span className="admin-error-dot" aria-hidden="true" />}
                    </AdminListItem>
                  );
                })}
              </ul>
            </aside>
            <CalendarEditor
              key={current.id}
              index={index}
              record={current}
              errors={validation ? fieldsOf(validation.fields, `c${index}`) : {}}
              attempted={attempted}
              onChange={(next) => edit('calendars', (list) => list.map((c, i) => (i === index ? next : c)))}
              onDelete={calendars.length > 1 && used === 0 ? () => remove(index) : null}
              deleteBlockedReason={used > 0 ? t('admin.calendars.inUseCannotDelete') : null}
            />
          </div>
        );
      }}
    </TabFrame>
  );
}
