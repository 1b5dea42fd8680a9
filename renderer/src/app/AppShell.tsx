import { ConversationPane } from '../features/conversation/ConversationPane';
import { InboxPane } from '../features/inbox/InboxPane';
import { NavRail } from './NavRail';
import { ShortcutsDialog } from './ShortcutsDialog';
import { Toasts } from './Toasts';
import { TopBar } from './TopBar';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';

/** The signed-in workstation: rail, top bar, and the inbox route (list + conversation + contact). */
export function AppShell(): React.JSX.Element {
  useKeyboardShortcuts();
  return (
    <div className="shell">
      <NavRail />
      <div className="shell-main">
        <TopBar />
        <main className="workspace" id="main">
          <InboxPane />
          <ConversationPane />
        </main>
      </div>
      <Toasts />
      <ShortcutsDialog />
    </div>
  );
}
