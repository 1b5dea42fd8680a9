/**
 * The core's side of the worker-thread protocol (workerEntry.ts runs it; workerCore.ts is the
 * host's side), declared in shared/contracts/shell.ts. Over `parentPort` (structured clone):
 *   host → core  { type: 'port', port }: serve the RPC on this MessagePort (sent in the transfer list).
 *   host → core  { type: 'close' }: close the core, then answer { type: 'closed' }.
 *   core → host  { type: 'ready' } once the cache is open; { type: 'closed' } after 'close'.
 * Other message types are left to other listeners. On each port the RPC frames of
 * shared/contracts/rpcTransport.ts travel as JSON text, exactly as on the browser's WebSocket, so
 * the host forwards them without parsing; they are parsed and validated here (transport.ts).
 */
import type { MessagePort } from 'node:worker_threads';
import {
  HostToCoreThreadSchema,
  parseShellMessage,
  type CoreThreadToHost,
} from '../../../shared/contracts/shell';
import type { Core } from '../core';
import { attachRpc } from './transport';

export interface CoreThreadParent {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  postMessage(message: unknown): void;
}

function serveTextPort(core: Pick<Core, 'rpc'>, port: MessagePort): void {
  const detach = attachRpc(core.rpc, {
    send: (frame) => port.postMessage(JSON.stringify(frame)),
    onMessage: (handler) => {
      port.on('message', (text: unknown) => {
        let frame: unknown = null;
        try {
          frame = typeof text === 'string' ? JSON.parse(text) : null;
        } catch {
          // Not JSON: attachRpc drops it (no usable id to answer).
        }
        handler(frame);
      });
    },
  });
  port.on('close', detach);
}

/** `onClosed`: runs after 'closed' is posted (workerEntry.ts ends its thread there). */
export function serveCoreThread(
  core: Pick<Core, 'rpc' | 'close'>,
  parent: CoreThreadParent,
  onClosed?: () => void,
): void {
  const post = (message: CoreThreadToHost) => parent.postMessage(message);
  parent.on('message', (raw) => {
    const message = parseShellMessage(HostToCoreThreadSchema, raw);
    if (message?.type === 'port') serveTextPort(core, message.port as MessagePort);
    else if (message?.type === 'close')
      void core.close().finally(() => {
        post({ type: 'closed' });
        onClosed?.();
      });
  });
  post({ type: 'ready' });
}
