import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store';
import { useLanguage } from '../common/useLanguage';

interface Props {
  currentTeamId: string;
  onClose(): void;
}

/** Transfer to another team (skill group), optionally to one agent in it. Native modal dialog. */
export function TransferDialog({ currentTeamId, onClose }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const language = useLanguage();
  const ref = useRef<HTMLDialogElement>(null);
  const { directory, loadDirectory, transfer } = useAppStore(
    useShallow((s) => ({ directory: s.directory, loadDirectory: s.loadDirectory, transfer: s.transfer })),
  );
  const [teamId, setTeamId] = useState(currentTeamId);
  const [agentId, setAgentId] = useState('');

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    if (!directory) void loadDirectory();
  }, [directory, loadDirectory]);

  const agents = directory?.agents.filter((agent) => agent.teamIds.includes(teamId) && agent.role !== 'reviewer') ?? [];

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose} data-testid="transfer-dialog">
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void transfer(teamId, agentId || null);
          ref.current?.close();
        }}
      >
        <h2 id={`${id}-title`}>{t('transfer.title')}</h2>
        {!directory ? (
          <p role="status">{t('transfer.loading')}</p>
        ) : (
          <>
            <label className="field">
              <span>{t('transfer.team')}</span>
              <select
                className="select"
                value={teamId}
                data-testid="transfer-team"
                onChange={(e) => {
                  setTeamId(e.target.value);
                  setAgentId('');
                }}
              >
                {directory.teams.map((team) => (
                  <option key={team.id} value={team.id}>
                    {language === 'zh-CN' ? team.name : team.nameEn}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t('transfer.agent')}</span>
              <select className="select" value={agentId} data-testid="transfer-agent" onChange={(e) => setAgentId(e.target.value)}>
                <option value="">{t('transfer.anyAgent')}</option>
                {agents.map((agent) => (
                  <option key={agent.id} value={agent.id}>
                    {agent.name}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn btn-ghost" onClick={() => ref.current?.close()}>
            {t('transfer.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!directory} data-testid="transfer-submit">
            {t('transfer.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
