/** Editor of one SLA policy: name, match rule, targets in business minutes, warning lead and calendar. */
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { CHANNELS, PRIORITIES } from '../../../../shared/domain/model';
import type {
  BusinessCalendarRecord,
  SlaPolicyMatch,
  SlaPolicyRecord,
} from '../../../../shared/sla/policies';
import { useAppStore } from '../../store';
import { ChipSet, FieldMessage, minutesAsText, shown } from './fields';
import { TARGET_FIELDS, type FieldErrors } from './validation';

const TIERS = ['standard', 'vip'] as const;
type MinutesField = (typeof TARGET_FIELDS)[number] | 'warnBeforeMin';

export function PolicyEditor(props: {
  policy: SlaPolicyRecord;
  catchAll: boolean;
  shadows: boolean;
  errors: FieldErrors;
  attempted: boolean;
  calendars: readonly BusinessCalendarRecord[];
  onChange(next: SlaPolicyRecord): void;
  onDelete: (() => void) | null;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { policy, errors, attempted, onChange } = props;
  const { teams, language } = useAppStore(
    useShallow((s) => ({ teams: s.directory?.teams ?? [], language: s.language })),
  );
  const err = (field: string) => shown(errors[field], attempted);
  const setMatch = (change: Partial<SlaPolicyMatch>) => {
    const match: SlaPolicyMatch = { ...policy.match, ...change };
    for (const key of Object.keys(match) as Array<keyof SlaPolicyMatch>)
      if (!match[key]?.length) delete match[key];
    onChange({ ...policy, match });
  };
  const setMinutes = (field: MinutesField, text: string) => {
    const next = { ...policy };
    if (text.trim() === '') delete next[field];
    else next[field] = Number(text);
    onChange(next);
  };
  const teamName = (id: string) => {
    const team = teams.find((candidate) => candidate.id === id);
    return team ? (language === 'en' ? team.nameEn || team.name : team.name) : id;
  };

  const minutesInput = (field: MinutesField) => {
    const id = `policy-${field}`;
    const error = err(field);
    const asText = minutesAsText(policy[field], i18n.language);
    return (
      <div className="admin-field" key={field}>
        <label htmlFor={id}>{t(`admin.policies.${field}`)}</label>
        <div className="admin-minutes">
          <input
            id={id}
            type="number"
            inputMode="numeric"
            min={field === 'warnBeforeMin' ? 0 : 1}
            step={1}
            value={policy[field] ?? ''}
            placeholder={t('admin.policies.none')}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setMinutes(field, e.target.value)}
            data-testid={`admin-policy-${field}`}
          />
          <span className="muted small">{t('admin.minutes')}</span>
          {asText && <span className="muted small">{t('admin.policies.asHours', { value: asText })}</span>}
        </div>
        <FieldMessage id={`${id}-error`} error={error} />
      </div>
    );
  };

  return (
    <div className="admin-editor" data-testid="admin-policy-editor">
      <div className="admin-editor-head">
        <div className="admin-field admin-grow">
          <label htmlFor="policy-name">{t('admin.name')}</label>
          <input
            id="policy-name"
            value={policy.name}
            maxLength={120}
            aria-invalid={err('name') ? true : undefined}
            aria-describedby={err('name') ? 'policy-name-error' : undefined}
            onChange={(e) => onChange({ ...policy, name: e.target.value })}
            data-testid="admin-policy-name"
          />
          <FieldMessage id="policy-name-error" error={err('name')} />
        </div>
        <span className="admin-id muted small">
          {t('admin.id')}: <code>{policy.id}</code>
        </span>
        {props.onDelete && (
          <button
            type="button"
            className="btn btn-danger"
            onClick={props.onDelete}
            data-testid="admin-policy-delete"
          >
            {t('admin.delete')}
          </button>
        )}
      </div>

      <section className="admin-section" aria-labelledby="policy-match-heading">
        <h3 id="policy-match-heading">{t('admin.policies.match')}</h3>
        {props.catchAll ? (
          <p className="admin-note">{t('admin.policies.catchAllHelp')}</p>
        ) : (
          <>
            <p className="hint">{t('admin.policies.matchHelp')}</p>
            {props.shadows && <p className="notice">{t('admin.policies.shadowHint')}</p>}
            <div className="admin-match-grid">
              <ChipSet
                legend={t('admin.policies.priorities')}
                options={PRIORITIES}
                selected={policy.match.priorities}
                label={(p) => t(`priority.${p}`)}
                onChange={(priorities) => setMatch({ priorities })}
                testId="admin-match-priorities"
              />
              <ChipSet
                legend={t('admin.policies.tiers')}
                options={TIERS}
                selected={policy.match.tiers}
                label={(tier) => t(`admin.policies.tier.${tier}`)}
                onChange={(tiers) => setMatch({ tiers })}
              />
              <ChipSet
                legend={t('admin.policies.channels')}
                options={CHANNELS}
                selected={policy.match.channels}
                label={(c) => t(`channel.${c}`)}
                onChange={(channels) => setMatch({ channels })}
              />
              <ChipSet
                legend={t('admin.policies.teams')}
                options={teams.map((team) => team.id)}
                selected={policy.match.teamIds}
                label={teamName}
                onChange={(teamIds) => setMatch({ teamIds })}
              />
            </div>
          </>
        )}
        <FieldMessage id="policy-match-error" error={err('match')} />
      </section>

      <section className="admin-section" aria-labelledby="policy-targets-heading">
        <h3 id="policy-targets-heading">{t('admin.policies.targets')}</h3>
        <p className="hint">{t('admin.policies.targetsHelp')}</p>
        <div className="admin-targets">{[...TARGET_FIELDS, 'warnBeforeMin' as const].map(minutesInput)}</div>
        <FieldMessage id="policy-targets-error" error={err('targets')} />
      </section>

      <section className="admin-section" aria-labelledby="policy-calendar-heading">
        <h3 id="policy-calendar-heading">{t('admin.policies.calendar')}</h3>
        <div className="admin-field">
          <label htmlFor="policy-calendar" className="visually-hidden">
            {t('admin.policies.calendar')}
          </label>
          <select
            id="policy-calendar"
            className="select"
            value={policy.calendarId}
            aria-invalid={err('calendarId') ? true : undefined}
            aria-describedby="policy-calendar-hint"
            onChange={(e) => onChange({ ...policy, calendarId: e.target.value })}
            data-testid="admin-policy-calendar"
          >
            {!props.calendars.some((c) => c.id === policy.calendarId) && (
              <option value={policy.calendarId}>{policy.calendarId}</option>
            )}
            {props.calendars.map((calendar) => (
              <option key={calendar.id} value={calendar.id}>
                {calendar.name} ({calendar.calendar.timeZone})
              </option>
            ))}
          </select>
          <p id="policy-calendar-hint" className="hint">
            {t('admin.policies.calendarHint')}
          </p>
          <FieldMessage id="policy-calendar-error" error={err('calendarId')} />
        </div>
      </section>
    </div>
  );
}
