import { useTranslation } from 'react-i18next';

/** The bot's mark beside its name in the thread: a small robot head, labelled for screen readers. */
export function BotAvatar(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <span className="bot-avatar" data-testid="bot-avatar" role="img" aria-label={t('nlu.botAvatar')}>
      <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <rect x="2" y="4" width="12" height="10" rx="3" fill="currentColor" />
        <rect x="7.25" y="0.5" width="1.5" height="3.5" fill="currentColor" />
        <circle cx="5.75" cy="9" r="1.4" fill="var(--accent)" />
        <circle cx="10.25" cy="9" r="1.4" fill="var(--accent)" />
      </svg>
    </span>
  );
}
