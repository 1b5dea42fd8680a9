import { describe, expect, it } from 'vitest';
import type { RpcServerFrame } from '../../../shared/contracts/rpcTransport';
import { attachRpc } from '../../../electron/core/host/transport';
import type { RpcService } from '../../../electron/core/service';
import type { RpcEventListener } from '../../../electron/core/service/events';
import { settle } from './fakeSocket';

function fakeService() {
  const listeners = new Set<RpcEventListener>();
  const calls: [string, unknown][] = [];
  const service: RpcService = {
    async handle(method, params) {
      calls.push([method, params]);
      if (method === 'boom') throw new Error('should never escape');
      return { ok: true, result: { echoed: params } };
    },
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { service, calls, listeners };
}

function duplex() {
  const sent: RpcServerFrame[] = [];
  let handler: (data: unknown) => void = () => {};
  return {
    sent,
    receive: (data: unknown) => handler(data),
    duplex: {
      send: (frame: RpcServerFrame) => sent.push(frame),
      onMessage: (h: (data: unknown) => void) => void (handler = h),
    },
  };
}

describe('attachRpc', () => {
  it('answers a valid request frame with a response carrying its id', async () => {
    const { service } = fakeService();
    const d = duplex();
    attachRpc(service, d.duplex);
    d.receive({ type: 'request', id: 7, method: 'sync.status', params: {} });
    await settle();
    expect(d.sent).toEqual([{ type: 'response', id: 7, ok: true, result: { echoed: {} } }]);
  });

  it('rejects malformed frames with an invalid error when they carry an id, and drops the rest', async () => {
    const { service, calls } = fakeService();
    const d = duplex();
    attachRpc(service, d.duplex);
    for (const frame of [
      null,
      'text',
      42,
      [],
      { type: 'request' },
      { type: 'event', name: 'x' },
      { type: 'request', id: -1, method: 'x', params: {} },
      { id: 3, method: 7 },
      { type: 'request', id: 4, method: 'x'.repeat(500), params: {} },
    ]) {
      d.receive(frame);
    }
    await settle();
    expect(calls).toEqual([]);
    expect(d.sent).toEqual([
      { type: 'response', id: 3, ok: false, error: { code: 'invalid', message: 'Malformed request frame.' } },
      { type: 'response', id: 4, ok: false, error: { code: 'invalid', message: 'Malformed request frame.' } },
    ]);
  });

  it('forwards service events until detached, and survives a send that throws', async () => {
    const { service, listeners } = fakeService();
    const d = duplex();
    const detach = attachRpc(service, d.duplex);
    for (const listener of listeners) listener('session.ended', { reason: 'bye' });
    expect(d.sent).toEqual([{ type: 'event', name: 'session.ended', payload: { reason: 'bye' } }]);
    detach();
    expect(listeners.size).toBe(0);

    const throwing = {
      send: () => {
        throw new Error('port closed');
      },
      onMessage: (h: (data: unknown) => void) =>
        void h({ type: 'request', id: 1, method: 'sync.status', params: {} }),
    };
    expect(() => attachRpc(service, throwing)).not.toThrow();
    await settle();
  });
});
