/**
 * "Correct" under a customer message: one click opens the labels, one more relabels the message
 * (its topic or the customer's mood). The classifier learns from these (server nlu_corrections).
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SENTIMENT_LABELS, type MessageInsight, type SentimentLabelName } from '../../../../shared/nlu/insight';
import { ISSUE_TYPES, type IssueType } from '../../../../shared/nlu/labels';
import { useAppStore } from '../../store';

export function CorrectInsight({ messageId, insight }: { messageId: string; insight: MessageInsight }): React.JSX.Element {
  const { t } = useTranslation();
  const correct = useAppStore((s) => s.correctInsight);
  const [busy, setBusy] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  const unsure = new Set(insight.unsure ?? []);

  const choose = async (correction: { issueType?: IssueType; sentiment?: SentimentLabelName }) => {
    setBusy(true);
    try {
      await correct(messageId, correction);
    } finally {
      setBusy(false);
      if (details.current) details.current.open = false;
    }
  };

  return (
    <details className="insight-correct" ref={details} data-testid="insight-correct">
      <summary title={t('nlu.correct.hint')}>{t('nlu.correct.open')}</summary>
      <div className="insight-correct-menu" role="group" aria-label={t('nlu.correct.hint')}>
        <span className="insight-correct-heading">{t('nlu.tagsLabel')}</span>
        {ISSUE_TYPES.map((type) => (
          <button
            key={type}
            type="button"
            className="btn btn-small"
            disabled={busy}
            aria-pressed={!unsure.has('issueType') && insight.issueType === type}
            data-testid={`correct-issue-${type}`}
            onClick={() => void choose({ issueType: type })}
          >
            {t(`nlu.issueType.${type}`)}
          </button>
        ))}
        <span className="insight-correct-heading">{t('nlu.sentimentLabel')}</span>
        {SENTIMENT_LABELS.map((label) => (
          <button
            key={label}
            type="button"
            className="btn btn-small"
            disabled={busy}
            aria-pressed={!unsure.has('sentiment') && insight.sentiment.label === label}
            data-testid={`correct-sentiment-${label}`}
            onClick={() => void choose({ sentiment: label })}
          >
            {t(`nlu.sentiment.${label}`)}
          </button>
        ))}
      </div>
    </details>
  );
}
