/** Pure formatting of KPI figures: durations in seconds, percentages 0–100 and NPS; null is "—". */
import { formatWaiting, localeOf, type UiLanguage } from '../../lib/time';

export function formatSeconds(sec: number | null, language: UiLanguage): string {
  if (sec === null) return '—';
  if (sec < 60) return language === 'zh-CN' ? `${Math.round(sec)}秒` : `${Math.round(sec)}s`;
  return formatWaiting(sec * 1000, language);
}

/** 33.333 → "33.3%". */
export function formatPercent(value: number | null, language: UiLanguage): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

/** NPS −100…100 to one decimal, with its sign. */
export function formatNps(value: number | null, language: UiLanguage): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(value);
}
