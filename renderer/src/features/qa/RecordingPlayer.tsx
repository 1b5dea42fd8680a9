/**
 * The call's recording in the review: loaded on demand (a recording is megabytes), with the share
 * read so far, then an ordinary audio player over a local blob. A recording the server cannot
 * get says why (offline, not enabled for its provider, gone) and offers to try again.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client';
import { useAppStore } from '../../store';

type State =
  | { step: 'idle' }
  | { step: 'loading'; share: number }
  | { step: 'ready'; url: string }
  | { step: 'failed'; message: string };

export function RecordingPlayer({ messageId }: { messageId: string }): React.JSX.Element {
  const { t } = useTranslation();
  const recording = useAppStore((s) => s.qa.recording);
  const [state, setState] = useState<State>({ step: 'idle' });
  const url = state.step === 'ready' ? state.url : null;
  useEffect(() => (url ? () => URL.revokeObjectURL(url) : undefined), [url]);

  const load = async () => {
    setState({ step: 'loading', share: 0 });
    try {
      const blob = await recording(messageId, (share) => setState({ step: 'loading', share }));
      setState({ step: 'ready', url: URL.createObjectURL(blob) });
    } catch (error) {
      setState({ step: 'failed', message: errorMessage(error) });
    }
  };

  if (state.step === 'ready')
    return (
      <audio className="qa-recording-audio" controls autoPlay src={state.url} data-testid="qa-recording-audio">
        {t('qa.recording.unsupported')}
      </audio>
    );
  return (
    <span className="qa-recording" data-testid="qa-recording">
      {state.step === 'loading' ? (
        <span role="status" className="qa-muted">
          {t('qa.recording.loading', { percent: Math.round(state.share * 100) })}
        </span>
      ) : (
        <button
          type="button"
          className="btn btn-small qa-recording-play"
          onClick={() => void load()}
          aria-keyshortcuts="p"
          data-testid="qa-recording-play"
        >
          {state.step === 'failed' ? t('qa.recording.retry') : t('qa.recording.play')}
        </button>
      )}
      {state.step === 'failed' && (
        <span className="form-error small" role="alert">
          {' '}
          {t('qa.recording.failed', { message: state.message })}
        </span>
      )}
    </span>
  );
}
