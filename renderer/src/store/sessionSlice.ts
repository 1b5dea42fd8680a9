/** Who is signed in. Signing in or out resets the views that depend on the agent. */
import type { Session } from '../../../shared/contracts/rpc';
import { getApi } from '../api/client';
import type { SliceCreator } from './types';

export type SessionPhase = 'loading' | 'signedOut' | 'signedIn';

export interface SessionSlice {
  sessionPhase: SessionPhase;
  session: Session | null;
  /** Why the last session ended, when the core ended it (shown on the login screen). */
  sessionEndedReason: string | null;
  loadSession(): Promise<void>;
  /** Rejects with the facade's error (code unauthorized / offline / invalid) for the form to show. */
  login(input: { email: string; password: string; serverUrl?: string }): Promise<void>;
  logout(): Promise<void>;
  endSession(reason: string | null): void;
  /** Loads everything a fresh session shows: sync state, directory, first inbox page. */
  onSignedIn(): void;
}

export const createSessionSlice: SliceCreator<SessionSlice> = (set, get) => ({
  sessionPhase: 'loading',
  session: null,
  sessionEndedReason: null,
  async loadSession() {
    try {
      const session = await getApi().session.get({});
      if (session) {
        set({ session, sessionPhase: 'signedIn', sessionEndedReason: null });
        get().onSignedIn();
      } else {
        set({ session: null, sessionPhase: 'signedOut' });
      }
    } catch {
      set({ session: null, sessionPhase: 'signedOut' });
    }
  },
  async login(input) {
    const session = await getApi().session.login(input);
    set({ session, sessionPhase: 'signedIn', sessionEndedReason: null });
    get().onSignedIn();
  },
  async logout() {
    try {
      await getApi().session.logout({});
    } finally {
      get().endSession(null);
    }
  },
  endSession(reason) {
    set({ session: null, sessionPhase: 'signedOut', sessionEndedReason: reason });
    get().resetInbox();
    get().closeConversation();
  },
  onSignedIn() {
    void get().refreshSync();
    void get().loadDirectory();
    get().resetInbox();
    get().refreshInbox();
  },
});
