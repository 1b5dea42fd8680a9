/**
 * The feature slices follow the core through store/coreEvents.ts: a `data.changed` that names a
 * canned response reloads the library, one that names an alert reloads the lead's alerts, and
 * nothing reloads what no screen has shown yet. Who else is in a conversation and the toast for a
 * raised alert arrive the same way.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { connectCoreEvents } from '../../../renderer/src/store/coreEvents';
import { createAppStore } from '../../../renderer/src/store';

type Listener = (payload: unknown) => void;

const calls: string[] = [];
/** What the window told the desktop shell. */
const shellCalls: string[] = [];
let listeners = new Map<string, Listener[]>();
let library = [{ id: 'r1', title: 'Greeting' }];
const api = {
  canned: { list: async () => (calls.push('canned.list'), { responses: library }) },
  alerts: { list: async () => (calls.push('alerts.list'), { alerts: [], unacknowledged: 2 }) },
  live: { queues: async () => (calls.push('live.queues'), { teams: [] }) },
  presence: { get: async () => (calls.push('presence.get'), null) },
  inbox: { list: async () => ({ total: 0, rows: [] }), search: async () => ({ hits: [] }) },
  conversation: {
    get: async () => (calls.push('conversation.get'), null),
    markRead: async ({ conversationId }: { conversationId: string }) => (calls.push(`markRead ${conversationId}`), { ok: true }),
  },
  desktop: {
    setPreferences: async (changes: { language: string }) => (shellCalls.push(`desktop.language ${changes.language}`), changes),
  },
  on(event: string, listener: Listener) {
    listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    return () => undefined;
  },
};
const emit = (event: string, payload: unknown) => {
  for (const listener of listeners.get(event) ?? []) listener(payload);
};
const globals = globalThis as { window?: unknown };
globals.window = { switchboard: api };
afterAll(() => {
  delete globals.window;
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 80));
const changed = (records: { kind: string; id: string }[]) =>
  emit('data.changed', { conversationIds: [], inbox: false, directory: false, records });

function signedInStore() {
  const store = createAppStore('en');
  store.setState({ sessionPhase: 'signedIn' });
  connectCoreEvents(api as never, store);
  return store;
}

beforeEach(() => {
  calls.length = 0;
  listeners = new Map();
  library = [{ id: 'r1', title: 'Greeting' }];
});

describe('feature slices after data.changed', () => {
  it('reload the canned library when a change names a canned response, once a screen loaded it', async () => {
    const store = signedInStore();
    changed([{ kind: 'canned', id: 'r1' }]);
    await settle();
    expect(calls).toEqual([]); // nothing shows the library yet

    await store.getState().canned.load();
    library = [...library, { id: 'r2', title: 'Refund' }];
    changed([{ kind: 'canned', id: 'r2' }]);
    await settle();
    expect(store.getState().canned.responses.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(calls).toEqual(['canned.list', 'canned.list']);
  });

  it('reload alerts for an alert record only, and never the library for it', async () => {
    const store = signedInStore();
    await store.getState().canned.load();
    await store.getState().live.loadAlerts();
    calls.length = 0;
    changed([{ kind: 'alert', id: 'a1' }]);
    await settle();
    expect(calls).toEqual(['alerts.list']);
    expect(store.getState().live.unacknowledged).toBe(2);
  });

  it('take who else is in a conversation and a raised alert from the core', () => {
    const store = signedInStore();
    emit('collision.changed', { conversationId: 'c1', agents: [{ id: 'a2', name: '王芳', typing: true }] });
    expect(store.getState().collision.others.c1).toEqual([{ id: 'a2', name: '王芳', typing: true }]);
    emit('alert.raised', { kind: 'vip_waiting', contactName: '何俊杰', conversationId: 'c1' });
    expect(store.getState().toasts.at(-1)).toMatchObject({
      key: 'live.toast.vip_waiting',
      params: { name: '何俊杰' },
    });
  });
});

describe('the desktop shell through the core', () => {
  beforeEach(() => {
    calls.length = 0;
    shellCalls.length = 0;
    listeners = new Map();
  });

  it('tells the core the window’s language, and again when the agent switches it', async () => {
    const store = signedInStore();
    await settle();
    expect(shellCalls).toEqual(['desktop.language en']);
    // What uiSlice.setLanguage stores once i18next switched.
    store.setState({ language: 'zh-CN' });
    await settle();
    expect(shellCalls).toEqual(['desktop.language en', 'desktop.language zh-CN']);
  });

  it('opens the conversation a notification or a switchboard:// link names, on the inbox screen', async () => {
    const store = signedInStore();
    store.getState().setScreen('live');
    emit('desktop.openConversation', { conversationId: 'conv-7' });
    await settle();
    expect(store.getState().screen).toBe('inbox');
    expect(store.getState().openId).toBe('conv-7');
    expect(calls).toContain('markRead conv-7');
  });
});
