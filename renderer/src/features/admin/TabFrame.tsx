/**
 * What every admin tab has around its editor: loading and load-failure states, the save bar
 * (dirty indicator, Discard, Save with its saving state), the server's refusal word for word, and
 * the problems the shared schemas still find. Saving with field errors shows them instead.
 */
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store';
import { isDirty, useAdmin, type AdminLists, type AdminTab } from './adminSlice';
import { isValid, type Validation } from './validation';

export function TabFrame<K extends AdminTab>(props: {
  tab: K;
  validation: Validation | null;
  children(draft: AdminLists[K], attempted: boolean): React.ReactNode;
}): React.JSX.Element {
  const { t } = useTranslation();
  const { tab, validation } = props;
  const state = useAdmin((s) => s[tab]);
  const { load, save, discard, markAttempted } = useAdmin(
    useShallow((s) => ({ load: s.load, save: s.save, discard: s.discard, markAttempted: s.markAttempted })),
  );
  const pushToast = useAppStore((s) => s.pushToast);
  const dirty = isDirty(state);
  const draft = state.draft as AdminLists[K] | null;

  if (draft === null) {
    return state.loadError ? (
      <div className="admin-state" role="alert">
        <p className="form-error">
          {state.loadError.code === 'offline'
            ? t('admin.offline')
            : t('admin.loadFailed', { message: state.loadError.message })}
        </p>
        <button type="button" className="btn" onClick={() => void load(tab)}>
          {t('admin.retry')}
        </button>
      </div>
    ) : (
      <p className="admin-state muted" role="status">
        {t('admin.loading')}
      </p>
    );
  }

  const blocked = validation !== null && !isValid(validation);
  const onSave = async () => {
    if (blocked) {
      markAttempted(tab);
      return;
    }
    if (await save(tab))
      pushToast({ key: `admin.saved.${tab}`, params: {}, tone: 'info', conversationId: null });
  };
  const onDiscard = () => {
    if (window.confirm(t('admin.confirmDiscard'))) discard(tab);
  };

  return (
    <div className="admin-frame">
      <div className="admin-savebar" data-testid="admin-savebar" data-dirty={dirty}>
        <span
          className={dirty ? 'admin-status is-dirty' : 'admin-status'}
          role="status"
          data-testid="admin-dirty"
        >
          {dirty ? t('admin.unsaved') : t('admin.upToDate')}
        </span>
        <span className="row-spacer" />
        <button
          type="button"
          className="btn"
          disabled={!dirty || state.saving}
          onClick={onDiscard}
          data-testid="admin-discard"
        >
          {t('admin.discard')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!dirty || state.saving}
          aria-busy={state.saving}
          onClick={() => void onSave()}
          data-testid="admin-save"
        >
          {state.saving ? t('admin.saving') : t('admin.save')}
        </button>
      </div>
      {state.serverError && (
        <div className="form-error admin-server-error" role="alert" data-testid="admin-server-error">
          {state.serverError.code === 'offline' ? (
            t('admin.offline')
          ) : (
            <>
              <strong>{t('admin.serverRefused')}:</strong> <span>{state.serverError.message}</span>
            </>
          )}
        </div>
      )}
      {state.attempted && blocked && (
        <div className="form-error" role="alert" data-testid="admin-fix-first">
          <p>{t('admin.fixFirst')}</p>
          {validation.problems.length > 0 && (
            <ul className="admin-problems">
              {validation.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {props.children(draft, state.attempted)}
    </div>
  );
}
