import { useAppStore } from '../../store';
import type { UiLanguage } from '../../lib/time';

/** The UI language from the store (kept in step with i18next by uiSlice.setLanguage). */
export function useLanguage(): UiLanguage {
  return useAppStore((s) => s.language);
}
