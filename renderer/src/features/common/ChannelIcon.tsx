import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../../shared/domain/model';

/** 24×24 outline paths, one per channel; drawn inline so the CSP needs no image source. */
const PATHS: Record<Channel, string> = {
  chat: 'M4 5h16v11H9l-5 4z',
  email: 'M3 6h18v12H3zM3 7l9 6 9-6',
  voice: 'M6 3h3l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v3a2 2 0 0 1-2 2A16 16 0 0 1 4 5a2 2 0 0 1 2-2z',
  sms: 'M7 2h10v20H7zM11 18h2M10 6h4',
  social: 'M18 8a3 3 0 1 0-2.8-4M6 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM18 22a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM8.6 13.5l6.8 4M15.4 6.5l-6.8 4',
};

export function ChannelIcon({ channel, size = 16 }: { channel: Channel; size?: number }): React.JSX.Element {
  const { t } = useTranslation();
  const label = t(`channel.${channel}`);
  return (
    <span className={`channel-icon channel-${channel}`} role="img" aria-label={label} title={label}>
      <svg viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.9" strokeLinecap="round" strokeLinejoin="round">
        <path d={PATHS[channel]} />
      </svg>
    </span>
  );
}
