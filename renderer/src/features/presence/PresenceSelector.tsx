/**
 * The signed-in agent's presence in the top bar: a status selector (available / busy / away /
 * offline) and their load vs capacity for the channels they hold or can hold. A view of the
 * core (`presence.get`), refreshed whenever the core says the inbox or directory changed.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Presence } from '../../../../shared/contracts/routing';
import { AGENT_STATUSES, CHANNELS, type AgentStatus } from '../../../../shared/domain/model';
import { getApi } from '../../api/client';
import './presence.css';

export function PresenceSelector(): React.JSX.Element | null {
  const { t } = useTranslation();
  const [presence, setPresence] = useState<Presence | null>(null);

  const load = useCallback(() => {
    getApi()
      .presence.get({})
      .then(setPresence, () => setPresence(null)); // signed out or reviewer: nothing to show
  }, []);

  useEffect(() => {
    load();
    return getApi().on('data.changed', (payload) => {
      if (payload.inbox || payload.directory) load();
    });
  }, [load]);

  if (!presence) return null;
  const change = (status: AgentStatus) => {
    setPresence({ ...presence, status });
    void getApi().presence.set({ status }).then(load, load);
  };
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
