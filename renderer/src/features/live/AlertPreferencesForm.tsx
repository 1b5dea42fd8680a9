/** The lead's choice per alert kind: a toast and desktop notification for new ones, and their sound. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ALERT_KINDS } from '../../../../shared/contracts/sla';
import { useAppStore } from '../../store';

export function AlertPreferencesForm(): React.JSX.Element {
  const { t } = useTranslation();
  const { preferences, loadPreferences, setPreferences } = useAppStore((s) => s.live);
  useEffect(() => void loadPreferences(), [loadPreferences]);

  return (
    <section className="live-alert-box" aria-labelledby="live-prefs-title" data-testid="live-alert-preferences">
      <h3 id="live-prefs-title" className="live-subtitle">
        {t('live.alerts.prefs.title')}
      </h3>
      <table className="live-table live-prefs">
        <thead>
          <tr>
            <th scope="col">{t('live.alerts.prefs.kind')}</th>
            <th scope="col">{t('live.alerts.prefs.notify')}</th>
            <th scope="col">{t('live.alerts.prefs.sound')}</th>
          </tr>
        </thead>
        <tbody>
          {ALERT_KINDS.map((kind) => (
            <tr key={kind}>
              <th scope="row">{t(`live.alerts.kindName.${kind}`)}</th>
              {(['notify', 'sound'] as const).map((field) => (
                <td key={field}>
                  <input
                    type="checkbox"
                    checked={preferences[kind][field]}
                    disabled={field === 'sound' && !preferences[kind].notify}
                    aria-label={`${t(`live.alerts.kindName.${kind}`)}: ${t(`live.alerts.prefs.${field}`)}`}
                    data-testid={`live-pref-${kind}-${field}`}
                    onChange={(event) =>
                      void setPreferences({ ...preferences, [kind]: { ...preferences[kind], [field]: event.target.checked } })
                    }
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('live.alerts.prefs.hint')}</p>
    </section>
  );
}
