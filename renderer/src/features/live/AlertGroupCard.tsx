/**
 * A conversation's open alerts as one card: its severity, the customer and team, each kind's
 * alert (repeats counted), and what a lead does from here: select it for a bulk acknowledgement,
 * open the conversation, assign it to themselves, mute it, or acknowledge the whole card.
 */
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useAppStore } from '../../store';
import type { ConversationAlerts } from './alertGroups';
import { AlertRow } from './AlertRow';

const MUTE_CHOICES = [
  { value: '60', key: 'live.alerts.muteFor1h' },
  { value: '480', key: 'live.alerts.muteFor8h' },
  { value: 'forever', key: 'live.alerts.muteUntilUnmuted' },
] as const;

export function AlertGroupCard({
  group,
  selected,
  onSelect,
}: {
  group: ConversationAlerts;
  selected: boolean;
  onSelect(selected: boolean): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const me = useAppStore((s) => s.session?.agent.id ?? null);
  const setScreen = useAppStore((s) => s.setScreen);
  const openConversation = useAppStore((s) => s.openConversation);
  const pushToast = useAppStore((s) => s.pushToast);
  const { acknowledgeMany, mute, assignToMe } = useAppStore((s) => s.live);
  const contact = group.contactName ?? t('live.alerts.unknownContact');
  const team = (language === 'en' ? group.teamNameEn : group.teamName) ?? group.teamName ?? group.teamId;
  const ids = group.items.map((item) => item.alert.id);
  const heldByMe = group.items.some((item) => item.alert.assigneeId === me);

  const attempt = async (work: () => Promise<void>, done?: { key: string; params?: Record<string, string> }) => {
    try {
      await work();
      if (done) pushToast({ key: done.key, params: done.params ?? {}, tone: 'info', conversationId: group.conversationId });
    } catch (error) {
      pushToast({ key: 'toast.rejectedOther', params: { message: errorMessage(error) }, tone: 'warning', conversationId: null });
    }
  };
  const openIt = () => {
    setScreen('inbox');
    openConversation(group.conversationId);
  };

  return (
    <li
      className={`live-alert-group severity-${group.severity}${selected ? ' is-selected' : ''}`}
      data-testid="live-alert-group"
      data-conversation-id={group.conversationId}
      data-severity={group.severity}
    >
      <div className="live-alert-group-head">
        <input
          type="checkbox"
          checked={selected}
          onChange={(event) => onSelect(event.target.checked)}
          aria-label={t('live.alerts.selectGroup', { name: contact })}
          data-testid="live-alert-select"
        />
        <span className={`live-severity severity-${group.severity}`} data-testid="live-alert-severity">
          {t(`live.alerts.severity.${group.severity}`)}
        </span>
        <button type="button" className="live-alert-contact" onClick={openIt} title={t('live.alerts.open', { name: contact })}>
          <strong>{contact}</strong> <span className="muted">· {team}</span>
        </button>
        <div className="live-alert-actions">
          <button type="button" className="btn btn-small" onClick={openIt} data-testid="live-alert-open">
            {t('live.alerts.openConversation')}
          </button>
          {!heldByMe && me && (
            <button
              type="button"
              className="btn btn-small"
              data-testid="live-alert-assign"
              onClick={() => void attempt(() => assignToMe(group.conversationId), { key: 'live.alerts.assignedToast', params: { name: contact } })}
            >
              {t('live.alerts.assignToMe')}
            </button>
          )}
          <select
            className="live-alert-mute"
            aria-label={t('live.alerts.muteLabel', { name: contact })}
            data-testid="live-alert-mute"
            value=""
            onChange={(event) => {
              const choice = event.target.value;
              if (!choice) return;
              void attempt(() => mute(group.conversationId, choice === 'forever' ? null : Number(choice)), {
                key: 'live.alerts.mutedToast',
                params: { name: contact },
              });
            }}
          >
            <option value="">{t('live.alerts.mute')}</option>
            {MUTE_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {t(choice.key)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn btn-small btn-primary"
            data-testid="live-alert-acknowledge"
            onClick={() => void attempt(() => acknowledgeMany(ids))}
          >
            {ids.length > 1 ? t('live.alerts.acknowledgeGroup', { count: ids.length }) : t('live.alerts.acknowledge')}
          </button>
        </div>
      </div>
      <ul className="live-alert-list">
        {group.items.map((item) => (
          <AlertRow key={item.alert.id} item={item} />
        ))}
      </ul>
    </li>
  );
}
