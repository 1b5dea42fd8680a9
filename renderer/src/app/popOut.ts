/**
 * Pop-out windows open the renderer at a hash (shared/contracts/desktop.ts popOutHash):
 * `#conversation/ID` shows that conversation alone. In the desktop app the shell makes the window
 * (desktop.popOut); in a browser it is a new tab of the same page.
 */
import { getApi } from '../api/client';

const CONVERSATION_HASH = /^#conversation\/([A-Za-z0-9_-]{1,64})$/;

export function poppedOutConversation(hash: string): string | null {
  return CONVERSATION_HASH.exec(hash)?.[1] ?? null;
}

export function isDesktopShell(userAgent: string): boolean {
  return / Electron\//.test(userAgent);
}

export function popOutConversation(conversationId: string): void {
  if (isDesktopShell(navigator.userAgent)) {
    void getApi()
      .desktop.popOut({ view: 'conversation', conversationId })
      .catch(() => undefined);
    return;
  }
  // Not `noopener`: the new tab must inherit this tab's session storage, where the web host's
  // per-launch secret is kept (api/webShim.ts); the link back to this tab is cut right after.
  const popup = window.open(`${location.pathname}${location.search}#conversation/${encodeURIComponent(conversationId)}`, '_blank');
  if (popup) popup.opener = null;
}
