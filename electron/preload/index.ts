/**
 * Sandboxed preload: asks main for a MessagePort to the workstation core and exposes the typed
 * facade as `window.switchboard`. Nothing else crosses the bridge; the renderer never sees
 * ipcRenderer or the port.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createSwitchboardApi, RpcServerFrameSchema, type RpcServerFrame, type RpcRequestFrame } from '../../shared/contracts/rpcTransport';
import { PORT_DELIVERY_CHANNEL, PORT_REQUEST_CHANNEL } from '../../shared/contracts/shell';
import { bridgeSafe } from './bridgeSafe';
import { createPortTransport } from './portTransport';

const transport = createPortTransport((onPort) => {
  ipcRenderer.on(PORT_DELIVERY_CHANNEL, (event) => {
    const [port] = event.ports;
    if (!port) return;
    onPort({
      postMessage: (message) => port.postMessage(message),
      listen: (listener) => {
        port.onmessage = (messageEvent) => listener(messageEvent.data);
        port.start();
      },
    });
  });
  ipcRenderer.send(PORT_REQUEST_CHANNEL);
}, (data: unknown): RpcServerFrame | null => {
  const parsed = RpcServerFrameSchema.safeParse(data);
  return parsed.success ? (parsed.data as RpcServerFrame) : null;
});

const api = createSwitchboardApi(transport);
contextBridge.exposeInMainWorld('switchboard', bridgeSafe(api as unknown as Record<string, unknown>));

export type { RpcRequestFrame };
