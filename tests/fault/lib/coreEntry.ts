/**
 * Child entry: a workstation core (createCore) in its own process, so the fault suite can
 * SIGKILL it while it applies a catch-up. Configured by FAULT_CORE (JSON: dataDir, serverUrl and
 * either email + password to sign in, or the token of an earlier sign-in to resume with).
 *
 * Tells its parent: `token { token }` after signing in, `page { n, cursor, changes }` each time
 * a pull page has arrived and is about to be applied (the apply runs synchronously right after,
 * so a SIGKILL sent on this message lands while the page is validated or applied), and
 * `status { state, cursor, pending }` every 50 ms.
 */
import { createCore } from '../../../electron/core/core';
import { defaultSocketFactory, type SocketFactory } from '../../../electron/core/sync/client';
import { SOCKET_EVENTS } from '../../../shared/contracts/socket';

interface CoreConfig {
  dataDir: string;
  serverUrl: string;
  email?: string;
  password?: string;
  token?: string;
}

const config = JSON.parse(process.env.FAULT_CORE ?? '{}') as CoreConfig;
const send = (message: object) => process.send?.(message);
let pages = 0;

const reportingSocket: SocketFactory = (url, token) => {
  const socket = defaultSocketFactory(url, token);
  return {
    get connected() {
      return socket.connected;
    },
    on: (event, listener) => socket.on(event, listener),
    timeout: (ms) => ({
      async emitWithAck(event, payload) {
        const ack = (await socket.timeout(ms).emitWithAck(event, payload)) as { ok?: boolean; data?: { cursor: number; changes: unknown[] } };
        if (event === SOCKET_EVENTS.pull && ack?.ok && ack.data && ack.data.changes.length > 0)
          send({ type: 'page', n: ++pages, cursor: ack.data.cursor, changes: ack.data.changes.length });
        return ack;
      },
    }),
    connect: () => socket.connect(),
    disconnect: () => socket.disconnect(),
  };
};

const core = createCore({ dataDir: config.dataDir, serverUrl: config.serverUrl, createSocket: reportingSocket });
core.onTokenChanged((token) => send({ type: 'token', token }));
setInterval(() => {
  void core.rpc.handle('sync.status', {}).then((response) => {
    if (response.ok) send({ type: 'status', ...(response.result as object) });
  });
}, 50);
process.on('SIGTERM', () => {
  void core.close().finally(() => process.exit(0));
});
process.on('disconnect', () => process.exit(0));

if (config.token) core.setToken(config.token);
else
  void core.rpc.handle('session.login', { email: config.email, password: config.password }).then((response) => {
    if (!response.ok) {
      console.error('[fault core] sign-in failed', response.error);
      process.exit(1);
    }
  });
