/**
 * The server-backed admin tabs (webhooks, classifier versions, channels) call the server through
 * the core and show its refusal word for word: one busy flag and one problem per tab. `act` runs
 * a write, then `after` (the tab's reload); `fail` records a refusal from a read.
 */
import { useCallback, useState } from 'react';
import { errorCode, errorMessage } from '../../api/client';

export interface ServerProblem {
  code: string;
  message: string;
}

export function useServerCall() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ServerProblem | null>(null);
  const fail = useCallback((failure: unknown) => setProblem({ code: errorCode(failure), message: errorMessage(failure) }), []);
  const act = useCallback(
    async (work: () => Promise<unknown>, after: () => void) => {
      setBusy(true);
      setProblem(null);
      try {
        await work();
        after();
      } catch (failure) {
        fail(failure);
      } finally {
        setBusy(false);
      }
    },
    [fail],
  );
  return { busy, problem, fail, act };
}
