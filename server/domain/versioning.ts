/**
 * Versioned writes. A conversation's `version` is bumped by every change to its assignee, team,
 * status or priority. A client's write is based on the version it saw; it is stale when someone
 * else changed the conversation since. A client that sends several writes before hearing back
 * bases them all on what it saw, so versions produced by *its own* consecutive writes do not
 * make it stale: the conversation remembers the last writer and the version its streak began at.
 */
export interface VersionState {
  version: number;
  last_writer_client_id: string | null;
  writer_streak_base_version: number;
}

export function isStale(state: VersionState, clientId: string, baseVersion: number): boolean {
  if (baseVersion === state.version) return false;
  const ownStreak =
    state.last_writer_client_id === clientId &&
    baseVersion >= state.writer_streak_base_version &&
    baseVersion < state.version;
  return !ownStreak;
}

/**
 * The version fields after one more write by `clientId` (null for server-side writes such as a
 * customer reopening a conversation, which always end any client's streak).
 */
export function bumpVersion(state: VersionState, clientId: string | null): VersionState {
  const continuing = clientId !== null && state.last_writer_client_id === clientId;
  return {
    version: state.version + 1,
    last_writer_client_id: clientId,
    writer_streak_base_version: continuing ? state.writer_streak_base_version : state.version,
  };
}
