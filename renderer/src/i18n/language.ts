/** Choosing and remembering the UI language. Pure apart from the storage passed in. */
import type { UiLanguage } from '../lib/time';

export const LANGUAGE_STORAGE_KEY = 'switchboard.language';
export const UI_LANGUAGES: readonly UiLanguage[] = ['zh-CN', 'en'];

/** Maps a BCP-47 tag to a UI language: any Chinese tag → zh-CN, everything else → en. */
export function languageFromTag(tag: string | null | undefined): UiLanguage {
  return tag && tag.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function isUiLanguage(value: unknown): value is UiLanguage {
  return value === 'en' || value === 'zh-CN';
}

/** The stored choice if there is one, else the browser's language. */
export function initialLanguage(storage: Pick<Storage, 'getItem'> | null, navigatorLanguage: string | undefined): UiLanguage {
  let stored: string | null;
  try {
    stored = storage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    stored = null;
  }
  return isUiLanguage(stored) ? stored : languageFromTag(navigatorLanguage);
}
