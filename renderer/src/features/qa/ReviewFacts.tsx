/**
 * What a reviewer reads beside the transcript before scoring: the customer's survey answers (the
 * current one per kind, a low one marked), the issue tags and how the customer's mood ended. All
 * from the assignment's transcript, so offline too.
 */
import { RecordingPlayer } from './RecordingPlayer';
import { useTranslation } from 'react-i18next';
import type { QaTranscript } from '../../../../shared/contracts/qa';
import { isLowScore, type SurveyKind } from '../../../../shared/surveys';
import { IssueTags, SentimentTag } from '../insight/InsightTags';

/** The latest answer per survey kind in the thread (a re-rating replaces the earlier one). */
export function currentSurveyAnswers(messages: QaTranscript['messages']): Partial<Record<SurveyKind, number>> {
  const answers: Partial<Record<SurveyKind, number>> = {};
  for (const message of messages)
    if (message.detail?.kind === 'survey_answered') answers[message.detail.survey] = message.detail.score;
  return answers;
}

export function ReviewFacts({ transcript }: { transcript: QaTranscript | null }): React.JSX.Element | null {
  const { t } = useTranslation();
  if (!transcript) return null;
  const { conversation } = transcript;
  const answers = currentSurveyAnswers(transcript.messages);
  const kinds = (Object.keys(answers) as SurveyKind[]).sort();
  const tags = conversation.issueTypes ?? [];
  if (kinds.length === 0 && tags.length === 0 && !conversation.sentiment) return null;
  return (
    <dl className="qa-facts" data-testid="qa-facts">
      {kinds.map((kind) => (
        <div key={kind}>
          <dt>{t(`qa.facts.${kind}`)}</dt>
          <dd className={isLowScore(kind, answers[kind]!) ? 'qa-fact-low' : undefined} data-testid={`qa-fact-${kind}`}>
            {t('qa.facts.score', { score: answers[kind], max: kind === 'csat' ? 5 : 10 })}
          </dd>
        </div>
      ))}
      {tags.length > 0 && (
        <div>
          <dt>{t('nlu.tagsLabel')}</dt>
          <dd className="insight-tags">
            <IssueTags issueTypes={tags} />
          </dd>
        </div>
      )}
      {conversation.sentiment && (
        <div>
          <dt>{t('qa.facts.endedMood')}</dt>
          <dd>
            <SentimentTag sentiment={conversation.sentiment} />
          </dd>
        </div>
      )}
    </dl>
  );
}

/** A call in the transcript: its length and what was said, second by second. */
export function CallLines({
  call,
  messageId,
}: {
  call: NonNullable<QaTranscript['messages'][number]['call']>;
  messageId: string;
}): React.JSX.Element {
  const { t } = useTranslation();
  const clock = (sec: number) => `${Math.floor(sec / 60)}:${String(Math.floor(sec % 60)).padStart(2, '0')}`;
  return (
    <div className="qa-call" data-testid="qa-call">
      <span className="qa-muted">
        {t('qa.facts.call', { duration: clock(call.durationSec) })}
      </span>
      {call.recordingUrl && <RecordingPlayer messageId={messageId} />}
      {call.transcript && call.transcript.length > 0 && (
        <ol className="qa-call-lines">
          {call.transcript.map((line, index) => (
            <li key={index} data-at-sec={line.atSec}>
              <time className="qa-muted">{clock(line.atSec)}</time> <strong>{line.speaker}</strong> {line.text}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
