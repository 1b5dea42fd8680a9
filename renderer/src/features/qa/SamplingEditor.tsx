/**
 * Editor of one sampling rule: name, active, team (and optionally some of its agents), cycle and
 * time zone, the random part, the conditions that always send a conversation to review, and the
 * reviewers with their goals. Field problems come from the shared schema (qaValidation.ts).
 */
import { useTranslation } from 'react-i18next';
import type { Directory } from '../../../../shared/contracts/rpc';
import { CHANNELS, type Team } from '../../../../shared/domain/model';
import type { SamplingCondition, SamplingConditionKind, SamplingRule } from '../../../../shared/qa/sampling';
import { ChipSet, FieldMessage, LinesField, shown, AdminCheck } from '../admin/fields';
import type { FieldErrors } from '../admin/validation';

/** The centre's zone first, then common ones; anything else is typed in. */
export const COMMON_TIME_ZONES = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Asia/Kolkata',
  'Asia/Dubai',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'Australia/Sydney',
  'UTC',
] as const;

const CONDITION_KINDS: readonly SamplingConditionKind[] = [
  'sla_breached',
  'negative_end',
  'reopened',
  'long_handle',
  'vip',
  'channel',
  'csat_low',
  'auto_qa_flag',
];

function newCondition(kind: SamplingConditionKind): SamplingCondition {
  if (kind === 'long_handle') return { kind, minutes: 60 };
  if (kind === 'channel') return { kind, channels: ['email'] };
  if (kind === 'auto_qa_flag') return { kind, ruleIds: [] };
  return { kind };
}

const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
const shownNumber = (value: number) => (Number.isNaN(value) ? '' : value);

export function SamplingEditor(props: {
  rule: SamplingRule;
  /** The teams the signed-in lead leads (all, for admins). */
  teams: readonly Team[];
  directory: Directory | null;
  teamName(id: string): string;
  admin: boolean;
  errors: FieldErrors;
  attempted: boolean;
  onChange(next: SamplingRule): void;
  onDelete(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { rule, teams, directory, errors, attempted, onChange } = props;
  const err = (field: string) => shown(errors[field], attempted);
  const describedBy = (id: string, error: unknown, hint?: string) =>
    [hint, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const agents = directory?.agents ?? [];
  const nameOfAgent = (id: string) => agents.find((agent) => agent.id === id)?.name ?? id;
  const teamAgents = agents.filter((agent) => agent.role === 'agent' && agent.teamIds.includes(rule.teamId));
  // Reviewers, leads and admins (in that order); agents never review.
  const ROLE_ORDER = ['reviewer', 'lead', 'admin'];
  const reviewerChoices = agents
    .filter((agent) => agent.role !== 'agent')
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
  const knownTeam = teams.some((team) => team.id === rule.teamId);
  const commonZone = (COMMON_TIME_ZONES as readonly string[]).includes(rule.timeZone);
  const conditionOf = (kind: SamplingConditionKind) => rule.conditions.find((c) => c.kind === kind);
  const setCondition = (kind: SamplingConditionKind, next: SamplingCondition | null) => {
    const others = rule.conditions.filter((c) => c.kind !== kind);
    const conditions = next
      ? CONDITION_KINDS.flatMap((k) => (k === kind ? [next] : others.filter((c) => c.kind === k)))
      : others;
    onChange({ ...rule, conditions });
  };
  const addReviewer = () => {
    const free = reviewerChoices.find((agent) => !rule.reviewers.some((r) => r.reviewerId === agent.id));
    if (!free) return;
    onChange({ ...rule, reviewers: [...rule.reviewers, { reviewerId: free.id, goal: 20 }] });
  };
  const setReviewer = (at: number, change: Partial<SamplingRule['reviewers'][number]>) =>
    onChange({ ...rule, reviewers: rule.reviewers.map((r, i) => (i === at ? { ...r, ...change } : r)) });

  return (
    <div className="admin-editor" data-testid="qa-sampling-editor">
      <div className="admin-editor-head">
        <div className="admin-grow admin-field">
          <label htmlFor="sampling-name">{t('qa.sampling.name')}</label>
          <input
            id="sampling-name"
            value={rule.name}
            aria-invalid={err('name') ? true : undefined}
            aria-describedby={describedBy('sampling-name', err('name'))}
            onChange={(e) => onChange({ ...rule, name: e.target.value })}
            data-testid="qa-sampling-name"
          />
          <FieldMessage id="sampling-name-error" error={err('name')} />
        </div>
        <span className="admin-id muted small">
          {t('admin.id')}: <code>{rule.id}</code>
        </span>
        <button
          type="button"
          className="btn btn-danger"
          onClick={props.onDelete}
          data-testid="qa-sampling-delete"
        >
          {t('admin.delete')}
        </button>
      </div>
      <FieldMessage id="sampling-id-error" error={err('id')} />

      <div className="admin-row">
        <div className="admin-field">
          <label htmlFor="sampling-team">{t('qa.sampling.team')}</label>
          <select
            id="sampling-team"
            className="select"
            value={rule.teamId}
            aria-invalid={err('teamId') ? true : undefined}
            aria-describedby={describedBy('sampling-team', err('teamId'), 'sampling-team-hint')}
            onChange={(e) => onChange({ ...rule, teamId: e.target.value, agentIds: [] })}
            data-testid="qa-sampling-team"
          >
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {props.teamName(team.id)}
              </option>
            ))}
            {!knownTeam && (
              <option value={rule.teamId}>{t('qa.sampling.unknownTeam', { id: rule.teamId })}</option>
            )}
          </select>
          <p id="sampling-team-hint" className="hint">
            {props.admin ? t('qa.sampling.teamHintAdmin') : t('qa.sampling.teamHint')}
          </p>
          <FieldMessage id="sampling-team-error" error={err('teamId')} />
        </div>
        <AdminCheck
          checked={rule.active}
          onChange={(checked) => onChange({ ...rule, active: checked })}
          testId="qa-sampling-active"
          label={t('qa.sampling.active')}
          help={t('qa.sampling.activeHelp')}
        />
      </div>

      <div className="admin-field">
        {teamAgents.length === 0 ? (
          <p className="hint">{t('qa.sampling.noAgents')}</p>
        ) : (
          <ChipSet
            legend={t('qa.sampling.agents')}
            options={teamAgents.map((agent) => agent.id)}
            selected={rule.agentIds}
            label={nameOfAgent}
            onChange={(agentIds) => onChange({ ...rule, agentIds })}
            testId="qa-sampling-agents"
          />
        )}
        <p className="hint">{t('qa.sampling.agentsHint')}</p>
        <FieldMessage id="sampling-agents-error" error={err('agentIds')} />
      </div>

      <div className="admin-row">
        <div className="admin-field">
          <label htmlFor="sampling-cycle">{t('qa.sampling.cycle')}</label>
          <select
            id="sampling-cycle"
            className="select"
            value={rule.cycle}
            onChange={(e) => onChange({ ...rule, cycle: e.target.value as SamplingRule['cycle'] })}
            data-testid="qa-sampling-cycle"
          >
            <option value="daily">{t('qa.sampling.cycles.daily')}</option>
            <option value="weekly">{t('qa.sampling.cycles.weekly')}</option>
          </select>
        </div>
        <div className="admin-field">
          <label htmlFor="sampling-zone">{t('qa.sampling.timeZone')}</label>
          <select
            id="sampling-zone"
            className="select"
            value={commonZone ? rule.timeZone : ''}
            aria-describedby="sampling-zone-hint"
            onChange={(e) => onChange({ ...rule, timeZone: e.target.value })}
            data-testid="qa-sampling-zone"
          >
            {COMMON_TIME_ZONES.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
            <option value="">{t('qa.sampling.otherZone')}</option>
          </select>
          {!commonZone && (
            <input
              aria-label={t('qa.sampling.otherZoneLabel')}
              value={rule.timeZone}
              placeholder="Europe/Paris"
              spellCheck={false}
              aria-invalid={err('timeZone') ? true : undefined}
              aria-describedby={describedBy('sampling-zone', err('timeZone'))}
              onChange={(e) => onChange({ ...rule, timeZone: e.target.value.trim() })}
              data-testid="qa-sampling-zone-other"
            />
          )}
          <p id="sampling-zone-hint" className="hint">
            {t('qa.sampling.timeZoneHint')}
          </p>
          <FieldMessage id="sampling-zone-error" error={err('timeZone')} />
        </div>
      </div>

      <section className="admin-section" aria-labelledby="sampling-random-heading">
        <h3 id="sampling-random-heading">{t('qa.sampling.random')}</h3>
        <p className="hint">{t('qa.sampling.randomHelp')}</p>
        <div className="admin-row">
          <div className="admin-field">
            <label htmlFor="sampling-mode">{t('qa.sampling.randomMode')}</label>
            <select
              id="sampling-mode"
              className="select"
              value={rule.random.mode}
              onChange={(e) =>
                onChange({
                  ...rule,
                  random: {
                    mode: e.target.value as SamplingRule['random']['mode'],
                    amount: Math.round(rule.random.amount),
                  },
                })
              }
              data-testid="qa-sampling-mode"
            >
              <option value="percent">{t('qa.sampling.modes.percent')}</option>
              <option value="count">{t('qa.sampling.modes.count')}</option>
            </select>
          </div>
          <div className="admin-field">
            <label htmlFor="sampling-amount">{t('qa.sampling.amount')}</label>
            <div className="admin-minutes">
              <input
                id="sampling-amount"
                type="number"
                inputMode="decimal"
                min={0}
                max={rule.random.mode === 'percent' ? 100 : undefined}
                step={rule.random.mode === 'percent' ? 'any' : 1}
                value={shownNumber(rule.random.amount)}
                aria-invalid={err('random.amount') ? true : undefined}
                aria-describedby={describedBy(
                  'sampling-amount',
                  err('random.amount'),
                  'sampling-amount-unit',
                )}
                onChange={(e) =>
                  onChange({ ...rule, random: { mode: rule.random.mode, amount: numberOf(e.target.value) } })
                }
                data-testid="qa-sampling-amount"
              />
              <span id="sampling-amount-unit" className="muted small">
                {rule.random.mode === 'percent'
                  ? t('qa.sampling.amountPercent')
                  : t('qa.sampling.amountCount')}
              </span>
            </div>
            <FieldMessage id="sampling-amount-error" error={err('random.amount')} />
          </div>
        </div>
      </section>

      <section className="admin-section" aria-labelledby="sampling-conditions-heading">
        <h3 id="sampling-conditions-heading">{t('qa.sampling.conditions')}</h3>
        <p className="hint">{t('qa.sampling.conditionsHelp')}</p>
        <FieldMessage id="sampling-conditions-error" error={err('conditions')} />
        <ul className="qa-sampling-conditions">
          {CONDITION_KINDS.map((kind) => {
            const condition = conditionOf(kind);
            const error = err(`condition.${kind}`);
            const id = `sampling-condition-${kind}`;
            return (
              <li key={kind} className="qa-sampling-condition">
                <label className="qa-sampling-check">
                  <input
                    type="checkbox"
                    checked={condition !== undefined}
                    onChange={(e) => setCondition(kind, e.target.checked ? newCondition(kind) : null)}
                    data-testid={`qa-sampling-condition-${kind}`}
                  />
                  <span>{t(`qa.sampling.kinds.${kind}`)}</span>
                </label>
                {condition?.kind === 'long_handle' && (
                  <span className="admin-minutes">
                    <input
                      id={`${id}-minutes`}
                      type="number"
                      inputMode="numeric"
                      min={1}
                      step={1}
                      aria-label={t('qa.sampling.minutes')}
                      value={shownNumber(condition.minutes)}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={describedBy(id, error)}
                      onChange={(e) =>
                        setCondition(kind, { kind: 'long_handle', minutes: numberOf(e.target.value) })
                      }
                      data-testid="qa-sampling-minutes"
                    />
                    <span className="muted small">{t('qa.sampling.minutesUnit')}</span>
                  </span>
                )}
                {condition?.kind === 'channel' && (
                  <ChipSet
                    legend={t('qa.sampling.channels')}
                    options={CHANNELS}
                    selected={condition.channels}
                    label={(channel) => t(`channel.${channel}`)}
                    onChange={(channels) => setCondition(kind, { kind: 'channel', channels })}
                    testId="qa-sampling-channels"
                  />
                )}
                {condition?.kind === 'auto_qa_flag' && (
                  <div className="admin-field qa-sampling-ruleids">
                    <label htmlFor={`${id}-rules`}>{t('qa.sampling.ruleIds')}</label>
                    <LinesField
                      id={`${id}-rules`}
                      rows={2}
                      lines={condition.ruleIds}
                      invalid={Boolean(error)}
                      describedBy={describedBy(id, error, `${id}-hint`)}
                      onChange={(ruleIds) => setCondition(kind, { kind: 'auto_qa_flag', ruleIds })}
                      testId="qa-sampling-ruleids"
                    />
                    <span id={`${id}-hint`} className="hint">
                      {t('qa.sampling.ruleIdsHint')}
                    </span>
                  </div>
                )}
                <FieldMessage id={`${id}-error`} error={error} />
              </li>
            );
          })}
        </ul>
      </section>

      <section className="admin-section" aria-labelledby="sampling-reviewers-heading">
        <div className="admin-section-head">
          <h3 id="sampling-reviewers-heading">{t('qa.sampling.reviewers')}</h3>
          <button
            type="button"
            className="btn btn-small"
            onClick={addReviewer}
            disabled={reviewerChoices.every((agent) => rule.reviewers.some((r) => r.reviewerId === agent.id))}
            data-testid="qa-sampling-add-reviewer"
          >
            + {t('qa.sampling.addReviewer')}
          </button>
        </div>
        <p className="hint">{t('qa.sampling.reviewersHelp')}</p>
        {rule.reviewers.length === 0 && (
          <p
            className={err('reviewers') ? 'admin-field-error' : 'muted small'}
            data-testid="admin-field-error"
          >
            {t('qa.sampling.noReviewers')}
          </p>
        )}
        <ul className="qa-sampling-reviewers">
          {rule.reviewers.map((reviewer, at) => {
            const id = `sampling-reviewer-${at}`;
            const whoError = err(`reviewers.${at}.reviewerId`);
            const goalError = err(`reviewers.${at}.goal`);
            const known = reviewerChoices.some((agent) => agent.id === reviewer.reviewerId);
            return (
              <li key={at} className="qa-sampling-reviewer" data-testid="qa-sampling-reviewer">
                <div className="admin-field">
                  <label htmlFor={id}>{t('qa.sampling.reviewer')}</label>
                  <select
                    id={id}
                    className="select"
                    value={reviewer.reviewerId}
                    aria-invalid={whoError ? true : undefined}
                    aria-describedby={describedBy(id, whoError)}
                    onChange={(e) => setReviewer(at, { reviewerId: e.target.value })}
                  >
                    {reviewerChoices.map((agent) => (
                      <option key={agent.id} value={agent.id}>
                        {agent.name}
                      </option>
                    ))}
                    {!known && (
                      <option value={reviewer.reviewerId}>
                        {t('qa.sampling.unknownReviewer', { id: reviewer.reviewerId })}
                      </option>
                    )}
                  </select>
                  <FieldMessage id={`${id}-error`} error={whoError} />
                </div>
                <div className="admin-field">
                  <label htmlFor={`${id}-goal`}>{t('qa.sampling.goal')}</label>
                  <input
                    id={`${id}-goal`}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    step={1}
                    value={shownNumber(reviewer.goal)}
                    aria-invalid={goalError ? true : undefined}
                    aria-describedby={describedBy(`${id}-goal`, goalError)}
                    onChange={(e) => setReviewer(at, { goal: numberOf(e.target.value) })}
                    data-testid="qa-sampling-goal"
                  />
                  <FieldMessage id={`${id}-goal-error`} error={goalError} />
                </div>
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={t('qa.sampling.removeReviewer', { name: nameOfAgent(reviewer.reviewerId) })}
                  onClick={() => onChange({ ...rule, reviewers: rule.reviewers.filter((_, i) => i !== at) })}
                >
                  {t('admin.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
