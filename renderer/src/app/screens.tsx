/**
 * The screens the rail switches between. One entry per screen: who may see it, its rail label
 * and icon, and what it renders. The inbox is the default; a screen hidden from the signed-in
 * role never renders (the server refuses its data anyway). Adding a screen = one entry here.
 */
import type { Role } from '../../../shared/domain/model';
import { AdminScreen } from '../features/admin/AdminScreen';
import { CannedScreen } from '../features/canned/CannedScreen';
import { ConversationPane } from '../features/conversation/ConversationPane';
import { InboxPane } from '../features/inbox/InboxPane';
import { useAppStore } from '../store';
import { LiveScreen, useUnacknowledgedAlerts } from '../features/live/LiveScreen';
import { QualityScreen, useReviewsToAcknowledge } from '../features/qa/QualityScreen';
import { WallboardScreen } from '../features/wallboard/WallboardScreen';

export type ScreenId = 'inbox' | 'qa' | 'canned' | 'live' | 'wallboard' | 'admin';

export interface ScreenEntry {
  id: ScreenId;
  /** i18n key of the rail label. */
  labelKey: string;
  /** SVG path (24×24 viewBox, stroked). */
  icon: string;
  /** Roles that see the screen; all roles when omitted. */
  roles?: readonly Role[];
  /** Roles for whom this is the first screen after sign-in (the inbox for everyone else). */
  homeFor?: readonly Role[];
  /** A count to show on the rail entry (a hook, called only for screens the role sees); 0 hides it. */
  useBadge?: () => number;
  /** i18n key of the badge's accessible label, given `{{count}}`. */
  badgeLabelKey?: string;
  render(): React.JSX.Element;
}

/** Side by side; in a narrow window (zoomed to 200 %) the list and the open conversation take turns. */
function InboxScreen(): React.JSX.Element {
  const open = useAppStore((s) => s.openId !== null);
  return (
    <div className="inbox-screen" data-conversation-open={open}>
      <InboxPane />
      <ConversationPane />
    </div>
  );
}

export const SCREENS: readonly ScreenEntry[] = [
  { id: 'inbox', labelKey: 'nav.inbox', icon: 'M3 13h4l2 3h6l2-3h4M5 5h14l2 8v6H3v-6z', render: InboxScreen },
  {
    id: 'qa',
    labelKey: 'nav.qa',
    icon: 'M9 12l2 2 4-4M12 3l7 3v6c0 4-3 7-7 9-4-2-7-5-7-9V6z',
    homeFor: ['reviewer'],
    useBadge: useReviewsToAcknowledge,
    badgeLabelKey: 'qa.notify.badge',
    render: QualityScreen,
  },
  { id: 'canned', labelKey: 'canned.nav', icon: 'M4 5h16v11H8l-4 4zM8 9h8M8 12h5', render: CannedScreen },
  {
    id: 'live',
    labelKey: 'nav.live',
    icon: 'M3 12h4l3-7 4 14 3-7h4',
    roles: ['lead', 'admin'],
    useBadge: useUnacknowledgedAlerts,
    badgeLabelKey: 'live.badge',
    render: LiveScreen,
  },
  {
    id: 'wallboard',
    labelKey: 'nav.wallboard',
    icon: 'M3 4h18v12H3zM8 20h8M12 16v4',
    roles: ['lead', 'admin'],
    render: WallboardScreen,
  },
  {
    id: 'admin',
    labelKey: 'admin.nav',
    icon: 'M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0M14 4v4M8 10v4M16 16v4',
    roles: ['admin'],
    render: AdminScreen,
  },
];

export function screensFor(role: Role | undefined): ScreenEntry[] {
  return SCREENS.filter((screen) => !screen.roles || (role !== undefined && screen.roles.includes(role)));
}

/** The screen to show: the chosen one if this role may see it, else the role's home (a reviewer's is Quality), else the inbox. */
export function visibleScreen(chosen: ScreenId | null, role: Role | undefined): ScreenEntry {
  const screens = screensFor(role);
  return (
    screens.find((screen) => screen.id === chosen) ??
    screens.find((screen) => role !== undefined && screen.homeFor?.includes(role)) ??
    screens[0]!
  );
}
