/** The conversations whose alerts are muted (from the server), each with Unmute. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useNow } from '../../app/useNow';
import { formatTimestamp } from '../../lib/time';
import { useAppStore } from '../../store';

export function AlertMutes(): React.JSX.Element {
  const { t } = useTranslation();
  const now = useNow();
  const language = useAppStore((s) => s.language);
  const { mutes, mutesError, loadMutes, unmute } = useAppStore((s) => s.live);
  const alerts = useAppStore((s) => s.live.alerts);
  const pushToast = useAppStore((s) => s.pushToast);
  useEffect(() => void loadMutes(), [loadMutes]);
  const nameOf = (conversationId: string) =>
    alerts.find((item) => item.alert.conversationId === conversationId)?.contactName ?? t('live.alerts.unknownContact');

  return (
    <section className="live-alert-box" aria-labelledby="live-mutes-title" data-testid="live-mutes">
      <h3 id="live-mutes-title" className="live-subtitle">
        {t('live.alerts.muted.title')}
      </h3>
      {mutesError && <p className="muted small">{t('live.alerts.muted.unavailable', { message: mutesError })}</p>}
      {!mutesError && mutes.length === 0 && <p className="muted small">{t('live.alerts.muted.none')}</p>}
      {mutes.length > 0 && (
        <ul className="live-mute-list">
          {mutes.map((mute) => (
            <li key={mute.conversationId} data-testid="live-mute" data-conversation-id={mute.conversationId}>
              <span>
                {nameOf(mute.conversationId)}{' '}
                <span className="muted small">
                  {mute.until
                    ? t('live.alerts.muted.until', { time: formatTimestamp(mute.until, now, language) })
                    : t('live.alerts.muted.untilUnmuted')}
                </span>
              </span>
              <button
                type="button"
                className="btn btn-small"
                data-testid="live-unmute"
                onClick={() =>
                  void unmute(mute.conversationId).catch((error: unknown) =>
                    pushToast({ key: 'toast.rejectedOther', params: { message: errorMessage(error) }, tone: 'warning', conversationId: null }),
                  )
                }
              >
                {t('live.alerts.muted.unmute')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
