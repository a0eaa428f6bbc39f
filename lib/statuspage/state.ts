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

/**
 * A poll every 20 s: three 1-minute alarms a third of a minute apart (Chrome's 30 s floor is per
 * alarm, not per extension). With the CDN caching up to 15 s, a change shows on the badge within
 * ~35 s at worst and ~17 s at the median, and an unchanged poll is a 304 of ~300 bytes (README,
 * "Performance", has the measurements behind the choice).
 */
export const POLL_PERIOD_MS = 20_000;
/** Data not confirmed for this long is stale: several missed polls (alarms run late on a busy machine). */
export const STALE_AFTER_MS = 90_000;

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
  // A confirmation "in the future" means the clock was set back: how old the data really is cannot
  // be known, so it is not live until the next poll confirms it.
  if (state.confirmedAt > now) return 'stale';
  return now - state.confirmedAt > STALE_AFTER_MS ? 'stale' : 'live';
}
