/**
 * After `data.changed` the inbox reloads the rows in view naming the rows it still holds unchanged:
 * only new or changed rows cross from the core, and held rows keep their object (memoized rows do
 * not re-render). A change that may touch any row reloads the page whole.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { InboxPage, InboxQuery, InboxRow } from '../../../shared/contracts/rpc';
import { connectCoreEvents } from '../../../renderer/src/store/coreEvents';
import { createAppStore } from '../../../renderer/src/store';
import { inboxRowAt } from '../../../renderer/src/store/inboxSlice';

type Listener = (payload: unknown) => void;

/** The core's side of `inbox.list`, over an ordered list of rows (newest first). */
class FakeInbox {
  rows: InboxRow[] = [];
  requests: InboxQuery[] = [];
  listeners = new Map<string, Listener[]>();
  private version = 0;

  row(id: string): InboxRow {
    this.version++;
    return { id, contactName: `Customer ${id}`, lastMessagePreview: `v${this.version}` } as unknown as InboxRow;
  }

  /** A copy per answer, as over IPC: an object the window already holds is never the one sent. */
  async list(query: InboxQuery): Promise<InboxPage> {
    this.requests.push(query);
    const page = this.rows.slice(query.offset, query.offset + query.limit).map((row) => ({ ...row }));
    if (!query.known) return { total: this.rows.length, rows: page };
    const known = new Set(query.known);
    return { total: this.rows.length, order: page.map((row) => row.id), rows: page.filter((row) => !known.has(row.id)) };
  }

  emit(event: string, payload: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }
}

const inbox = new FakeInbox();
const api = {
  inbox: { list: (query: InboxQuery) => inbox.list(query), search: async () => ({ hits: [] }) },
  desktop: { setPreferences: async () => ({}) },
  on(event: string, listener: Listener) {
    inbox.listeners.set(event, [...(inbox.listeners.get(event) ?? []), listener]);
    return () => undefined;
  },
};
const globals = globalThis as { window?: unknown };
globals.window = { switchboard: api };
afterAll(() => {
  delete globals.window;
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 80));

function signedInStore() {
  const store = createAppStore('en');
  store.setState({ sessionPhase: 'signedIn' });
  connectCoreEvents(api as never, store);
  return store;
}

const shown = (store: ReturnType<typeof signedInStore>, count: number) =>
  Array.from({ length: count }, (_, i) => inboxRowAt(store.getState().inboxPages, i));

beforeEach(() => {
  inbox.rows = ['c3', 'c2', 'c1'].map((id) => inbox.row(id));
  inbox.requests = [];
  inbox.listeners.clear(); // each test's store listens alone
});

describe('inbox refresh after data.changed', () => {
  it('a new conversation costs one row: held rows are named as known and kept as they were', async () => {
    const store = signedInStore();
    store.getState().setInboxFilters({ scope: 'all' });
    await settle();
    store.getState().ensureInboxRange(0, 2);
    const before = shown(store, 3);
    expect(before.map((row) => row?.id)).toEqual(['c3', 'c2', 'c1']);

    inbox.rows.unshift(inbox.row('c4'));
    inbox.emit('data.changed', { conversationIds: ['c4'], inbox: true, directory: false, onlyListed: true });
    await settle();

    const request = inbox.requests.at(-1)!;
    expect([...(request.known ?? [])].sort()).toEqual(['c1', 'c2', 'c3']);
    const after = shown(store, 4);
    expect(after.map((row) => row?.id)).toEqual(['c4', 'c3', 'c2', 'c1']);
    expect(after[1]).toBe(before[0]);
    expect(after[3]).toBe(before[2]);
    expect(store.getState().inboxTotal).toBe(4);
  });

  it('a changed row is fetched again, never taken from what the window held', async () => {
    const store = signedInStore();
    store.getState().setInboxFilters({ scope: 'all' });
    await settle();
    store.getState().ensureInboxRange(0, 2);
    const before = shown(store, 3);

    inbox.rows[1] = inbox.row('c2'); // a new message in c2, same position
    inbox.emit('data.changed', { conversationIds: ['c2'], inbox: true, directory: false, onlyListed: true });
    await settle();

    expect([...(inbox.requests.at(-1)!.known ?? [])].sort()).toEqual(['c1', 'c3']);
    const after = shown(store, 3);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]?.lastMessagePreview).toBe(inbox.rows[1]!.lastMessagePreview);
    expect(after[0]).toBe(before[0]);
  });

  it('a change that may touch any row (a contact renamed) reloads the page whole', async () => {
    const store = signedInStore();
    store.getState().setInboxFilters({ scope: 'all' });
    await settle();
    store.getState().ensureInboxRange(0, 2);
    const before = shown(store, 3);

    inbox.rows = inbox.rows.map((row) => ({ ...row, contactName: `${row.contactName} (renamed)` }));
    // Two changes in one burst: one names its row only, the other may touch any.
    inbox.emit('data.changed', { conversationIds: ['c1'], inbox: true, directory: false, onlyListed: true });
    inbox.emit('data.changed', { conversationIds: [], inbox: true, directory: true });
    await settle();

    expect(inbox.requests.at(-1)!.known).toBeUndefined();
    const after = shown(store, 3);
    expect(after.map((row) => row?.contactName)).toEqual(inbox.rows.map((row) => row.contactName));
    expect(after[0]).not.toBe(before[0]);
  });

  it('the first change after a quiet spell reloads at once; a burst reloads at most once per interval', async () => {
    const store = signedInStore();
    store.getState().setInboxFilters({ scope: 'all' });
    await settle();
    store.getState().ensureInboxRange(0, 2);
    await settle();
    const before = inbox.requests.length;

    inbox.rows.unshift(inbox.row('c4'));
    inbox.emit('data.changed', { conversationIds: ['c4'], inbox: true, directory: false, onlyListed: true });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(inbox.requests.length).toBe(before + 1); // well inside the 50 ms interval

    for (let i = 5; i < 10; i++) {
      inbox.rows.unshift(inbox.row(`c${i}`));
      inbox.emit('data.changed', { conversationIds: [`c${i}`], inbox: true, directory: false, onlyListed: true });
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(inbox.requests.length).toBe(before + 1); // the burst waits for the interval…
    await settle();
    expect(inbox.requests.length).toBe(before + 2); // …and costs one reload
    expect(shown(store, 3).map((row) => row?.id)).toEqual(['c9', 'c8', 'c7']);
  });
});
