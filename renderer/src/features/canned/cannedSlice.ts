/**
 * The canned-response library as the core lists it, and every call the canned features make to
 * the core (writes, suggestions, CSV, composer drafts). A view of the core, never a second
 * database: store/coreEvents.ts reloads it when `data.changed` names a canned record (a sync, a
 * local write, an ack or a rollback), once a screen has loaded it.
 */
import type { CannedListItem } from '../../../../shared/contracts/canned';
import type { RpcInput, RpcOutput } from '../../../../shared/contracts/rpc';
import { getApi } from '../../api/client';
import type { SliceCreator } from '../../store/types';

type Draft = RpcOutput<'draft.get'>;

export interface CannedLibrary {
  responses: CannedListItem[];
  loaded: boolean;
  load(): Promise<void>;
  /** Creates (no `id`) or updates a response; rejects with the core's error. */
  save(fields: RpcInput<'canned.create'>, id?: string): Promise<void>;
  remove(id: string): Promise<void>;
  /** The agent inserted it (usage count); a failure changes nothing the agent sees. */
  markUsed(id: string): void;
  suggest(conversationId: string): Promise<CannedListItem[]>;
  importCsv(csv: string): Promise<RpcOutput<'canned.import'>>;
  exportCsv(): Promise<RpcOutput<'canned.export'>>;
  loadDraft(conversationId: string): Promise<Draft>;
  /** Kept by the core per conversation; a failure is dropped (the next change saves again). */
  saveDraft(conversationId: string, text: string, subject: string): void;
}

export interface CannedSlice {
  canned: CannedLibrary;
}

export const createCannedSlice: SliceCreator<CannedSlice> = (set) => {
  const patch = (change: Partial<Pick<CannedLibrary, 'responses' | 'loaded'>>) =>
    set((state) => ({ canned: { ...state.canned, ...change } }));
  return {
    canned: {
      responses: [],
      loaded: false,
      async load() {
        try {
          const { responses } = await getApi().canned.list({});
          patch({ responses, loaded: true });
        } catch {
          patch({ loaded: true }); // signed out or core restarting: the next data.changed reloads
        }
      },
      async save(fields, id) {
        if (id) await getApi().canned.update({ ...fields, id });
        else await getApi().canned.create(fields);
      },
      async remove(id) {
        await getApi().canned.delete({ id });
      },
      markUsed(id) {
        void getApi()
          .canned.markUsed({ id })
          .catch(() => undefined);
      },
      async suggest(conversationId) {
        return (await getApi().canned.suggest({ conversationId })).responses;
      },
      importCsv: (csv) => getApi().canned.import({ csv }),
      exportCsv: () => getApi().canned.export({}),
      loadDraft: (conversationId) => getApi().draft.get({ conversationId }),
      saveDraft(conversationId, text, subject) {
        void getApi()
          .draft.save({ conversationId, text, subject })
          .catch(() => undefined);
      },
    },
  };
};
