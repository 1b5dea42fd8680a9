/**
 * One agent in a team card: status (a lead may change it: away stops routing to them, available
 * starts it again) and for how long, load / capacity per channel, today's handled conversations and
 * median first reply, inline capacity editing, and (opened below the row) the conversations the
 * agent holds, with the lead's take over / reassign / note actions.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Capacity, TeamRoutingView } from '../../../../shared/contracts/routing';
import { AGENT_STATUSES, CHANNELS, type AgentStatus } from '../../../../shared/domain/model';
import { AgentConversations } from './AgentConversations';
import { formatAgo } from './format';
import { formatSeconds } from '../kpi/format';
import type { KpiFigures } from '../../../../shared/contracts/kpiReport';
import { useNow } from '../../app/useNow';
import { errorMessage } from '../../api/client';
import { useAppStore } from '../../store';
import '../presence/presence.css';

type AgentView = TeamRoutingView['agents'][number];

export function AgentLoadRow({
  agent,
  teammates,
  today,
  onSaved,
}: {
  agent: AgentView;
  /** The team's agents (a held conversation can go to one of them). */
  teammates: readonly AgentView[];
  /** The agent's row of today's KPI report (null: nothing today, or the report is not here). */
  today: KpiFigures | null;
  onSaved(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Capacity | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [showHeld, setShowHeld] = useState(false);
  const setCapacity = useAppStore((s) => s.live.setCapacity);
  const setAgentStatus = useAppStore((s) => s.live.setAgentStatus);
  const language = useAppStore((s) => s.language);
  const now = useNow();
  const changeStatus = async (status: AgentStatus) => {
    try {
      await setAgentStatus({ agentId: agent.id, status });
      setProblem(null);
      onSaved();
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  // Channels the agent holds or may hold, so "voice 0/0" does not clutter the row.
  const channels = CHANNELS.filter((channel) => agent.capacity[channel] > 0 || agent.load[channel] > 0);
  const holding = CHANNELS.reduce((sum, channel) => sum + agent.load[channel], 0);
  const heldId = `live-held-${agent.id}`;

  const save = async () => {
    if (!draft) return;
    try {
      await setCapacity({ agentId: agent.id, capacity: draft });
      setDraft(null);
      setProblem(null);
      onSaved();
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };

  return (
    <>
      <tr data-testid="live-agent" data-agent-id={agent.id}>
        <th scope="row">
          <div>{agent.name}</div>
          <button
            type="button"
            className="btn btn-small btn-ghost live-held-toggle"
            aria-expanded={showHeld}
            aria-controls={heldId}
            onClick={() => setShowHeld(!showHeld)}
            data-testid="live-agent-held-toggle"
          >
            {t('live.board.conversations', { count: holding })}
          </button>
        </th>
        <td className="live-status">
          <span className={`presence-dot presence-${agent.status}`} aria-hidden="true" />{' '}
          <select
            className="select"
            value={agent.status}
            aria-label={t('live.queues.statusOf', { name: agent.name })}
            onChange={(e) => void changeStatus(e.target.value as AgentStatus)}
            data-testid="live-agent-status"
          >
            {AGENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`presence.status.${status}`)}
              </option>
            ))}
          </select>
          {agent.statusSince && (
            <span className="muted small" data-testid="live-agent-since">
              {' '}
              {t('live.queues.since', {
                ago: formatAgo(agent.statusSince, now, language, t('live.queues.justNow')),
              })}
            </span>
          )}
          {problem && !draft && (
            <span className="form-error small" role="alert">
              {' '}
              {problem}
            </span>
          )}
        </td>
        <td>
          {draft ? (
            <form
              className="live-capacity-form"
              onSubmit={(e) => {
                e.preventDefault();
                void save();
              }}
            >
              {CHANNELS.map((channel) => (
                <label key={channel}>
                  <span>{t(`channel.${channel}`)}</span>
                  <input
                    type="number"
                    min={0}
                    max={100}
                    value={draft[channel]}
                    aria-label={t('live.queues.capacityOf', { channel: t(`channel.${channel}`) })}
                    onChange={(e) =>
                      setDraft({
                        ...draft,
                        [channel]: Math.max(0, Math.min(100, Math.round(Number(e.target.value) || 0))),
                      })
                    }
                  />
                </label>
              ))}
              <button type="submit" className="btn btn-small btn-primary">
                {t('live.queues.save')}
              </button>
              <button type="button" className="btn btn-small" onClick={() => setDraft(null)}>
                {t('live.queues.cancel')}
              </button>
              {problem && (
                <span className="form-error small" role="alert">
                  {problem}
                </span>
              )}
            </form>
          ) : (
            <ul className="live-load">
              {channels.map((channel) => (
                <li
                  key={channel}
                  className={
                    agent.load[channel] >= agent.capacity[channel] && agent.capacity[channel] > 0
                      ? 'is-full'
                      : undefined
                  }
                >
                  {t(`channel.${channel}`)} {agent.load[channel]}/{agent.capacity[channel]}
                </li>
              ))}
            </ul>
          )}
        </td>
        <td className="live-today" data-testid="live-agent-today">
          {today
            ? t('live.queues.todayFigures', {
                handled: today.handled,
                firstResponse: formatSeconds(today.firstResponse.medianSec, language),
              })
            : '—'}
        </td>
        <td className="live-agent-actions">
          {!draft && (
            <>
              <button
                type="button"
                className="btn btn-small btn-ghost"
                onClick={() => setDraft({ ...agent.capacity })}
                aria-label={t('live.queues.editCapacityOf', { name: agent.name })}
              >
                {t('live.queues.editCapacity')}
              </button>
            </>
          )}
        </td>
      </tr>
      {showHeld && (
        <tr
          className="live-agent-held-row"
          id={heldId}
          data-testid="live-agent-held"
          data-agent-id={agent.id}
        >
          <td colSpan={5}>
            <AgentConversations agent={agent} teammates={teammates} holding={holding} onChanged={onSaved} />
          </td>
        </tr>
      )}
    </>
  );
}
