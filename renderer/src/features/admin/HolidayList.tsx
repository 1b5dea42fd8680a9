/** A calendar's holidays: local dates closed all day, kept in date order. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldMessage } from './fields';
import type { FieldErrors } from './validation';

export function HolidayList(props: {
  holidays: readonly string[];
  disabled: boolean;
  errors: FieldErrors;
  onChange(next: string[]): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [adding, setAdding] = useState('');
  const add = () => {
    if (!adding) return;
    props.onChange([...props.holidays, adding].sort());
    setAdding('');
  };
  return (
    <section className="admin-section" aria-labelledby="calendar-holidays-heading">
      <h3 id="calendar-holidays-heading">{t('admin.calendars.holidays')}</h3>
      <p className="hint">{t('admin.calendars.holidaysHelp')}</p>
      <fieldset className="admin-holidays" disabled={props.disabled} data-testid="admin-holidays">
        <legend className="visually-hidden">{t('admin.calendars.holidays')}</legend>
        {props.holidays.length === 0 ? (
          <p className="muted small">{t('admin.calendars.noHolidays')}</p>
        ) : (
          <ul className="admin-holiday-list">
            {props.holidays.map((date, j) => (
              <li key={`${date}-${j}`} className="admin-holiday" data-testid="admin-holiday">
                <span
                  className={
                    props.errors[`holiday.${j}`] ? 'admin-holiday-date is-invalid' : 'admin-holiday-date'
                  }
                >
                  {date}
                </span>
                <button
                  type="button"
                  className="btn btn-ghost btn-small btn-icon"
                  aria-label={t('admin.calendars.removeHoliday', { date })}
                  onClick={() => props.onChange(props.holidays.filter((_, n) => n !== j))}
                >
                  ×
                </button>
                <FieldMessage id={`holiday-${j}-error`} error={props.errors[`holiday.${j}`]} />
              </li>
            ))}
          </ul>
        )}
        <div className="admin-holiday-add">
          <label htmlFor="holiday-new" className="visually-hidden">
            {t('admin.calendars.addHoliday')}
          </label>
          <input
            id="holiday-new"
            type="date"
            value={adding}
            onChange={(e) => setAdding(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
            data-testid="admin-holiday-input"
          />
          <button
            type="button"
            className="btn btn-small"
            disabled={!adding}
            onClick={add}
            data-testid="admin-holiday-add"
          >
            + {t('admin.calendars.addHoliday')}
          </button>
        </div>
      </fieldset>
    </section>
  );
}
