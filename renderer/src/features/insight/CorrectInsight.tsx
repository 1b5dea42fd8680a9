/**
 * "Correct" under a customer message: one click opens the labels, one more relabels the message
 * (its topic or the customer's mood). The classifier learns from these (server nlu_corrections).
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SENTIMENT_LABELS, type MessageInsight, type SentimentLabelName } from '../../../../shared/nlu/insight';
import { ISSUE_TYPES, type IssueType } from '../../../../shared/nlu/labels';
import { useAppStore } from '../../store';

function Choice(props: { label: string; current: boolean; disabled: boolean; testId: string; onChoose(): void }): React.JSX.Element {
  return (
    <button type="button" className="btn btn-small" disabled={props.disabled} aria-pressed={props.current} data-testid={props.testId} onClick={props.onChoose}>
      {props.label}
    </button>
  );
}

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
          <Choice
            key={type}
            label={t(`nlu.issueType.${type}`)}
            current={!unsure.has('issueType') && insight.issueType === type}
            disabled={busy}
            testId={`correct-issue-${type}`}
            onChoose={() => void choose({ issueType: type })}
          />
        ))}
        <span className="insight-correct-heading">{t('nlu.sentimentLabel')}</span>
        {SENTIMENT_LABELS.map((label) => (
          <Choice
            key={label}
            label={t(`nlu.sentiment.${label}`)}
            current={!unsure.has('sentiment') && insight.sentiment.label === label}
            disabled={busy}
            testId={`correct-sentiment-${label}`}
            onChoose={() => void choose({ sentiment: label })}
          />
        ))}
      </div>
    </details>
  );
}
