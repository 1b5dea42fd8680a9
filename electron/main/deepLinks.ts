/**
 * switchboard://conversation/ID opens a conversation. macOS delivers links with `open-url`;
 * Windows and Linux start a second instance whose argv carries the link (the single-instance
 * lock hands it to this one). Anything that is not exactly that shape is ignored. The installers
 * register the scheme (electron-builder.yml `protocols`: the macOS Info.plist, the Windows NSIS
 * registry keys); the app never claims it at run time.
 */
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
