/** Create or edit one canned response. The core and the server validate again; this only guides. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CannedListItem } from '../../../../shared/contracts/canned';
import { CANNED_LANGUAGES, MAX_CANNED_BODY_CHARS, type CannedFieldsInput } from '../../../../shared/canned/model';
import { KNOWN_VARIABLES } from '../../../../shared/canned/variables';
import type { Agent, Team } from '../../../../shared/domain/model';
import { errorMessage } from '../../api/client';
import { useAppStore } from '../../store';

const VARIABLE_EXAMPLES = [...KNOWN_VARIABLES.map((name) => `{{${name}}}`), '{{contact.attributes.order_id}}', '{{contact.name | "您好"}}', '{{prompt:订单号}}'];

export function CannedForm({
  editing,
  agent,
  teams,
  onDone,
}: {
  editing: CannedListItem | null;
  agent: Agent;
  teams: Team[];
  onDone(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const uiLanguage = useAppStore((s) => s.language);
  const saveResponse = useAppStore((s) => s.canned.save);
  const leadTeams = agent.role === 'admin' ? teams : agent.role === 'lead' ? teams.filter((team) => agent.teamIds.includes(team.id)) : [];
  const [fields, setFields] = useState<CannedFieldsInput>(() =>
    editing
      ? {
          scope: editing.scope,
          teamId: editing.teamId,
          folder: editing.folder,
          title: editing.title,
          shortcut: editing.shortcut,
          body: editing.body,
          language: editing.language,
          tags: editing.tags,
        }
      : { scope: 'personal', teamId: null, folder: '', title: '', shortcut: '', body: '', language: uiLanguage === 'zh-CN' ? 'zh-CN' : 'en', tags: [] },
  );
  const [tags, setTags] = useState(() => fields.tags.join('; '));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<CannedFieldsInput>) => setFields((prev) => ({ ...prev, ...patch }));

  const save = async () => {
    setBusy(true);
    setError(null);
    const input = {
      ...fields,
      teamId: fields.scope === 'team' ? (fields.teamId ?? leadTeams[0]?.id ?? null) : null,
      tags: tags.split(/[;；]/).map((tag) => tag.trim()).filter(Boolean),
    };
    try {
      await saveResponse(input, editing?.id);
      onDone();
    } catch (failure) {
      setError(t('canned.saveFailed', { message: errorMessage(failure) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="canned-form"
      data-testid="canned-form"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label>
        <span>{t('canned.fields.title')}</span>
        <input required maxLength={200} value={fields.title} onChange={(e) => set({ title: e.target.value })} data-testid="canned-field-title" />
      </label>
      <label>
        <span>{t('canned.fields.shortcut')}</span>
        <input required maxLength={41} value={fields.shortcut} placeholder="/refund" onChange={(e) => set({ shortcut: e.target.value })} data-testid="canned-field-shortcut" />
      </label>
      <label>
        <span>{t('canned.fields.language')}</span>
        <select value={fields.language} onChange={(e) => set({ language: e.target.value as CannedFieldsInput['language'] })}>
          {CANNED_LANGUAGES.map((language) => (
            <option key={language} value={language}>
              {t(`canned.languages.${language}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('canned.fields.scope')}</span>
        <select
          value={fields.scope === 'team' ? `team:${fields.teamId ?? ''}` : 'personal'}
          onChange={(e) =>
            e.target.value === 'personal'
              ? set({ scope: 'personal', teamId: null })
              : set({ scope: 'team', teamId: e.target.value.slice('team:'.length) })
          }
          data-testid="canned-field-scope"
        >
          <option value="personal">{t('canned.scopePersonal')}</option>
          {leadTeams.map((team) => (
            <option key={team.id} value={`team:${team.id}`}>
              {t('canned.scopeTeam')} · {team.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('canned.fields.folder')}</span>
        <input maxLength={100} value={fields.folder} onChange={(e) => set({ folder: e.target.value })} />
      </label>
      <label>
        <span>{t('canned.fields.tags')}</span>
        <input value={tags} onChange={(e) => setTags(e.target.value)} />
      </label>
      <label className="wide">
        <span>{t('canned.fields.body')}</span>
        <textarea required rows={5} maxLength={MAX_CANNED_BODY_CHARS} value={fields.body} onChange={(e) => set({ body: e.target.value })} data-testid="canned-field-body" />
      </label>
      <p className="wide muted small">
        {t('canned.variablesHelp')} <code>{VARIABLE_EXAMPLES.join('  ')}</code>
      </p>
      {error && (
        <p className="wide form-error" role="alert">
          {error}
        </p>
      )}
      <div className="wide canned-prompt-actions">
        <button type="button" className="btn" onClick={onDone}>
          {t('canned.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="canned-save">
          {t('canned.save')}
        </button>
      </div>
    </form>
  );
}
