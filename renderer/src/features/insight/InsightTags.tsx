/**
 * Classification tags: issue types as neutral chips, the customer's sentiment as a coloured chip
 * whose fill follows its strength. Shown in inbox rows, the conversation header and under each
 * customer message. Renders nothing for conversations never classified (older servers).
 */
import { useTranslation } from 'react-i18next';
import type { SentimentValue } from '../../../../shared/nlu/insight';
import type { IssueType } from '../../../../shared/nlu/labels';
import './insight.css';

export function SentimentTag({ sentiment, compact = false }: { sentiment: SentimentValue; compact?: boolean }): React.JSX.Element | null {
  const { t } = useTranslation();
  // Neutral is the usual case: in a compact row it says nothing worth the space.
  if (compact && sentiment.label === 'neutral') return null;
  const strength = Math.round(sentiment.strength * 100);
  const level = sentiment.strength >= 0.8 ? 'strong' : sentiment.strength >= 0.5 ? 'medium' : 'mild';
  const label = t(`nlu.sentiment.${sentiment.label}`);
  return (
    <span
      className={`badge insight-sentiment sentiment-${sentiment.label} sentiment-${level}`}
      data-testid="sentiment-tag"
      data-sentiment={sentiment.label}
      title={t('nlu.sentiment.title', { label, strength })}
    >
      <span className="sentiment-meter" aria-hidden="true">
        <span style={{ width: `${Math.max(strength, sentiment.label === 'neutral' ? 0 : 15)}%` }} />
      </span>
      {label}
      {sentiment.label !== 'neutral' && !compact ? ` ${strength}%` : null}
    </span>
  );
}

export function IssueTags({ issueTypes, limit }: { issueTypes: readonly IssueType[]; limit?: number }): React.JSX.Element {
  const { t } = useTranslation();
  const shown = limit === undefined ? issueTypes : issueTypes.slice(0, limit);
  return (
    <>
      {shown.map((type) => (
        <span key={type} className="badge insight-issue" data-testid="issue-tag" data-issue-type={type}>
          {t(`nlu.issueType.${type}`)}
        </span>
      ))}
    </>
  );
}

interface Props {
  issueTypes?: readonly IssueType[];
  sentiment?: SentimentValue | null;
  /** Inbox rows: one topic, and sentiment only when it is not neutral. */
  compact?: boolean;
}

export function InsightTags({ issueTypes, sentiment, compact = false }: Props): React.JSX.Element | null {
  if (!issueTypes?.length && !sentiment) return null;
  return (
    <span className={`insight-tags${compact ? ' is-compact' : ''}`}>
      {sentiment && <SentimentTag sentiment={sentiment} compact={compact} />}
      {issueTypes && <IssueTags issueTypes={issueTypes} limit={compact ? 1 : undefined} />}
    </span>
  );
}
