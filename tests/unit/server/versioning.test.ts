import { describe, expect, it } from 'vitest';
import { bumpVersion, isStale, type VersionState } from '../../../server/domain/versioning';

const A = 'client-a';
const B = 'client-b';
const fresh: VersionState = { version: 0, last_writer_client_id: null, writer_streak_base_version: 0 };

describe('versioned writes', () => {
  it.each([
    ['matching base version', fresh, A, 0, false],
    [
      'base version behind, nobody wrote as this client',
      { version: 3, last_writer_client_id: B, writer_streak_base_version: 1 },
      A,
      2,
      true,
    ],
    [
      'base version behind, only this client wrote since',
      { version: 3, last_writer_client_id: A, writer_streak_base_version: 1 },
      A,
      1,
      false,
    ],
    [
      'base version older than this client’s streak',
      { version: 3, last_writer_client_id: A, writer_streak_base_version: 1 },
      A,
      0,
      true,
    ],
    [
      'base version from the future',
      { version: 1, last_writer_client_id: A, writer_streak_base_version: 0 },
      A,
      2,
      true,
    ],
  ] as const)('%s', (_name, state, client, base, stale) => {
    expect(isStale(state, client, base)).toBe(stale);
  });

  it('a client keeps its streak across its own writes and loses it when anyone else writes', () => {
    const first = bumpVersion(fresh, A);
    const second = bumpVersion(first, A);
    expect(second).toEqual({ version: 2, last_writer_client_id: A, writer_streak_base_version: 0 });
    expect(isStale(second, A, 0)).toBe(false);
    const other = bumpVersion(second, B);
    expect(other).toEqual({ version: 3, last_writer_client_id: B, writer_streak_base_version: 2 });
    expect(isStale(other, A, 2)).toBe(true);
    expect(isStale(other, B, 2)).toBe(false);
  });

  it('a server-side write (customer reopening) ends every streak', () => {
    const mine = bumpVersion(bumpVersion(fresh, A), A);
    const reopened = bumpVersion(mine, null);
    expect(reopened.version).toBe(3);
    expect(isStale(reopened, A, 1)).toBe(true);
    expect(isStale(reopened, A, 3)).toBe(false);
  });
});
