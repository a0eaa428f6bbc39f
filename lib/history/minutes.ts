/**
 * How archived incidents become minutes and counts: the rules, in one place (docs/history.md says
 * the same in prose).
 *
 * 1. **Intervals.** An incident's updates, oldest first, cut its life into intervals: from each
 *    update's time (`display_at`, else `created_at`) to the next update's time. The last interval
 *    ends at the resolution, or at `now` while the incident is ongoing (investigating, identified,
 *    monitoring); with a status we do not know, at its last update. An interval that follows a
 *    resolving update (resolved, postmortem) counts nothing, so a reopened incident counts again
 *    from the update that reopened it.
 * 2. **Models.** In an interval a model is *named* when the scope after that interval's update lists
 *    it as affected. While the scope is broad ("multiple models"), every other model that the scope
 *    does not exclude counts as *broad*: apart from named, so no model is said to have been down
 *    only because an incident spoke of "multiple models". Excluded models count nothing. Monitoring
 *    counts: the incident is open and the page still names the model.
 * 3. **How bad a model interval was:** the worst component status the incident had set by then
 *    (degraded_performance → degraded, partial_outage → partial, major_outage → major); degraded when
 *    its components are all back to operational while the model is still named (monitoring); and
 *    when the incident never recorded a component transition, its impact (none and minor → degraded,
 *    major → partial, critical → major: Statuspage's impact-from-components rule, reversed).
 * 4. **Components.** Each component's status follows the transitions in `affected_components`: an
 *    update's `new_status` holds from that update to the next one that changes it; a resolving
 *    update returns every component to operational. Degraded, partial and major minutes are kept
 *    apart; operational, under_maintenance and unknown statuses count nothing. The status page's own
 *    bars count only partial and major, weighted partial × 0.3 + major × 1 ({@link pageDowntimeMs});
 *    on the real captures this reproduces the page's own per-day outage seconds.
 * 5. **Overlaps** are a union, never a sum: two incidents at once count once, at the worse of the
 *    two (named before broad, then the worse severity).
 * 6. **Windows.** "The last N days" are the last N local days in the user's time zone, today
 *    included (the last N cells of the 90-day bar), up to `now`. An incident counts in a window when
 *    its life (start to resolution, or now) overlaps it; one posted already resolved, with no life at
 *    all, counts on the day it started.
 * 7. **Which incidents a model had:** *named* when some update's scope named it as affected, or,
 *    for an incident posted already resolved (no open scope at all), when the incident named it;
 *    otherwise *broad* when the incident spoke of models broadly and never excluded it.
 * 8. **Right now vs usual:** incidents in the last 30 days against the 90-day rate scaled to 30 days
 *    (count over the covered part of the 90 days × 30 / covered days). Needs 60 covered days, else
 *    no verdict. "more" when last30 ≥ usual + max(2, usual / 2), "fewer" when last30 ≤ usual −
 *    max(2, usual / 2), else "usual": small counts never make a trend.
 * 9. **Durations:** start to resolution (or now), and the open time (the intervals of rule 1 that
 *    count, so a reopened incident's quiet gap is left out).
 * Pure functions of (archive, now, time zone); times are epoch ms, durations ms.
 * @module
 */
import type { ComponentStatus, Impact } from '../statuspage/schema';
import { type Archive, type ArchivedIncident, type ArchivedScope, isClosedStatus } from './archive';

export type Severity = 'degraded' | 'partial' | 'major';
export const SEVERITIES: readonly Severity[] = ['degraded', 'partial', 'major'];
export type SeverityMs = Record<Severity, number>;
export const noMinutes = (): SeverityMs => ({ degraded: 0, partial: 0, major: 0 });

export type Involvement = 'named' | 'broad';

export interface Span {
  start: number;
  end: number;
}

/** One interval of rule 1, with what held during it. */
export interface Interval extends Span {
  /** False after a resolving update: the interval counts nothing. */
  open: boolean;
  scope: ArchivedScope;
  /** How bad it was for the models it names (rule 3). */
  severity: Severity;
  /** Components not operational during the interval (rule 4). */
  components: Record<string, Severity>;
}

export interface IncidentTimeline {
  incident: ArchivedIncident;
  /** Oldest first, gapless from the first update to the end. */
  intervals: Interval[];
  /** Start of the incident's life. */
  start: number;
  /** Its resolution, or `now` while ongoing. */
  end: number;
}

const COMPONENT_SEVERITY: Partial<Record<ComponentStatus, Severity>> = {
  degraded_performance: 'degraded',
  partial_outage: 'partial',
  major_outage: 'major',
};

const IMPACT_SEVERITY: Partial<Record<Impact, Severity>> = { major: 'partial', critical: 'major' };

const rank = (s: Severity) => SEVERITIES.indexOf(s);
const worse = (a: Severity | null, b: Severity) => (a === null || rank(b) > rank(a) ? b : a);

/** Rule 1, 3 and 4 for one incident. */
export function incidentTimeline(incident: ArchivedIncident, now: number): IncidentTimeline {
  const updates = incident.updates;
  const end = Math.max(incident.startedAt, isOngoing(incident) ? now : (incident.resolvedAt ?? updates.at(-1)?.at ?? incident.startedAt));
  const recordsComponents = updates.some((u) => u.components.length > 0);
  const state = new Map<string, ComponentStatus>();
  const intervals: Interval[] = [];
  updates.forEach((u, k) => {
    for (const t of u.components) state.set(t.id, t.to);
    const open = !isClosedStatus(u.status);
    if (!open) state.clear();
    const components: Record<string, Severity> = {};
    let worst: Severity | null = null;
    for (const [id, status] of state) {
      const severity = COMPONENT_SEVERITY[status];
      if (severity) [components[id], worst] = [severity, worse(worst, severity)];
    }
    const severity = worst ?? (recordsComponents ? 'degraded' : (IMPACT_SEVERITY[incident.impact] ?? 'degraded'));
    const next = updates[k + 1]?.at ?? Math.max(end, u.at);
    intervals.push({ start: u.at, end: Math.max(u.at, next), open, scope: u.scope, severity, components });
  });
  return { incident, intervals, start: incident.startedAt, end: Math.max(end, updates.at(-1)?.at ?? end) };
}

export const timelines = (archive: Archive, now: number) => archive.incidents.map((i) => incidentTimeline(i, now));

const ONGOING = new Set(['investigating', 'identified', 'monitoring', 'in_progress', 'verifying']);
/** Still running, so its last interval reaches `now`. A status we do not know ends at its last update: a number
 *  that grows with every page view must rest on a status we understand. */
export const isOngoing = (incident: Pick<ArchivedIncident, 'status'>) => ONGOING.has(incident.status);

// ---- Rule 2 and 7: models ----

/** Whether an interval counts for `key`, and how (rule 2). */
function involvement(interval: Interval, key: string): Involvement | null {
  if (!interval.open) return null;
  if (interval.scope.affected.includes(key)) return 'named';
  return interval.scope.broad && !interval.scope.excluded.includes(key) ? 'broad' : null;
}

/** Whether an incident concerned model `key`, and how (rule 7). */
export function modelInvolvement(t: IncidentTimeline, key: string): Involvement | null {
  const open = t.intervals.filter((i) => i.open);
  if (open.some((i) => i.scope.affected.includes(key))) return 'named';
  // Posted already resolved: no scope was ever open, so what the incident named is all there is to go by.
  if (!open.length && t.incident.models.named.includes(key)) return 'named';
  const excluded = t.intervals.some((i) => i.scope.excluded.includes(key));
  return t.incident.models.broad && !excluded ? 'broad' : null;
}

/** Every model an incident concerned by name (rule 7). */
export function namedModels(t: IncidentTimeline): string[] {
  const open = t.intervals.filter((i) => i.open);
  return open.length ? [...new Set(open.flatMap((i) => i.scope.affected))] : t.incident.models.named;
}

// ---- Rule 5: union of ranked spans ----

export interface RankedSpan extends Span {
  rank: number;
}

/** The union of spans as disjoint pieces, each at the highest rank covering it (rule 5). */
export function unionByRank(spans: readonly RankedSpan[]): RankedSpan[] {
  const events: Array<[time: number, rank: number, delta: 1 | -1]> = [];
  for (const s of spans) if (s.end > s.start) events.push([s.start, s.rank, 1], [s.end, s.rank, -1]);
  events.sort((a, b) => a[0] - b[0]);
  const counts = new Map<number, number>();
  const pieces: RankedSpan[] = [];
  let at = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < events.length; ) {
    const time = events[i]![0];
    const top = Math.max(...[...counts].filter(([, n]) => n > 0).map(([r]) => r));
    if (Number.isFinite(top) && time > at) {
      const last = pieces.at(-1);
      if (last && last.end === at && last.rank === top) last.end = time;
      else pieces.push({ start: at, end: time, rank: top });
    }
    for (; i < events.length && events[i]![0] === time; i++) {
      const [, r, delta] = events[i]!;
      counts.set(r, (counts.get(r) ?? 0) + delta);
    }
    at = time;
  }
  return pieces;
}

/** Named spans rank above broad ones, then by severity. */
const modelRank = (how: Involvement, severity: Severity) => (how === 'named' ? 3 : 0) + rank(severity) + 1;
export const rankInvolvement = (r: number): Involvement => (r > 3 ? 'named' : 'broad');
export const rankSeverity = (r: number): Severity => SEVERITIES[(r - 1) % 3]!;

/** Disjoint pieces of time model `key` was affected, each ranked named/broad × severity. */
export function modelPieces(all: readonly IncidentTimeline[], key: string): RankedSpan[] {
  const spans: RankedSpan[] = [];
  for (const t of all) {
    for (const interval of t.intervals) {
      const how = involvement(interval, key);
      if (how) spans.push({ start: interval.start, end: interval.end, rank: modelRank(how, interval.severity) });
    }
  }
  return unionByRank(spans);
}

/** Disjoint pieces of time any incident was broad ("multiple models"), ranked by severity. */
export function broadPieces(all: readonly IncidentTimeline[]): RankedSpan[] {
  const spans = all.flatMap((t) =>
    t.intervals.filter((i) => i.open && i.scope.broad).map((i) => ({ start: i.start, end: i.end, rank: rank(i.severity) + 1 })),
  );
  return unionByRank(spans);
}

/** Disjoint pieces of time component `id` was not operational, ranked by severity. */
export function componentPieces(all: readonly IncidentTimeline[], id: string): RankedSpan[] {
  const spans: RankedSpan[] = [];
  for (const t of all) {
    for (const interval of t.intervals) {
      const severity = interval.components[id];
      if (severity) spans.push({ start: interval.start, end: interval.end, rank: rank(severity) + 1 });
    }
  }
  return unionByRank(spans);
}

/** Component ids any incident ever moved out of operational. */
export function componentIds(all: readonly IncidentTimeline[]): string[] {
  return [...new Set(all.flatMap((t) => t.intervals.flatMap((i) => Object.keys(i.components))))].sort();
}

/** Incidents that moved component `id` out of operational. */
export function touchesComponent(t: IncidentTimeline, id: string): boolean {
  return t.intervals.some((i) => i.components[id] !== undefined);
}

// ---- Tallies over a range ----

/** Milliseconds of `pieces` inside [from, to), by severity; `filter` picks ranks (named vs broad). */
export function minutesIn(
  pieces: readonly RankedSpan[],
  from: number,
  to: number,
  filter: (rank: number) => boolean = () => true,
): SeverityMs {
  const ms = noMinutes();
  for (const p of pieces) {
    const overlap = Math.min(p.end, to) - Math.max(p.start, from);
    if (overlap > 0 && filter(p.rank)) ms[rankSeverity(p.rank)] += overlap;
  }
  return ms;
}

export const totalMs = (ms: SeverityMs) => ms.degraded + ms.partial + ms.major;

/** Downtime as the status page's bars weigh it: partial × 0.3 + major; degraded counts nothing. */
export const pageDowntimeMs = (ms: SeverityMs) => ms.partial * 0.3 + ms.major;

/** Whether an incident's life overlaps [from, to) (rule 6). A life of no length counts where it starts. */
export function overlaps(t: Pick<IncidentTimeline, 'start' | 'end'>, from: number, to: number): boolean {
  return t.start < to && (t.end > from || (t.end === t.start && t.start >= from));
}

// ---- Rule 9: durations ----

export interface IncidentDuration {
  start: number;
  /** Resolution (or the last update, for a status we do not know); null while ongoing. */
  end: number | null;
  /** Start to resolution (or now). */
  spanMs: number;
  /** Time it was open: the counting intervals of rule 1. */
  openMs: number;
}

export function incidentDuration(t: IncidentTimeline, now: number): IncidentDuration {
  const ongoing = isOngoing(t.incident);
  const end = ongoing ? Math.max(t.start, now) : t.end;
  const openMs = t.intervals.filter((i) => i.open).reduce((sum, i) => sum + (i.end - i.start), 0);
  return { start: t.start, end: ongoing ? null : end, spanMs: end - t.start, openMs };
}

// ---- Rule 8: right now vs usual ----

export type Trend = 'more' | 'usual' | 'fewer';

export interface RecentVsUsual {
  /** Incidents in the last 30 days. */
  last30: number;
  /** The 90-day rate scaled to 30 days; null without 60 covered days. */
  usual30: number | null;
  /** Days of the last 90 the archive covers. */
  coveredDays: number;
  trend: Trend | null;
}

export const MIN_COVERED_DAYS = 60;

/**
 * Rule 8. `last30` and `count90` are incident counts over the 30- and 90-day windows; `coveredDays` how many of
 * the 90 days the archive covers.
 */
export function recentVsUsual(last30: number, count90: number, coveredDays: number): RecentVsUsual {
  const covered = Math.max(0, Math.min(90, coveredDays));
  if (covered < MIN_COVERED_DAYS) return { last30, usual30: null, coveredDays: covered, trend: null };
  const usual30 = (count90 * 30) / covered;
  const margin = Math.max(2, usual30 / 2);
  const trend: Trend = last30 >= usual30 + margin ? 'more' : last30 <= usual30 - margin ? 'fewer' : 'usual';
  return { last30, usual30, coveredDays: covered, trend };
}
