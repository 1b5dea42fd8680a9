/**
 * In the conversation header: the other agents viewing or typing here right now ("王芳 正在输入…").
 * Nothing is shown when nobody else is there, or offline.
 */
import { useTranslation } from 'react-i18next';
import { useCustomerTyping, useOthersIn } from './collisionSlice';
import './collision.css';

const MAX_SHOWN = 3;

/** Initials for the avatar: the first character of a Chinese name, else the first two initials. */
export function initialsOf(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return '?';
  if (/^[\u3400-\u9fff]/.test(trimmed)) return trimmed[0]!;
  const words = trimmed.split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((word) => word[0]!.toUpperCase())
    .join('');
}

export function CollisionIndicator({ conversationId }: { conversationId: string }): React.JSX.Element | null {
  const { t } = useTranslation();
  const others = useOthersIn(conversationId);
  if (others.length === 0) return null;
  // Typists first: they are the likelier collision.
  const ordered = [...others].sort((a, b) => Number(b.typing) - Number(a.typing));
  const shown = ordered.slice(0, MAX_SHOWN);
  return (
    <div className="collision" data-testid="collision-indicator" role="status" aria-label={t('collision.label')}>
      <span className="collision-avatars" aria-hidden="true">
        {shown.map((agent) => (
          <span key={agent.agentId} className={`collision-avatar${agent.typing ? ' is-typing' : ''}`} title={agent.name}>
            {initialsOf(agent.name)}
          </span>
        ))}
      </span>
      <span className="collision-names">
        {shown.map((agent) => (
          <span key={agent.agentId} className="collision-agent" data-testid="collision-agent" data-agent-id={agent.agentId} data-typing={agent.typing}>
            {agent.typing ? t('collision.typing', { name: agent.name }) : t('collision.viewing', { name: agent.name })}
          </span>
        ))}
        {ordered.length > MAX_SHOWN && <span className="collision-more">{t('collision.more', { count: ordered.length - MAX_SHOWN })}</span>}
      </span>
    </div>
  );
}

/** "The customer is typing…", while they type in the web chat widget. */
export function CustomerTypingNote({ conversationId }: { conversationId: string }): React.JSX.Element | null {
  const { t } = useTranslation();
  const typing = useCustomerTyping(conversationId);
  if (!typing) return null;
  return (
    <span className="collision-customer-typing" role="status" data-testid="customer-typing">
      {t('collision.customerTyping')}
    </span>
  );
}
