import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';

/** Toasts live in a polite live region so screen readers announce them without stealing focus. */
export function Toasts(): React.JSX.Element {
  const { t } = useTranslation();
  const { toasts, dismissToast, openConversation } = useAppStore(
    useShallow((s) => ({
      toasts: s.toasts,
      dismissToast: s.dismissToast,
      openConversation: s.openConversation,
    })),
  );
  return (
    <div className="toasts" role="region" aria-label={t('toast.region')}>
      <div aria-live="polite" aria-atomic="false" className="toasts-live">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.tone}`} data-testid="toast" role="status">
            <span className="toast-text">
              {t(toast.key, toast.params)}
              {toast.more ? (
                <span className="toast-more"> {t('toast.andMore', { count: toast.more })}</span>
              ) : null}
            </span>
            {toast.key === 'toast.assignedToMe' && toast.conversationId && (
              <button
                type="button"
                className="btn btn-small"
                onClick={() => {
                  openConversation(toast.conversationId!);
                  dismissToast(toast.id);
                }}
              >
                {t('toast.open')}
              </button>
            )}
            <button
              type="button"
              className="btn btn-ghost btn-small"
              aria-label={t('toast.dismiss')}
              onClick={() => dismissToast(toast.id)}
            >
              ×
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}
