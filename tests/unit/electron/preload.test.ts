import { describe, expect, it } from 'vitest';
import { bridgeSafe } from '../../../electron/preload/bridgeSafe';
import { createPortTransport, type PortLike } from '../../../electron/preload/portTransport';
import { createSwitchboardApi, RpcServerFrameSchema, type RpcServerFrame } from '../../../shared/contracts/rpcTransport';

function fakeCorePort() {
  const sent: unknown[] = [];
  let listener: ((data: unknown) => void) | null = null;
  const port: PortLike = {
    postMessage: (message) => sent.push(message),
    listen: (l) => (listener = l),
  };
  return { port, sent, reply: (frame: unknown) => listener!(frame) };
}

const parse = (data: unknown) => {
  const parsed = RpcServerFrameSchema.safeParse(data);
  return parsed.success ? (parsed.data as RpcServerFrame) : null;
};

describe('preload facade', () => {
  it('queues calls until the core port arrives, then sends them in order', async () => {
    const core = fakeCorePort();
    let deliver: ((port: PortLike) => void) | null = null;
    const api = createSwitchboardApi(createPortTransport((onPort) => (deliver = onPort), parse));
    const first = api.sync.status({});
    const second = api.directory.get({});
    expect(core.sent).toHaveLength(0);
    deliver!(core.port);
    expect(core.sent.map((f) => (f as { method: string }).method)).toEqual(['sync.status', 'directory.get']);
    core.reply({ type: 'response', id: 1, ok: true, result: { state: 'online', pending: 0, cursor: 3, lastError: null } });
    core.reply({ type: 'response', id: 2, ok: true, result: { teams: [], agents: [] } });
    await expect(first).resolves.toMatchObject({ state: 'online' });
    await expect(second).resolves.toEqual({ teams: [], agents: [] });
  });

  it('drops malformed frames from the port instead of crashing', async () => {
    const core = fakeCorePort();
    const api = createSwitchboardApi(createPortTransport((onPort) => onPort(core.port), parse));
    const call = api.sync.status({});
    core.reply('garbage');
    core.reply({ type: 'response', id: 'x' });
    core.reply({ type: 'response', id: 1, ok: false, error: { code: 'offline', message: 'The server cannot be reached' } });
    await expect(call).rejects.toMatchObject({ code: 'offline' });
  });

  it('keeps the error code when a call fails across the bridge', async () => {
    const core = fakeCorePort();
    const api = createSwitchboardApi(createPortTransport((onPort) => onPort(core.port), parse));
    const safe = bridgeSafe(api as unknown as Record<string, unknown>) as unknown as typeof api;
    const login = safe.session.login({ email: 'li.na@demo.switchboard', password: 'wrong' });
    core.reply({ type: 'response', id: 1, ok: false, error: { code: 'unauthorized', message: 'Wrong email or password' } });
    const error = await login.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(Error); // a plain object survives contextBridge whole
    expect(error).toEqual({ name: 'RpcCallError', code: 'unauthorized', message: 'Wrong email or password' });
    expect(typeof (safe as unknown as { on: unknown }).on).toBe('function');
  });
});
