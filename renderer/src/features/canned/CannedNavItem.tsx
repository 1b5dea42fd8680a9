/** The rail entry of the canned-response screen (the inbox entry closes it again). */
import { useTranslation } from 'react-i18next';
import { useCannedStore } from './cannedStore';

export function CannedNavItem(): React.JSX.Element {
  const { t } = useTranslation();
  const open = useCannedStore((s) => s.screenOpen);
  const setOpen = useCannedStore((s) => s.setScreenOpen);
  return (
    <li>
      <button
        type="button"
        className={`nav-item${open ? ' active' : ''}`}
        aria-current={open ? 'page' : undefined}
        data-testid="nav-canned"
        onClick={() => setOpen(true)}
      >
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
          <path d="M4 5h16v11H8l-4 4zM8 9h8M8 12h5" />
        </svg>
        <span>{t('canned.nav')}</span>
      </button>
    </li>
  );
}
