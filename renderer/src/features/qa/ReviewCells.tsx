/** The cells every list of reviews shares: the "when" that opens a review, its verdict, its status. */
import { useTranslation } from 'react-i18next';
import type { ReviewStatus } from '../../../../shared/qa/model';
import { formatTimestamp } from '../../lib/time';
import { useNow } from '../../app/useNow';
import { useAppStore } from '../../store';

/** The review's submit time as a button that opens (or closes) it under the table. */
export function ReviewOpenCell(props: { reviewId: string; submittedAt: string; testId?: string }): React.JSX.Element {
  const now = useNow();
  const language = useAppStore((s) => s.language);
  const { reviewId, openReview } = useAppStore((s) => s.qa);
  const open = props.reviewId === reviewId;
  return (
    <td>
      <button
        type="button"
        className="qa-link qa-row-open"
        aria-expanded={open}
        onClick={() => void openReview(open ? null : props.reviewId)}
        data-testid={props.testId}
      >
        {formatTimestamp(props.submittedAt, now, language)}
      </button>
    </td>
  );
}

export function VerdictCell(props: { passed: boolean | null; pending?: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <td>
      {props.pending ? (
        <span className="qa-pending">{t('qa.reviews.pending')}</span>
      ) : props.passed === null ? (
        '—'
      ) : (
        <span className={`qa-verdict ${props.passed ? 'is-pass' : 'is-fail'}`}>
          {t(props.passed ? 'qa.reviews.passed' : 'qa.reviews.failed')}
        </span>
      )}
    </td>
  );
}

export function StatusCell(props: { status: ReviewStatus }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <td>
      <span className={`qa-status is-${props.status}`}>{t(`qa.status.${props.status}`)}</span>
    </td>
  );
}
