/**
 * Entry of the Electron utilityProcess that hosts the core (built as out/main/core.js).
 *
 * Options: `--data-dir=…`, `--server-url=…`, `--native-binding=…` on argv, or the env variables
 * SWITCHBOARD_CORE_DATA_DIR, SWITCHBOARD_SERVER_URL, SWITCHBOARD_SQLITE_BINDING.
 *
 * Protocol with the main process over `process.parentPort`: the shell protocol of
 * shared/contracts/shell.ts (`ShellToCore` in, `CoreToShell` out; a `port` message carries one
 * MessagePort in `ports`, on which the RPC frames travel). Anything else is ignored. Does not
 * import `electron`: the port types are declared locally.
 */
import {
  isRelayedEvent,
  parseShellMessage,
  ShellToCoreSchema,
  type CoreToShell,
} from '../../../shared/contracts/shell';
import { createCore, type Core } from '../core';
import { attachRpc } from './transport';
import { applyAutoPresence } from './autoPresence';
import { announceShellState, answerShell } from './shellRequests';

interface PortMessageEvent {
  data: unknown;
  ports: PortLike[];
}
interface PortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
}
interface ParentPortLike {
  on(event: 'message', listener: (event: PortMessageEvent) => void): unknown;
  postMessage(message: unknown): void;
}

export interface UtilityOptions {
  dataDir: string;
  serverUrl: string;
  nativeBinding?: string;
}

export function readUtilityOptions(argv: readonly string[], env: NodeJS.ProcessEnv): UtilityOptions {
  const flag = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const dataDir = flag('data-dir') ?? env.SWITCHBOARD_CORE_DATA_DIR;
  const serverUrl = flag('server-url') ?? env.SWITCHBOARD_SERVER_URL ?? 'http://127.0.0.1:4000';
  const nativeBinding = flag('native-binding') ?? env.SWITCHBOARD_SQLITE_BINDING;
  if (!dataDir) throw new Error('The core needs --data-dir or SWITCHBOARD_CORE_DATA_DIR.');
  return { dataDir, serverUrl, ...(nativeBinding ? { nativeBinding } : {}) };
}

/** Wire a core to the parent port; exported so the protocol can be tested without Electron. */
export function serveParentPort(core: Core, parent: ParentPortLike): void {
  const post = (message: CoreToShell) => parent.postMessage(message);
  core.onTokenChanged((token) => post({ type: 'token', token }));
  core.rpc.on((name, payload) => {
    if (isRelayedEvent(name)) parent.postMessage({ type: 'event', name, payload });
  });
  void announceShellState(core.rpc, post);
  parent.on('message', (event) => {
    const message = parseShellMessage(ShellToCoreSchema, event.data);
    if (!message) return;
    if (message.type === 'presence') return void applyAutoPresence(core.rpc, message);
    if (message.type === 'resume') return core.resume();
    if (message.type === 'setPreferences') return void core.rpc.handle('desktop.setPreferences', message.changes);
    if (message.type === 'open' || message.type === 'assignToMe' || message.type === 'busyQuery')
      return void answerShell(core.rpc, message, post);
    if (message.type === 'token') {
      core.setToken(message.token);
    } else if (message.type === 'port' && event.ports?.[0]) {
      const port = event.ports[0];
      const detach = attachRpc(core.rpc, {
        send: (frame) => port.postMessage(frame),
        onMessage: (handler) => {
          port.on('message', (portEvent) => handler(portEvent.data));
        },
      });
      port.on('close', detach);
      port.start();
    }
  });
}

function main(): void {
  const parent = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
  if (!parent) throw new Error('utilityEntry must run in an Electron utilityProcess.');
  const core = createCore(readUtilityOptions(process.argv, process.env));
  serveParentPort(core, parent);
  const shutdown = () => void core.close().finally(() => process.exit(0));
  process.on('SIGTERM', shutdown);
}

if ((process as unknown as { parentPort?: unknown }).parentPort) main();
