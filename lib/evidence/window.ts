/**
 * A compact, bounded aggregate of request outcomes: per-minute buckets of counts, per endpoint and
 * outcome, and per failure code. Counts and times only; at most {@link MAX_BUCKETS} buckets however
 * many requests arrive, each with at most a few dozen numbers.
 *
 * Clocks are not trusted: a bucket stamped after `now` (the clock went back) is dropped, never
 * counted; a bucket older than {@link RETENTION_MS} is dropped (the clock went forward, or time passed).
 */
import { COUNTED_OUTCOMES, ENDPOINTS, type Code, type CountedOutcome, type Endpoint } from './classify';

export const BUCKET_MS = 60_000;
/** Everything older than this is forgotten (the issue: "cleared after an hour"). */
export const RETENTION_MS = 60 * 60_000;
export const MAX_BUCKETS = RETENTION_MS / BUCKET_MS;
/** A single counter never grows past this (a stored value edited by hand cannot overflow the maths). */
export const MAX_COUNT = 1_000_000;
/** Distinct failure codes kept per bucket (HTTP statuses are at most 500 anyway). */
const MAX_CODES = 32;

export type OutcomeCounts = Partial<Record<CountedOutcome, number>>;

export interface EvidenceBucket {
  /** Start of the minute, epoch ms. */
  t: number;
  /** Requests by endpoint, then outcome (zero counts left out). */
  n: Partial<Record<Endpoint, OutcomeCounts>>;
  /** Failures by code: an HTTP status ("529") or a class of transport failure ("timeout"). */
  c: Record<string, number>;
}

export interface EvidenceWindow {
  /** Oldest first. */
  buckets: EvidenceBucket[];
  /** When each outcome was last seen (epoch ms): what is happening now, when minutes mix outcomes. */
  last: OutcomeCounts;
}

export const EMPTY_WINDOW: EvidenceWindow = { buckets: [], last: {} };

export interface WindowEvent {
  at: number;
  endpoint: Endpoint;
  outcome: CountedOutcome;
  code: Code;
}

function bucketStart(at: number): number {
  return Math.floor(at / BUCKET_MS) * BUCKET_MS;
}

const bump = (n: number | undefined, by = 1) => Math.min(MAX_COUNT, (n ?? 0) + by);

/** Adds events (in any order). Returns a new window; the input is not changed. */
export function addEvents(window: EvidenceWindow, events: readonly WindowEvent[]): EvidenceWindow {
  const byStart = new Map(window.buckets.map((b) => [b.t, { t: b.t, n: cloneCounts(b.n), c: { ...b.c } }]));
  const last = { ...window.last };
  for (const e of events) {
    if (!Number.isFinite(e.at) || !COUNTED_OUTCOMES.includes(e.outcome) || !ENDPOINTS.includes(e.endpoint)) continue;
    const t = bucketStart(e.at);
    let bucket = byStart.get(t);
    if (!bucket) byStart.set(t, (bucket = { t, n: {}, c: {} }));
    const counts = (bucket.n[e.endpoint] ??= {});
    counts[e.outcome] = bump(counts[e.outcome]);
    if (e.outcome !== 'ok') {
      const key = String(e.code);
      if (key in bucket.c || Object.keys(bucket.c).length < MAX_CODES) bucket.c[key] = bump(bucket.c[key]);
    }
    last[e.outcome] = Math.max(last[e.outcome] ?? 0, e.at);
  }
  const buckets = [...byStart.values()].sort((a, b) => a.t - b.t).slice(-MAX_BUCKETS);
  return { buckets, last };
}

/** Adds one window's counts to another (the background's unsaved events into the stored window). */
export function mergeWindows(into: EvidenceWindow, from: EvidenceWindow): EvidenceWindow {
  const byStart = new Map(into.buckets.map((b) => [b.t, { t: b.t, n: cloneCounts(b.n), c: { ...b.c } }]));
  for (const b of from.buckets) {
    const target = byStart.get(b.t) ?? { t: b.t, n: {}, c: {} };
    byStart.set(b.t, target);
    for (const endpoint of ENDPOINTS) {
      for (const outcome of COUNTED_OUTCOMES) {
        const n = b.n[endpoint]?.[outcome];
        if (n) (target.n[endpoint] ??= {})[outcome] = bump(target.n[endpoint]?.[outcome], n);
      }
    }
    for (const [key, n] of Object.entries(b.c)) {
      if (key in target.c || Object.keys(target.c).length < MAX_CODES) target.c[key] = bump(target.c[key], n);
    }
  }
  const last = { ...into.last };
  for (const outcome of COUNTED_OUTCOMES) {
    const at = from.last[outcome];
    if (at !== undefined) last[outcome] = Math.max(last[outcome] ?? 0, at);
  }
  return { buckets: [...byStart.values()].sort((a, b) => a.t - b.t).slice(-MAX_BUCKETS), last };
}

/**
 * Drops what must not be kept or trusted at `now`: buckets from the future (a clock set back) and
 * buckets and last-seen times older than an hour.
 */
export function pruneWindow(window: EvidenceWindow, now: number): EvidenceWindow {
  const oldest = now - RETENTION_MS;
  const buckets = window.buckets.filter((b) => b.t <= now && b.t + BUCKET_MS > oldest).slice(-MAX_BUCKETS);
  const last: OutcomeCounts = {};
  for (const outcome of COUNTED_OUTCOMES) {
    const at = window.last[outcome];
    if (at !== undefined && at <= now && at > oldest) last[outcome] = at;
  }
  return { buckets, last };
}

export interface Summary {
  /** Requests that count (every outcome but `ignored`). */
  total: number;
  byOutcome: Record<CountedOutcome, number>;
  /** The completion endpoint alone: the user's messages. */
  completion: Record<CountedOutcome, number>;
  byCode: Record<string, number>;
  /** The span the counts cover, in whole minutes (the current minute counts as one). */
  spanMinutes: number;
}

function zeroCounts(): Record<CountedOutcome, number> {
  return { ok: 0, claude: 0, limit: 0, auth: 0, region: 0, connection: 0 };
}

/**
 * Counts over the buckets that overlap the last `spanMs` before `now` (minute granularity: "the last
 * 5 min" is the current minute and the 5 before it at most). Buckets in the future are not counted.
 */
export function summary(window: EvidenceWindow, now: number, spanMs: number): Summary {
  const from = now - spanMs;
  const byOutcome = zeroCounts();
  const completion = zeroCounts();
  const byCode: Record<string, number> = {};
  for (const b of window.buckets) {
    if (b.t > now || b.t + BUCKET_MS <= from) continue;
    for (const endpoint of ENDPOINTS) {
      for (const outcome of COUNTED_OUTCOMES) {
        const n = b.n[endpoint]?.[outcome] ?? 0;
        byOutcome[outcome] += n;
        if (endpoint === 'completion') completion[outcome] += n;
      }
    }
    for (const [key, n] of Object.entries(b.c)) byCode[key] = (byCode[key] ?? 0) + n;
  }
  const total = COUNTED_OUTCOMES.reduce((sum, o) => sum + byOutcome[o], 0);
  return { total, byOutcome, completion, byCode, spanMinutes: Math.round(spanMs / 60_000) };
}

function cloneCounts(n: EvidenceBucket['n']): EvidenceBucket['n'] {
  const copy: EvidenceBucket['n'] = {};
  for (const endpoint of ENDPOINTS) if (n[endpoint]) copy[endpoint] = { ...n[endpoint] };
  return copy;
}
