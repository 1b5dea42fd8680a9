/** A category's rating buttons: the points of its scale, and N/A where the scorecard allows it. */
import { useTranslation } from 'react-i18next';
import { scaleRange, type Rating, type ScorecardCategory } from '../../../../shared/qa';

/** The ratings a category offers, lowest first, then N/A where allowed. */
export function ratingChoices(category: ScorecardCategory): Rating[] {
  const { min, max } = scaleRange(category.scale);
  const points: Rating[] = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return category.naAllowed ? [...points, 'na'] : points;
}

/** How a rating reads: Yes/No on a binary scale, N/A, else the number. */
export function useRatingLabel(): (category: ScorecardCategory, rating: Rating) => string {
  const { t } = useTranslation();
  return (category, rating) =>
    rating === 'na'
      ? t('qa.card.na')
      : category.scale === 'binary'
        ? t(rating === 1 ? 'qa.card.yes' : 'qa.card.no')
        : String(rating);
}

interface Props {
  category: ScorecardCategory;
  current: Rating | undefined;
  onRate(rating: Rating): void;
  disabled?: boolean;
  /** Out of the tab order when the keyboard rates through the pane instead. */
  tabIndex?: number;
}

export function RatingButtons({ category, current, onRate, disabled, tabIndex }: Props): React.JSX.Element {
  const label = useRatingLabel();
  return (
    <span className="qa-ratings" role="radiogroup" aria-label={category.name}>
      {ratingChoices(category).map((value) => (
        <button
          key={value}
          type="button"
          role="radio"
          aria-checked={current === value}
          className={`qa-rating${current === value ? ' is-chosen' : ''}${value === 'na' ? ' is-na' : ''}`}
          disabled={disabled}
          tabIndex={tabIndex}
          onClick={() => onRate(value)}
        >
          {label(category, value)}
        </button>
      ))}
    </span>
  );
}
