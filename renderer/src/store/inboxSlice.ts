/**
 * The inbox as a window onto the core's rows: pages of INBOX_PAGE rows fetched on demand (after
 * the previous page's last row when it is held, else by offset), never the whole queue.
 * `inboxTotal` (from the latest page) sizes the scroll area.
 *
 * Invariants:
 * - A page response is kept only if it belongs to the current generation; changing the query or
 *   refreshing after `data.changed` bumps the generation, so late answers cannot mix queries.
 * - On refresh, the old pages stay on screen (no flicker) until their replacements arrive; a page
 *   of an older generation is refetched when it scrolls into view; at most MAX_CACHED_PAGES are held.
 * - A row is *fresh* while no `data.changed` has named it since it was read. A page is fetched
 *   naming the fresh rows held around it as `known`: the core answers their ids in order and sends
 *   only the rest, and the held row objects are kept (memoized rows do not re-render). A change
 *   that may touch any row (a contact, an SLA policy, a new session) makes every row stale.
 */
import {
  INBOX_KNOWN_MAX,
  type InboxPage,
  type InboxQuery,
  type InboxRow,
  type InboxScope,
  type InboxSort,
  type SearchHit,
} from '../../../shared/contracts/rpc';
import type { Channel, ConversationStatus, Priority } from '../../../shared/domain/model';
import { getApi, errorMessage } from '../api/client';
import type { SliceCreator } from './types';

export const INBOX_PAGE = 100;
const MAX_CACHED_PAGES = 12;
const SEARCH_LIMIT = 50;

export interface InboxFilters {
  scope: InboxScope;
  statuses: ConversationStatus[];
  channels: Channel[];
  priorities: Priority[];
  sort: InboxSort;
  /** Only conversations with an SLA target due within 30 minutes or already breached. */
  breachingWithin30m?: boolean;
}

interface CachedPage {
  rows: InboxRow[];
  generation: number;
  /** Cursor after the page's last row: the next page is read from it (one index seek). */
  next?: string;
}

export type SearchStatus = 'idle' | 'loading' | 'done' | 'error';

export interface InboxSlice {
  inboxFilters: InboxFilters;
  /** null until the first page of the current query has answered. */
  inboxTotal: number | null;
  inboxPages: Record<number, CachedPage>;
  inboxGeneration: number;
  inboxError: string | null;
  /** Index range the list currently shows, used to decide which pages a refresh reloads. */
  inboxVisible: { start: number; end: number };
  selectedIndex: number;
  searchText: string;
  searchHits: SearchHit[];
  searchStatus: SearchStatus;
  searchError: string | null;
  searchSelectedIndex: number;

  setInboxFilters(change: Partial<InboxFilters>): void;
  ensureInboxRange(start: number, end: number): void;
  /** Reloads the rows in view after `data.changed`: `changedIds` names the rows that changed, absent means any. */
  refreshInbox(changedIds?: readonly string[]): void;
  resetInbox(): void;
  moveSelection(delta: number): void;
  setSelectedIndex(index: number): void;
  setSearchText(text: string): void;
  runSearch(): Promise<void>;
  clearSearch(): void;
}

/** Pages already being fetched for a generation: `${generation}:${page}`. Not view state. */
const inFlight = new Set<string>();

const pageOf = (index: number) => Math.floor(index / INBOX_PAGE);

export function inboxRowAt(pages: Record<number, CachedPage>, index: number): InboxRow | undefined {
  return pages[pageOf(index)]?.rows[index % INBOX_PAGE];
}

/**
 * Scrolling down reads page n after page n−1's last row (`after`) when that page is held for the
 * same generation; otherwise (a jump, scrolling up past evicted pages) by offset.
 */
function queryFor(
  filters: InboxFilters,
  page: number,
  previous: CachedPage | undefined,
  generation: number,
  known: readonly string[],
): InboxQuery {
  const after =
    previous && previous.generation === generation && previous.rows.length === INBOX_PAGE
      ? previous.next
      : undefined;
  return {
    scope: filters.scope,
    sort: filters.sort,
    ...(filters.statuses.length ? { statuses: filters.statuses } : {}),
    ...(filters.channels.length ? { channels: filters.channels } : {}),
    ...(filters.priorities.length ? { priorities: filters.priorities } : {}),
    ...(filters.breachingWithin30m ? { slaFilter: 'breachingWithin30m' as const } : {}),
    ...(after ? { after, offset: 0 } : { offset: page * INBOX_PAGE }),
    ...(known.length ? { known: [...known] } : {}),
    limit: INBOX_PAGE,
  };
}

/** The page's rows: those sent, and the held ones the core named in `order`; null if one is missing. */
function rowsOf(result: InboxPage, known: ReadonlyMap<string, InboxRow>): InboxRow[] | null {
  if (!result.order) return result.rows;
  const sent = new Map(result.rows.map((row) => [row.id, row]));
  const rows: InboxRow[] = [];
  for (const id of result.order) {
    const row = sent.get(id) ?? known.get(id);
    if (!row) return null;
    rows.push(row);
  }
  return rows;
}

const initialFilters: InboxFilters = { scope: 'mine', statuses: [], channels: [], priorities: [], sort: 'newest' };

export const createInboxSlice: SliceCreator<InboxSlice> = (set, get) => {
  /** Ids of held rows no `data.changed` has named since they were read. Not view state. */
  let fresh = new Set<string>();

  /** Fresh rows held on the page and the pages either side: what the core need not send again. */
  const knownAround = (page: number): Map<string, InboxRow> => {
    const known = new Map<string, InboxRow>();
    const pages = get().inboxPages;
    for (const near of [page, page - 1, page + 1]) {
      for (const row of pages[near]?.rows ?? []) {
        if (known.size >= INBOX_KNOWN_MAX) return known;
        if (fresh.has(row.id)) known.set(row.id, row);
      }
    }
    return known;
  };

  const fetchPage = async (page: number, generation: number, useKnown = true): Promise<void> => {
    const key = `${generation}:${page}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    let retryWhole = false;
    try {
      const known = useKnown ? knownAround(page) : new Map<string, InboxRow>();
      const result = await getApi().inbox.list(
        queryFor(get().inboxFilters, page, get().inboxPages[page - 1], generation, [...known.keys()]),
      );
      if (get().inboxGeneration !== generation) return;
      const rows = rowsOf(result, known);
      if (!rows) {
        retryWhole = true; // cannot happen unless the core broke the contract: read the page whole
        return;
      }
      const pages = trimPages(
        { ...get().inboxPages, [page]: { rows, generation, ...(result.next ? { next: result.next } : {}) } },
        get().inboxVisible,
      );
      for (const row of rows) fresh.add(row.id);
      if (fresh.size > INBOX_KNOWN_MAX * 4) fresh = heldFresh(pages, fresh);
      set({ inboxPages: pages, inboxTotal: result.total, inboxError: null });
    } catch (error) {
      if (get().inboxGeneration === generation) set({ inboxError: errorMessage(error) });
    } finally {
      inFlight.delete(key);
    }
    if (retryWhole) await fetchPage(page, generation, false);
  };

  return {
    inboxFilters: initialFilters,
    inboxTotal: null,
    inboxPages: {},
    inboxGeneration: 0,
    inboxError: null,
    inboxVisible: { start: 0, end: 0 },
    selectedIndex: 0,
    searchText: '',
    searchHits: [],
    searchStatus: 'idle',
    searchError: null,
    searchSelectedIndex: 0,

    setInboxFilters(change) {
      set({
        inboxFilters: { ...get().inboxFilters, ...change },
        inboxGeneration: get().inboxGeneration + 1,
        inboxPages: {},
        inboxTotal: null,
        inboxError: null,
        selectedIndex: 0,
        inboxVisible: { start: 0, end: 0 },
      });
      void fetchPage(0, get().inboxGeneration);
    },

    ensureInboxRange(start, end) {
      const { inboxVisible, inboxPages, inboxGeneration, inboxTotal } = get();
      if (inboxVisible.start !== start || inboxVisible.end !== end) set({ inboxVisible: { start, end } });
      const last = inboxTotal === null ? start : Math.min(end, Math.max(0, inboxTotal - 1));
      for (let page = pageOf(start); page <= pageOf(last); page++) {
        if (inboxPages[page]?.generation !== inboxGeneration) void fetchPage(page, inboxGeneration);
      }
    },

    refreshInbox(changedIds) {
      if (changedIds) for (const id of changedIds) fresh.delete(id);
      else fresh.clear();
      const generation = get().inboxGeneration + 1;
      const { start, end } = get().inboxVisible;
      set({ inboxGeneration: generation, inboxPages: trimPages(get().inboxPages, { start, end }) });
      for (let page = pageOf(start); page <= pageOf(end); page++) void fetchPage(page, generation);
    },

    resetInbox() {
      fresh.clear();
      set({
        inboxFilters: initialFilters,
        inboxGeneration: get().inboxGeneration + 1,
        inboxPages: {},
        inboxTotal: null,
        inboxError: null,
        selectedIndex: 0,
        inboxVisible: { start: 0, end: 0 },
        searchText: '',
        searchHits: [],
        searchStatus: 'idle',
        searchError: null,
      });
    },

    moveSelection(delta) {
      if (get().searchText.trim()) {
        const count = get().searchHits.length;
        if (count === 0) return;
        set({ searchSelectedIndex: clamp(get().searchSelectedIndex + delta, 0, count - 1) });
        return;
      }
      const total = get().inboxTotal ?? 0;
      if (total === 0) return;
      set({ selectedIndex: clamp(get().selectedIndex + delta, 0, total - 1) });
    },

    setSelectedIndex(index) {
      set({ selectedIndex: index });
    },

    setSearchText(text) {
      set({ searchText: text, searchSelectedIndex: 0 });
      if (!text.trim()) set({ searchHits: [], searchStatus: 'idle', searchError: null });
    },

    async runSearch() {
      const query = get().searchText.trim();
      if (!query) return;
      set({ searchStatus: 'loading', searchError: null });
      try {
        const { hits } = await getApi().inbox.search({ query, limit: SEARCH_LIMIT });
        if (get().searchText.trim() !== query) return;
        set({ searchHits: hits, searchStatus: 'done', searchSelectedIndex: 0 });
      } catch (error) {
        if (get().searchText.trim() === query) set({ searchStatus: 'error', searchError: errorMessage(error) });
      }
    },

    clearSearch() {
      set({ searchText: '', searchHits: [], searchStatus: 'idle', searchError: null, searchSelectedIndex: 0 });
    },
  };
};

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** The fresh ids among the rows still held (the set is pruned to them when it grows). */
function heldFresh(pages: Record<number, CachedPage>, fresh: ReadonlySet<string>): Set<string> {
  const kept = new Set<string>();
  for (const page of Object.values(pages)) for (const row of page.rows) if (fresh.has(row.id)) kept.add(row.id);
  return kept;
}

/** Keeps the pages nearest the visible range, at most MAX_CACHED_PAGES of them. */
function trimPages(pages: Record<number, CachedPage>, visible: { start: number; end: number }): Record<number, CachedPage> {
  const keys = Object.keys(pages).map(Number);
  if (keys.length <= MAX_CACHED_PAGES) return pages;
  const centre = (pageOf(visible.start) + pageOf(visible.end)) / 2;
  keys.sort((a, b) => Math.abs(a - centre) - Math.abs(b - centre));
  const kept: Record<number, CachedPage> = {};
  for (const key of keys.slice(0, MAX_CACHED_PAGES)) kept[key] = pages[key]!;
  return kept;
}
