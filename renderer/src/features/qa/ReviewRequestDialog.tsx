/**
 * A lead or admin sends a finished conversation for quality review: to one reviewer (an ordinary
 * review), or to several at once for a calibration, where each scores it blind and the spread is
 * compared afterwards. Reviewers, leads and admins can be picked; the server refuses anyone who
 * took part in the conversation (the refusal comes back as a toast, the conversation stays as is).
 * Native modal dialog, like the transfer.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { MAX_CALIBRATION_REVIEWERS } from '../../../../shared/qa';
import { errorCode, errorMessage } from '../../api/client';
import { useAppStore } from '../../store';

interface Props {
  conversationId: string;
  onClose(): void;
}

export function ReviewRequestDialog({ conversationId, onClose }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const { directory, loadDirectory, pushToast, requestReview } = useAppStore(
    useShallow((s) => ({
      directory: s.directory,
      loadDirectory: s.loadDirectory,
      pushToast: s.pushToast,
      requestReview: s.qa.requestReview,
    })),
  );
  const [picked, setPicked] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    if (!directory) void loadDirectory();
  }, [directory, loadDirectory]);

  const reviewers = directory?.agents.filter((agent) => agent.role !== 'agent') ?? [];
  const calibration = picked.length >= 2;
  const toggle = (agentId: string) =>
    setPicked((current) => (current.includes(agentId) ? current.filter((one) => one !== agentId) : [...current, agentId]));

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const sent = await requestReview(conversationId, picked, reason);
      pushToast(
        sent === 'calibration'
          ? { key: 'qa.request.calibrationStarted', params: { count: picked.length }, tone: 'info', conversationId: null }
          : { key: 'qa.request.sent', params: {}, tone: 'info', conversationId: null },
      );
      ref.current?.close();
    } catch (failure) {
      setError(errorCode(failure) === 'no_scorecard' ? t('qa.request.noScorecard') : errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose} data-testid="review-request-dialog">
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <h2 id={`${id}-title`}>{t('qa.request.title')}</h2>
        <p className="qa-muted">{t('qa.request.help', { max: MAX_CALIBRATION_REVIEWERS })}</p>
        {!directory ? (
          <p role="status">{t('transfer.loading')}</p>
        ) : (
          <fieldset className="qa-request-reviewers">
            <legend>{t('qa.request.reviewers')}</legend>
            {reviewers.map((agent) => (
              <label key={agent.id} className="qa-request-reviewer">
                <input
                  type="checkbox"
                  checked={picked.includes(agent.id)}
                  disabled={!picked.includes(agent.id) && picked.length >= MAX_CALIBRATION_REVIEWERS}
                  onChange={() => toggle(agent.id)}
                  data-testid="review-request-reviewer"
                  data-agent={agent.id}
                />
                {agent.name} <span className="qa-muted">{t(`role.${agent.role}`)}</span>
              </label>
            ))}
          </fieldset>
        )}
        {!calibration && (
          <label className="field">
            <span>{t('qa.request.reason')}</span>
            <input value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
          </label>
        )}
        <p className="qa-muted" data-testid="review-request-mode">
          {picked.length === 0
            ? t('qa.request.pickOne')
            : calibration
              ? t('qa.request.asCalibration', { count: picked.length })
              : t('qa.request.asReview')}
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn btn-ghost" onClick={() => ref.current?.close()}>
            {t('transfer.cancel')}
          </button>
          <button
            type="submit"
            className="btn btn-primary"
            disabled={!directory || picked.length === 0 || busy}
            data-testid="review-request-submit"
          >
            {calibration ? t('qa.request.startCalibration') : t('qa.request.send')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
