import { useTranslation } from 'react-i18next';
import { LoginScreen } from '../features/login/LoginScreen';
import { useAppStore } from '../store';
import { AppShell } from './AppShell';
import { PopOutConversation } from './PopOutConversation';
import { poppedOutConversation } from './popOut';

/** Routes by session state: checking → login → the workstation (or one popped-out conversation). */
export function App(): React.JSX.Element {
  const phase = useAppStore((s) => s.sessionPhase);
  const { t } = useTranslation();
  if (phase === 'loading') {
    return (
      <div className="splash" role="status">
        {t('app.loading')}
      </div>
    );
  }
  if (phase !== 'signedIn') return <LoginScreen />;
  const poppedOut = poppedOutConversation(location.hash);
  return poppedOut ? <PopOutConversation conversationId={poppedOut} /> : <AppShell />;
}
