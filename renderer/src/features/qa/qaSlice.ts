/**
 * The Quality screen's view of the core: the reviewer's assignments (from the cache, offline
 * too), the one being reviewed (transcript, scorecard, draft, review), and the reviews the viewer
 * holds (an agent's reviews of their work, a lead's team's). store/coreEvents.ts reloads it when
 * a `data.changed` names a scorecard, assignment or review, once the screen has loaded it.
 */
import type { QaAssignmentRow, QaCalibrationRow, QaDraft, QaReviewRow } from '../../../../shared/contracts/qa';
import type { RpcInput, RpcOutput } from '../../../../shared/contracts/rpc';
import { getApi } from '../../api/client';
import { loadRecording } from './recording';
import type { SliceCreator } from '../../store/types';

export type QaAssignmentStatus = 'open' | 'done' | 'skipped';

export interface QaDesk {
  loaded: boolean;
  filter: QaAssignmentStatus;
  assignments: QaAssignmentRow[];
  counts: Record<QaAssignmentStatus, number>;
  /** The assignment open in the review pane. */
  openId: string | null;
  detail: RpcOutput<'qa.assignment'> | null;
  reviews: QaReviewRow[];
  reviewsLoaded: boolean;
  load(): Promise<void>;
  setFilter(filter: QaAssignmentStatus): Promise<void>;
  open(assignmentId: string | null): Promise<void>;
  loadReviews(): Promise<void>;
  saveDraft(assignmentId: string, draft: QaDraft): Promise<void>;
  /** Rejects with the core's error (an incomplete scorecard: `invalid`, naming what is missing). */
  submit(assignmentId: string, draft: QaDraft): Promise<void>;
  /** `replace`: a sampled conversation is replaced by another one of the same sample. */
  skip(assignmentId: string, reason: string, replace?: boolean): Promise<void>;
  /** The review open under the reviews table, with the scorecard version it was scored on. */
  reviewId: string | null;
  reviewDetail: RpcOutput<'qa.review'> | null;
  openReview(reviewId: string | null): Promise<void>;
  acknowledge(reviewId: string): Promise<void>;
  dispute(input: RpcInput<'qa.dispute'>): Promise<void>;
  resolve(input: RpcInput<'qa.resolve'>): Promise<void>;
  /** Calibration sessions (null until loaded once). */
  calibrations: QaCalibrationRow[] | null;
  loadCalibrations(): Promise<void>;
  /**
   * Sends a finished conversation for review: one reviewer, an ordinary review; two or more, a
   * blind calibration on the newest scorecard. Resolves with which it was.
   */
  requestReview(conversationId: string, reviewerIds: string[], reason?: string): Promise<'review' | 'calibration'>;
  /** A call's recording, read through the core in chunks (needs the server). */
  recording(messageId: string, onProgress?: (share: number) => void): Promise<Blob>;
}

export interface QaSlice {
  qa: QaDesk;
}

/** Reviews of the agent's own work they have not acknowledged yet (the rail badge); 0 for other roles. */
export function reviewsToAcknowledge(reviews: readonly QaReviewRow[], agentId: string | null): number {
  if (agentId === null) return 0;
  return reviews.filter((row) => row.review.agentId === agentId && row.review.status === 'submitted' && !row.pending).length;
}

export const createQaSlice: SliceCreator<QaSlice> = (set, get) => {
  const patch = (change: Partial<QaDesk>) => set((state) => ({ qa: { ...state.qa, ...change } }));
  return {
    qa: {
      loaded: false,
      filter: 'open',
      assignments: [],
      counts: { open: 0, done: 0, skipped: 0 },
      openId: null,
      detail: null,
      reviews: [],
      reviewsLoaded: false,
      async load() {
        try {
          const { assignments, counts } = await getApi().qa.assignments({ status: get().qa.filter });
          patch({ assignments, counts, loaded: true });
          const { openId } = get().qa;
          if (openId) await get().qa.open(openId);
        } catch {
          patch({ assignments: [], loaded: true });
        }
      },
      async setFilter(filter) {
        patch({ filter });
        await get().qa.load();
      },
      async open(assignmentId) {
        if (!assignmentId) return patch({ openId: null, detail: null });
        patch({ openId: assignmentId });
        try {
          const detail = await getApi().qa.assignment({ assignmentId });
          if (get().qa.openId === assignmentId) patch({ detail });
        } catch {
          if (get().qa.openId === assignmentId) patch({ openId: null, detail: null });
        }
      },
      async loadReviews() {
        try {
          const { reviews } = await getApi().qa.reviews({});
          const before = get().qa.reviewsLoaded ? new Set(get().qa.reviews.map((row) => row.review.id)) : null;
          patch({ reviews, reviewsLoaded: true });
          // An agent hears of each new review of their work once (not of the ones there at start).
          const me = get().session?.agent;
          if (before && me?.role === 'agent')
            for (const row of reviews)
              if (!before.has(row.review.id) && !row.pending && row.review.agentId === me.id)
                get().pushToast({
                  key: 'qa.notify.newReview',
                  params: { reviewer: row.reviewerName ?? '', score: row.review.score === null ? '—' : Math.round(row.review.score) },
                  tone: 'info',
                  conversationId: null,
                });
          const { reviewId } = get().qa;
          if (reviewId) await get().qa.openReview(reviewId);
        } catch {
          patch({ reviews: [], reviewsLoaded: true });
        }
      },
      async saveDraft(assignmentId, draft) {
        await getApi().qa.saveDraft({ assignmentId, draft });
      },
      async submit(assignmentId, draft) {
        await getApi().qa.submit({ assignmentId, draft });
      },
      async skip(assignmentId, reason, replace = false) {
        await getApi().qa.skip({ assignmentId, reason, replace });
      },
      reviewId: null,
      reviewDetail: null,
      async openReview(reviewId) {
        if (!reviewId) return patch({ reviewId: null, reviewDetail: null });
        patch({ reviewId });
        try {
          const reviewDetail = await getApi().qa.review({ reviewId });
          if (get().qa.reviewId === reviewId) patch({ reviewDetail });
        } catch {
          if (get().qa.reviewId === reviewId) patch({ reviewId: null, reviewDetail: null });
        }
      },
      async acknowledge(reviewId) {
        await getApi().qa.acknowledge({ reviewId });
      },
      async dispute(input) {
        await getApi().qa.dispute(input);
      },
      async resolve(input) {
        await getApi().qa.resolve(input);
      },
      calibrations: null,
      async loadCalibrations() {
        try {
          patch({ calibrations: (await getApi().qa.calibrations({})).calibrations });
        } catch {
          patch({ calibrations: [] });
        }
      },
      recording: (messageId, onProgress) =>
        loadRecording((id, offset) => getApi().recordings.read({ messageId: id, offset }), messageId, onProgress),
      async requestReview(conversationId, reviewerIds, reason) {
        const qa = getApi().qa;
        if (reviewerIds.length === 1) {
          await qa.assign({ conversationId, reviewerId: reviewerIds[0]!, reason: reason?.trim() || undefined });
          return 'review';
        }
        const card = (await qa.scorecards({})).scorecards.find((candidate) => !candidate.archived);
        if (!card) throw Object.assign(new Error('There is no scorecard yet.'), { code: 'no_scorecard' });
        await qa.startCalibration({ conversationId, scorecardId: card.id, reviewerIds });
        return 'calibration';
      },
    },
  };
};
