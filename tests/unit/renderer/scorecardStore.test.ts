/**
 * The Scorecards tab's saves: only scorecards the admin changed get a new version, and until the
 * server's new version reaches the cache by sync the tab keeps showing what was saved instead of
 * jumping back to the old version; once the cache has it (or a later one), the cache wins.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScorecardDraft } from '../../../renderer/src/features/admin/qaValidation';
import {
  fetchScorecards,
  pendingScorecards,
  saveChangedScorecards,
} from '../../../renderer/src/features/admin/scorecardStore';
import type { Scorecard } from '../../../shared/qa/model';

const category = {
  id: 'accuracy',
  name: 'Accuracy',
  guidance: '',
  weight: 1,
  scale: '5' as const,
  critical: false,
  naAllowed: false,
  rootCauses: [],
};
const cached = (id: string, version: number, name = id): Scorecard => ({
  id,
  version,
  name,
  passThreshold: 80,
  categories: [category],
  archived: false,
  updatedBy: 'agent-admin',
  updatedAt: `2026-01-0${version}T00:00:00.000Z`,
});
const draftOf = ({ updatedBy: _by, ...card }: Scorecard): ScorecardDraft => card;

let cache: Scorecard[] = [];
let saves: Array<{ id?: string; fields: unknown }> = [];

beforeEach(() => {
  cache = [cached('card-a', 1), cached('card-b', 2)];
  saves = [];
  pendingScorecards.clear();
  (globalThis as { window?: unknown }).window = {
    switchboard: {
      qa: {
        scorecards: async () => ({ scorecards: cache }),
        saveScorecard: async (input: { id?: string; fields: unknown }) => {
          saves.push(input);
          return { id: input.id ?? 'new' };
        },
      },
    },
  };
});
afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe('saving scorecards', () => {
  it('saves only the changed scorecards, each as its next version', async () => {
    const saved = cache.map(draftOf);
    const draft = [saved[0]!, { ...saved[1]!, passThreshold: 90 }];
    const stored = await saveChangedScorecards(draft, saved);
    expect(saves).toEqual([
      {
        id: 'card-b',
        fields: { name: 'card-b', passThreshold: 90, categories: [category], archived: false },
      },
    ]);
    expect(stored.map((card) => [card.id, card.version])).toEqual([
      ['card-a', 1],
      ['card-b', 3],
    ]);
  });

  it('saves a new scorecard as version 1', async () => {
    const fresh: ScorecardDraft = { ...draftOf(cached('card-new', 1)), version: 0 };
    const stored = await saveChangedScorecards([...cache.map(draftOf), fresh], cache.map(draftOf));
    expect(saves.map((save) => save.id)).toEqual(['card-new']);
    expect(stored.at(-1)).toMatchObject({ id: 'card-new', version: 1 });
  });

  it('keeps showing the saved version until the cache has it, then shows the cache', async () => {
    const saved = cache.map(draftOf);
    const stored = await saveChangedScorecards([saved[0]!, { ...saved[1]!, name: 'Renamed' }], saved);

    // The cache still holds version 2: the tab goes on showing what was saved.
    const meanwhile = await fetchScorecards(stored);
    expect(meanwhile.find((card) => card.id === 'card-b')).toMatchObject({ version: 3, name: 'Renamed' });

    // Sync brought the server's version 3.
    cache = [cache[0]!, cached('card-b', 3, 'Renamed on the server')];
    const after = await fetchScorecards(meanwhile);
    expect(after.find((card) => card.id === 'card-b')).toMatchObject({
      version: 3,
      name: 'Renamed on the server',
    });
    expect(pendingScorecards.size).toBe(0);
  });

  it('keeps the order the tab shows, with scorecards new to it at the end', async () => {
    const held = [draftOf(cache[1]!), draftOf(cache[0]!)];
    cache = [cached('card-0', 1), ...cache];
    expect((await fetchScorecards(held)).map((card) => card.id)).toEqual(['card-b', 'card-a', 'card-0']);
  });
});
