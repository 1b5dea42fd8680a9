import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { ConversationDetail } from '../../../../shared/contracts/rpc';
import { PRIORITIES, type Priority } from '../../../../shared/domain/model';
import { useAppStore } from '../../store';
import { PriorityBadge, StatusBadge, VipBadge } from '../common/Badges';
import { ChannelIcon } from '../common/ChannelIcon';
import { SlaChip } from '../sla/SlaChip';
import { TransferDialog } from './TransferDialog';
import { ReviewRequestDialog } from '../qa/ReviewRequestDialog';
import { useTeamName } from '../common/useTeamName';
import { IssueTags, SentimentTag } from '../insight/InsightTags';
import { CollisionIndicator, CustomerTypingNote } from '../collision/CollisionIndicator';
import { popOutConversation, poppedOutConversation } from '../../app/popOut';

/** Who and what this conversation is, plus the actions that change it. */
export function ConversationHeader({ detail }: { detail: ConversationDetail }): React.JSX.Element {
  // Inside a pop-out window already: no second one.
  const poppedOut = poppedOutConversation(location.hash) !== null;
  const closeConversation = useAppStore((s) => s.closeConversation);
  const { t } = useTranslation();
  const { conversation, contact } = detail;
  const teamName = useTeamName(conversation.teamId, detail.teamName);
  const [transferring, setTransferring] = useState(false);
  const [requestingReview, setRequestingReview] = useState(false);
  const { agentId, role, assignToMe, setStatus, setPriority } = useAppStore(
    useShallow((s) => ({
      agentId: s.session?.agent.id ?? null,
      role: s.session?.agent.role ?? null,
      assignToMe: s.assignToMe,
      setStatus: s.setStatus,
      setPriority: s.setPriority,
    })),
  );
  const status = conversation.status;
  const finished = status === 'resolved' || status === 'closed';

  return (
    <header className="conversation-header">
      {!poppedOut && (
        <button type="button" className="btn btn-ghost back-to-inbox" data-testid="back-to-inbox" onClick={closeConversation}>
          <span aria-hidden="true">←</span> {t('conversation.backToInbox')}
        </button>
      )}
      <div className="conversation-title">
        <h2>
          {contact.name} {contact.tier === 'vip' && <VipBadge />}
        </h2>
        {conversation.subject && <p className="conversation-subject">{conversation.subject}</p>}
        <dl className="conversation-facts">
          <div>
            <dt>{t('conversation.channel')}</dt>
            <dd>
              <ChannelIcon channel={conversation.channel} size={14} /> {t(`channel.${conversation.channel}`)}
            </dd>
          </div>
          <div>
            <dt>{t('conversation.status')}</dt>
            <dd>
              <StatusBadge status={status} />
            </dd>
          </div>
          <div>
            <dt>{t('conversation.priority')}</dt>
            <dd>
              <PriorityBadge priority={conversation.priority} />
            </dd>
          </div>
          <div>
            <dt>{t('conversation.team')}</dt>
            <dd>{teamName}</dd>
          </div>
          <div>
            <dt>{t('conversation.assignee')}</dt>
            <dd data-testid="conversation-assignee">{detail.assigneeName ?? t('conversation.unassigned')}</dd>
          </div>
          {conversation.sentiment && (
            <div data-testid="conversation-sentiment">
              <dt>{t('nlu.sentimentLabel')}</dt>
              <dd>
                <SentimentTag sentiment={conversation.sentiment} />
              </dd>
            </div>
          )}
          {conversation.issueTypes && conversation.issueTypes.length > 0 && (
            <div data-testid="conversation-issue-types">
              <dt>{t('nlu.tagsLabel')}</dt>
              <dd className="insight-tags">
                <IssueTags issueTypes={conversation.issueTypes} />
              </dd>
            </div>
          )}
          {detail.sla && (
            <div data-testid="conversation-sla">
              <dt>{t('sla.label')}</dt>
              <dd>
                <SlaChip clock={detail.sla} large />
              </dd>
            </div>
          )}
        </dl>
        <CollisionIndicator conversationId={conversation.id} />
        <CustomerTypingNote conversationId={conversation.id} />
      </div>
      <div className="conversation-actions" role="toolbar" aria-label={t('conversation.actionsLabel')}>
        {conversation.assigneeId !== agentId && (
          <button type="button" className="btn btn-primary" data-testid="action-assign-me" onClick={() => void assignToMe()}>
            {t('conversation.assignMe')}
          </button>
        )}
        <button type="button" className="btn" data-testid="action-transfer" onClick={() => setTransferring(true)}>
          {t('conversation.transfer')}
        </button>
        <label className="visually-hidden" htmlFor="action-priority">
          {t('conversation.priority')}
        </label>
        <select
          id="action-priority"
          className="select"
          value={conversation.priority}
          data-testid="action-priority"
          onChange={(e) => void setPriority(e.target.value as Priority)}
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t('conversation.priority')}: {t(`priority.${p}`)}
            </option>
          ))}
        </select>
        {(status === 'open' || status === 'bot') && (
          <button type="button" className="btn" data-testid="action-pending" onClick={() => void setStatus('pending')}>
            {t('conversation.pending')}
          </button>
        )}
        {!finished && (
          <button type="button" className="btn btn-success" data-testid="action-resolve" onClick={() => void setStatus('resolved')}>
            {t('conversation.resolve')}
          </button>
        )}
        {(finished || status === 'pending' || status === 'snoozed') && (
          <button type="button" className="btn" data-testid="action-reopen" onClick={() => void setStatus('open')}>
            {t('conversation.reopen')}
          </button>
        )}
        {finished && (role === 'lead' || role === 'admin') && (
          <button type="button" className="btn" data-testid="action-request-review" onClick={() => setRequestingReview(true)}>
            {t('qa.request.open')}
          </button>
        )}
        {!poppedOut && (
          <button
            type="button"
            className="btn btn-ghost"
            data-testid="action-pop-out"
            title={t('conversation.popOutHint')}
            onClick={() => popOutConversation(conversation.id)}
          >
            {t('conversation.popOut')}
          </button>
        )}
      </div>
      {transferring && <TransferDialog currentTeamId={conversation.teamId} onClose={() => setTransferring(false)} />}
      {requestingReview && <ReviewRequestDialog conversationId={conversation.id} onClose={() => setRequestingReview(false)} />}
    </header>
  );
}
