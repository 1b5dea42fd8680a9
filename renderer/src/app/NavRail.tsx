import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';
import { screensFor, visibleScreen, type ScreenEntry } from './screens';

/** Left rail: the screens the signed-in role may open (screens.tsx). */
export function NavRail(): React.JSX.Element {
  const { t } = useTranslation();
  const chosen = useAppStore((s) => s.screen);
  const setScreen = useAppStore((s) => s.setScreen);
  const role = useAppStore((s) => s.session?.agent.role);
  const active = visibleScreen(chosen, role).id;
  return (
    <nav className="nav-rail" aria-label={t('nav.label')}>
      <div className="nav-logo" aria-hidden="true">
        S
      </div>
      <ul>
        {screensFor(role).map((screen) => (
          <li key={screen.id}>
            <button
              type="button"
              className={`nav-item${screen.id === active ? ' active' : ''}`}
              aria-current={screen.id === active ? 'page' : undefined}
              data-testid={`nav-${screen.id}`}
              onClick={() => setScreen(screen.id)}
            >
              <RailIcon path={screen.icon} />
              <span>{t(screen.labelKey)}</span>
              {screen.useBadge && <RailBadge useCount={screen.useBadge} labelKey={screen.badgeLabelKey} />}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Its own component so the screen's count hook runs unconditionally here. */
function RailBadge({ useCount, labelKey }: { useCount: NonNullable<ScreenEntry['useBadge']>; labelKey?: string }): React.JSX.Element | null {
  const { t } = useTranslation();
  const count = useCount();
  if (count === 0) return null;
  return (
    <span className="nav-badge" data-testid="nav-badge" aria-label={labelKey ? t(labelKey, { count }) : undefined}>
      {count > 99 ? '99+' : count}
    </span>
  );
}

function RailIcon({ path }: { path: string }): React.JSX.Element {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d={path} />
    </svg>
  );
}
