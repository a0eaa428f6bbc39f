/**
 * The 90-day bars: one cell per local day in the user's time zone, its minutes by severity, a
 * colour level from the worst minutes of the day, and the incidents of the day for the tooltip.
 * Days are real local days (23 or 25 hours across DST, see zone.ts), so a cell's minutes and the
 * window totals of minutes.ts always agree. Pure.
 * @module
 */
import { type RankedSpan, type SeverityMs, noMinutes, pageDowntimeMs, rankSeverity } from './minutes';
import type { LocalDay } from './zone';

/**
 * A day's colour, from the page's own bar rule (docs/history.md): its weighted downtime
 * (partial × 0.3 + major) against the page's colour stops at 0, 1175, 2000 and 3600 seconds.
 * - `none`: nothing that day. `degraded`: only degraded minutes (the page would draw green).
 * - `minor` below 1175 s, `moderate` below 2000 s, `serious` below 3600 s, `severe` from 3600 s.
 * - `no-data`: the archive does not cover that day; claim nothing.
 */
export type DayLevel = 'no-data' | 'none' | 'degraded' | 'minor' | 'moderate' | 'serious' | 'severe';

/** The page's colour stops in seconds of weighted downtime (green, yellow, orange, red). */
export const PAGE_COLOR_STOPS_S = [0, 1175, 2000, 3600] as const;

export function dayLevel(ms: SeverityMs, covered = true): DayLevel {
  const weightedS = pageDowntimeMs(ms) / 1000;
  if (weightedS > 0) {
    if (weightedS < PAGE_COLOR_STOPS_S[1]) return 'minor';
    if (weightedS < PAGE_COLOR_STOPS_S[2]) return 'moderate';
    return weightedS < PAGE_COLOR_STOPS_S[3] ? 'serious' : 'severe';
  }
  if (ms.degraded > 0) return 'degraded';
  return covered ? 'none' : 'no-data';
}

export interface DayCell extends LocalDay {
  /** Minutes of the day by severity (for a model: named minutes). */
  ms: SeverityMs;
  level: DayLevel;
  /** Incidents active that day, newest start first. */
  incidents: string[];
}

/** A model's day: named minutes decide the colour; broad minutes are shown apart (hatched, say). */
export interface ModelDayCell extends DayCell {
  broadMs: SeverityMs;
  broadLevel: DayLevel;
  /** Of `incidents`, those that concerned the model only broadly. */
  broadIncidents: string[];
}

/** Splits disjoint pieces over days (both sorted by time), summing ranks accepted by `filter`. */
export function spreadOverDays(
  pieces: readonly RankedSpan[],
  days: readonly LocalDay[],
  filter: (rank: number) => boolean = () => true,
): SeverityMs[] {
  const out = days.map(() => noMinutes());
  let first = 0;
  for (const p of pieces) {
    if (!filter(p.rank)) continue;
    while (first < days.length && days[first]!.end <= p.start) first++;
    for (let d = first; d < days.length && days[d]!.start < p.end; d++) {
      const overlap = Math.min(p.end, days[d]!.end) - Math.max(p.start, days[d]!.start);
      if (overlap > 0) out[d]![rankSeverity(p.rank)] += overlap;
    }
  }
  return out;
}

/** Whether the archive covers a day: it was complete from `coveredSince` on, and the day ends after that. */
export const isCovered = (day: LocalDay, coveredSince: number | null) => coveredSince !== null && day.end > coveredSince;

export function dayCells(
  days: readonly LocalDay[],
  minutes: readonly SeverityMs[],
  incidents: readonly string[][],
  coveredSince: number | null,
): DayCell[] {
  return days.map((day, i) => {
    const ms = minutes[i] ?? noMinutes();
    return { ...day, ms, level: dayLevel(ms, isCovered(day, coveredSince)), incidents: incidents[i] ?? [] };
  });
}
