/**
 * Editor of one auto-QA rule: its names in both languages, whether it is active, the scorecard
 * category its hits flag, and what the kind needs (phrases per language, or seconds).
 */
import { useTranslation } from 'react-i18next';
import type { AutoQaRule } from '../../../../shared/qa/autoQa';
import { FieldMessage, LinesField, secondsAsText, shown, AdminCheck } from './fields';
import type { ScorecardDraft } from './qaValidation';
import type { FieldErrors } from './validation';

const LANGUAGES = ['zh-CN', 'en'] as const;

export function AutoQaEditor(props: {
  rule: AutoQaRule;
  /** The scorecard whose categories a rule may speak to (the newest one not archived). */
  scorecard: ScorecardDraft | null;
  errors: FieldErrors;
  attempted: boolean;
  onChange(next: AutoQaRule): void;
  onDelete(): void;
}): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { rule, scorecard, errors, attempted, onChange } = props;
  const err = (field: string) => shown(errors[field], attempted);
  const languageName = (lang: (typeof LANGUAGES)[number]) => t(`admin.knowledge.languages.${lang}`);
  const categories = scorecard?.categories ?? [];
  const unknownCategory =
    rule.categoryId !== null && !categories.some((category) => category.id === rule.categoryId);
  const describedBy = (id: string, error: unknown, hint?: string) =>
    [hint, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

  return (
    <div className="admin-editor" data-testid="admin-autoqa-editor">
      <div className="admin-editor-head">
        <div className="admin-grow">
          <h2 className="admin-editor-title">
            {t('admin.autoQa.kind')}: {t(`admin.autoQa.kinds.${rule.kind}`)}
          </h2>
          <p className="hint">{t(`admin.autoQa.kindHelp.${rule.kind}`)}</p>
        </div>
        <span className="admin-id muted small">
          {t('admin.id')}: <code>{rule.id}</code>
        </span>
        <button
          type="button"
          className="btn btn-danger"
          onClick={props.onDelete}
          data-testid="admin-autoqa-delete"
        >
          {t('admin.delete')}
        </button>
      </div>
      <FieldMessage id="autoqa-kind-error" error={err('kind')} />
      <FieldMessage id="autoqa-id-error" error={err('id')} />

      <div className="admin-columns">
        {LANGUAGES.map((lang) => {
          const id = `autoqa-name-${lang}`;
          const error = err(`name.${lang}`);
          return (
            <div key={lang} className="admin-field">
              <label htmlFor={id}>{t('admin.autoQa.nameLabel', { language: languageName(lang) })}</label>
              <input
                id={id}
                lang={lang}
                value={rule.name[lang]}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy(id, error)}
                onChange={(e) => onChange({ ...rule, name: { ...rule.name, [lang]: e.target.value } })}
                data-testid={`admin-autoqa-name-${lang}`}
              />
              <FieldMessage id={`${id}-error`} error={error} />
            </div>
          );
        })}
      </div>

      <div className="admin-row">
        <div className="admin-field">
          <label htmlFor="autoqa-category">{t('admin.autoQa.category')}</label>
          <select
            id="autoqa-category"
            className="select"
            value={rule.categoryId ?? ''}
            aria-describedby="autoqa-category-hint"
            onChange={(e) => onChange({ ...rule, categoryId: e.target.value || null })}
            data-testid="admin-autoqa-category"
          >
            <option value="">{t('admin.autoQa.noCategory')}</option>
            {categories.map((category) => (
              <option key={category.id} value={category.id}>
                {category.name}
              </option>
            ))}
            {unknownCategory && (
              <option value={rule.categoryId!}>
                {t('admin.autoQa.unknownCategory', { id: rule.categoryId })}
              </option>
            )}
          </select>
          <p id="autoqa-category-hint" className="hint">
            {scorecard
              ? t('admin.autoQa.categoryHint', { scorecard: scorecard.name })
              : t('admin.autoQa.categoryHintNone')}
          </p>
        </div>
        <AdminCheck
          checked={rule.active}
          onChange={(checked) => onChange({ ...rule, active: checked })}
          testId="admin-autoqa-active"
          label={t('admin.autoQa.active')}
          help={t('admin.autoQa.activeHelp')}
        />
      </div>

      {'phrases' in rule && (
        <section className="admin-section" aria-labelledby="autoqa-phrases-heading">
          <h3 id="autoqa-phrases-heading">{t('admin.autoQa.phrases')}</h3>
          <p id="autoqa-phrases-help" className="hint">
            {t('admin.autoQa.phrasesHelp')}
          </p>
          <FieldMessage id="autoqa-phrases-error" error={err('phrases')} />
          <div className="admin-columns">
            {LANGUAGES.map((lang) => {
              const id = `autoqa-phrases-${lang}`;
              const error = err(`phrases.${lang}`);
              const listed = rule.phrases[lang];
              return (
                <div key={lang} className="admin-field">
                  <label htmlFor={id}>
                    {t('admin.autoQa.phrasesLabel', { language: languageName(lang) })}
                  </label>
                  <LinesField
                    id={id}
                    lang={lang}
                    rows={8}
                    lines={listed}
                    invalid={Boolean(error || err('phrases'))}
                    describedBy={describedBy(id, error, `autoqa-phrases-help ${id}-count`)}
                    onChange={(phrases) =>
                      onChange({ ...rule, phrases: { ...rule.phrases, [lang]: phrases } })
                    }
                    testId={`admin-autoqa-phrases-${lang}`}
                  />
                  <span id={`${id}-count`} className="hint admin-count">
                    {t('admin.autoQa.phraseCount', { count: listed.length })}
                  </span>
                  <FieldMessage id={`${id}-error`} error={error} />
                </div>
              );
            })}
          </div>
        </section>
      )}

      {'seconds' in rule && (
        <section className="admin-section" aria-labelledby="autoqa-seconds-label">
          <div className="admin-field">
            <label id="autoqa-seconds-label" htmlFor="autoqa-seconds">
              {t('admin.autoQa.seconds')}
            </label>
            <div className="admin-minutes">
              <input
                id="autoqa-seconds"
                type="number"
                inputMode="numeric"
                min={1}
                step={1}
                value={Number.isNaN(rule.seconds) ? '' : rule.seconds}
                aria-invalid={err('seconds') ? true : undefined}
                aria-describedby={describedBy('autoqa-seconds', err('seconds'))}
                onChange={(e) =>
                  onChange({
                    ...rule,
                    seconds: e.target.value.trim() === '' ? Number.NaN : Number(e.target.value),
                  })
                }
                data-testid="admin-autoqa-seconds"
              />
              {secondsAsText(rule.seconds, i18n.language) && (
                <span className="muted small">
                  {t('admin.autoQa.asMinutes', { value: secondsAsText(rule.seconds, i18n.language) })}
                </span>
              )}
            </div>
            <FieldMessage id="autoqa-seconds-error" error={err('seconds')} />
          </div>
        </section>
      )}
    </div>
  );
}
