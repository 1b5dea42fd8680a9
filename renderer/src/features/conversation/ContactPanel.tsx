import { useTranslation } from 'react-i18next';
import type { ConversationDetail } from '../../../../shared/contracts/rpc';
import { useNow } from '../../app/useNow';
import { useAppStore } from '../../store';
import { formatTimestamp } from '../../lib/time';
import { StatusBadge, VipBadge } from '../common/Badges';
import { ChannelIcon } from '../common/ChannelIcon';
import { useLanguage } from '../common/useLanguage';

/** The customer on the right: who they are, how to reach them, what they asked before. */
export function ContactPanel({ detail }: { detail: ConversationDetail }): React.JSX.Element {
  const { t } = useTranslation();
  const language = useLanguage();
  const now = useNow();
  const openConversation = useAppStore((s) => s.openConversation);
  const { contact, pastConversations } = detail;
  return (
    <aside className="contact-panel" aria-label={t('contact.label')} data-testid="contact-panel">
      <div className="contact-head">
        <span className="avatar avatar-large" aria-hidden="true">
          {contact.name.slice(0, 1)}
        </span>
        <div>
          <h3>
            {contact.name} {contact.tier === 'vip' && <VipBadge />}
          </h3>
          <p className="muted small">{t('contact.since', { date: formatTimestamp(contact.createdAt, now, language) })}</p>
        </div>
      </div>
      <dl className="contact-facts">
        <dt>{t('contact.email')}</dt>
        <dd>{contact.email ?? t('contact.none')}</dd>
        <dt>{t('contact.phone')}</dt>
        <dd>{contact.phone ?? t('contact.none')}</dd>
      </dl>
      {contact.identities.length > 0 && (
        <section>
          <h4>{t('contact.identities')}</h4>
          <ul className="identity-list">
            {contact.identities.map((identity) => (
              <li key={`${identity.channel}:${identity.externalId}`}>
                <ChannelIcon channel={identity.channel} size={14} /> <span className="identity-id">{identity.externalId}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h4>{t('contact.past')}</h4>
        {pastConversations.length === 0 ? (
          <p className="muted small">{t('contact.noPast')}</p>
        ) : (
          <ul className="past-list">
            {pastConversations.map((past) => (
              <li key={past.id}>
                <button type="button" className="past-item" data-testid="past-conversation" data-conversation-id={past.id} onClick={() => openConversation(past.id)}>
                  <span className="past-head">
                    <ChannelIcon channel={past.channel} size={14} />
                    <span className="past-date">{formatTimestamp(past.lastMessageAt, now, language)}</span>
                    <StatusBadge status={past.status} />
                  </span>
                  <span className="past-preview">{past.subject ?? past.lastMessagePreview}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </aside>
  );
}
