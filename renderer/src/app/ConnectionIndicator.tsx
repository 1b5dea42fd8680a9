import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';

/** online / syncing / offline, plus how many local changes still wait for the server. */
export function ConnectionIndicator(): React.JSX.Element {
  const { t } = useTranslation();
  const { state, pending, lastError } = useAppStore(
    useShallow((s) => ({ state: s.sync?.state ?? 'offline', pending: s.sync?.pending ?? 0, lastError: s.sync?.lastError ?? null })),
  );
  const label = t(`connection.${state}`);
  return (
    <div
      className={`connection connection-${state}`}
      data-testid="connection-indicator"
      data-state={state}
      role="status"
      aria-label={`${t('connection.label')}: ${label}`}
      title={lastError ? t('connection.lastError', { message: lastError }) : undefined}
    >
      <span className="connection-dot" aria-hidden="true" />
      <span>{label}</span>
      {pending > 0 && <span className="connection-pending">· {t('connection.pending', { count: pending })}</span>}
    </div>
  );
}
