import { useAppStore } from '../store';
import { NavRail } from './NavRail';
import { visibleScreen } from './screens';
import { ShortcutsDialog } from './ShortcutsDialog';
import { Toasts } from './Toasts';
import { TopBar } from './TopBar';
import { useKeyboardShortcuts } from './useKeyboardShortcuts';

/** The signed-in workstation: rail, top bar, and the screen the rail selects (the role's home by default). */
export function AppShell(): React.JSX.Element {
  useKeyboardShortcuts();
  const chosen = useAppStore((s) => s.screen);
  const role = useAppStore((s) => s.session?.agent.role);
  const Screen = visibleScreen(chosen, role).render;
  return (
    <div className="shell">
      <NavRail />
      <div className="shell-main">
        <TopBar />
        <main className="workspace" id="main">
          <Screen />
        </main>
      </div>
      <Toasts />
      <ShortcutsDialog />
    </div>
  );
}
