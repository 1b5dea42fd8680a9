import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { isUiLanguage } from '../i18n/language';
import { useAppStore } from '../store';
import { ConnectionIndicator } from './ConnectionIndicator';
import { visibleScreen } from './screens';
import { PresenceSelector } from '../features/presence/PresenceSelector';

export function TopBar(): React.JSX.Element {
  const { t } = useTranslation();
  const { agent, language, theme, setLanguage, setTheme, logout, setShortcutsOpen } = useAppStore(
    useShallow((s) => ({
      agent: s.session?.agent ?? null,
      language: s.language,
      theme: s.theme,
      setLanguage: s.setLanguage,
      setTheme: s.setTheme,
      logout: s.logout,
      setShortcutsOpen: s.setShortcutsOpen,
    })),
  );
  // The title names the screen on show (the rail's label), not always the inbox.
  const titleKey = useAppStore((s) => visibleScreen(s.screen, s.session?.agent.role).labelKey);
  return (
    <header className="top-bar">
      <h1 className="top-title">{t(titleKey)}</h1>
      <ConnectionIndicator />
      <div className="top-spacer" />
      {agent && agent.role !== 'reviewer' && <PresenceSelector />}
      <button type="button" className="btn btn-ghost btn-icon" onClick={() => setShortcutsOpen(true)} aria-label={t('topbar.shortcuts')} title={t('topbar.shortcuts')}>
        ?
      </button>
      <label className="visually-hidden" htmlFor="language-switch">
        {t('topbar.language')}
      </label>
      <select
        id="language-switch"
        className="select select-compact"
        data-testid="language-switch"
        value={language}
        onChange={(e) => {
          if (isUiLanguage(e.target.value)) setLanguage(e.target.value);
        }}
      >
        <option value="zh-CN" lang="zh-CN">
          中文
        </option>
        <option value="en" lang="en">
          English
        </option>
      </select>
      <button
        type="button"
        className="btn btn-ghost"
        data-testid="theme-switch"
        aria-pressed={theme === 'dark'}
        onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
      >
        {theme === 'dark' ? t('topbar.themeToLight') : t('topbar.themeToDark')}
      </button>
      {agent && (
        <div className="agent-chip" title={t('topbar.signedInAs', { name: agent.name })} data-testid="signed-in-agent" data-email={agent.email}>
          <span className="avatar" aria-hidden="true">
            {agent.name.slice(0, 1)}
          </span>
          <span className="agent-text">
            <span className="agent-name">{agent.name}</span>
            <span className="agent-role">{t(`role.${agent.role}`)}</span>
          </span>
        </div>
      )}
      <button type="button" className="btn btn-ghost" data-testid="sign-out" onClick={() => void logout()}>
        {t('topbar.signOut')}
      </button>
    </header>
  );
}
