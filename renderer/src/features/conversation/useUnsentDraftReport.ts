/**
 * Tells the core whether a reply is typed and not yet sent, so the desktop updater never restarts
 * the app over it (desktop.reportDraft). Reports only when that changes, and "none" on unmount.
 */
import { useEffect } from 'react';
import { getApi } from '../../api/client';

export function useUnsentDraftReport(text: string): void {
  const unsent = text.trim().length > 0;
  useEffect(() => {
    void getApi()
      .desktop.reportDraft({ unsent })
      .catch(() => undefined); // only the updater's caution depends on it
  }, [unsent]);
  useEffect(
    () => () =>
      void getApi()
        .desktop.reportDraft({ unsent: false })
        .catch(() => undefined),
    [],
  );
}
