/**
 * Dates, times, relative times and durations through `Intl`, in the browser's locale (see
 * `formatLocale`) and time zone. Never hand-built strings: "3 min ago", "14:05", "1 h 5 min" are
 * all the locale's own forms.
 */
import { formatLocale, i18n } from './i18n';

const cache = new Map<string, Intl.RelativeTimeFormat | Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>();

function cached<T extends Intl.RelativeTimeFormat | Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat>(
  key: string,
  make: (locale: string) => T,
): T {
  const locale = formatLocale();
  const id = `${locale}|${key}`;
  let f = cache.get(id) as T | undefined;
  if (!f) {
    f = make(locale);
    cache.set(id, f);
  }
  return f;
}

/** "just now", "45 sec. ago", "3 min. ago", "2 hr. ago", "3 days ago" (the locale's short forms). A time in the future reads "just now". */
export function formatAgo(ms: number, now: number): string {
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 5) return i18n.t('time.justNow');
  const rtf = cached('rtf', (l) => new Intl.RelativeTimeFormat(l, { numeric: 'always', style: 'short' }));
  if (s < 60) return rtf.format(-s, 'second');
  const m = Math.floor(s / 60);
  if (m < 60) return rtf.format(-m, 'minute');
  const h = Math.floor(m / 60);
  if (h < 48) return rtf.format(-h, 'hour');
  return rtf.format(-Math.floor(h / 24), 'day');
}

function unit(unitName: 'day' | 'hour' | 'minute', n: number): string {
  return cached(`unit-${unitName}`, (l) => new Intl.NumberFormat(l, { style: 'unit', unit: unitName, unitDisplay: 'short' })).format(n);
}

/** "5 min", "1 hr, 5 min", "2 days, 3 hr": the two largest units, for "started … ago" and "lasted …". */
export function formatDuration(ms: number): string {
  const totalMinutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const parts =
    days > 0
      ? [unit('day', days), ...(hours ? [unit('hour', hours)] : [])]
      : hours > 0
        ? [unit('hour', hours), ...(minutes ? [unit('minute', minutes)] : [])]
        : [unit('minute', minutes)];
  return cached('list', (l) => new Intl.ListFormat(l, { type: 'unit', style: 'narrow' })).format(parts);
}

/** Local clock time, "14:05" or "2:05 PM". */
export function formatClock(ms: number): string {
  return cached('clock', (l) => new Intl.DateTimeFormat(l, { hour: 'numeric', minute: '2-digit' })).format(ms);
}

/** "Sep 22, 14:05" (short month, day, time) for timelines. */
export function formatDateTime(ms: number): string {
  return cached(
    'datetime',
    (l) => new Intl.DateTimeFormat(l, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }),
  ).format(ms);
}

/** "Tue 14:05" for maintenance windows within the week. */
export function formatWeekdayTime(ms: number): string {
  return cached('weekday', (l) => new Intl.DateTimeFormat(l, { weekday: 'short', hour: 'numeric', minute: '2-digit' })).format(ms);
}

/** A list in the locale's words: "Opus 5, Sonnet 5 and Haiku 4.5". */
export function formatList(items: string[]): string {
  return cached('and', (l) => new Intl.ListFormat(l, { type: 'conjunction', style: 'long' })).format(items);
}

/** A compact list for one-line surfaces (the claude.ai banner): "Sonnet 5, Opus 4.8" (the locale's unit list, no "and"). */
export function formatShortList(items: string[]): string {
  return cached('unit-list', (l) => new Intl.ListFormat(l, { type: 'unit', style: 'short' })).format(items);
}

/** A plain count in the locale's digits and grouping. */
export function formatNumber(n: number): string {
  return cached('number', (l) => new Intl.NumberFormat(l)).format(n);
}

/** Unicode isolation for untrusted text inside our own sentences (plain-text surfaces: tooltips,
 *  notifications, clipboard): an unterminated right-to-left override in an incident name must not
 *  reverse the words after it. FSI … PDI closes every embedding opened inside it. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/** "Wed, Sep 3": a calendar day in the IANA zone `timeZone` (the history's days are that zone's days). */
export function formatDay(ms: number, timeZone: string): string {
  return cached(
    `day|${timeZone}`,
    (l) => new Intl.DateTimeFormat(l, { weekday: 'short', month: 'short', day: 'numeric', timeZone }),
  ).format(ms);
}

/** "Sep 3, 2026" in the IANA zone `timeZone`. */
export function formatDate(ms: number, timeZone: string): string {
  return cached(`date|${timeZone}`, (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeZone })).format(ms);
}

/** "Sep 3, 14:05" in the IANA zone `timeZone`. */
export function formatDateTimeIn(ms: number, timeZone: string): string {
  return cached(
    `datetime|${timeZone}`,
    (l) => new Intl.DateTimeFormat(l, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone }),
  ).format(ms);
}

/** "99.44%": a percentage (0..100) as the status page prints it, up to two decimals, never rounded up to 100. */
export function formatPercent(value: number): string {
  // Via whole millionths first: 99.44 * 100 is 9943.999… in floating point.
  const truncated = Math.floor(Math.round(value * 1e6) / 1e4) / 100;
  return cached('percent', (l) => new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 2 })).format(truncated / 100);
}

/** "2.3": a number with at most `digits` decimals. */
export function formatDecimal(n: number, digits = 1): string {
  return cached(`decimal|${digits}`, (l) => new Intl.NumberFormat(l, { maximumFractionDigits: digits })).format(n);
}
