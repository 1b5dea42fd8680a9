/**
 * switchboard://conversation/ID opens a conversation. macOS delivers links with `open-url`;
 * Windows and Linux start a second instance whose argv carries the link (the single-instance
 * lock hands it to this one). Anything that is not exactly that shape is ignored.
 */
import type { App } from 'electron';

export const DEEP_LINK_SCHEME = 'switchboard';
const CONVERSATION_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parseDeepLink(url: string): { conversationId: string } | null {
  if (typeof url !== 'string' || url.length > 200) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${DEEP_LINK_SCHEME}:` || parsed.hostname !== 'conversation') return null;
  if (parsed.username || parsed.password || parsed.port || parsed.search || parsed.hash) return null;
  const id = parsed.pathname.replace(/^\/+|\/+$/g, '');
  return CONVERSATION_ID.test(id) ? { conversationId: id } : null;
}

/** The first switchboard:// argument on a command line, parsed. */
export function deepLinkIn(argv: readonly string[]): { conversationId: string } | null {
  for (const arg of argv) {
    if (!arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) continue;
    const link = parseDeepLink(arg);
    if (link) return link;
  }
  return null;
}

/** Make this app the handler of switchboard:// links (packaged builds register it on install too). */
export function registerDeepLinks(
  app: Pick<App, 'setAsDefaultProtocolClient'>,
  run: { defaultApp: boolean; execPath: string; entry: string | undefined },
): boolean {
  // Started as `electron path/to/app` in development: the OS must pass the entry script too.
  if (run.defaultApp && run.entry) return app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, run.execPath, [run.entry]);
  return app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
}
