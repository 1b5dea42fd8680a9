import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSwitchboardApi, RpcCallError } from '../../../shared/contracts/rpcTransport';
import { createWsTransport } from '../../../renderer/src/api/wsTransport';
import { rpcSocketUrl } from '../../../renderer/src/api/webShim';

/** A socket the test opens, answers and closes by hand. */
class FakeSocket {
  readyState: number = 0;
  sent: Array<{ id: number; method: string }> = [];
  private handlers: Record<string, Array<(event: unknown) => void>> = {};
  addEventListener(type: string, handler: (event: unknown) => void) {
    (this.handlers[type] ??= []).push(handler);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.fire('close', {});
  }
  open() {
    this.readyState = 1;
    this.fire('open', {});
  }
  drop() {
    this.readyState = 3;
    this.fire('close', {});
  }
  receive(frame: unknown) {
    this.fire('message', { data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }
  private fire(type: string, event: unknown) {
    for (const handler of this.handlers[type] ?? []) handler(event);
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const transport = createWsTransport('ws://x/rpc', () => {
    const socket = new FakeSocket();
    sockets.push(socket);
    return socket as unknown as WebSocket;
  });
  return { sockets, transport, api: createSwitchboardApi(transport) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('web shim WebSocket transport', () => {
  it('builds the socket URL with the secret, ws or wss by page protocol', () => {
    expect(rpcSocketUrl({ protocol: 'http:', host: '127.0.0.1:4000' }, 'a b&c')).toBe('ws://127.0.0.1:4000/rpc?secret=a%20b%26c');
    expect(rpcSocketUrl({ protocol: 'https:', host: 'wall.example' }, 's')).toBe('wss://wall.example/rpc?secret=s');
  });

  it('queues calls until the socket opens, then answers them', async () => {
    const { sockets, api } = setup();
    const call = api.sync.status({});
    expect(sockets[0]!.sent).toHaveLength(0);
    sockets[0]!.open();
    expect(sockets[0]!.sent).toEqual([{ type: 'request', id: 1, method: 'sync.status', params: {} }]);
    const status = { state: 'online', pending: 0, cursor: 3, lastError: null };
    sockets[0]!.receive({ type: 'response', id: 1, ok: true, result: status });
    await expect(call).resolves.toEqual(status);
  });

  it('rejects unanswered calls with code offline when the socket drops, then reconnects', async () => {
    vi.useFakeTimers();
    const { sockets, api } = setup();
    sockets[0]!.open();
    const call = api.inbox.search({ query: '退款', limit: 10 });
    sockets[0]!.drop();
    await expect(call).rejects.toMatchObject({ code: 'offline' });
    await expect(call).rejects.toBeInstanceOf(RpcCallError);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    expect(sockets).toHaveLength(2);
  });

  it('tells the UI to reload everything after a reconnect', () => {
    vi.useFakeTimers();
    const { sockets, api } = setup();
    const changes: unknown[] = [];
    api.on('data.changed', (payload) => changes.push(payload));
    sockets[0]!.open();
    expect(changes).toEqual([]);
    sockets[0]!.drop();
    vi.advanceTimersByTime(1_000);
    sockets[1]!.open();
    expect(changes).toEqual([{ conversationIds: [], inbox: true, directory: true }]);
  });

  it('drops frames that are not valid RPC frames', async () => {
    const { sockets, api } = setup();
    sockets[0]!.open();
    const call = api.session.get({});
    sockets[0]!.receive('not json');
    sockets[0]!.receive({ type: 'response', id: 1, ok: false, error: { code: 'made-up', message: 'x' } });
    sockets[0]!.receive({ type: 'response', id: 1, ok: false, error: { code: 'unauthorized', message: 'expired' } });
    await expect(call).rejects.toMatchObject({ code: 'unauthorized', message: 'expired' });
  });
});
