/**
 * Alert triage settings (admins): per kind on/off and new alerts per team an hour, the
 * negative-sentiment score and "not while assigned", and "reopen on a low survey score". The
 * whole object is saved at once (PUT /api/v1/admin/alert-settings through the core); the server's
 * refusal is shown word for word. Its own small draft: a fixed form, not a list.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TRIAGE_KINDS, type AlertSettings } from '../../../../shared/alerts';
import { errorCode, errorMessage } from '../../api/client';
import { useAdmin } from './adminSlice';

export function AlertSettingsTab(): React.JSX.Element {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<AlertSettings | null>(null);
  const [draft, setDraft] = useState<AlertSettings | null>(null);
  const [problem, setProblem] = useState<{ code: string; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const fetchSettings = useAdmin((s) => s.fetchAlertSettings);
  const storeSettings = useAdmin((s) => s.storeAlertSettings);

  useEffect(() => {
    fetchSettings()
      .then((settings) => {
        setSaved(settings);
        setDraft(settings);
      })
      .catch((failure: unknown) => setProblem({ code: errorCode(failure), message: errorMessage(failure) }));
  }, [fetchSettings]);

  if (!draft || !saved)
    return (
      <p className="admin-state muted" role="status">
        {problem ? (problem.code === 'offline' ? t('admin.offline') : problem.message) : t('admin.loading')}
      </p>
    );

  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const editKind = <K extends (typeof TRIAGE_KINDS)[number]>(kind: K, change: Partial<AlertSettings[K]>) =>
    setDraft({ ...draft, [kind]: { ...draft[kind], ...change } });
  const save = async () => {
    setSaving(true);
    setProblem(null);
    try {
      const settings = await storeSettings(draft);
      setSaved(settings);
      setDraft(settings);
    } catch (failure) {
      setProblem({ code: errorCode(failure), message: errorMessage(failure) });
    } finally {
      setSaving(false);
    }
  };
  const negative = draft.negative_sentiment;

  return (
    <div className="admin-frame" data-testid="admin-alert-settings">
      <div className="admin-savebar" data-dirty={dirty}>
        <span className={dirty ? 'admin-status is-dirty' : 'admin-status'} role="status">
          {dirty ? t('admin.unsaved') : t('admin.upToDate')}
        </span>
        <span className="row-spacer" />
        <button type="button" className="btn" disabled={!dirty || saving} onClick={() => setDraft(saved)}>
          {t('admin.discard')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!dirty || saving}
          onClick={() => void save()}
          data-testid="admin-alerts-save"
        >
          {saving ? t('admin.saving') : t('admin.save')}
        </button>
      </div>
      {problem && (
        <div className="form-error admin-server-error" role="alert">
          {problem.code === 'offline' ? (
            t('admin.offline')
          ) : (
            <>
              <strong>{t('admin.serverRefused')}:</strong> <span>{problem.message}</span>
            </>
          )}
        </div>
      )}
      <section className="admin-section admin-alerts-body">
        <h2>{t('admin.alerts.heading')}</h2>
        <p className="hint">{t('admin.alerts.help')}</p>
        <table className="admin-alert-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.alerts.kind')}</th>
              <th scope="col">{t('admin.alerts.enabled')}</th>
              <th scope="col">{t('admin.alerts.perHour')}</th>
            </tr>
          </thead>
          <tbody>
            {TRIAGE_KINDS.map((kind) => (
              <tr key={kind}>
                <th scope="row">{t(`live.alerts.kindName.${kind}`)}</th>
                <td>
                  <input
                    type="checkbox"
                    checked={draft[kind].enabled}
                    aria-label={`${t(`live.alerts.kindName.${kind}`)}: ${t('admin.alerts.enabled')}`}
                    onChange={(event) => editKind(kind, { enabled: event.target.checked })}
                    data-testid={`admin-alerts-${kind}-enabled`}
                  />
                </td>
                <td>
                  <input
                    type="number"
                    min={0}
                    max={1000}
                    step={1}
                    value={draft[kind].maxPerTeamPerHour}
                    aria-label={`${t(`live.alerts.kindName.${kind}`)}: ${t('admin.alerts.perHour')}`}
                    onChange={(event) => editKind(kind, { maxPerTeamPerHour: Number(event.target.value) })}
                    data-testid={`admin-alerts-${kind}-per-hour`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">{t('admin.alerts.perHourHelp')}</p>
        <div className="admin-field">
          <label htmlFor="admin-alerts-score">{t('admin.alerts.maxScore')}</label>
          <input
            id="admin-alerts-score"
            type="number"
            min={-1}
            max={0}
            step={0.05}
            value={negative.maxScore}
            onChange={(event) => editKind('negative_sentiment', { maxScore: Number(event.target.value) })}
            data-testid="admin-alerts-max-score"
          />
          <span className="hint">{t('admin.alerts.maxScoreHelp')}</span>
        </div>
        <label className="admin-check">
          <input
            type="checkbox"
            checked={negative.skipWhenAssigned}
            onChange={(event) => editKind('negative_sentiment', { skipWhenAssigned: event.target.checked })}
          />{' '}
          {t('admin.alerts.skipWhenAssigned')}
        </label>
        <label className="admin-check">
          <input
            type="checkbox"
            checked={draft.reopenOnLowSurvey}
            onChange={(event) => setDraft({ ...draft, reopenOnLowSurvey: event.target.checked })}
            data-testid="admin-alerts-reopen"
          />{' '}
          {t('admin.alerts.reopenOnLowSurvey')}
        </label>
      </section>
    </div>
  );
}
