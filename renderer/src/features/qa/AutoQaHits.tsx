/**
 * What auto-QA found in the conversation under review: one line per hit with the rule's name, the
 * evidence (the phrase, the seconds waited or silent) and the words that fired it. "Show" scrolls
 * the transcript to the message; "Overrule" records that the reviewer looked and disagrees (kept in
 * the draft, sent with the review). Hits never score the review themselves.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { autoQaHitKey, type AutoQaHit, type AutoQaResult } from '../../../../shared/qa';
import type { UiLanguage } from '../../lib/time';
import { useAppStore } from '../../store';

interface Props {
  result: AutoQaResult | null | undefined;
  overruled: ReadonlySet<string>;
  readOnly: boolean;
  onToggle(hitKey: string): void;
}

/** A hit's evidence in the reader's words: the phrase, or how long. */
function evidenceText(hit: AutoQaHit, t: TFunction): string | null {
  if (hit.evidence === null) return null;
  if (hit.kind === 'slow_reply' || hit.kind === 'long_silence')
    return t(`qa.auto.seconds.${hit.kind}`, { seconds: Number(hit.evidence) });
  return `“${hit.evidence}”`;
}

export function showMessage(messageId: string | null): void {
  if (!messageId) return;
  const item = document.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(messageId)}"]`);
  if (!item) return;
  item.scrollIntoView({ block: 'center', behavior: 'smooth' });
  item.classList.remove('is-flashing');
  void item.offsetWidth; // restart the flash
  item.classList.add('is-flashing');
}

export function AutoQaHits({ result, overruled, readOnly, onToggle }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  if (!result)
    return (
      <p className="qa-auto is-empty qa-muted" data-testid="qa-auto">
        {t('qa.auto.notEvaluated')}
      </p>
    );
  if (result.hits.length === 0)
    return (
      <p className="qa-auto is-empty qa-muted" data-testid="qa-auto">
        {t('qa.auto.clean')}
      </p>
    );
  return (
    <section className="qa-auto" aria-label={t('qa.auto.title')} data-testid="qa-auto">
      <h3>
        {t('qa.auto.title')}{' '}
        <span className="qa-muted">{t('qa.auto.count', { count: result.hitCount })}</span>
      </h3>
      <ul>
        {result.hits.map((hit) => {
          const key = autoQaHitKey(hit);
          const isOverruled = overruled.has(key);
          const evidence = evidenceText(hit, t);
          return (
            <li
              key={key}
              className={`qa-auto-hit${isOverruled ? ' is-overruled' : ''}`}
              data-testid="qa-auto-hit"
              data-rule={hit.ruleId}
            >
              <span className={`qa-auto-kind is-${hit.kind}`}>{hit.ruleName[language]}</span>
              {evidence && <span className="qa-auto-evidence">{evidence}</span>}
              {hit.atSec !== null && (
                <span className="qa-muted">{t('qa.auto.atSec', { seconds: Math.round(hit.atSec) })}</span>
              )}
              <span className="qa-auto-excerpt" title={hit.excerpt}>
                {hit.excerpt}
              </span>
              {hit.messageId && (
                <button type="button" className="qa-link" onClick={() => showMessage(hit.messageId)}>
                  {t('qa.auto.show')}
                </button>
              )}
              <button
                type="button"
                className="qa-link"
                disabled={readOnly}
                aria-pressed={isOverruled}
                onClick={() => onToggle(key)}
                data-testid="qa-auto-overrule"
              >
                {isOverruled ? t('qa.auto.overruled') : t('qa.auto.overrule')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The rule names flagging each scorecard category (hits not overruled). */
export function flaggedCategories(
  result: AutoQaResult | null | undefined,
  overruled: ReadonlySet<string>,
  language: UiLanguage,
) {
  const flags = new Map<string, string[]>();
  for (const hit of result?.hits ?? []) {
    if (!hit.categoryId || overruled.has(autoQaHitKey(hit))) continue;
    const names = flags.get(hit.categoryId) ?? [];
    if (!names.includes(hit.ruleName[language])) names.push(hit.ruleName[language]);
    flags.set(hit.categoryId, names);
  }
  return flags;
}
