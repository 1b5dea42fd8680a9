/**
 * What one agent holds now, under their row on the agent board: the customer, channel, how long
 * they have waited and when the next SLA target falls due. From here a lead opens a conversation,
 * takes it over, hands it to a teammate, or leaves an internal note the customer never sees.
 * Read from the cache (works offline); the actions queue like any other write.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentConversation } from '../../../../shared/contracts/alerts';
import type { TeamRoutingView } from '../../../../shared/contracts/routing';
import { MAX_MESSAGE_CHARS } from '../../../../shared/domain/limits';
import { errorMessage } from '../../api/client';
import { useNow } from '../../app/useNow';
import { formatWaiting } from '../../lib/time';
import { useAppStore } from '../../store';
import { isComposingKey } from '../common/ime';

type AgentView = TeamRoutingView['agents'][number];

export function AgentConversations({
  agent,
  teammates,
  holding,
  onChanged,
}: {
  agent: AgentView;
  /** The team's agents: whom a conversation can go to. */
  teammates: readonly AgentView[];
  /** How many the server says the agent holds: a change reloads the list. */
  holding: number;
  onChanged(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const load = useAppStore((s) => s.live.agentConversations);
  const [rows, setRows] = useState<AgentConversation[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const reload = useCallback(() => {
    load(agent.id).then(
      (next) => {
        setRows(next);
        setProblem(null);
      },
      (error: unknown) => setProblem(errorMessage(error)),
    );
  }, [agent.id, load]);
  useEffect(reload, [reload, holding]);

  const changed = () => {
    reload();
    onChanged();
  };

  if (problem) {
    return (
      <p className="form-error small" role="alert">
        {problem}
      </p>
    );
  }
  if (!rows) return <p className="muted small">{t('live.board.loading')}</p>;
  if (rows.length === 0) return <p className="muted small">{t('live.board.none', { name: agent.name })}</p>;
  return (
    <ul className="live-agent-conversations" aria-label={t('live.board.holding', { name: agent.name })}>
      {rows.map((row) => (
        <HeldConversation
          key={row.id}
          row={row}
          holder={agent}
          teammates={teammates.filter((mate) => mate.id !== agent.id)}
          onChanged={changed}
        />
      ))}
    </ul>
  );
}

function HeldConversation({
  row,
  holder,
  teammates,
  onChanged,
}: {
  row: AgentConversation;
  holder: AgentView;
  teammates: readonly AgentView[];
  onChanged(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const now = useNow();
  const language = useAppStore((s) => s.language);
  const me = useAppStore((s) => s.session?.agent.id);
  const { assignToMe, reassign, leaveNote } = useAppStore((s) => s.live);
  const openConversation = useAppStore((s) => s.openConversation);
  const setScreen = useAppStore((s) => s.setScreen);
  const pushToast = useAppStore((s) => s.pushToast);
  const [note, setNote] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const contact = row.contactName ?? t('live.board.unknownCustomer');

  const run = async (work: () => Promise<void>, done: { key: string; params?: Record<string, string> }) => {
    try {
      await work();
      setProblem(null);
      pushToast({ key: done.key, params: done.params ?? {}, tone: 'info', conversationId: row.id });
      onChanged();
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  const openIt = () => {
    setScreen('inbox');
    openConversation(row.id);
  };
  const saveNote = async () => {
    const text = note?.trim();
    if (!text) return;
    await run(() => leaveNote(row.id, text), { key: 'live.board.noteLeft', params: { name: contact } });
    setNote(null);
  };
  const overdue = row.slaDueAt !== null && Date.parse(row.slaDueAt) <= now;

  return (
    <li className="live-held" data-testid="live-held" data-conversation-id={row.id}>
      <div className="live-held-head">
        <button
          type="button"
          className="live-alert-contact"
          onClick={openIt}
          title={t('live.board.open', { name: contact })}
        >
          {contact}
        </button>
        {row.vip && <span className="badge vip">{t('live.board.vip')}</span>}
        <span className="muted small">
          {t(`channel.${row.channel}`)} · {t(`status.${row.status}`)}
        </span>
        {row.waitingSince && (
          <span className="small" data-testid="live-held-waiting">
            {t('live.board.waiting', { wait: formatWaiting(now - Date.parse(row.waitingSince), language) })}
          </span>
        )}
        {row.slaDueAt && (
          <span className={`small${overdue ? ' live-hot' : ''}`}>
            {overdue
              ? t('live.board.overdue', { by: formatWaiting(now - Date.parse(row.slaDueAt), language) })
              : t('live.board.due', { in: formatWaiting(Date.parse(row.slaDueAt) - now, language) })}
          </span>
        )}
      </div>
      <p className="live-held-preview muted small">{row.subject ?? row.lastMessagePreview}</p>
      <div className="live-held-actions">
        <button type="button" className="btn btn-small" onClick={openIt} data-testid="live-held-open">
          {t('live.board.openConversation')}
        </button>
        {me && me !== holder.id && (
          <button
            type="button"
            className="btn btn-small"
            data-testid="live-held-take-over"
            onClick={() =>
              void run(() => assignToMe(row.id), { key: 'live.board.tookOver', params: { name: contact } })
            }
          >
            {t('live.board.takeOver')}
          </button>
        )}
        {teammates.length > 0 && (
          <select
            className="select"
            value=""
            aria-label={t('live.board.reassignTo', { name: contact })}
            data-testid="live-held-reassign"
            onChange={(e) => {
              const mate = teammates.find((candidate) => candidate.id === e.target.value);
              if (mate)
                void run(() => reassign(row.id, mate.id), {
                  key: 'live.board.reassigned',
                  params: { name: contact, agent: mate.name },
                });
            }}
          >
            <option value="">{t('live.board.reassign')}</option>
            {teammates.map((mate) => (
              <option key={mate.id} value={mate.id}>
                {t('live.board.teammate', { name: mate.name, status: t(`presence.status.${mate.status}`) })}
              </option>
            ))}
          </select>
        )}
        {note === null && (
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={() => setNote('')}
            data-testid="live-held-note"
          >
            {t('live.board.note')}
          </button>
        )}
      </div>
      {note !== null && (
        <form
          className="live-held-note"
          onSubmit={(e) => {
            e.preventDefault();
            void saveNote();
          }}
        >
          <textarea
            className="input"
            rows={2}
            maxLength={MAX_MESSAGE_CHARS}
            value={note}
            autoFocus
            aria-label={t('live.board.noteFor', { name: contact })}
            placeholder={t('live.board.notePlaceholder')}
            onChange={(e) => setNote(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setNote(null);
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !isComposingKey(e)) {
                e.preventDefault();
                void saveNote();
              }
            }}
            data-testid="live-held-note-input"
          />
          <button type="submit" className="btn btn-small btn-primary" disabled={!note.trim()}>
            {t('live.board.saveNote')}
          </button>
          <button type="button" className="btn btn-small" onClick={() => setNote(null)}>
            {t('live.queues.cancel')}
          </button>
        </form>
      )}
      {problem && (
        <p className="form-error small" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}
