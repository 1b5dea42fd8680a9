/**
 * The review being written: ratings, root causes, comments, summary and the auto-QA hits the
 * reviewer overruled, saved to the local cache
 * a moment after each change (qa.saveDraft), scored live with the same maths the server uses.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { QaDraft } from '../../../../shared/contracts/qa';
import { scoreReview, type Rating, type Scorecard } from '../../../../shared/qa';
import { useAppStore } from '../../store';

const SAVE_AFTER_MS = 400;

function emptyDraft(card: Scorecard): QaDraft {
  return {
    scorecardId: card.id,
    scorecardVersion: card.version,
    ratings: {},
    rootCauses: {},
    comments: [],
    summary: '',
    overruledHits: [],
  };
}

export function useReviewDraft(assignmentId: string, card: Scorecard | null, saved: QaDraft | null) {
  const saveDraft = useAppStore((s) => s.qa.saveDraft);
  const [draft, setDraft] = useState<QaDraft | null>(() => saved ?? (card ? emptyDraft(card) : null));
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const dirty = useRef(false);

  useEffect(() => {
    if (!dirty.current || !draft) return;
    const timer = setTimeout(() => {
      dirty.current = false;
      void saveDraft(assignmentId, draft).then(() => setSavedAt(Date.now()));
    }, SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [assignmentId, draft, saveDraft]);

  const change = (update: (current: QaDraft) => QaDraft) =>
    setDraft((current) => {
      if (!current) return current;
      dirty.current = true;
      return update(current);
    });

  const score = useMemo(() => (card && draft ? scoreReview(card, draft.ratings) : null), [card, draft]);

  return {
    draft,
    score,
    savedAt,
    rate: (categoryId: string, rating: Rating) =>
      change((d) => {
        const rootCauses = { ...d.rootCauses };
        if (rating === 'na') delete rootCauses[categoryId];
        return { ...d, ratings: { ...d.ratings, [categoryId]: rating }, rootCauses };
      }),
    setRootCause: (categoryId: string, cause: string) =>
      change((d) => {
        const rootCauses = { ...d.rootCauses };
        if (cause) rootCauses[categoryId] = cause;
        else delete rootCauses[categoryId];
        return { ...d, rootCauses };
      }),
    addComment: (messageId: string | null, body: string) =>
      change((d) => ({ ...d, comments: [...d.comments, { id: crypto.randomUUID(), messageId, body }] })),
    removeComment: (commentId: string) =>
      change((d) => ({ ...d, comments: d.comments.filter((c) => c.id !== commentId) })),
    setSummary: (summary: string) => change((d) => ({ ...d, summary })),
    /** The reviewer disagrees with an auto-QA hit (or takes that back). */
    toggleOverrule: (hitKey: string) =>
      change((d) => {
        const overruled = d.overruledHits ?? [];
        return {
          ...d,
          overruledHits: overruled.includes(hitKey) ? overruled.filter((key) => key !== hitKey) : [...overruled, hitKey],
        };
      }),
  };
}

export type ReviewDraftState = ReturnType<typeof useReviewDraft>;
