/**
 * The scorecard beside the transcript: one row per category with its rating buttons (the scale's
 * points, N/A where allowed), a root cause on a low rating, the live total and the submit.
 * Keyboard (while the pane has focus): ↑/↓ category, digits rate, N not applicable.
 */
import { useTranslation } from 'react-i18next';
import { RatingButtons } from './RatingButtons';
import {
  categoryScore,
  scaleRange,
  type Rating,
  type Scorecard,
  type ScorecardCategory,
} from '../../../../shared/qa';
import type { ReviewDraftState } from './useReviewDraft';

interface Props {
  card: Scorecard;
  state: ReviewDraftState;
  active: number;
  onActivate(index: number): void;
  readOnly: boolean;
  /** Auto-QA rule names flagging each category (hits the reviewer has not overruled). */
  flags?: ReadonlyMap<string, readonly string[]>;
}

export function ScorecardPanel({ card, state, active, onActivate, readOnly, flags }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const ratings = state.draft?.ratings ?? {};
  return (
    <ol className="qa-categories" aria-label={t('qa.card.label')}>
      {card.categories.map((category, index) => {
        const rating = ratings[category.id];
        const low = typeof rating === 'number' && categoryScore(category.scale, rating) < 50;
        return (
          <li
            key={category.id}
            className={`qa-category${index === active ? ' is-active' : ''}${rating === undefined ? ' is-unrated' : ''}`}
            data-testid="qa-category"
            data-category={category.id}
            onClick={() => onActivate(index)}
          >
            <div className="qa-category-head">
              <span className="qa-category-name">{category.name}</span>
              {category.critical && <span className="qa-critical">{t('qa.card.critical')}</span>}
              <span className="qa-weight">×{category.weight}</span>
            </div>
            {(flags?.get(category.id) ?? []).map((name) => (
              <span key={name} className="qa-auto-flag" data-testid="qa-category-flag">
                {t('qa.auto.flag', { name })}
              </span>
            ))}
            {category.guidance && <p className="qa-guidance">{category.guidance}</p>}
            <RatingButtons
              category={category}
              current={rating}
              disabled={readOnly}
              tabIndex={-1}
              onRate={(value) => state.rate(category.id, value)}
            />
            {low && category.rootCauses.length > 0 && (
              <label className="qa-root-cause">
                <span>{t('qa.card.rootCause')}</span>
                <select
                  value={state.draft?.rootCauses[category.id] ?? ''}
                  disabled={readOnly}
                  onChange={(event) => state.setRootCause(category.id, event.target.value)}
                >
                  <option value="">{t('qa.card.rootCauseNone')}</option>
                  {category.rootCauses.map((cause) => (
                    <option key={cause} value={cause}>
                      {cause}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** What a key press means on the scorecard: a rating for the active category, or nothing. */
export function ratingForKey(category: ScorecardCategory, key: string): Rating | null {
  if (key === 'n' || key === 'N') return category.naAllowed ? 'na' : null;
  if (!/^[0-9]$/.test(key)) return null;
  const value = Number(key);
  const { min, max } = scaleRange(category.scale);
  return value >= min && value <= max ? value : null;
}
