/** Reviews the viewer holds, newest first: an agent's of their own work, a lead's of their teams'. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTimestamp } from '../../lib/time';
import { useNow } from '../../app/useNow';
import { useAppStore } from '../../store';
import { ReviewDetail } from './ReviewDetail';

export function ReviewsTable(): React.JSX.Element {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const { reviews, reviewsLoaded, loadReviews, reviewId, reviewDetail, openReview } = useAppStore(
    (s) => s.qa,
  );
  useEffect(() => void loadReviews(), [loadReviews]);
  const now = useNow();
  if (reviewsLoaded && reviews.length === 0) return <p className="qa-empty">{t('qa.reviews.empty')}</p>;
  return (
    <div className="qa-reviews-wrap">
      <table className="qa-reviews" aria-label={t('qa.reviews.label')} data-testid="qa-reviews">
        <thead>
          <tr>
            <th scope="col">{t('qa.reviews.when')}</th>
            <th scope="col">{t('qa.reviews.agent')}</th>
            <th scope="col">{t('qa.reviews.reviewer')}</th>
            <th scope="col">{t('qa.reviews.scorecard')}</th>
            <th scope="col">{t('qa.reviews.score')}</th>
            <th scope="col">{t('qa.reviews.result')}</th>
            <th scope="col">{t('qa.reviews.status')}</th>
          </tr>
        </thead>
        <tbody>
          {reviews.map(({ review, pending, agentName, reviewerName, scorecardName }) => (
            <tr
              key={review.id}
              data-testid="qa-review-row"
              className={review.id === reviewId ? 'is-open' : undefined}
            >
              <td>
                <button
                  type="button"
                  className="qa-link qa-row-open"
                  aria-expanded={review.id === reviewId}
                  onClick={() => void openReview(review.id === reviewId ? null : review.id)}
                  data-testid="qa-review-open"
                >
                  {formatTimestamp(review.submittedAt, now, language)}
                </button>
              </td>
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
              <td>
                <span className={`qa-status is-${review.status}`}>{t(`qa.status.${review.status}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {reviewDetail && reviewDetail.row.review.id === reviewId && (
        <ReviewDetail
          key={`${reviewId}:${reviewDetail.row.review.status}:${reviewDetail.row.pending}`}
          detail={reviewDetail}
        />
      )}
    </div>
  );
}
