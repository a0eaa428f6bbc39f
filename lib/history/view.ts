/**
 * Everything the history page shows, computed from the archive in one pass: per model, for the
 * "broad" incidents and per component, the incident counts and minutes over the last 7, 30 and 90
 * days, a 90-day bar and "right now vs usual"; and the incident list. Structured data only (counts,
 * keys, times in ms, levels): the page words and formats it in the user's locale. The rules are in
 * minutes.ts. Pure.
 * @module
 */
import { sortModelKeys } from '../models/seen';
import { incidentUrl } from '../statuspage/snapshot';
import type { Impact, IncidentStatus } from '../statuspage/schema';
import type { Archive } from './archive';
import { type DayCell, type ModelDayCell, dayCells, dayLevel, isCovered, spreadOverDays } from './days';
import {
  type IncidentDuration,
  type IncidentTimeline,
  type Involvement,
  type RankedSpan,
  type RecentVsUsual,
  type SeverityMs,
  broadPieces,
  componentIds,
  componentPieces,
  incidentDuration,
  minutesIn,
  modelInvolvement,
  modelPieces,
  namedModels,
  overlaps,
  pageDowntimeMs,
  rankInvolvement,
  recentVsUsual,
  timelines,
  touchesComponent,
} from './minutes';
import { type LocalDay, lastDays, validTimeZone } from './zone';

export const HISTORY_DAYS = 90;
export const WINDOWS = [7, 30, 90] as const;
export type WindowDays = (typeof WINDOWS)[number];

export interface Tally {
  incidents: number;
  ms: SeverityMs;
}

export interface ModelHistory {
  key: string;
  windows: Record<WindowDays, { named: Tally; broad: Tally }>;
  days: ModelDayCell[];
  /** Over named incidents. */
  recentVsUsual: RecentVsUsual;
  /** Incidents of the last 90 days that concerned the model, newest first. */
  incidents: Array<{ id: string; how: Involvement }>;
}

/** The "multiple models" row: time any incident spoke of models broadly. */
export interface BroadHistory {
  windows: Record<WindowDays, Tally>;
  days: DayCell[];
  recentVsUsual: RecentVsUsual;
  incidents: string[];
}

export interface ComponentHistory {
  id: string;
  /** Its label in the newest update that named it; the page may prefer the live summary's name. */
  name: string | null;
  windows: Record<WindowDays, Tally & { pageDowntimeMs: number }>;
  days: DayCell[];
  recentVsUsual: RecentVsUsual;
  incidents: string[];
}

export interface IncidentRow extends IncidentDuration {
  id: string;
  name: string;
  impact: Impact;
  status: IncidentStatus;
  url: string;
  /** Models it named as affected (rule 7), and whether it spoke of models broadly. */
  models: string[];
  broad: boolean;
  /** Components it moved out of operational. */
  components: string[];
  summary: string;
}

export interface History {
  now: number;
  timeZone: string;
  /** The 90 local days, oldest first. */
  days: LocalDay[];
  /** Days of the 90 the archive covers (rule 8). */
  coveredDays: number;
  coveredSince: number | null;
  models: ModelHistory[];
  broad: BroadHistory;
  components: ComponentHistory[];
  /** Incidents active in the 90 days, newest start first. */
  incidents: IncidentRow[];
}

export interface HistoryOptions {
  /** Model keys to show even without a named incident (the user's models): they may still have broad ones. */
  models?: readonly string[];
}

/** The history page's data for `archive` at `now` in the IANA zone `timeZone` (an unknown zone reads as UTC). */
export function buildHistory(archive: Archive, now: number, timeZone: string, options: HistoryOptions = {}): History {
  const zone = validTimeZone(timeZone);
  const days = lastDays(now, HISTORY_DAYS, zone);
  const [first, last] = [days[0]!, days.at(-1)!];
  const all = timelines(archive, now)
    .filter((t) => overlaps(t, first.start, last.end))
    .sort((a, b) => b.start - a.start);
  const perDay = days.map((d) => all.filter((t) => overlaps(t, d.start, d.end)));
  const windowStart = (n: WindowDays) => days[days.length - n]!.start;
  const inWindow = (n: WindowDays, pick: (t: IncidentTimeline) => boolean) =>
    all.filter((t) => pick(t) && overlaps(t, windowStart(n), last.end));
  const coveredDays = days.filter((d) => isCovered(d, archive.coveredSince)).length;
  const windowsOf = <T>(f: (n: WindowDays) => T) => Object.fromEntries(WINDOWS.map((n) => [n, f(n)])) as Record<WindowDays, T>;
  const tally = (n: WindowDays, pieces: RankedSpan[], pick: (t: IncidentTimeline) => boolean, ranks?: (r: number) => boolean): Tally => ({
    incidents: inWindow(n, pick).length,
    ms: minutesIn(pieces, windowStart(n), now, ranks),
  });
  const verdict = (pick: (t: IncidentTimeline) => boolean) =>
    recentVsUsual(inWindow(30, pick).length, inWindow(90, pick).length, coveredDays);
  const cells = (pieces: RankedSpan[], pick: (t: IncidentTimeline) => boolean, ranks?: (r: number) => boolean) =>
    dayCells(
      days,
      spreadOverDays(pieces, days, ranks),
      perDay.map((ts) => ts.filter(pick).map((t) => t.incident.id)),
      archive.coveredSince,
    );

  const keys = sortModelKeys([...new Set([...all.flatMap(namedModels), ...(options.models ?? [])])]);
  const models = keys.map((key): ModelHistory => {
    const pieces = modelPieces(all, key);
    const named = (r: number) => rankInvolvement(r) === 'named';
    const broad = (r: number) => rankInvolvement(r) === 'broad';
    const involvement = new Map(all.map((t) => [t, modelInvolvement(t, key)]));
    const isNamed = (t: IncidentTimeline) => involvement.get(t) === 'named';
    const isBroad = (t: IncidentTimeline) => involvement.get(t) === 'broad';
    const namedCells = cells(pieces, isNamed, named);
    const broadCells = cells(pieces, isBroad, broad);
    return {
      key,
      windows: windowsOf((n) => ({ named: tally(n, pieces, isNamed, named), broad: tally(n, pieces, isBroad, broad) })),
      days: namedCells.map((cell, i) => {
        const b = broadCells[i]!;
        return {
          ...cell,
          incidents: perDay[i]!.filter((t) => involvement.get(t)).map((t) => t.incident.id),
          broadMs: b.ms,
          broadLevel: dayLevel(b.ms, b.level !== 'no-data'),
          broadIncidents: b.incidents,
        };
      }),
      recentVsUsual: verdict(isNamed),
      incidents: all.flatMap((t) => {
        const how = involvement.get(t);
        return how ? [{ id: t.incident.id, how }] : [];
      }),
    };
  });

  const isBroadIncident = (t: IncidentTimeline) => t.incident.models.broad;
  const broadSpans = broadPieces(all);
  const broad: BroadHistory = {
    windows: windowsOf((n) => tally(n, broadSpans, isBroadIncident)),
    days: cells(broadSpans, isBroadIncident),
    recentVsUsual: verdict(isBroadIncident),
    incidents: all.filter(isBroadIncident).map((t) => t.incident.id),
  };

  const components = componentIds(all).map((id): ComponentHistory => {
    const pieces = componentPieces(all, id);
    const touches = (t: IncidentTimeline) => touchesComponent(t, id);
    const known = Object.hasOwn(archive.componentNames, id) ? archive.componentNames[id] : undefined;
    return {
      id,
      name: known?.name ?? null,
      windows: windowsOf((n) => {
        const t = tally(n, pieces, touches);
        return { ...t, pageDowntimeMs: pageDowntimeMs(t.ms) };
      }),
      days: cells(pieces, touches),
      recentVsUsual: verdict(touches),
      incidents: all.filter(touches).map((t) => t.incident.id),
    };
  });

  const incidents = all.map(
    (t): IncidentRow => ({
      id: t.incident.id,
      name: t.incident.name,
      impact: t.incident.impact,
      status: t.incident.status,
      url: incidentUrl(t.incident.id),
      ...incidentDuration(t, now),
      models: namedModels(t),
      broad: t.incident.models.broad,
      components: [...new Set(t.intervals.flatMap((i) => Object.keys(i.components)))],
      summary: t.incident.summary,
    }),
  );

  return { now, timeZone: zone, days, coveredDays, coveredSince: archive.coveredSince, models, broad, components, incidents };
}
