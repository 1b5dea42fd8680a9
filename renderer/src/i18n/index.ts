/**
 * i18next setup. Resources are bundled (no loading over the network: the CSP forbids it anyway).
 * The language choice is persisted in localStorage; the default follows navigator.language.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en';
import zhCN from './zh-CN';
import { initialLanguage, LANGUAGE_STORAGE_KEY } from './language';
import type { UiLanguage } from '../lib/time';

export function setupI18n(): UiLanguage {
  const language = initialLanguage(safeLocalStorage(), navigator.language);
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes; we never build HTML strings.
    returnNull: false,
  });
  document.documentElement.lang = language;
  return language;
}

export function applyLanguage(language: UiLanguage): void {
  void i18n.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not persisted; the choice still applies to this window.
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export { i18n };
