/**
 * Calendar days in an IANA time zone, computed with `Intl.DateTimeFormat(…, { timeZone })`, never
 * with the machine's zone: a history page in Berlin must bucket a 23:30 UTC incident into the next
 * day even when the tests run in UTC. Handles 23- and 25-hour days (DST), half-hour and 45-minute
 * offsets, and zones whose clocks jump at midnight (the day then starts at the jump). Pure.
 * @module
 */

/** A local calendar day: `YYYY-MM-DD`. Sorts like the days it names. */
export type DayKey = string;

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone if the runtime knows it, else `'UTC'`: an unknown stored zone must not break the page. */
export function validTimeZone(timeZone: string | null | undefined): string {
  if (typeof timeZone !== 'string' || !timeZone) return 'UTC';
  try {
    formatterFor(timeZone);
    return timeZone;
  } catch {
    return 'UTC';
  }
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // h23: some engines print midnight as "24" with hour12: false.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function localParts(t: number, timeZone: string): LocalParts {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const p of formatterFor(timeZone).formatToParts(t)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const keyOf = (y: number, m: number, d: number): DayKey => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** The local day that instant `t` falls on. */
export function dayKeyAt(t: number, timeZone: string): DayKey {
  const p = localParts(t, timeZone);
  return keyOf(p.year, p.month, p.day);
}

/** Local wall time minus UTC at instant `t`, in ms (Berlin in summer: +2 h; Los Angeles: −7 or −8 h). */
export function offsetAt(t: number, timeZone: string): number {
  const p = localParts(t, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - (t - (((t % 1000) + 1000) % 1000));
}

/** `key` moved by `days` calendar days (negative: back). */
export function addDays(key: DayKey, days: number): DayKey {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return keyOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** The first instant of local day `key` in `timeZone` (epoch ms). */
export function dayStart(key: DayKey, timeZone: string): number {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d);
  // Midnight as if the zone were UTC, moved by the zone's offset; twice, since the offset can differ there.
  let t = naive - offsetAt(naive, timeZone);
  t = naive - offsetAt(t, timeZone);
  if (dayKeyAt(t, timeZone) === key && dayKeyAt(t - 1, timeZone) < key) return t;
  // No local midnight that day (clocks jump from 23:59:59 to 01:00), or a fold: search for the first instant whose
  // local day is `key`. Local days move forward with time, so bisection finds it.
  let [lo, hi] = [naive - 36 * 3_600_000, naive + 36 * 3_600_000];
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (dayKeyAt(mid, timeZone) < key) lo = mid;
    else hi = mid;
  }
  return hi;
}

export interface LocalDay {
  key: DayKey;
  /** First instant of the day, epoch ms. */
  start: number;
  /** First instant of the next day: `end − start` is 23, 24 or 25 hours (or another length in odd zones). */
  end: number;
}

/** The last `count` local days up to and including the one `now` falls on, oldest first. */
export function lastDays(now: number, count: number, timeZone: string): LocalDay[] {
  const zone = validTimeZone(timeZone);
  const today = dayKeyAt(now, zone);
  const keys = Array.from({ length: Math.max(0, count) + 1 }, (_, i) => addDays(today, i - count + 1));
  const starts = keys.map((k) => dayStart(k, zone));
  return keys.slice(0, -1).map((key, i) => ({ key, start: starts[i]!, end: starts[i + 1]! }));
}
