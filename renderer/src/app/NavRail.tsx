import { useTranslation } from 'react-i18next';
import { CannedNavItem } from '../features/canned/CannedNavItem';
import { useCannedStore } from '../features/canned/cannedStore';

/** Left rail. Only the inbox exists today; QA and Live are visible but disabled. */
export function NavRail(): React.JSX.Element {
  const { t } = useTranslation();
  const cannedOpen = useCannedStore((s) => s.screenOpen);
  const closeCanned = useCannedStore((s) => s.setScreenOpen);
  return (
    <nav className="nav-rail" aria-label={t('nav.label')}>
      <div className="nav-logo" aria-hidden="true">
        S
      </div>
      <ul>
        <li>
          <button type="button" className={`nav-item${cannedOpen ? '' : ' active'}`} aria-current={cannedOpen ? undefined : 'page'} data-testid="nav-inbox" onClick={() => closeCanned(false)}>
            <RailIcon path="M3 13h4l2 3h6l2-3h4M5 5h14l2 8v6H3v-6z" />
            <span>{t('nav.inbox')}</span>
          </button>
        </li>
        <CannedNavItem />
        <li>
          <button type="button" className="nav-item" disabled>
            <RailIcon path="M9 12l2 2 4-4M12 3l7 3v6c0 4-3 7-7 9-4-2-7-5-7-9V6z" />
            <span>{t('nav.qa')}</span>
            <span className="nav-soon">{t('nav.comingSoon')}</span>
          </button>
        </li>
        <li>
          <button type="button" className="nav-item" disabled>
            <RailIcon path="M4 19V9M10 19V5M16 19v-7M22 19H2" />
            <span>{t('nav.live')}</span>
            <span className="nav-soon">{t('nav.comingSoon')}</span>
          </button>
        </li>
      </ul>
    </nav>
  );
}

function RailIcon({ path }: { path: string }): React.JSX.Element {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d={path} />
    </svg>
  );
}
