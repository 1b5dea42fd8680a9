/**
 * Wires the core's pushed events into the store. `data.changed` reloads at most once per
 * DATA_CHANGED_INTERVAL_MS: the first change after a quiet spell reloads at once (on the next
 * task, so changes of the same tick go together), later ones in a burst wait for the interval, so
 * a sync page of many changes costs one reload, not hundreds. The reload names the changed rows
 * so the core sends only those (inboxSlice.ts), and reloads each feature slice that has loaded
 * what changed: canned responses, alerts, quality reviews and the admin's scorecards when a change names one of their records, the lead's
 * queues (at most every QUEUE_RELOAD_MS) and the agent's presence when inbox rows change. Every
 * event of the core reaches the store here and nowhere else; the window's language goes the other
 * way (to the desktop shell's notifications and tray).
 */
import { playAlertChime } from '../features/live/alertChime';
import type { RecordKind } from '../../../shared/contracts/records';
import type { SwitchboardApi } from '../../../shared/contracts/rpcTransport';
import type { AppStore } from './index';

export const DATA_CHANGED_INTERVAL_MS = 50;
/** A busy sync announces many pages a second: the queue figures reload once per burst. */
export const QUEUE_RELOAD_MS = 250;

export function connectCoreEvents(api: SwitchboardApi, store: AppStore): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastFlushAt = Number.NEGATIVE_INFINITY;
  let changedIds = new Set<string>();
  let inboxChanged = false;
  /** Some change in the burst may have touched rows it did not name. */
  let anyRow = false;
  let directoryChanged = false;
  let recordKinds = new Set<RecordKind>();
  let queueTimer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    timer = null;
    lastFlushAt = Date.now();
    const state = store.getState();
    const ids = changedIds;
    const inbox = inboxChanged;
    const directory = directoryChanged;
    const everyRow = anyRow;
    const kinds = recordKinds;
    recordKinds = new Set();
    changedIds = new Set();
    inboxChanged = false;
    anyRow = false;
    directoryChanged = false;
    if (state.sessionPhase !== 'signedIn') return;
    if (inbox) {
      state.refreshInbox(everyRow ? undefined : [...ids]);
      if (state.searchText.trim()) void state.runSearch();
    }
    if (directory) {
      void state.loadDirectory();
      void state.refreshSync();
    }
    // An empty id list with directory set means "everything may have changed" (e.g. reconnect).
    if (state.openId && (ids.has(state.openId) || (directory && ids.size === 0))) void state.reloadConversation(true);
    // Feature slices reload only what a screen has loaded once.
    if (state.canned.loaded && (kinds.has('canned') || directory)) void state.canned.load();
    if (state.live.alertsLoaded && (kinds.has('alert') || directory)) void state.live.loadAlerts();
    const qaChanged = kinds.has('qa_assignment') || kinds.has('qa_review') || kinds.has('scorecard');
    if (state.qa.loaded && (qaChanged || directory)) void state.qa.load();
    if (state.qa.reviewsLoaded && (qaChanged || directory)) void state.qa.loadReviews();
    if (state.qa.calibrations !== null && (kinds.has('qa_calibration') || directory)) void state.qa.loadCalibrations();
    if (state.admin.scorecards.saved !== null && (kinds.has('scorecard') || directory))
      void state.admin.load('scorecards');
    if (state.presence.loaded && (inbox || directory)) void state.presence.load();
    if (state.live.queuesLoaded && (inbox || directory) && !queueTimer)
      queueTimer = setTimeout(() => {
        queueTimer = null;
        if (store.getState().sessionPhase === 'signedIn') void store.getState().live.loadQueues();
      }, QUEUE_RELOAD_MS);
  };

  const offs = [
    api.on('data.changed', (payload) => {
      for (const id of payload.conversationIds) changedIds.add(id);
      inboxChanged ||= payload.inbox;
      anyRow ||= payload.inbox && !payload.onlyListed;
      directoryChanged ||= payload.directory;
      for (const record of payload.records ?? []) recordKinds.add(record.kind);
      timer ??= setTimeout(flush, Math.max(0, lastFlushAt + DATA_CHANGED_INTERVAL_MS - Date.now()));
    }),
    api.on('sync.statusChanged', (status) => store.getState().setSync(status)),
    api.on('mutation.rejected', (payload) => {
      if (payload.name === 'qa.scorecard.save')
        void store.getState().admin.scorecardRefused({ code: payload.code, message: payload.message });
      store.getState().pushToast({
        key: payload.conversationId ? 'toast.rejected' : 'toast.rejectedOther',
        params: { message: payload.message },
        tone: 'warning',
        conversationId: payload.conversationId,
      });
    }),
    api.on('conversation.assignedToMe', (payload) => {
      store.getState().pushToast({
        key: 'toast.assignedToMe',
        params: { name: payload.contactName },
        tone: 'info',
        conversationId: payload.conversationId,
      });
    }),
    api.on('sla.alerted', (payload) => {
      store.getState().pushToast({
        key: payload.kind === 'breached' ? 'sla.alertedBreached' : 'sla.alertedWarning',
        params: { name: payload.contactName },
        tone: payload.kind === 'breached' ? 'error' : 'warning',
        conversationId: payload.conversationId,
      });
    }),
    // A VIP waiting, an unhappy customer or a low survey score gets a toast too (breaches already
    // have theirs), with a chime unless the lead turned its sound off; the core raises nothing
    // for a kind whose notifications the lead turned off.
    api.on('alert.raised', (payload) => {
      if (!payload.silent) playAlertChime();
      store.getState().pushToast({
        key: `live.toast.${payload.kind}`,
        params: { name: payload.contactName },
        tone: 'warning',
        conversationId: payload.conversationId,
        group: `alert.${payload.kind}`,
      });
    }),
    api.on('collision.changed', ({ conversationId, agents }) =>
      store.getState().collision.changed(conversationId, agents),
    ),
    api.on('collision.customerTyping', ({ conversationId, typing }) =>
      store.getState().collision.customerTypingChanged(conversationId, typing),
    ),
    api.on('session.ended', (payload) => store.getState().endSession(payload.reason)),
    // A native notification was clicked or a switchboard:// link opened (desktop shell).
    api.on('desktop.openConversation', ({ conversationId }) => {
      const state = store.getState();
      if (state.sessionPhase !== 'signedIn') return;
      state.setScreen('inbox');
      state.openConversation(conversationId);
    }),
  ];

  // The shell's notifications and tray speak the window's language.
  const tellLanguage = (language: string) =>
    void api.desktop.setPreferences({ language: language === 'zh-CN' ? 'zh-CN' : 'en' }).catch(() => undefined);
  let language = store.getState().language;
  tellLanguage(language);
  const offLanguage = store.subscribe((state) => {
    if (state.language === language) return;
    language = state.language;
    tellLanguage(language);
  });

  return () => {
    if (timer) clearTimeout(timer);
    if (queueTimer) clearTimeout(queueTimer);
    for (const off of offs) off();
    offLanguage();
  };
}
