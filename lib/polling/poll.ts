/**
 * One poll: conditional GET of summary.json, with one retry against the page's Statuspage domain
 * when status.claude.com fails, then a pure fold of the outcome into {@link StatusState}.
 *
 *   loading ──200/304──▶ live ──(no poll for 3 periods)──▶ stale
 *      │                  ▲ │
 *      └──error──▶ failing┘ └──error──▶ failing (last good snapshot kept, backoff grows)
 */
import { fetchJson, type FetchOutcome, type PollProblem } from '../statuspage/fetch-json';
import { SummarySchema } from '../statuspage/schema';
import { normaliseSummary } from '../statuspage/snapshot';
import { POLL_PERIOD_MS, type StatusState } from '../statuspage/state';

export const SOURCES = ['https://status.claude.com', 'https://anthropic.statuspage.io'] as const;
export const SUMMARY_PATH = '/api/v2/summary.json';
export const REQUEST_TIMEOUT_MS = 10_000;
/** summary.json is ~3–10 KB; anything near this is not the status page. */
export const MAX_BODY_BYTES = 512 * 1024;
const MAX_BACKOFF_MS = 10 * 60_000;

export interface PollDeps {
  fetch: typeof fetch;
  now: () => number;
  isOnline: () => boolean;
  /** 0..1, for backoff jitter. */
  random: () => number;
}

export async function poll(state: StatusState, deps: PollDeps): Promise<StatusState> {
  if (!deps.isOnline()) return withProblem(state, { kind: 'offline', detail: 'the browser is offline' }, deps);
  let firstProblem: PollProblem | null = null;
  for (const source of SOURCES) {
    const outcome = await fetchJson({
      fetch: deps.fetch,
      url: source + SUMMARY_PATH,
      // A 304 only means "unchanged" for the host whose ETag it was.
      etag: state.source === source ? state.etag : null,
      timeoutMs: REQUEST_TIMEOUT_MS,
      maxBytes: MAX_BODY_BYTES,
    });
    const next = applyOutcome(state, source, outcome, deps.now());
    if (!next.problem) return next;
    firstProblem ??= next.problem;
  }
  return withProblem(state, firstProblem!, deps);
}

/** Folds one fetch outcome into the state. A failure keeps the snapshot and only records why. */
export function applyOutcome(state: StatusState, source: string, outcome: FetchOutcome, now: number): StatusState {
  const ok = { ...state, checkedAt: now, confirmedAt: now, problem: null, failures: 0, retryAt: null };
  switch (outcome.kind) {
    case 'not-modified':
      return ok;
    case 'fresh': {
      const parsed = SummarySchema.safeParse(outcome.json);
      if (!parsed.success) {
        const where = parsed.error.issues[0]?.path.join('.') || 'payload';
        return { ...state, checkedAt: now, problem: { kind: 'invalid', detail: `unexpected data at ${where}` } };
      }
      return { ...ok, snapshot: normaliseSummary(parsed.data), source, etag: outcome.etag };
    }
    case 'failed':
      return { ...state, checkedAt: now, problem: outcome.problem };
  }
}

function withProblem(state: StatusState, problem: PollProblem, deps: PollDeps): StatusState {
  const now = deps.now();
  const failures = state.failures + 1;
  return { ...state, checkedAt: now, problem, failures, retryAt: now + backoffMs(failures, problem, deps.random()) };
}

/** Exponential backoff from one poll period, capped, jittered ±20 %, never shorter than Retry-After. */
export function backoffMs(failures: number, problem: PollProblem, random: number): number {
  if (problem.kind === 'offline') return 0; // the online event triggers the next poll
  const exponential = Math.min(MAX_BACKOFF_MS, POLL_PERIOD_MS * 2 ** Math.max(0, failures - 1));
  // Polls ride a fixed alarm; ending half a period early lets the alarm at the due time run it.
  const jittered = exponential * (0.8 + 0.4 * random) - POLL_PERIOD_MS / 2;
  return Math.max(jittered, (problem.retryAfterSec ?? 0) * 1000);
}

/**
 * Whether a scheduled poll should run now. Waking the worker must not cost a request when the
 * last one is recent, and a backoff must be respected.
 */
export function isPollDue(state: StatusState, now: number, minGapMs = POLL_PERIOD_MS - 5_000): boolean {
  if (state.retryAt !== null && now < state.retryAt) return false;
  return state.checkedAt === null || now - state.checkedAt >= minGapMs;
}
