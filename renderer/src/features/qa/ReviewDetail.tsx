/**
 * One review opened from the reviews table: its ratings on the scorecard version it was scored
 * on, its comments and summary, and its history. The agent whose work it is acknowledges it or
 * disputes it (once, proposing ratings); the reviewer, the team's leads and admins settle a
 * dispute (accept, partly accept with the ratings that stand, or reject), which is final.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RpcOutput } from '../../../../shared/contracts/rpc';
import {
  scaleRange,
  scoreReview,
  type DisputeOutcome,
  type Rating,
  type Scorecard,
} from '../../../../shared/qa';
import { useNow } from '../../app/useNow';
import { formatTimestamp } from '../../lib/time';
import { useAppStore } from '../../store';
import { RatingButtons, useRatingLabel } from './RatingButtons';

type Detail = RpcOutput<'qa.review'>;
const OUTCOMES: DisputeOutcome[] = ['accepted', 'partly_accepted', 'rejected'];

export function ReviewDetail({ detail }: { detail: Detail }): React.JSX.Element {
  const { t } = useTranslation();
  const now = useNow();
  const language = useAppStore((s) => s.language);
  const me = useAppStore((s) => s.session?.agent);
  const { acknowledge, dispute, resolve } = useAppStore((s) => s.qa);
  const { review, pending } = detail.row;
  const card = detail.scorecard;
  const [mode, setMode] = useState<'view' | 'dispute' | 'resolve'>('view');
  const [comment, setComment] = useState('');
  const [outcome, setOutcome] = useState<DisputeOutcome>('accepted');
  const proposal = [...review.history].reverse().find((event) => event.action === 'disputed')?.ratings;
  const [ratings, setRatings] = useState<Record<string, Rating>>(() => ({ ...(proposal ?? review.ratings) }));
  const [error, setError] = useState<string | null>(null);

  const mine = me?.id === review.agentId;
  const settles = !mine && (me?.id === review.reviewerId || me?.role === 'lead' || me?.role === 'admin');
  const run = (action: Promise<void>) =>
    action.then(
      () => {
        setMode('view');
        setError(null);
      },
      (failure: Error) => setError(failure.message),
    );
  const editing = mode === 'dispute' || (mode === 'resolve' && outcome === 'partly_accepted');
  const shown = editing ? ratings : review.ratings;
  const live = card && editing ? scoreReview(card, ratings).score : review.score;

  return (
    <section className="qa-detail" data-testid="qa-review-detail" aria-label={t('qa.detail.label')}>
      <header className="qa-detail-head">
        <strong className="qa-detail-score" data-testid="qa-detail-score">
          {live === null ? '—' : Math.round(live * 10) / 10}
        </strong>
        <span className={`qa-status is-${review.status}`} data-testid="qa-detail-status">
          {t(`qa.status.${review.status}`)}
          {pending ? ` · ${t('qa.reviews.pending')}` : ''}
        </span>
        <span className="qa-muted">{detail.row.scorecardName}</span>
      </header>
      {card && (
        <RatingsTable
          card={card}
          ratings={shown}
          onRate={editing ? (id, r) => setRatings({ ...ratings, [id]: r }) : undefined}
        />
      )}
      {review.summary && <p className="qa-detail-summary">{review.summary}</p>}
      {review.comments.length > 0 && (
        <ul className="qa-detail-comments">
          {review.comments.map((c) => (
            <li key={c.id}>{c.body}</li>
          ))}
        </ul>
      )}
      {review.history.length > 0 && (
        <ol className="qa-history" aria-label={t('qa.detail.history')}>
          {review.history.map((event, index) => (
            <li key={index} data-testid="qa-history-event">
              <span>{t(`qa.history.${event.action}`)}</span>
              {event.outcome && <strong> · {t(`qa.outcome.${event.outcome}`)}</strong>}
              {event.comment && <span> “{event.comment}”</span>}
              <time dateTime={event.at}> {formatTimestamp(event.at, now, language)}</time>
            </li>
          ))}
        </ol>
      )}
      {error && (
        <p className="qa-error" role="alert">
          {error}
        </p>
      )}
      {mode === 'view' ? (
        <footer className="qa-actions">
          {mine && review.status === 'submitted' && (
            <button
              type="button"
              className="btn"
              onClick={() => void run(acknowledge(review.id))}
              data-testid="qa-acknowledge"
            >
              {t('qa.detail.acknowledge')}
            </button>
          )}
          {mine && (review.status === 'submitted' || review.status === 'acknowledged') && (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setMode('dispute')}
              data-testid="qa-dispute-open"
            >
              {t('qa.detail.dispute')}
            </button>
          )}
          {settles && review.status === 'disputed' && (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setMode('resolve')}
              data-testid="qa-resolve-open"
            >
              {t('qa.detail.resolve')}
            </button>
          )}
        </footer>
      ) : (
        <form
          className="qa-detail-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (mode === 'dispute')
              void run(dispute({ reviewId: review.id, comment, proposedRatings: ratings }));
            else
              void run(
                resolve({
                  reviewId: review.id,
                  outcome,
                  comment,
                  ...(outcome === 'partly_accepted' ? { ratings } : {}),
                }),
              );
          }}
        >
          {mode === 'resolve' && (
            <fieldset className="qa-outcomes">
              <legend>{t('qa.detail.outcome')}</legend>
              {OUTCOMES.map((value) => (
                <label key={value}>
                  <input
                    type="radio"
                    name="outcome"
                    value={value}
                    checked={outcome === value}
                    onChange={() => setOutcome(value)}
                  />
                  {t(`qa.outcome.${value}`)}
                </label>
              ))}
            </fieldset>
          )}
          <label className="qa-summary">
            <span>{t(mode === 'dispute' ? 'qa.detail.disputeComment' : 'qa.detail.resolveComment')}</span>
            <textarea
              value={comment}
              rows={3}
              maxLength={2000}
              onChange={(event) => setComment(event.target.value)}
              data-testid="qa-detail-comment"
            />
          </label>
          <footer className="qa-actions">
            <button type="button" className="btn" onClick={() => setMode('view')}>
              {t('qa.card.cancel')}
            </button>
            <button
              type="submit"
              className="btn btn-primary"
              disabled={mode === 'dispute' && !comment.trim()}
              data-testid="qa-detail-send"
            >
              {t(mode === 'dispute' ? 'qa.detail.sendDispute' : 'qa.detail.sendResolve')}
            </button>
          </footer>
        </form>
      )}
    </section>
  );
}

function RatingsTable({
  card,
  ratings,
  onRate,
}: {
  card: Scorecard;
  ratings: Readonly<Record<string, Rating | undefined>>;
  onRate?: (categoryId: string, rating: Rating) => void;
}): React.JSX.Element {
  const label = useRatingLabel();
  return (
    <ul className="qa-detail-ratings">
      {card.categories.map((category) => {
        const current = ratings[category.id];
        return (
          <li key={category.id} data-category={category.id}>
            <span className="qa-category-name">{category.name}</span>
            {onRate ? (
              <RatingButtons
                category={category}
                current={current}
                onRate={(value) => onRate(category.id, value)}
              />
            ) : (
              <strong>
                {current === undefined
                  ? '—'
                  : typeof current === 'number' && category.scale !== 'binary'
                    ? `${current} / ${scaleRange(category.scale).max}`
                    : label(category, current)}
              </strong>
            )}
          </li>
        );
      })}
    </ul>
  );
}
