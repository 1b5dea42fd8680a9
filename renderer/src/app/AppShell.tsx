import { ConversationPane } from '../features/conversation/ConversationPane';
import { InboxPane } from '../features/inbox/InboxPane';
import { CannedScreen } from '../features/canned/CannedScreen';
import { useCannedStore } from '../features/canned/cannedStore';
import { NavRail } from './NavRail';
import { ShortcutsDialog } from './ShortcutsDialog';
import { Toasts } from './Toasts';
import { TopBar } from './TopBar';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';

/** The signed-in workstation: rail, top bar, and the inbox route (list + conversation + contact). */
export function AppShell(): React.JSX.Element {
  useKeyboardShortcuts();
  const cannedOpen = useCannedStore((s) => s.screenOpen);
  return (
    <div className="shell">
      <NavRail />
      <div className="shell-main">
        <TopBar />
        <main className="workspace" id="main">
          {cannedOpen ? (
            <CannedScreen />
          ) : (
            <>
              <InboxPane />
              <ConversationPane />
            </>
          )}
        </main>
      </div>
      <Toasts />
      <ShortcutsDialog />
    </div>
  );
}
