/**
 * A bot, routing, survey or sentiment event in the thread, worded in the reader's language from the message's
 * structured detail (the stored text is the English fallback for exports and older windows).
 */
import { useTranslation } from 'react-i18next';
import type { MessageDetail } from '../../../../shared/nlu/insight';
import { isLowScore, SURVEY_SCALES } from '../../../../shared/surveys';
import { useTeamName } from '../common/useTeamName';

type Handoff = Extract<MessageDetail, { kind: 'bot_handoff' }>;

/** Below this share the classifier barely knew the words: say "possible", not a bare percentage. */
const SURE_INTENT = 0.25;

function HandoffEvent({ detail }: { detail: Handoff }): React.JSX.Element {
  const { t } = useTranslation();
  const team = useTeamName(detail.teamId, detail.teamId);
  return (
    <span
      className="system-event is-handoff"
      data-testid="handoff-event"
      data-reason={detail.reason}
      data-intent={detail.intent}
    >
      <span className="system-event-title">
        {t('nlu.handoff.title', { team })}: {t(`nlu.handoff.reason.${detail.reason}`)}
      </span>
      <span>
        {(detail.intentConfidence ?? 0) >= SURE_INTENT
          ? t('nlu.handoff.intent', {
              intent: t(`nlu.issueType.${detail.intent}`),
              confidence: Math.round((detail.intentConfidence ?? 0) * 100),
            })
          : t('nlu.handoff.intentUnsure', { intent: t(`nlu.issueType.${detail.intent}`) })}
        {' · '}
        {t('nlu.handoff.match', { confidence: Math.round(detail.confidence * 100) })}
      </span>
    </span>
  );
}

type Transfer = Extract<MessageDetail, { kind: 'transferred' }>;

function TransferEvent({ detail }: { detail: Transfer }): React.JSX.Element {
  const { t } = useTranslation();
  const team = useTeamName(detail.teamId, detail.teamId);
  return (
    <span className="system-event is-line" data-testid="routing-event">
      {detail.to === null
        ? t('thread.event.transferred', { by: detail.by, team })
        : t('thread.event.transferredTo', { by: detail.by, team, to: detail.to })}
    </span>
  );
}

/** Null when the detail is not an event this window words itself. */
export function SystemEvent({ detail }: { detail: MessageDetail }): React.JSX.Element | null {
  const { t } = useTranslation();
  if (detail.kind === 'bot_handoff') return <HandoffEvent detail={detail} />;
  if (detail.kind === 'transferred') return <TransferEvent detail={detail} />;
  if (detail.kind === 'assigned') {
    return (
      <span className="system-event is-line" data-testid="routing-event">
        {t(`thread.event.${detail.action}`, { by: detail.by, to: detail.to ?? '' })}
      </span>
    );
  }
  if (detail.kind === 'auto_assigned') {
    return (
      <span className="system-event is-line" data-testid="routing-event">
        {t(detail.tied > 1 ? 'thread.event.autoAssignedTie' : 'thread.event.autoAssigned', {
          ...detail,
          channel: t(`channel.${detail.channel}`, { defaultValue: detail.channel }),
        })}
      </span>
    );
  }
  if (detail.kind === 'returned_to_queue') {
    return (
      <span className="system-event is-line" data-testid="routing-event">
        {t(detail.reason === 'offline' ? 'thread.event.returnedOffline' : 'thread.event.returnedDisconnected', {
          agent: detail.agent,
        })}
      </span>
    );
  }
  if (detail.kind === 'priority_raised') {
    return (
      <span className="system-event is-priority" data-testid="priority-raised-event">
        {t('nlu.priorityRaised', {
          from: t(`priority.${detail.from}`),
          to: t(`priority.${detail.to}`),
          score: detail.score.toFixed(2),
        })}
      </span>
    );
  }
  if (detail.kind === 'survey_sent') {
    return (
      <span className="system-event is-survey" data-testid="survey-sent-event">
        {t('nlu.survey.sent', { kinds: detail.surveys.map((kind) => t(`nlu.survey.kind.${kind}`)).join(' · ') })}
      </span>
    );
  }
  if (detail.kind === 'survey_answered') {
    const max = SURVEY_SCALES[detail.survey].max;
    const survey = t(`nlu.survey.short.${detail.survey}`);
    const low = isLowScore(detail.survey, detail.score);
    return (
      <span
        className={`system-event is-survey${low ? ' is-low' : ''}`}
        data-testid="survey-answered-event"
        data-score={detail.score}
      >
        <span className="system-event-title">
          {detail.previousScore === null
            ? t('nlu.survey.answered', { survey, score: detail.score, max })
            : t('nlu.survey.rerated', { survey, previous: detail.previousScore, score: detail.score, max })}
          {low && <span className="survey-low"> · {t('nlu.survey.low')}</span>}
        </span>
        {detail.comment && <q>{detail.comment}</q>}
      </span>
    );
  }
  if (detail.kind === 'reopened_low_survey') {
    const max = SURVEY_SCALES[detail.survey].max;
    return (
      <span className="system-event is-survey is-low" data-testid="survey-reopened-event">
        {t('nlu.survey.reopened', { survey: t(`nlu.survey.short.${detail.survey}`), score: detail.score, max })}
      </span>
    );
  }
  return null;
}
