/**
 * Polls the providers the user turned on: each on its own schedule (at most every `intervalMs`,
 * jittered), a bounded conditional GET through the same fetchJson as Claude's page, the same honesty
 * rules (a failure keeps the last snapshot but makes it not live; unknown is never green), and
 * nothing at all for providers that are off: their state is dropped.
 */
import { fetchJson, type FetchOutcome } from '../statuspage/fetch-json';
import { isProviderId, PROVIDERS, type Provider } from './registry';
import { EMPTY_PROVIDER_STATE, type ProviderProblem, type ProvidersState, type ProviderState } from './state';

export interface ProviderPollDeps {
  fetch: typeof fetch;
  now: () => number;
  isOnline: () => boolean;
  /** 0..1, for jitter. */
  random: () => number;
  /** Whether the extension holds these host permissions right now (`browser.permissions.contains`). */
  hasOrigins: (origins: readonly string[]) => Promise<boolean>;
}

const MINUTE = 60_000;
export const PROVIDER_REQUEST_TIMEOUT_MS = 10_000;
/** Backoff and `Retry-After` are both capped: a status page must not silence itself for a day. */
export const MAX_PROVIDER_BACKOFF_MS = 60 * MINUTE;

export async function pollProviders(deps: ProviderPollDeps, state: ProvidersState, enabled: readonly string[]): Promise<ProvidersState> {
  const ids = [...new Set(enabled)].filter(isProviderId);
  const polled = await Promise.all(ids.map(async (id) => [id, await pollProvider(deps, PROVIDERS[id], storedState(state?.[id]))] as const));
  return Object.fromEntries(polled);
}

/** Storage can hold anything an older version (or a bug) wrote: fill what is missing. */
function storedState(stored: unknown): ProviderState {
  return typeof stored === 'object' && stored !== null
    ? { ...EMPTY_PROVIDER_STATE, ...(stored as Partial<ProviderState>) }
    : EMPTY_PROVIDER_STATE;
}

/**
 * Whether a request may go out now. Stored times in the future of `now` beyond any wait we ever set
 * mean the clock was set back: they are not trusted, or the provider would stay silent for that long.
 */
export function isProviderDue(provider: Provider, state: ProviderState, now: number): boolean {
  if (state.checkedAt !== null && state.checkedAt > now) return true;
  if (state.retryAt === null) return true;
  const longestWait = Math.max(MAX_PROVIDER_BACKOFF_MS, 1.2 * provider.intervalMs);
  return now >= state.retryAt || state.retryAt - now > longestWait;
}

export async function pollProvider(deps: ProviderPollDeps, provider: Provider, state: ProviderState): Promise<ProviderState> {
  const now = deps.now();
  if (!isProviderDue(provider, state, now)) return state;
  // No request without the permission; checked on every due poll because the user can revoke it any time.
  if (!(await hasOrigins(deps, provider))) {
    return { ...state, checkedAt: now, problem: { kind: 'permission', detail: provider.origins.join(' ') }, retryAt: null };
  }
  // The online event triggers the next poll; no request, no backoff.
  if (!deps.isOnline()) return { ...state, checkedAt: now, problem: { kind: 'offline', detail: 'the browser is offline' } };

  const outcome = await fetchJson({
    fetch: deps.fetch,
    url: provider.endpoint,
    // Validators only mean something with the copy they validate.
    etag: state.snapshot ? state.etag : null,
    lastModified: state.snapshot ? state.lastModified : null,
    allowedOrigins: [provider.endpointOrigin],
    timeoutMs: PROVIDER_REQUEST_TIMEOUT_MS,
    maxBytes: provider.maxBytes,
  });
  return applyProviderOutcome(provider, state, outcome, deps.now(), deps.random());
}

async function hasOrigins(deps: ProviderPollDeps, provider: Provider): Promise<boolean> {
  try {
    return await deps.hasOrigins(provider.origins);
  } catch {
    return false;
  }
}

/** Folds one fetch outcome into a provider's state. A failure keeps the snapshot and records why. */
export function applyProviderOutcome(
  provider: Provider,
  state: ProviderState,
  outcome: FetchOutcome,
  now: number,
  random: number,
): ProviderState {
  const confirmed = (changes: Partial<ProviderState>): ProviderState => ({
    ...state,
    ...changes,
    confirmedAt: now,
    checkedAt: now,
    problem: null,
    failures: 0,
    retryAt: now + provider.intervalMs * (1 + 0.2 * random),
  });
  switch (outcome.kind) {
    case 'not-modified':
      return state.snapshot
        ? confirmed({})
        : failed(provider, state, { kind: 'invalid', detail: '304 without a stored copy' }, now, random);
    case 'fresh': {
      const read = provider.adapter.read(outcome.json);
      if (!read.ok) return failed(provider, state, { kind: 'invalid', detail: `unexpected data at ${read.where}` }, now, random);
      return confirmed({ snapshot: read.snapshot, etag: outcome.etag, lastModified: outcome.etag ? null : (outcome.lastModified ?? null) });
    }
    case 'failed':
      return failed(provider, state, outcome.problem, now, random);
  }
}

function failed(provider: Provider, state: ProviderState, problem: ProviderProblem, now: number, random: number): ProviderState {
  const failures = state.failures + 1;
  const capped =
    problem.retryAfterSec === undefined
      ? problem
      : { ...problem, retryAfterSec: Math.min(problem.retryAfterSec, MAX_PROVIDER_BACKOFF_MS / 1000) };
  return { ...state, checkedAt: now, problem: capped, failures, retryAt: now + providerBackoffMs(provider, failures, capped, random) };
}

/** Exponential from the provider's interval, capped, jittered ±20 %, never sooner than the interval or a (capped) Retry-After. */
export function providerBackoffMs(provider: Provider, failures: number, problem: ProviderProblem, random: number): number {
  const exponential = Math.min(MAX_PROVIDER_BACKOFF_MS, provider.intervalMs * 2 ** Math.max(0, failures - 1));
  const retryAfterMs = Math.min(MAX_PROVIDER_BACKOFF_MS, (problem.retryAfterSec ?? 0) * 1000);
  return Math.max(exponential * (0.8 + 0.4 * random), provider.intervalMs, retryAfterMs);
}
