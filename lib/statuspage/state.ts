/**
 * Everything the background knows between polls. It lives in extension storage (see storage.ts),
 * never in service-worker globals: the worker is stopped whenever it is idle.
 */
import type { PollProblem } from './fetch-json';
import type { Snapshot } from './snapshot';

export interface StatusState {
  /** The last good snapshot; kept through failures so nothing is lost. */
  snapshot: Snapshot | null;
  /** Host the snapshot came from (the fallback host is named in the popup). */
  source: string | null;
  /** When the page last confirmed `snapshot` (a 200 or a 304), epoch ms. */
  confirmedAt: number | null;
  /** When the last poll finished, good or bad. */
  checkedAt: number | null;
  /** ETag of `snapshot` as served by `source`. */
  etag: string | null;
  /** Why the last poll failed; null when it succeeded. */
  problem: PollProblem | null;
  /** Consecutive failed polls (drives the backoff). */
  failures: number;
  /** Backoff: scheduled polls before this time are skipped. */
  retryAt: number | null;
}

export const EMPTY_STATE: StatusState = {
  snapshot: null,
  source: null,
  confirmedAt: null,
  checkedAt: null,
  etag: null,
  problem: null,
  failures: 0,
  retryAt: null,
};

/** Poll period of the alarm. 30 s is Chrome's floor; a 304 costs a few hundred bytes. */
export const POLL_PERIOD_MS = 30_000;
/** Data not confirmed for this long is stale (three missed polls). */
export const STALE_AFTER_MS = 3 * POLL_PERIOD_MS;

export type Freshness =
  /** Nothing fetched yet and nothing failed: the first poll is under way. */
  | 'loading'
  | 'live'
  /** The last poll succeeded but long ago (the browser slept, alarms were late). */
  | 'stale'
  /** The last poll failed; see `problem`. */
  | 'failing';

export function freshnessOf(state: StatusState, now: number): Freshness {
  if (state.problem) return 'failing';
  if (state.confirmedAt === null) return 'loading';
  return now - state.confirmedAt > STALE_AFTER_MS ? 'stale' : 'live';
}
