/** Editor of one business calendar: name, IANA time zone, always-open switch, weekly hours, holidays. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessCalendarRecord } from '../../../../shared/sla/policies';
import { FieldMessage, shown } from './fields';
import { HolidayList } from './HolidayList';
import type { FieldErrors } from './validation';
import { WeeklyHours } from './WeeklyHours';

type Calendar = BusinessCalendarRecord['calendar'];

/** Every zone the platform knows, for the suggestions list (empty where the API is missing). */
function knownZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

export function CalendarEditor(props: {
  index: number;
  record: BusinessCalendarRecord;
  errors: FieldErrors;
  attempted: boolean;
  onChange(next: BusinessCalendarRecord): void;
  onDelete: (() => void) | null;
  deleteBlockedReason: string | null;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { record, errors, attempted, onChange } = props;
  const zones = useMemo(() => knownZones(), []);
  const err = (field: string) => shown(errors[field], attempted);
  const setCalendar = (change: Partial<Calendar>) =>
    onChange({ ...record, calendar: { ...record.calendar, ...change } });

  return (
    <div className="admin-editor" data-testid="admin-calendar-editor">
      <div className="admin-editor-head">
        <div className="admin-field admin-grow">
          <label htmlFor="calendar-name">{t('admin.name')}</label>
          <input
            id="calendar-name"
            value={record.name}
            maxLength={120}
            aria-invalid={err('name') ? true : undefined}
            aria-describedby={err('name') ? 'calendar-name-error' : undefined}
            onChange={(e) => onChange({ ...record, name: e.target.value })}
            data-testid="admin-calendar-name"
          />
          <FieldMessage id="calendar-name-error" error={err('name')} />
        </div>
        <span className="admin-id muted small">
          {t('admin.id')}: <code>{record.id}</code>
        </span>
        <button
          type="button"
          className="btn btn-danger"
          disabled={!props.onDelete}
          title={props.deleteBlockedReason ?? undefined}
          onClick={() => props.onDelete?.()}
          data-testid="admin-calendar-delete"
        >
          {t('admin.delete')}
        </button>
      </div>
      {props.deleteBlockedReason && <p className="hint">{props.deleteBlockedReason}</p>}

      <section className="admin-section admin-zone-row">
        <div className="admin-field">
          <label htmlFor="calendar-zone">{t('admin.calendars.timeZone')}</label>
          <input
            id="calendar-zone"
            list="admin-zone-list"
            value={record.calendar.timeZone}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={err('timeZone') ? true : undefined}
            aria-describedby={`calendar-zone-hint${err('timeZone') ? ' calendar-zone-error' : ''}`}
            onChange={(e) => setCalendar({ timeZone: e.target.value })}
            data-testid="admin-calendar-zone"
          />
          <datalist id="admin-zone-list">
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          <p id="calendar-zone-hint" className="hint">
            {t('admin.calendars.zoneHint')}
          </p>
          <FieldMessage id="calendar-zone-error" error={err('timeZone')} />
        </div>
        <label className="admin-check">
          <input
            type="checkbox"
            checked={record.calendar.alwaysOpen === true}
            onChange={(e) => {
              const next: Calendar = { ...record.calendar };
              if (e.target.checked) next.alwaysOpen = true;
              else delete next.alwaysOpen;
              onChange({ ...record, calendar: next });
            }}
            data-testid="admin-calendar-always-open"
          />
          <span>
            <strong>{t('admin.calendars.alwaysOpen')}</strong>
            <span className="hint">{t('admin.calendars.alwaysOpenHelp')}</span>
          </span>
        </label>
      </section>

      <WeeklyHours
        weekly={record.calendar.weekly}
        disabled={record.calendar.alwaysOpen === true}
        errors={errors}
        attempted={attempted}
        onChange={(weekly) => setCalendar({ weekly })}
      />

      <HolidayList
        holidays={record.calendar.holidays ?? []}
        disabled={record.calendar.alwaysOpen === true}
        errors={errors}
        onChange={(holidays) => setCalendar({ holidays })}
      />
    </div>
  );
}
