/**
 * The composer's reports: viewing while it is mounted (one per open conversation), typing while
 * the agent types. Typing goes out at most every TYPING_REFRESH_MS (the server's lease is longer)
 * and is withdrawn after TYPING_IDLE_MS without a keystroke. Only real input counts: a draft
 * restored from the cache is not typing.
 */
import { useCallback, useEffect, useRef } from 'react';
import { TYPING_REFRESH_MS } from '../../../../shared/contracts/collision';
import { useAppStore } from '../../store';

const TYPING_IDLE_MS = 3_000;

export function useCollisionReporting(conversationId: string): { onInput(): void } {
  const report = useAppStore((state) => state.collision.report);
  const typingSentAt = useRef(0);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    report(conversationId, true, false);
    return () => {
      if (idleTimer.current) clearTimeout(idleTimer.current);
      idleTimer.current = null;
      typingSentAt.current = 0;
      report(conversationId, false, false);
    };
  }, [conversationId, report]);

  const onInput = useCallback(() => {
    const now = Date.now();
    if (now - typingSentAt.current >= TYPING_REFRESH_MS) {
      typingSentAt.current = now;
      report(conversationId, true, true);
    }
    if (idleTimer.current) clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(() => {
      idleTimer.current = null;
      typingSentAt.current = 0;
      report(conversationId, true, false);
    }, TYPING_IDLE_MS);
  }, [conversationId, report]);

  return { onInput };
}
