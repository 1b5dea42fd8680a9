import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../../../shared/contracts/rpc';
import { formatClock, formatTimestamp, type UiLanguage } from '../../lib/time';
import { BotAvatar } from '../insight/BotAvatar';
import { InsightTags } from '../insight/InsightTags';
import { CorrectInsight } from '../insight/CorrectInsight';
import { SystemEvent } from '../insight/SystemEvent';

/** Which bubble a message gets: who speaks decides side and colour. */
export function bubbleKind(message: MessageView): 'system' | 'note' | 'bot' | 'agent' | 'customer' {
  if (message.kind === 'system' || message.authorType === 'system') return 'system';
  if (message.kind === 'note') return 'note';
  if (message.authorType === 'bot') return 'bot';
  return message.direction === 'out' ? 'agent' : 'customer';
}

interface Props {
  message: MessageView;
  now: number;
  language: UiLanguage;
  onRetry(messageId: string): void;
  onDiscard(messageId: string): void;
}

export const MessageBubble = memo(function MessageBubble({ message, now, language, onRetry, onDiscard }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const kind = bubbleKind(message);
  const time = formatTimestamp(message.createdAt, now, language);
  const common = { 'data-testid': 'message', 'data-kind': message.kind, 'data-direction': message.direction, 'data-message-id': message.id };

  if (kind === 'system') {
    return (
      <div className="message message-system" {...common}>
        {message.detail ? <SystemEvent detail={message.detail} /> : <span>{message.text}</span>} <time dateTime={message.createdAt}>{time}</time>
      </div>
    );
  }

  const author =
    kind === 'note'
      ? `${t('conversation.internalNote')} · ${message.authorName ?? t('conversation.agent')}`
      : kind === 'bot'
        ? t('conversation.bot')
        : (message.authorName ?? (kind === 'agent' ? t('conversation.agent') : t('conversation.customer')));

  return (
    <div className={`message message-${kind}${message.failedReason ? ' is-failed' : ''}${message.pending ? ' is-pending' : ''}`} {...common}>
      <div className="bubble">
        <div className="bubble-meta">
          <span className="bubble-author">
            {kind === 'bot' && <BotAvatar />}
            {author}
          </span>
          <time dateTime={message.createdAt}>{time}</time>
        </div>
        {message.subject && <div className="bubble-subject">{t('conversation.subject', { subject: message.subject })}</div>}
        {message.call && (
          <div className="call-card">
            <div className="call-head">
              <span aria-hidden="true">☎</span> {t('conversation.callTitle')} · {t('conversation.callDuration', { duration: formatClock(message.call.durationSec) })}
            </div>
            {message.call.transcript && message.call.transcript.length > 0 && (
              <section className="transcript" aria-label={t('conversation.transcript')}>
                <h4>{t('conversation.transcript')}</h4>
                <ol>
                  {message.call.transcript.map((line, i) => (
                    <li key={i} className="transcript-line">
                      <span className="transcript-time">{formatClock(line.atSec)}</span>
                      <span className="transcript-speaker">{line.speaker}</span>
                      <span className="transcript-text">{line.text}</span>
                    </li>
                  ))}
                </ol>
              </section>
            )}
          </div>
        )}
        {message.text && <div className="bubble-text">{message.text}</div>}
        {message.detail?.kind === 'bot_answer' && (
          <div className="bot-answer-source">
            {t('nlu.botAnswered', { intent: message.detail.intent, confidence: Math.round(message.detail.confidence * 100) })}
          </div>
        )}
        {message.insight && (
          <div className="message-insight">
            <InsightTags
              issueTypes={message.insight.issueType === 'other' ? [] : [message.insight.issueType]}
              sentiment={message.insight.unsure?.includes('sentiment') ? null : message.insight.sentiment}
              compact
            />
            {/* The classifier said so rather than guess: nothing was tagged or alerted on it. */}
            {message.insight.unsure && message.insight.unsure.length > 0 && (
              <span className="badge insight-unsure" data-testid="insight-unsure" title={t('nlu.unsure.title')}>
                {t(message.insight.unsure.length === 2 ? 'nlu.unsure.both' : `nlu.unsure.${message.insight.unsure[0]}`)}
              </span>
            )}
            {!message.pending && <CorrectInsight messageId={message.id} insight={message.insight} />}
          </div>
        )}
      </div>
      {message.pending && !message.failedReason && (
        <div className="bubble-status" role="status">
          {t('conversation.sending')}
        </div>
      )}
      {message.failedReason && (
        <div className="bubble-status bubble-failed" role="alert">
          <span>{t('conversation.failed', { reason: message.failedReason })}</span>
          <button type="button" className="btn btn-small" data-testid="message-retry" onClick={() => onRetry(message.id)}>
            {t('conversation.retrySend')}
          </button>
          <button type="button" className="btn btn-small btn-ghost" data-testid="message-discard" onClick={() => onDiscard(message.id)}>
            {t('conversation.discard')}
          </button>
        </div>
      )}
    </div>
  );
});
