import { useTranslation } from 'react-i18next';
import { LoginScreen } from '../features/login/LoginScreen';
import { useAppStore } from '../store';
import { AppShell } from './AppShell';

/** Routes by session state: checking → login → the workstation. */
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
  return phase === 'signedIn' ? <AppShell /> : <LoginScreen />;
}
