/**
 * Web mode: builds `window.switchboard` over a WebSocket to the local web host. The host requires
 * the per-launch secret printed in the URL (`?secret=`); we take it from the page URL, hide it
 * from the address bar, and keep it in sessionStorage so a reload of the tab still works.
 */
import { createSwitchboardApi, type SwitchboardApi } from '../../../shared/contracts/rpcTransport';
import { createWsTransport } from './wsTransport';

const SECRET_KEY = 'switchboard.webSecret';

/** Reads the secret from the URL (then removes it) or from this tab's session storage. */
export function takeWebSecret(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('secret');
  if (fromUrl) {
    try {
      sessionStorage.setItem(SECRET_KEY, fromUrl);
    } catch {
      // Storage may be disabled; the secret then lives only until reload.
    }
    url.searchParams.delete('secret');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return sessionStorage.getItem(SECRET_KEY);
  } catch {
    return null;
  }
}

export function rpcSocketUrl(location: Pick<Location, 'protocol' | 'host'>, secret: string): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/rpc?secret=${encodeURIComponent(secret)}`;
}

export function installWebShim(): SwitchboardApi {
  const secret = takeWebSecret() ?? '';
  const transport = createWsTransport(rpcSocketUrl(window.location, secret));
  const api = createSwitchboardApi(transport);
  window.switchboard = api;
  return api;
}
