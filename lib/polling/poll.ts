/**
 * One poll: conditional GET of summary.json, with one retry against the page's Statuspage domain
 * when status.claude.com fails, then a pure fold of the outcome into {@link StatusState}.
 *
 *   loading ──200/304──▶ live ──(not confirmed for 90 s, or a clock set back)──▶ stale
 *      │                  ▲ │
 *      └──error──▶ failing┘ └──error──▶ failing (last good snapshot kept; backoff after 2 min)
 *
 * Politeness without slowness: the first {@link GRACE_FAILURES} failures (two minutes at one poll
 * per period) cost no backoff, so the all-clear after a short outage of the page itself shows within
 * one period; longer outages back off exponentially to {@link MAX_BACKOFF_MS}, jittered. A 429 backs
 * off at once. `Retry-After` is honoured, capped at an hour (fetch-json.ts). Offline time is not a
 * failure: it resets the count, so the first request after reconnecting never costs a long wait.
 */
import { type FetchOutcome, fetchJson, MAX_RETRY_AFTER_SEC, type PollProblem } from '../statuspage/fetch-json';
import { normaliseSummary } from '../statuspage/normalise';
import { SummarySchema } from '../statuspage/schema';
import { POLL_PERIOD_MS, type StatusState } from '../statuspage/state';

import { SOURCES, SUMMARY_PATH } from '../statuspage/hosts';

export { SOURCES, SUMMARY_PATH };
export const REQUEST_TIMEOUT_MS = 10_000;
/** summary.json is ~3–10 KB; anything near this is not the status page. */
export const MAX_BODY_BYTES = 512 * 1024;
export const MAX_BACKOFF_MS = 10 * 60_000;
/** Failures in a row that cost no backoff: two minutes of polls, and a little more for alarms that run late. */
export const GRACE_FAILURES = Math.ceil(150_000 / POLL_PERIOD_MS);
/** No stored backoff can be longer than this; a later `retryAt` was written by a clock that has since gone back. */
const LONGEST_WAIT_MS = Math.max(MAX_BACKOFF_MS * 1.2, MAX_RETRY_AFTER_SEC * 1000);

export interface PollDeps {
  fetch: typeof fetch;
  now: () => number;
  isOnline: () => boolean;
  /** 0..1, for backoff jitter. */
  random: () => number;
}

export async function poll(state: StatusState, deps: PollDeps): Promise<StatusState> {
  if (!deps.isOnline()) return offline(state, deps.now());
  let firstProblem: PollProblem | null = null;
  for (const source of SOURCES) {
    const outcome = await fetchJson({
      fetch: deps.fetch,
      url: source + SUMMARY_PATH,
      // A 304 only means "unchanged" for the host whose ETag it was.
      etag: state.source === source ? state.etag : null,
      timeoutMs: REQUEST_TIMEOUT_MS,
      maxBytes: MAX_BODY_BYTES,
      // Either status host may redirect to the other; an answer from anywhere else is not the page's.
      allowedOrigins: SOURCES,
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
      const snapshot = normaliseSummary(parsed.data);
      if (isOlder(snapshot.pageUpdatedAt, state.snapshot?.pageUpdatedAt ?? null)) {
        // Another CDN edge or the lagging fallback host answered with an older copy: keep ours (and
        // our ETag). The page answered, so nothing is failing, but it confirmed nothing newer.
        return { ...state, checkedAt: now, problem: null, failures: 0, retryAt: null };
      }
      return { ...ok, snapshot, source, etag: outcome.etag };
    }
    case 'failed':
      return { ...state, checkedAt: now, problem: outcome.problem };
  }
}

function isOlder(candidate: number | null, current: number | null): boolean {
  return candidate !== null && current !== null && candidate < current;
}

function offline(state: StatusState, now: number): StatusState {
  // Not a failure of the page: no backoff, and the count starts again when the network is back.
  return { ...state, checkedAt: now, problem: { kind: 'offline', detail: 'the browser is offline' }, failures: 0, retryAt: null };
}

function withProblem(state: StatusState, problem: PollProblem, deps: PollDeps): StatusState {
  const now = deps.now();
  const failures = state.failures + 1;
  const wait = backoffMs(failures, problem, deps.random());
  return { ...state, checkedAt: now, problem, failures, retryAt: wait > 0 ? now + wait : null };
}

/**
 * How long to wait before the next scheduled poll may run (0: the next alarm). No wait during the
 * grace failures (a rate limit excepted); then exponential from one period, capped, jittered ±20 %;
 * never shorter than `Retry-After`.
 */
export function backoffMs(failures: number, problem: PollProblem, random: number): number {
  if (problem.kind === 'offline') return 0; // the online event triggers the next poll
  const retryAfter = (problem.retryAfterSec ?? 0) * 1000;
  const rateLimited = problem.httpStatus === 429;
  const beyondGrace = rateLimited ? failures : failures - GRACE_FAILURES;
  if (beyondGrace <= 0) return retryAfter;
  const exponential = Math.min(MAX_BACKOFF_MS, POLL_PERIOD_MS * 2 ** (beyondGrace - 1));
  // Polls ride fixed alarms; ending half a period early lets the alarm at the due time run it.
  const jittered = exponential * (0.8 + 0.4 * random) - POLL_PERIOD_MS / 2;
  return Math.max(jittered, retryAfter);
}

/**
 * Whether a scheduled poll should run now. Waking the worker must not cost a request when the
 * last one is recent, and a backoff must be respected. Stored times that lie in the future (the
 * clock was set back) are not trusted: polling must never stop because of them.
 */
export function isPollDue(state: StatusState, now: number, minGapMs = POLL_PERIOD_MS - 5_000): boolean {
  const retryAt = state.retryAt !== null && state.retryAt - now <= LONGEST_WAIT_MS ? state.retryAt : null;
  if (retryAt !== null && now < retryAt) return false;
  if (state.checkedAt === null || state.checkedAt > now) return true;
  return now - state.checkedAt >= minGapMs;
}
