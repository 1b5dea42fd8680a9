import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { errorCode, errorMessage } from '../../api/client';
import { isUiLanguage } from '../../i18n/language';
import { useAppStore } from '../../store';

/** Maps a failed session.login to the sentence the agent reads. */
function loginErrorKey(code: string): string | null {
  if (code === 'unauthorized') return 'login.errorUnauthorized';
  if (code === 'offline') return 'login.errorOffline';
  if (code === 'invalid' || code === 'too_large') return 'login.errorInvalid';
  return null;
}

export function LoginScreen(): React.JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const { login, endedReason, language, setLanguage } = useAppStore(
    useShallow((s) => ({ login: s.login, endedReason: s.sessionEndedReason, language: s.language, setLanguage: s.setLanguage })),
  );
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [serverUrl, setServerUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const url = serverUrl.trim();
      await login({ email: email.trim(), password, ...(url ? { serverUrl: url } : {}) });
    } catch (failure) {
      const key = loginErrorKey(errorCode(failure));
      setError(key ? t(key) : t('login.errorGeneric', { message: errorMessage(failure) }));
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <form className="login-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
        <div className="login-brand" aria-hidden="true">
          S
        </div>
        <h1 id={`${id}-title`}>{t('login.title')}</h1>
        <p className="muted">{t('login.subtitle')}</p>
        {endedReason && !error && (
          <p className="notice" role="status">
            {t('login.sessionEnded', { reason: endedReason })}
          </p>
        )}
        <label className="field">
          <span>{t('login.email')}</span>
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            data-testid="login-email"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="login-password"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
        </label>
        <details className="login-advanced">
          <summary>{t('login.advanced')}</summary>
          <label className="field">
            <span>{t('login.serverUrl')}</span>
            <input
              type="url"
              inputMode="url"
              placeholder="https://"
              value={serverUrl}
              onChange={(e) => setServerUrl(e.target.value)}
              data-testid="login-server-url"
              aria-describedby={`${id}-server-hint`}
            />
          </label>
          <p id={`${id}-server-hint`} className="hint">
            {t('login.serverUrlHint')}
          </p>
        </details>
        {error && (
          <p id={`${id}-error`} className="form-error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn-primary btn-block" disabled={busy || !email || !password} data-testid="login-submit">
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
        <p className="hint">{t('login.demoHint')}</p>
        <div className="login-footer">
          <label className="visually-hidden" htmlFor={`${id}-lang`}>
            {t('topbar.language')}
          </label>
          <select
            id={`${id}-lang`}
            className="select select-compact"
            data-testid="language-switch"
            value={language}
            onChange={(e) => {
              if (isUiLanguage(e.target.value)) setLanguage(e.target.value);
            }}
          >
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
        </div>
      </form>
    </div>
  );
}
