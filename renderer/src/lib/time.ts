/**
 * Pure time formatting for the UI. No React, no i18next: the language is a parameter, so these
 * are easy to test and the same output appears wherever a duration is shown.
 */
export type UiLanguage = 'en' | 'zh-CN';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNITS: Record<UiLanguage, { lessThanMinute: string; m: string; h: string; d: string; sep: string }> = {
  en: { lessThanMinute: '<1m', m: 'm', h: 'h', d: 'd', sep: ' ' },
  'zh-CN': { lessThanMinute: '不到1分钟', m: '分钟', h: '小时', d: '天', sep: '' },
};

/**
 * How long someone has been waiting, at most two units: "<1m", "4m", "2h 5m", "3d 4h"
 * (zh-CN: "4分钟", "2小时5分钟", "3天4小时"). Negative input (clock skew) counts as zero.
 */
export function formatWaiting(ms: number, language: UiLanguage): string {
  const u = UNITS[language];
  const safe = Number.isFinite(ms) ? Math.max(0, ms) : 0;
  if (safe < MINUTE) return u.lessThanMinute;
  if (safe < HOUR) return `${Math.floor(safe / MINUTE)}${u.m}`;
  if (safe < DAY) {
    const h = Math.floor(safe / HOUR);
    const m = Math.floor((safe % HOUR) / MINUTE);
    return m === 0 ? `${h}${u.h}` : `${h}${u.h}${u.sep}${m}${u.m}`;
  }
  const d = Math.floor(safe / DAY);
  const h = Math.floor((safe % DAY) / HOUR);
  return h === 0 ? `${d}${u.d}` : `${d}${u.d}${u.sep}${h}${u.h}`;
}

/** A call length or transcript offset as a clock: 65 → "1:05", 3725 → "1:02:05". */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(Number.isFinite(totalSeconds) ? totalSeconds : 0));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const mm = hours > 0 ? String(minutes).padStart(2, '0') : String(minutes);
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** The Intl locale for a UI language. */
export function localeOf(language: UiLanguage): string {
  return language === 'zh-CN' ? 'zh-CN' : 'en-US';
}

/**
 * A message or row timestamp: time only when it is the same calendar day as `now`, otherwise
 * date and time. Invalid instants render as an empty string rather than "Invalid Date".
 */
export function formatTimestamp(iso: string, now: number, language: UiLanguage): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const today = new Date(now);
  const sameDay =
    at.getFullYear() === today.getFullYear() && at.getMonth() === today.getMonth() && at.getDate() === today.getDate();
  return timestampFormat(localeOf(language), sameDay).format(at);
}

// Building an Intl.DateTimeFormat costs far more than formatting with one; a 500-message thread
// or a scrolling inbox formats hundreds of timestamps, so the (few) formatters are kept.
const timestampFormats = new Map<string, Intl.DateTimeFormat>();

function timestampFormat(locale: string, sameDay: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${sameDay ? 'time' : 'date'}`;
  let format = timestampFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = sameDay
      ? { hour: '2-digit', minute: '2-digit' }
      : { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };
    format = new Intl.DateTimeFormat(locale, options);
    timestampFormats.set(key, format);
  }
  return format;
}
