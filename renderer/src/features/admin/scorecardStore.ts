/**
 * The Scorecards tab's reads and writes. Scorecards are synced records, not admin HTTP settings:
 * the core's cache holds the newest version of each (`qa.scorecards`), and a save is a
 * `qa.scorecard.save` mutation through the outbox (`qa.saveScorecard`) that the server turns into
 * a new version. Until that version comes back by sync, the tab keeps showing what was saved
 * (`pendingScorecards`), so the editor never jumps back to the old version in between.
 */
import type { Scorecard } from '../../../../shared/qa/model';
import { getApi } from '../../api/client';
import { scorecardFields, type ScorecardDraft } from './qaValidation';

/** Scorecards saved here whose new version the cache does not hold yet: id → the version expected. */
export const pendingScorecards = new Map<string, number>();

export function draftOf(card: Scorecard): ScorecardDraft {
  return {
    id: card.id,
    version: card.version,
    name: card.name,
    passThreshold: card.passThreshold,
    categories: card.categories,
    archived: card.archived,
    updatedAt: card.updatedAt,
  };
}

/** The newest version of every scorecard, in the order the tab already shows them. */
export async function fetchScorecards(held: readonly ScorecardDraft[] | null): Promise<ScorecardDraft[]> {
  const { scorecards } = await getApi().qa.scorecards({});
  const list = scorecards.map(draftOf);
  for (const [id, version] of pendingScorecards) {
    const at = list.findIndex((card) => card.id === id);
    if (at >= 0 && list[at]!.version >= version) {
      pendingScorecards.delete(id);
      continue;
    }
    const local = held?.find((card) => card.id === id);
    if (!local) continue;
    if (at >= 0) list[at] = local;
    else list.push(local);
  }
  const position = (card: ScorecardDraft) => {
    const at = held?.findIndex((candidate) => candidate.id === card.id) ?? -1;
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  return list
    .map((card, i) => ({ card, i }))
    .sort((a, b) => position(a.card) - position(b.card) || a.i - b.i)
    .map(({ card }) => card);
}

const same = (a: ScorecardDraft, b: ScorecardDraft) =>
  JSON.stringify(scorecardFields(a)) === JSON.stringify(scorecardFields(b));

/** Saves every scorecard that differs from its saved version; returns the list with the new versions. */
export async function saveChangedScorecards(
  draft: readonly ScorecardDraft[],
  saved: readonly ScorecardDraft[],
): Promise<ScorecardDraft[]> {
  const out: ScorecardDraft[] = [];
  for (const card of draft) {
    const before = saved.find((candidate) => candidate.id === card.id);
    if (before && same(before, card)) {
      out.push(card);
      continue;
    }
    await getApi().qa.saveScorecard({ id: card.id, fields: scorecardFields(card) });
    const version = (before?.version ?? card.version) + 1;
    pendingScorecards.set(card.id, version);
    out.push({ ...card, version });
  }
  return out;
}

/** The scorecard reviewers rate on now: the newest saved one that is not archived. */
export function newestScorecard(cards: readonly ScorecardDraft[]): ScorecardDraft | null {
  let newest: ScorecardDraft | null = null;
  for (const card of cards)
    if (!card.archived && card.version > 0 && (!newest || (card.updatedAt ?? '') > (newest.updatedAt ?? '')))
      newest = card;
  return newest;
}
