/**
 * The admin screen's drafts: for each settings list, what the server holds (`saved`) and what the
 * admin is editing (`draft`). A slice of the window's store, so switching tabs or screens keeps
 * unsaved edits. Nothing is cached beyond the window: every load asks the server through the core
 * (scorecards excepted: they are synced records, read from the core's cache; see scorecardStore.ts).
 */
import type { SwitchboardApi } from '../../../../shared/contracts/rpcTransport';
import type { AlertSettings } from '../../../../shared/alerts';
import type { KnowledgeEntryInput } from '../../../../shared/contracts/knowledge';
import type { AutoQaRule } from '../../../../shared/qa/autoQa';
import type { SamplingRule } from '../../../../shared/qa/sampling';
import type { BusinessCalendarRecord, SlaPolicyRecord } from '../../../../shared/sla/policies';
import { errorCode, errorMessage, getApi } from '../../api/client';
import { useAppStore } from '../../store';
import type { SliceCreator } from '../../store/types';
import type { ScorecardDraft } from './qaValidation';
import { fetchScorecards, pendingScorecards, saveChangedScorecards } from './scorecardStore';

export interface AdminLists {
  policies: SlaPolicyRecord[];
  calendars: BusinessCalendarRecord[];
  knowledge: KnowledgeEntryInput[];
  scorecards: ScorecardDraft[];
  autoQa: AutoQaRule[];
  /** Edited on the Quality screen's Sampling tab (leads and admins), not on the admin screen. */
  sampling: SamplingRule[];
}
export type AdminTab = keyof AdminLists;
/** The admin screen's list tabs (sampling rules are edited on the Quality screen). */
export const ADMIN_TABS: readonly Exclude<AdminTab, 'sampling'>[] = ['policies', 'calendars', 'knowledge', 'scorecards', 'autoQa'];

export interface ListState<T> {
  saved: T | null;
  draft: T | null;
  loading: boolean;
  loadError: { code: string; message: string } | null;
  saving: boolean;
  /** The server's refusal of the last save, word for word. */
  serverError: { code: string; message: string } | null;
  /** A save was tried: show every problem, including fields not filled in yet. */
  attempted: boolean;
}

type Lists = { [K in AdminTab]: ListState<AdminLists[K]> };

export interface AdminView extends Lists {
  /** Whose drafts these are: another sign-in in the same window starts from the server's lists. */
  owner: string | null;
  claim(agentId: string): void;
  load(tab: AdminTab): Promise<void>;
  edit<K extends AdminTab>(tab: K, update: (draft: AdminLists[K]) => AdminLists[K]): void;
  discard(tab: AdminTab): void;
  markAttempted(tab: AdminTab): void;
  /** Resolves true when the server stored the draft (scorecards: when the core queued the new versions). */
  save(tab: AdminTab): Promise<boolean>;
  /**
   * The server refused a scorecard save (it went through the outbox): its words above the editor,
   * the admin's edits kept as the draft against what the server holds.
   */
  scorecardRefused(refusal: { code: string; message: string }): Promise<void>;
  /** Alert settings are one object, edited by AlertSettingsTab's own draft: read and replace them. */
  fetchAlertSettings(): Promise<AlertSettings>;
  storeAlertSettings(settings: AlertSettings): Promise<AlertSettings>;
  /** Webhook endpoints: straight through the core to the server (nothing kept here). */
  webhooks: SwitchboardApi['webhooks'];
  /** Classifier versions: likewise straight through. */
  nluModels: SwitchboardApi['nluModels'];
  /** Channel connectors' health and the web chat widget channels: likewise. */
  connectors: SwitchboardApi['connectors'];
  widgetChannels: SwitchboardApi['widgetChannels'];
}

const empty = <T>(): ListState<T> => ({
  saved: null,
  draft: null,
  loading: false,
  loadError: null,
  saving: false,
  serverError: null,
  attempted: false,
});

async function fetchList<K extends AdminTab>(tab: K, held: AdminLists[K] | null): Promise<AdminLists[K]> {
  const admin = getApi().admin;
  if (tab === 'policies') return (await admin['slaPolicies.get']({})).policies as AdminLists[K];
  if (tab === 'calendars') return (await admin['calendars.get']({})).calendars as AdminLists[K];
  if (tab === 'scorecards')
    return (await fetchScorecards(held as AdminLists['scorecards'] | null)) as AdminLists[K];
  if (tab === 'autoQa') return (await admin['autoQaRules.get']({})).rules as AdminLists[K];
  if (tab === 'sampling') return (await getApi().qa['samplingRules.get']({})).rules as AdminLists[K];
  return (await admin['knowledge.get']({})).entries as AdminLists[K];
}

async function storeList<K extends AdminTab>(
  tab: K,
  list: AdminLists[K],
  saved: AdminLists[K] | null,
): Promise<AdminLists[K]> {
  const admin = getApi().admin;
  if (tab === 'scorecards')
    return (await saveChangedScorecards(
      list as AdminLists['scorecards'],
      (saved ?? []) as AdminLists['scorecards'],
    )) as AdminLists[K];
  if (tab === 'autoQa')
    return (await admin['autoQaRules.put']({ rules: list as AdminLists['autoQa'] })).rules as AdminLists[K];
  if (tab === 'sampling')
    return (await getApi().qa['samplingRules.put']({ rules: list as AdminLists['sampling'] }))
      .rules as AdminLists[K];
  if (tab === 'policies')
    return (await admin['slaPolicies.put']({ policies: list as AdminLists['policies'] }))
      .policies as AdminLists[K];
  if (tab === 'calendars')
    return (await admin['calendars.put']({ calendars: list as AdminLists['calendars'] }))
      .calendars as AdminLists[K];
  return (await admin['knowledge.put']({ entries: list as AdminLists['knowledge'] }))
    .entries as AdminLists[K];
}

export function isDirty(state: Pick<ListState<unknown>, 'draft' | 'saved'>): boolean {
  return (
    state.draft !== null &&
    state.saved !== null &&
    JSON.stringify(state.draft) !== JSON.stringify(state.saved)
  );
}

export interface AdminSlice {
  admin: AdminView;
}

export const createAdminSlice: SliceCreator<AdminSlice> = (setState, getState) => {
  const get = () => getState().admin;
  const set = (change: Partial<AdminView>) => setState((state) => ({ admin: { ...state.admin, ...change } }));
  // Each list's state is replaced whole; callers keep a list's draft and saved of its own type.
  const patch = (tab: AdminTab, change: Partial<ListState<unknown>>) =>
    set({ [tab]: { ...get()[tab], ...change } } as unknown as Partial<AdminView>);

  return {
    admin: {
      fetchAlertSettings: async () => (await getApi().admin['alertSettings.get']({})).settings,
      storeAlertSettings: async (settings) => (await getApi().admin['alertSettings.put']({ settings })).settings,
      webhooks: {
        list: (input) => getApi().webhooks.list(input),
        create: (input) => getApi().webhooks.create(input),
        update: (input) => getApi().webhooks.update(input),
        remove: (input) => getApi().webhooks.remove(input),
        deliveries: (input) => getApi().webhooks.deliveries(input),
      },
      nluModels: {
        list: (input) => getApi().nluModels.list(input),
        retrain: (input) => getApi().nluModels.retrain(input),
        activate: (input) => getApi().nluModels.activate(input),
      },
      connectors: { list: (input) => getApi().connectors.list(input) },
      widgetChannels: {
        list: (input) => getApi().widgetChannels.list(input),
        create: (input) => getApi().widgetChannels.create(input),
      },
      policies: empty(),
      calendars: empty(),
      knowledge: empty(),
      scorecards: empty(),
      autoQa: empty(),
      sampling: empty(),
      owner: null,
      claim(agentId) {
        if (get().owner !== agentId) {
          pendingScorecards.clear();
          set({
            owner: agentId,
            policies: empty(),
            calendars: empty(),
            knowledge: empty(),
            scorecards: empty(),
            autoQa: empty(),
            sampling: empty(),
          });
        }
      },
      async load(tab) {
        if (get()[tab].loading) return;
        patch(tab, { loading: true, loadError: null });
        try {
          const list = await fetchList(tab, get()[tab].saved as never);
          const keepDraft = isDirty(get()[tab]);
          patch(tab, { saved: list, draft: keepDraft ? get()[tab].draft : list, loading: false });
        } catch (failure) {
          patch(tab, {
            loading: false,
            loadError: { code: errorCode(failure), message: errorMessage(failure) },
          });
        }
      },
      edit(tab, update) {
        const draft = get()[tab].draft;
        if (draft === null) return;
        patch(tab, { draft: update(draft as never), serverError: null });
      },
      discard(tab) {
        patch(tab, { draft: get()[tab].saved, serverError: null, attempted: false });
      },
      markAttempted(tab) {
        patch(tab, { attempted: true });
      },
      async save(tab) {
        const { draft, saved, saving } = get()[tab];
        if (draft === null || saving) return false;
        patch(tab, { saving: true, serverError: null, attempted: true });
        try {
          const stored = await storeList(tab, draft as never, saved as never);
          patch(tab, { saved: stored, draft: stored, saving: false, attempted: false });
          return true;
        } catch (failure) {
          patch(tab, {
            saving: false,
            serverError: { code: errorCode(failure), message: errorMessage(failure) },
          });
          return false;
        }
      },
      async scorecardRefused(refusal) {
        pendingScorecards.clear();
        const { draft } = get().scorecards;
        if (draft === null) return;
        patch('scorecards', { serverError: refusal });
        try {
          patch('scorecards', { saved: await fetchScorecards(draft) });
        } catch {
          // The cache is local: a failed read leaves the last list, and the next change reloads it.
        }
      },
    },
  };
};

/** Read the admin slice with a selector (wrap derived objects in useShallow). */
export function useAdmin<T>(selector: (admin: AdminView) => T): T {
  return useAppStore((state) => selector(state.admin));
}
