/**
 * What the background knows about each watched provider between polls (stored in `local:providers`,
 * see lib/storage.ts), and the pure reading of it: fresh or not, and the level the popup may show.
 */
import type { PollProblem, ProblemKind } from '../statuspage/fetch-json';
import type { Freshness } from '../statuspage/state';
import type { ProviderLevel, ProviderSnapshot } from './level';
import { PROVIDER_IDS, PROVIDER_INFO, type ProviderId } from './catalog';

export type ProviderProblemKind = ProblemKind | 'permission';

export interface ProviderProblem extends Omit<PollProblem, 'kind'> {
  kind: ProviderProblemKind;
}

export interface ProviderState {
  /** The last good snapshot; kept through failures (shown greyed). */
  snapshot: ProviderSnapshot | null;
  /** When the provider last confirmed `snapshot` (a 200 or a 304), epoch ms. */
  confirmedAt: number | null;
  /** When the last poll finished, good or bad. */
  checkedAt: number | null;
  /** Validators of `snapshot` as served: the ETag when the host sends one, else `Last-Modified`. */
  etag: string | null;
  lastModified: string | null;
  /** Why the last poll failed (or could not run); null when it succeeded. */
  problem: ProviderProblem | null;
  /** Consecutive failed polls (drives the backoff). */
  failures: number;
  /** No request before this time: the jittered spacing after a success, the backoff after a failure. */
  retryAt: number | null;
}

/** Only watched providers have an entry; turning one off drops its entry. */
export type ProvidersState = Partial<Record<ProviderId, ProviderState>>;

export const EMPTY_PROVIDER_STATE: ProviderState = {
  snapshot: null,
  confirmedAt: null,
  checkedAt: null,
  etag: null,
  lastModified: null,
  problem: null,
  failures: 0,
  retryAt: null,
};

/** Data not confirmed for three polling intervals (and a little, for the jitter) is stale. */
export function staleAfterMs(id: ProviderId): number {
  return 3.6 * PROVIDER_INFO[id].intervalMs;
}

/**
 * Like `freshnessOf` for Claude's page. A confirmation time in the future of `now` (the clock was set
 * back) is not trusted: such data is stale until a poll confirms it again.
 */
export function providerFreshness(state: ProviderState, now: number, staleAfter: number): Freshness {
  if (state.problem) return 'failing';
  if (state.confirmedAt === null) return 'loading';
  if (state.confirmedAt > now) return 'stale';
  return now - state.confirmedAt > staleAfter ? 'stale' : 'live';
}

/** The level the UI may colour: the snapshot's only while it is live, `unknown` otherwise (never a stale green). */
export function shownProviderLevel(id: ProviderId, state: ProviderState | undefined, now: number): ProviderLevel {
  if (!state?.snapshot) return 'unknown';
  return providerFreshness(state, now, staleAfterMs(id)) === 'live' ? state.snapshot.level : 'unknown';
}

/** Watched providers that are live and operational, in registry order: for "OpenAI and Gemini are operational". */
export function operationalProviders(states: ProvidersState, now: number): ProviderId[] {
  return PROVIDER_IDS.filter((id) => states[id] && shownProviderLevel(id, states[id], now) === 'operational');
}
