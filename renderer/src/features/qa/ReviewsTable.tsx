/** Reviews the viewer holds, newest first: an agent's of their own work, a lead's of their teams'. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTimestamp } from '../../lib/time';
import { useNow } from '../../app/useNow';
import { useAppStore } from '../../store';

export function ReviewsTable(): React.JSX.Element {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const { reviews, reviewsLoaded, loadReviews } = useAppStore((s) => s.qa);
  useEffect(() => void loadReviews(), [loadReviews]);
  const now = useNow();
  if (reviewsLoaded && reviews.length === 0) return <p className="qa-empty">{t('qa.reviews.empty')}</p>;
  return (
    <table className="qa-reviews" aria-label={t('qa.reviews.label')} data-testid="qa-reviews">
      <thead>
        <tr>
          <th scope="col">{t('qa.reviews.when')}</th>
          <th scope="col">{t('qa.reviews.agent')}</th>
          <th scope="col">{t('qa.reviews.reviewer')}</th>
          <th scope="col">{t('qa.reviews.scorecard')}</th>
          <th scope="col">{t('qa.reviews.score')}</th>
          <th scope="col">{t('qa.reviews.result')}</th>
        </tr>
      </thead>
      <tbody>
        {reviews.map(({ review, pending, agentName, reviewerName, scorecardName }) => (
          <tr key={review.id} data-testid="qa-review-row">
            <td>{formatTimestamp(review.submittedAt, now, language)}</td>
            <td>{agentName ?? '—'}</td>
            <td>{reviewerName ?? '—'}</td>
            <td>{scorecardName ?? '—'}</td>
            <td className="qa-num">{review.score === null ? '—' : Math.round(review.score * 10) / 10}</td>
            <td>
              {pending ? (
                <span className="qa-pending">{t('qa.reviews.pending')}</span>
              ) : review.passed === null ? (
                '—'
              ) : (
                <span className={`qa-verdict ${review.passed ? 'is-pass' : 'is-fail'}`}>
                  {t(review.passed ? 'qa.reviews.passed' : 'qa.reviews.failed')}
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
