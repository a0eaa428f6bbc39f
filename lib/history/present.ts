/**
 * The history page's words and rows, from `buildHistory`'s structured data: the screen-reader name
 * and tooltip of every day cell, the tallies' times, "right now vs usual", the official uptime, the
 * order of the rows (the user's models first), and the surfaces the live summary lists that had no
 * incident at all (a clean bar is news too). Pure apart from the messages and `Intl`; incident names
 * from the status page are isolated (FSI … PDI) wherever they sit inside our sentences.
 * @module
 */
import { formatDay, formatDecimal, formatDuration, formatList, formatPercent, isolate } from '../format';
import { i18n } from '../i18n';
import type { ComponentState } from '../statuspage/snapshot';
import type { Impact } from '../statuspage/schema';

// Where the history page has always found it; the background reads it from archive.ts.
export { archivedModels } from './archive';
import { type DayCell, type DayLevel, type ModelDayCell, PAGE_COLOR_STOPS_S, isCovered } from './days';
import { type RecentVsUsual, SEVERITIES, type SeverityMs, noMinutes, recentVsUsual } from './minutes';
import type { ComponentUptime } from './stored';
import { type ComponentHistory, type History, type ModelHistory, WINDOWS } from './view';
import { dayKeyAt } from './zone';

const MINUTE = 60_000;

export const isModelDay = (cell: DayCell): cell is ModelDayCell => 'broadIncidents' in cell;

/** "45 min partial outage", worst first; stretches under a minute are left out (they would read "0 min"). */
export function severityParts(ms: SeverityMs): string[] {
  return [...SEVERITIES]
    .reverse()
    .filter((s) => ms[s] >= MINUTE)
    .map((s) => i18n.t(`history.severity.${s}`, { duration: formatDuration(ms[s]) }));
}

/**
 * A day's screen-reader name, also the first line of its tooltip and the text shown beside a focused bar:
 * "Wed, Sep 3: 2 incidents, 45 min partial outage and 10 min degraded performance". A model's day counts the
 * incidents naming it and, apart, those about multiple models with their own time.
 */
export function dayLabel(cell: DayCell, timeZone: string): string {
  const day = formatDay(cell.start, timeZone);
  const label = (what: string) => i18n.t('history.day.label', { day, what });
  if (!cell.incidents.length) return label(i18n.t(cell.level === 'no-data' ? 'history.day.noData' : 'history.day.none'));
  if (!isModelDay(cell)) return label(formatList([i18n.t('history.day.incidents', cell.incidents.length), ...severityParts(cell.ms)]));
  const named = cell.incidents.length - cell.broadIncidents.length;
  const parts = named ? [i18n.t('history.day.named', named), ...severityParts(cell.ms)] : [];
  if (cell.broadIncidents.length) {
    const count = i18n.t('history.day.broad', cell.broadIncidents.length);
    const time = severityParts(cell.broadMs);
    parts.push(time.length ? i18n.t('history.day.broadTime', { count, time: formatList(time) }) : count);
  }
  return label(formatList(parts));
}

export interface IncidentName {
  name: string;
  impact: Impact;
}

/** The tooltip: the day's name, then one line per incident ("• name (Major)"), names isolated. */
export function dayTooltip(cell: DayCell, timeZone: string, incidents: ReadonlyMap<string, IncidentName>): string {
  const lines = cell.incidents.flatMap((id) => {
    const found = incidents.get(id);
    return found ? [i18n.t('history.day.incidentLine', { name: isolate(found.name), impact: impactWord(found.impact) })] : [];
  });
  return [dayLabel(cell, timeZone), ...lines].join('\n');
}

export function impactWord(impact: Impact): string {
  return i18n.t(`history.impact.${impact}`);
}

/** A tally's time: the total, and how much of it was outage (partial or major) when any was. */
export function tallyTime(ms: SeverityMs): { total: string; outage: string | null } {
  const outage = ms.partial + ms.major;
  const total = ms.degraded + outage;
  const minutes = (t: number) => Math.floor(t / MINUTE);
  return {
    total: formatDuration(total),
    outage:
      minutes(outage) === 0
        ? null
        : minutes(outage) === minutes(total)
          ? i18n.t('history.allOutage')
          : i18n.t('history.outage', { duration: formatDuration(outage) }),
  };
}

/** "Last 30 days: more incidents than usual (5 against about 2.3)." or why there is no verdict. */
export function trendText(r: RecentVsUsual): string {
  if (r.trend === null || r.usual30 === null) return i18n.t('history.trend.unknown', r.coveredDays);
  return i18n.t(`history.trend.${r.trend}`, { count: formatDecimal(r.last30), usual: formatDecimal(r.usual30) });
}

export function uptimeText(u: ComponentUptime): string {
  return i18n.t('history.uptime', { ninety: formatPercent(u.ninety), thirty: formatPercent(u.thirty) });
}

/** The legend: each colour level with its meaning; the outage bounds are the page's colour stops. */
export function legendItems(): Array<{ level: DayLevel; text: string }> {
  const [, a, b, c] = PAGE_COLOR_STOPS_S.map((s) => formatDuration(Math.round(s / 60) * MINUTE));
  return [
    { level: 'none', text: i18n.t('history.legend.none') },
    { level: 'degraded', text: i18n.t('history.legend.degraded') },
    { level: 'minor', text: i18n.t('history.legend.minor', { to: a! }) },
    { level: 'moderate', text: i18n.t('history.legend.moderate', { from: a!, to: b! }) },
    { level: 'serious', text: i18n.t('history.legend.serious', { from: b!, to: c! }) },
    { level: 'severe', text: i18n.t('history.legend.severe', { from: c! }) },
    { level: 'no-data', text: i18n.t('history.legend.noData') },
  ];
}

/** `claude-status-history-2026-09-03.csv`: the local day of the export. */
export function exportFileName(now: number, timeZone: string, extension: 'json' | 'csv'): string {
  return `claude-status-history-${dayKeyAt(now, timeZone)}.${extension}`;
}

/**
 * The model rows: the user's models first (in their order), then the others as `buildHistory` sorted them.
 * Models of no concern to the user that no incident named in the 90 days go to `quiet` (one line on the page,
 * since every model shares the "multiple models" row anyway).
 */
export function modelRows(history: History, myModels: readonly string[]): { rows: ModelHistory[]; quiet: string[] } {
  const mine = new Set(myModels);
  const byKey = new Map(history.models.map((m) => [m.key, m]));
  const first = [...mine].flatMap((k) => byKey.get(k) ?? []);
  const rest = history.models.filter((m) => !mine.has(m.key));
  const named = (m: ModelHistory) => m.windows[90].named.incidents > 0;
  return { rows: [...first, ...rest.filter(named)], quiet: rest.filter((m) => !named(m)).map((m) => m.key) };
}

export interface ComponentRow extends ComponentHistory {
  /** The name to show: the live summary's, else the archive's, else a placeholder with the id. */
  label: string;
}

/**
 * One row per surface: those the live summary lists, in its order (with a clean bar when no incident touched
 * them), then any others incidents touched (renamed or removed since).
 */
export function componentRows(history: History, live: readonly ComponentState[]): ComponentRow[] {
  const byId = new Map(history.components.map((c) => [c.id, c]));
  const liveIds = new Set(live.map((c) => c.id));
  const quiet = (id: string): ComponentHistory => ({
    id,
    name: null,
    windows: Object.fromEntries(
      WINDOWS.map((n) => [n, { incidents: 0, ms: noMinutes(), pageDowntimeMs: 0 }]),
    ) as ComponentHistory['windows'],
    days: history.days.map((d) => ({
      ...d,
      ms: noMinutes(),
      level: isCovered(d, history.coveredSince) ? 'none' : 'no-data',
      incidents: [],
    })),
    recentVsUsual: recentVsUsual(0, 0, history.coveredDays),
    incidents: [],
  });
  const rows = [...live.map((c) => byId.get(c.id) ?? quiet(c.id)), ...history.components.filter((c) => !liveIds.has(c.id))];
  const liveName = new Map(live.map((c) => [c.id, c.name]));
  return rows.map((c) => ({ ...c, label: liveName.get(c.id) || c.name || i18n.t('history.componentUnnamed', { id: c.id }) }));
}
