/** Editor of one knowledge-base entry: intent, issue type, hand-off team, question variants and answers per language. */
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import {
  KNOWLEDGE_LANGUAGES,
  KNOWLEDGE_LIMITS,
  type KnowledgeEntryInput,
  type KnowledgeLanguage,
} from '../../../../shared/contracts/knowledge';
import { ISSUE_TYPES, TEAM_IDS } from '../../../../shared/nlu/labels';
import { useAppStore } from '../../store';
import { FieldMessage, shown } from './fields';
import type { FieldErrors } from './validation';

export function KnowledgeEditor(props: {
  entry: KnowledgeEntryInput;
  errors: FieldErrors;
  attempted: boolean;
  onChange(next: KnowledgeEntryInput): void;
  onDelete(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { entry, errors, attempted, onChange } = props;
  const { teams, language } = useAppStore(
    useShallow((s) => ({ teams: s.directory?.teams ?? [], language: s.language })),
  );
  const err = (field: string) => shown(errors[field], attempted);
  const teamName = (id: string) => {
    const team = teams.find((candidate) => candidate.id === id);
    return team ? (language === 'en' ? team.nameEn || team.name : team.name) : id;
  };
  const setVariants = (lang: KnowledgeLanguage, variants: string[]) =>
    onChange({ ...entry, variants: { ...entry.variants, [lang]: variants } });

  return (
    <div className="admin-editor" data-testid="admin-kb-editor">
      <div className="admin-editor-head">
        <div className="admin-field admin-grow">
          <label htmlFor="kb-intent">{t('admin.knowledge.intent')}</label>
          <input
            id="kb-intent"
            className="admin-mono"
            value={entry.intent}
            maxLength={KNOWLEDGE_LIMITS.intent}
            spellCheck={false}
            placeholder="kb.return_policy"
            aria-invalid={err('intent') ? true : undefined}
            aria-describedby={`kb-intent-hint${err('intent') ? ' kb-intent-error' : ''}`}
            onChange={(e) => onChange({ ...entry, intent: e.target.value })}
            data-testid="admin-kb-intent"
          />
          <p id="kb-intent-hint" className="hint">
            {t('admin.knowledge.intentHint')}
          </p>
          <FieldMessage id="kb-intent-error" error={err('intent')} />
        </div>
        <button
          type="button"
          className="btn btn-danger"
          onClick={props.onDelete}
          data-testid="admin-kb-delete"
        >
          {t('admin.delete')}
        </button>
      </div>

      <div className="admin-row">
        <div className="admin-field">
          <label htmlFor="kb-issue-type">{t('admin.knowledge.issueType')}</label>
          <select
            id="kb-issue-type"
            className="select"
            value={entry.issueType}
            onChange={(e) =>
              onChange({ ...entry, issueType: e.target.value as KnowledgeEntryInput['issueType'] })
            }
            data-testid="admin-kb-issue-type"
          >
            {ISSUE_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`admin.knowledge.issueTypes.${type}`)}
              </option>
            ))}
          </select>
          <FieldMessage id="kb-issue-type-error" error={err('issueType')} />
        </div>
        <div className="admin-field">
          <label htmlFor="kb-team">{t('admin.knowledge.team')}</label>
          <select
            id="kb-team"
            className="select"
            value={entry.team}
            onChange={(e) => onChange({ ...entry, team: e.target.value as KnowledgeEntryInput['team'] })}
            data-testid="admin-kb-team"
          >
            {TEAM_IDS.map((id) => (
              <option key={id} value={id}>
                {teamName(id)}
              </option>
            ))}
          </select>
          <FieldMessage id="kb-team-error" error={err('team')} />
        </div>
      </div>

      <section className="admin-section" aria-labelledby="kb-variants-heading">
        <h3 id="kb-variants-heading">{t('admin.knowledge.variants')}</h3>
        <p className="hint">{t('admin.knowledge.variantsHelp')}</p>
        <div className="admin-columns">
          {KNOWLEDGE_LANGUAGES.map((lang) => {
            const languageName = t(`admin.knowledge.languages.${lang}`);
            const variants = entry.variants[lang];
            return (
              <fieldset key={lang} className="admin-variants" data-testid={`admin-kb-variants-${lang}`}>
                <legend>{languageName}</legend>
                {variants.map((variant, n) => {
                  const error = err(`variants.${lang}.${n}`);
                  const id = `kb-variant-${lang}-${n}`;
                  return (
                    <div key={n} className="admin-variant">
                      <div className="admin-variant-row">
                        <input
                          id={id}
                          value={variant}
                          lang={lang}
                          maxLength={KNOWLEDGE_LIMITS.variant}
                          aria-label={t('admin.knowledge.variantLabel', { language: languageName, n: n + 1 })}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${id}-error` : undefined}
                          onChange={(e) =>
                            setVariants(
                              lang,
                              variants.map((v, i) => (i === n ? e.target.value : v)),
                            )
                          }
                          data-testid="admin-kb-variant"
                        />
                        <button
                          type="button"
                          className="btn btn-ghost btn-small btn-icon"
                          aria-label={t('admin.knowledge.removeVariant', {
                            language: languageName,
                            n: n + 1,
                          })}
                          onClick={() =>
                            setVariants(
                              lang,
                              variants.filter((_, i) => i !== n),
                            )
                          }
                        >
                          ×
                        </button>
                      </div>
                      <FieldMessage id={`${id}-error`} error={error} />
                    </div>
                  );
                })}
                <FieldMessage id={`kb-variants-${lang}-error`} error={err(`variants.${lang}`)} />
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  disabled={variants.length >= KNOWLEDGE_LIMITS.variantsPerLanguage}
                  onClick={() => setVariants(lang, [...variants, ''])}
                  data-testid={`admin-kb-variant-add-${lang}`}
                >
                  + {t('admin.knowledge.addVariant')}
                </button>
              </fieldset>
            );
          })}
        </div>
      </section>

      <section className="admin-section" aria-labelledby="kb-answers-heading">
        <h3 id="kb-answers-heading">{t('admin.knowledge.answer')}</h3>
        <div className="admin-columns">
          {KNOWLEDGE_LANGUAGES.map((lang) => {
            const id = `kb-answer-${lang}`;
            const error = err(`answer.${lang}`);
            const languageName = t(`admin.knowledge.languages.${lang}`);
            return (
              <div key={lang} className="admin-field">
                <label htmlFor={id}>{t('admin.knowledge.answerLabel', { language: languageName })}</label>
                <textarea
                  id={id}
                  lang={lang}
                  rows={4}
                  value={entry.answer[lang]}
                  maxLength={KNOWLEDGE_LIMITS.answer}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={`${id}-count${error ? ` ${id}-error` : ''}`}
                  onChange={(e) =>
                    onChange({ ...entry, answer: { ...entry.answer, [lang]: e.target.value } })
                  }
                  data-testid={`admin-kb-answer-${lang}`}
                />
                <span id={`${id}-count`} className="hint admin-count">
                  {t('admin.knowledge.chars', {
                    count: entry.answer[lang].length,
                    max: KNOWLEDGE_LIMITS.answer,
                  })}
                </span>
                <FieldMessage id={`${id}-error`} error={error} />
              </div>
            );
          })}
        </div>
      </section>
    </div>
  );
}
