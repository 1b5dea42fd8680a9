/** Reviews the viewer holds, newest first: an agent's of their own work, a lead's of their teams'. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import { ReviewDetail } from './ReviewDetail';
import { ReviewOpenCell, StatusCell, VerdictCell } from './ReviewCells';

export function ReviewsTable(): React.JSX.Element {
  const { t } = useTranslation();
  const { reviews, reviewsLoaded, loadReviews, reviewId, reviewDetail } = useAppStore((s) => s.qa);
  useEffect(() => void loadReviews(), [loadReviews]);
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
              <ReviewOpenCell reviewId={review.id} submittedAt={review.submittedAt} testId="qa-review-open" />
              <td>{agentName ?? '—'}</td>
              <td>{reviewerName ?? '—'}</td>
              <td>{scorecardName ?? '—'}</td>
              <td className="qa-num">{review.score === null ? '—' : Math.round(review.score * 10) / 10}</td>
              <VerdictCell passed={review.passed} pending={pending} />
              <StatusCell status={review.status} />
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
