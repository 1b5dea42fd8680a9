/**
 * Windows ask for their core port over one IPC message. The request is honoured only from a
 * window we created, from its main frame, showing the app's own page; anything else is ignored.
 */
import type { IpcMainEvent, MessageChannelMain as MessageChannelMainType, WebContents } from 'electron';
import { PORT_DELIVERY_CHANNEL } from '../../shared/contracts/shell';
import { isAppUrl } from './security';

export { PORT_DELIVERY_CHANNEL, PORT_REQUEST_CHANNEL } from '../../shared/contracts/shell';

export function isTrustedSender(event: IpcMainEvent, windows: ReadonlySet<WebContents>, appUrl: string): boolean {
  const frame = event.senderFrame;
  if (!frame || !windows.has(event.sender)) return false;
  if (frame.parent !== null) return false; // sub-frames never get a port
  return isAppUrl(frame.url, appUrl);
}

export function handlePortRequest(
  event: IpcMainEvent,
  deps: {
    windows: ReadonlySet<WebContents>;
    appUrl: string;
    createChannel: () => MessageChannelMainType;
    attachToCore: (port: MessageChannelMainType['port1']) => void;
  },
): boolean {
  if (!isTrustedSender(event, deps.windows, deps.appUrl)) return false;
  const { port1, port2 } = deps.createChannel();
  deps.attachToCore(port1);
  event.sender.postMessage(PORT_DELIVERY_CHANNEL, null, [port2]);
  return true;
}
