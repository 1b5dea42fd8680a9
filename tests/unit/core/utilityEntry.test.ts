import { describe, expect, it } from 'vitest';
import { readUtilityOptions, serveParentPort } from '../../../electron/core/host/utilityEntry';
import type { Core } from '../../../electron/core/core';
import type { RpcEventListener } from '../../../electron/core/service/events';
import { settle } from './fakeSocket';

function fakeCore() {
  const tokenListeners: ((t: string | null) => void)[] = [];
  const eventListeners: RpcEventListener[] = [];
  const restored: (string | null)[] = [];
  const core = {
    rpc: {
      handle: async (method: string) => ({ ok: true as const, result: method }),
      on: (listener: RpcEventListener) => {
        eventListeners.push(listener);
        return () => {};
      },
    },
    setToken: (token: string | null) => restored.push(token),
    onTokenChanged: (listener: (t: string | null) => void) => {
      tokenListeners.push(listener);
      return () => {};
    },
  } as unknown as Core;
  return { core, tokenListeners, eventListeners, restored };
}

function fakeParent() {
  const posted: unknown[] = [];
  let handler: (event: { data: unknown; ports: never[] }) => void = () => {};
  return {
    posted,
    deliver: (data: unknown, ports: unknown[] = []) => handler({ data, ports: ports as never[] }),
    parent: {
      on: (_event: 'message', h: typeof handler) => void (handler = h),
      postMessage: (m: unknown) => posted.push(m),
    },
  };
}

describe('utility process protocol', () => {
  it('reads options from argv first, then env', () => {
    expect(
      readUtilityOptions(['node', 'core.js', '--data-dir=/a', '--server-url=http://h:1'], {
        SWITCHBOARD_SQLITE_BINDING: '/b.node',
      }),
    ).toEqual({
      dataDir: '/a',
      serverUrl: 'http://h:1',
      nativeBinding: '/b.node',
    });
    expect(
      readUtilityOptions([], { SWITCHBOARD_CORE_DATA_DIR: '/d', SWITCHBOARD_SERVER_URL: 'http://s' }),
    ).toEqual({ dataDir: '/d', serverUrl: 'http://s' });
    expect(() => readUtilityOptions([], {})).toThrow(/data-dir/);
  });

  it('restores tokens, reports token changes and assignments, ignores junk', () => {
    const f = fakeCore();
    const p = fakeParent();
    serveParentPort(f.core, p.parent);
    p.deliver({ type: 'token', token: 'abc' });
    p.deliver({ type: 'token', token: null });
    p.deliver({ type: 'token', token: 42 });
    p.deliver(null);
    p.deliver({ type: 'port' }); // no port attached: ignored
    expect(f.restored).toEqual(['abc', null]);
    f.tokenListeners[0]!('new-token');
    f.eventListeners[0]!('conversation.assignedToMe', {
      conversationId: 'c1',
      contactName: 'A',
      preview: 'p',
    });
    f.eventListeners[0]!('data.changed', { conversationIds: [], inbox: true, directory: false });
    expect(p.posted).toEqual([
      { type: 'token', token: 'new-token' },
      {
        type: 'event',
        name: 'conversation.assignedToMe',
        payload: { conversationId: 'c1', contactName: 'A', preview: 'p' },
      },
    ]);
  });

  it('serves RPC frames on each port it is given', async () => {
    const f = fakeCore();
    const p = fakeParent();
    serveParentPort(f.core, p.parent);
    const sent: unknown[] = [];
    let onMessage: (e: { data: unknown }) => void = () => {};
    let started = false;
    const port = {
      on: (event: string, listener: (e: { data: unknown }) => void) => {
        if (event === 'message') onMessage = listener;
      },
      postMessage: (m: unknown) => sent.push(m),
      start: () => void (started = true),
      close: () => {},
    };
    p.deliver({ type: 'port' }, [port]);
    expect(started).toBe(true);
    onMessage({ data: { type: 'request', id: 1, method: 'sync.status', params: {} } });
    await settle();
    expect(sent).toEqual([{ type: 'response', id: 1, ok: true, result: 'sync.status' }]);
  });
});
