import { mkdtempSync, readFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { IpcMainEvent, SafeStorage, UtilityProcess, WebContents } from 'electron';
import { connectCore, parseCoreMessage } from '../../../electron/main/coreProcess';
import { handlePortRequest, PORT_DELIVERY_CHANNEL } from '../../../electron/main/portBroker';
import { createTokenStore } from '../../../electron/main/tokenStore';

const APP_URL = 'file:///opt/switchboard/out/renderer/index.html';

function fakeEvent(sender: WebContents, url: string, parent: unknown = null): IpcMainEvent {
  return { sender, senderFrame: { url, parent } } as unknown as IpcMainEvent;
}

describe('core port broker', () => {
  const makeDeps = (windows: Set<WebContents>) => {
    const attachToCore = vi.fn();
    const port1 = { name: 'core-end' };
    const port2 = { name: 'window-end' };
    return {
      deps: {
        windows,
        appUrl: APP_URL,
        createChannel: () => ({ port1, port2 }) as never,
        attachToCore,
      },
      attachToCore,
      port1,
      port2,
    };
  };

  it('gives a port to our own window showing the app page', () => {
    const postMessage = vi.fn();
    const sender = { postMessage } as unknown as WebContents;
    const { deps, attachToCore, port1, port2 } = makeDeps(new Set([sender]));
    expect(handlePortRequest(fakeEvent(sender, APP_URL), deps)).toBe(true);
    expect(attachToCore).toHaveBeenCalledWith(port1);
    expect(postMessage).toHaveBeenCalledWith(PORT_DELIVERY_CHANNEL, null, [port2]);
  });

  it('ignores requests from unknown windows, other pages and sub-frames', () => {
    const postMessage = vi.fn();
    const ours = { postMessage } as unknown as WebContents;
    const stranger = { postMessage } as unknown as WebContents;
    const { deps, attachToCore } = makeDeps(new Set([ours]));
    expect(handlePortRequest(fakeEvent(stranger, APP_URL), deps)).toBe(false);
    expect(handlePortRequest(fakeEvent(ours, 'https://evil.example/'), deps)).toBe(false);
    expect(handlePortRequest(fakeEvent(ours, APP_URL, { url: APP_URL }), deps)).toBe(false);
    expect(attachToCore).not.toHaveBeenCalled();
    expect(postMessage).not.toHaveBeenCalled();
  });
});

describe('core process messages', () => {
  it('accepts only well-formed token and notification messages', () => {
    expect(parseCoreMessage({ type: 'token', token: 'abc' })).toEqual({ type: 'token', token: 'abc' });
    expect(parseCoreMessage({ type: 'token', token: null })).toEqual({ type: 'token', token: null });
    expect(parseCoreMessage({ type: 'token', token: 42 })).toBeNull();
    expect(parseCoreMessage({ type: 'event', name: 'conversation.assignedToMe', payload: { conversationId: 'c1' } })).toBeNull();
    expect(parseCoreMessage({ type: 'shell', command: 'rm -rf /' })).toBeNull();
    expect(parseCoreMessage(null)).toBeNull();
  });

  it('reads an SLA notification with the same schema a window uses, and refuses a malformed one', () => {
    const alerted = { conversationId: 'c9', kind: 'breached', target: 'firstResponse', dueAt: '2026-12-02T09:00:00.000Z', contactName: '陈静' };
    expect(parseCoreMessage({ type: 'event', name: 'sla.alerted', payload: alerted })).toEqual({ type: 'event', name: 'sla.alerted', payload: alerted });
    expect(parseCoreMessage({ type: 'event', name: 'sla.alerted', payload: { ...alerted, target: 'lunch' } })).toBeNull();
    expect(parseCoreMessage({ type: 'event', name: 'sla.alerted', payload: { ...alerted, kind: 'maybe' } })).toBeNull();
    // Only the events the shell relays: any other RPC event name is not for main.
    expect(parseCoreMessage({ type: 'event', name: 'data.changed', payload: {} })).toBeNull();
  });

  it('sends the core only messages of the shell protocol', () => {
    const child = { on: vi.fn(), postMessage: vi.fn(), kill: vi.fn() } as unknown as UtilityProcess;
    const connection = connectCore(child, { onToken: vi.fn(), onAssignedToMe: vi.fn() });
    connection.post({ type: 'presence', status: 'away' });
    const port = { name: 'core-end' } as never;
    connection.attachPort(port);
    expect(child.postMessage).toHaveBeenNthCalledWith(1, { type: 'presence', status: 'away' });
    expect(child.postMessage).toHaveBeenNthCalledWith(2, { type: 'port' }, [port]);
  });

  it('persists tokens and raises notifications the core asks for', () => {
    let listener: ((data: unknown) => void) | null = null;
    const child = {
      on: (_: string, l: (data: unknown) => void) => (listener = l),
      postMessage: vi.fn(),
      kill: vi.fn(),
    } as unknown as UtilityProcess;
    const onToken = vi.fn();
    const onAssignedToMe = vi.fn();
    const connection = connectCore(child, { onToken, onAssignedToMe });
    listener!({ type: 'token', token: 't1' });
    listener!({ type: 'event', name: 'conversation.assignedToMe', payload: { conversationId: 'c1', contactName: '王芳', preview: '快递三天没动了' } });
    listener!({ type: 'garbage' });
    expect(onToken).toHaveBeenCalledWith('t1');
    expect(onAssignedToMe).toHaveBeenCalledWith({ conversationId: 'c1', contactName: '王芳', preview: '快递三天没动了' });
    connection.restoreToken('t2');
    expect(child.postMessage).toHaveBeenCalledWith({ type: 'token', token: 't2' });
  });
});

describe('asking the core whether a restart would interrupt the agent', () => {
  function child() {
    let listener: ((data: unknown) => void) | null = null;
    const posted: unknown[] = [];
    const process = {
      on: (_: string, l: (data: unknown) => void) => (listener = l),
      postMessage: (message: unknown) => posted.push(message),
      kill: vi.fn(),
    } as unknown as UtilityProcess;
    return { process, posted, reply: (data: unknown) => listener!(data) };
  }

  it('matches the answer to its question, and refuses a malformed answer', async () => {
    const core = child();
    const connection = connectCore(core.process, { onToken: vi.fn(), onAssignedToMe: vi.fn() });
    const first = connection.busy();
    const second = connection.busy();
    expect(core.posted).toEqual([
      { type: 'busyQuery', requestId: 0 },
      { type: 'busyQuery', requestId: 1 },
    ]);
    core.reply({ type: 'busy', requestId: 1, busy: true, reason: 'draft' });
    core.reply({ type: 'busy', requestId: 0, busy: 'no', reason: null });
    core.reply({ type: 'busy', requestId: 0, busy: false, reason: null });
    await expect(second).resolves.toEqual({ busy: true, reason: 'draft' });
    await expect(first).resolves.toEqual({ busy: false, reason: null });
  });

  it('counts a core that does not answer as busy', async () => {
    vi.useFakeTimers();
    try {
      const core = child();
      const connection = connectCore(core.process, { onToken: vi.fn(), onAssignedToMe: vi.fn() });
      const answer = connection.busy();
      await vi.advanceTimersByTimeAsync(2_000);
      await expect(answer).resolves.toEqual({ busy: true, reason: null });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('token store', () => {
  const fakeSafeStorage = (available: boolean) =>
    ({
      isEncryptionAvailable: () => available,
      encryptString: (plain: string) => Buffer.from(`sealed:${Buffer.from(plain).toString('base64')}`),
      decryptString: (sealed: Buffer) => Buffer.from(sealed.toString().replace('sealed:', ''), 'base64').toString(),
    }) as unknown as SafeStorage;

  it('never writes the token in plain text and restores it after a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-token-'));
    const store = createTokenStore(fakeSafeStorage(true), dir);
    await store.save('secret-token-value');
    const onDisk = readFileSync(join(dir, 'session.bin'), 'utf8');
    expect(onDisk).not.toContain('secret-token-value');
    expect(statSync(join(dir, 'session.bin')).mode & 0o077).toBe(0);
    expect(await createTokenStore(fakeSafeStorage(true), dir).load()).toBe('secret-token-value');
    await store.save(null);
    expect(existsSync(join(dir, 'session.bin'))).toBe(false);
  });

  it('keeps nothing on disk when the OS offers no encryption', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-token-'));
    const store = createTokenStore(fakeSafeStorage(false), dir);
    await store.save('secret-token-value');
    expect(existsSync(join(dir, 'session.bin'))).toBe(false);
    expect(await store.load()).toBeNull();
  });
});
