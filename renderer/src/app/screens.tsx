/**
 * The screens the rail switches between. One entry per screen: who may see it, its rail label
 * and icon, and what it renders. The inbox is the default; a screen hidden from the signed-in
 * role never renders (the server refuses its data anyway). Adding a screen = one entry here.
 */
import type { Role } from '../../../shared/domain/model';
import { CannedScreen } from '../features/canned/CannedScreen';
import { ConversationPane } from '../features/conversation/ConversationPane';
import { InboxPane } from '../features/inbox/InboxPane';

export type ScreenId = 'inbox' | 'canned';

export interface ScreenEntry {
  id: ScreenId;
  /** i18n key of the rail label. */
  labelKey: string;
  /** SVG path (24×24 viewBox, stroked). */
  icon: string;
  /** Roles that see the screen; all roles when omitted. */
  roles?: readonly Role[];
  render(): React.JSX.Element;
}

function InboxScreen(): React.JSX.Element {
  return (
    <>
      <InboxPane />
      <ConversationPane />
    </>
  );
}

export const SCREENS: readonly ScreenEntry[] = [
  { id: 'inbox', labelKey: 'nav.inbox', icon: 'M3 13h4l2 3h6l2-3h4M5 5h14l2 8v6H3v-6z', render: InboxScreen },
  { id: 'canned', labelKey: 'canned.nav', icon: 'M4 5h16v11H8l-4 4zM8 9h8M8 12h5', render: CannedScreen },
];

export function screensFor(role: Role | undefined): ScreenEntry[] {
  return SCREENS.filter((screen) => !screen.roles || (role !== undefined && screen.roles.includes(role)));
}

/** The screen to show: the chosen one if this role may see it, else the inbox. */
export function visibleScreen(chosen: ScreenId, role: Role | undefined): ScreenEntry {
  const screens = screensFor(role);
  return screens.find((screen) => screen.id === chosen) ?? screens[0]!;
}
