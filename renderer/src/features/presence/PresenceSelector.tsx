/**
 * The signed-in agent's presence in the top bar: a status selector (available / busy / away /
 * offline) and their load vs capacity for the channels they hold or can hold. A view of the
 * core (`presence.get`, presenceSlice.ts), refreshed whenever the core says the inbox or
 * directory changed.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENT_STATUSES, CHANNELS, type AgentStatus } from '../../../../shared/domain/model';
import { useAppStore } from '../../store';
import './presence.css';

export function PresenceSelector(): React.JSX.Element | null {
  const { t } = useTranslation();
  const presence = useAppStore((s) => s.presence.current);
  const load = useAppStore((s) => s.presence.load);
  const change = useAppStore((s) => s.presence.setStatus);

  useEffect(() => void load(), [load]);

  if (!presence) return null; // signed out or a reviewer: nothing to show
  // Channels with capacity, so an agent without voice does not see "voice 0/0".
  const channels = CHANNELS.filter((channel) => presence.capacity[channel] > 0);
  return (
    <div className="presence" data-testid="presence">
      <span className={`presence-dot presence-${presence.status}`} aria-hidden="true" />
      <label className="visually-hidden" htmlFor="presence-status">
        {t('presence.label')}
      </label>
      <select
        id="presence-status"
        className="select select-compact"
        data-testid="presence-status"
        value={presence.status}
        onChange={(e) => change(e.target.value as AgentStatus)}
      >
        {AGENT_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`presence.status.${status}`)}
          </option>
        ))}
      </select>
      <span className="presence-load" data-testid="presence-load" title={t('presence.loadTitle')}>
        {channels
          .filter((channel) => presence.load[channel] > 0 || channel === 'chat' || channel === 'email')
          .map(
            (channel) => `${t(`channel.${channel}`)} ${presence.load[channel]}/${presence.capacity[channel]}`,
          )
          .join(' · ')}
      </span>
    </div>
  );
}
