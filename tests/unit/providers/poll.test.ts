import { describe, expect, it } from 'vitest';
import { MAX_PROVIDER_BACKOFF_MS, pollProviders, type ProviderPollDeps } from '../../../lib/providers/poll';
import { PROVIDERS } from '../../../lib/providers/registry';
import {
  EMPTY_PROVIDER_STATE,
  operationalProviders,
  providerFreshness,
  type ProvidersState,
  shownProviderLevel,
  staleAfterMs,
} from '../../../lib/providers/state';
import { fakeFetch, json, type Reply, stall } from '../../fake-fetch';
import { GITHUB_OPERATIONAL, GOOGLE_VERTEX_GEMINI, loadProviderFixture, OPENAI_OPERATIONAL, OPENAI_TWO_INCIDENTS } from '../../fixtures';

const T0 = Date.parse('2026-11-25T10:00:00Z');
const MIN = 60_000;
const OPENAI = 'status.openai.com';
const GOOGLE = 'status.cloud.google.com';
const GITHUB = 'www.githubstatus.com';

function deps(routes: Record<string, Reply>, opts: { now?: number; online?: boolean; granted?: (o: readonly string[]) => boolean } = {}) {
  const f = fakeFetch(routes);
  const asked: string[][] = [];
  const d: ProviderPollDeps = {
    fetch: f.fetch,
    now: () => opts.now ?? T0,
    isOnline: () => opts.online ?? true,
    random: () => 0.5,
    hasOrigins: async (origins) => {
      asked.push([...origins]);
      return opts.granted ? opts.granted(origins) : true;
    },
  };
  return { d, calls: f.calls, asked };
}

const openaiOperational: Reply = () => json(loadProviderFixture(OPENAI_OPERATIONAL), { headers: { 'cache-control': 'public' } });
const openaiIncidents: Reply = () => json(loadProviderFixture(OPENAI_TWO_INCIDENTS));
const googleWithLastModified: Reply = () =>
  json(loadProviderFixture(GOOGLE_VERTEX_GEMINI), { headers: { 'last-modified': 'Tue, 15 Sep 2026 12:00:00 GMT' } });

async function liveOpenAI(): Promise<ProvidersState> {
  return pollProviders(deps({ [OPENAI]: openaiOperational }).d, {}, ['openai']);
}

describe('pollProviders', () => {
  it('first poll of a provider turned on: a live operational snapshot, next poll 5–6 minutes later', async () => {
    const s = await liveOpenAI();
    expect(s.openai).toMatchObject({ confirmedAt: T0, checkedAt: T0, problem: null, failures: 0, etag: null, lastModified: null });
    expect(s.openai?.snapshot?.level).toBe('operational');
    expect(s.openai?.retryAt).toBe(T0 + 5 * MIN * 1.1);
    expect(shownProviderLevel('openai', s.openai, T0)).toBe('operational');
    expect(operationalProviders(s, T0)).toEqual(['openai']);
  });

  it('a real incident payload: degraded, with the incidents the popup lists', async () => {
    const s = await pollProviders(deps({ [OPENAI]: openaiIncidents }).d, {}, ['openai']);
    expect(shownProviderLevel('openai', s.openai, T0)).toBe('degraded');
    expect(s.openai?.snapshot?.incidents).toHaveLength(2);
    expect(operationalProviders(s, T0)).toEqual([]);
  });

  it('5-minute spacing: no request before retryAt, one after; several ticks in a row cost one request', async () => {
    const before = await liveOpenAI();
    for (const at of [T0 + 30_000, T0 + 4 * MIN, T0 + 5.4 * MIN]) {
      const { d, calls } = deps({ [OPENAI]: openaiOperational }, { now: at });
      expect(await pollProviders(d, before, ['openai'])).toEqual(before);
      expect(calls).toHaveLength(0);
    }
    const { d, calls } = deps({ [OPENAI]: openaiOperational }, { now: T0 + 5.5 * MIN });
    const after = await pollProviders(d, before, ['openai']);
    expect(calls).toHaveLength(1);
    expect(after.openai?.confirmedAt).toBe(T0 + 5.5 * MIN);
  });

  it('the jitter spreads the next poll over up to 20 % of the interval', async () => {
    const at = async (random: number) => {
      const { d } = deps({ [GOOGLE]: googleWithLastModified });
      return (await pollProviders({ ...d, random: () => random }, {}, ['google-gemini']))['google-gemini']?.retryAt;
    };
    expect(await at(0)).toBe(T0 + 15 * MIN);
    expect(await at(0.999)).toBeCloseTo(T0 + 18 * MIN, -3);
  });

  it('ETag host: sends If-None-Match, and a 304 confirms the snapshot without replacing it', async () => {
    const copilot = structuredClone(loadProviderFixture(GITHUB_OPERATIONAL));
    const first = await pollProviders(deps({ [GITHUB]: () => json(copilot, { headers: { etag: 'W/"gh1"' } }) }).d, {}, ['github-copilot']);
    expect(first['github-copilot']?.etag).toBe('W/"gh1"');
    const later = T0 + 10 * MIN;
    const { d, calls } = deps({ [GITHUB]: () => new Response(null, { status: 304 }) }, { now: later });
    const after = await pollProviders(d, first, ['github-copilot']);
    expect(calls[0]?.headers['If-None-Match']).toBe('W/"gh1"');
    expect(calls[0]?.headers['If-Modified-Since']).toBeUndefined();
    expect(after['github-copilot']?.snapshot).toBe(first['github-copilot']?.snapshot);
    expect(after['github-copilot']?.confirmedAt).toBe(later);
  });

  it('no ETag but Last-Modified (Google): sends If-Modified-Since; the full body it answers anyway is read', async () => {
    const first = await pollProviders(deps({ [GOOGLE]: googleWithLastModified }).d, {}, ['google-gemini']);
    expect(first['google-gemini']?.lastModified).toBe('Tue, 15 Sep 2026 12:00:00 GMT');
    const { d, calls } = deps({ [GOOGLE]: googleWithLastModified }, { now: T0 + 20 * MIN });
    const after = await pollProviders(d, first, ['google-gemini']);
    expect(calls[0]?.headers['If-Modified-Since']).toBe('Tue, 15 Sep 2026 12:00:00 GMT');
    expect(calls[0]?.headers['If-None-Match']).toBeUndefined();
    expect(after['google-gemini']?.confirmedAt).toBe(T0 + 20 * MIN);
  });

  it('neither validator (OpenAI): a plain GET every time', async () => {
    const first = await liveOpenAI();
    const { d, calls } = deps({ [OPENAI]: openaiOperational }, { now: T0 + 6 * MIN });
    await pollProviders(d, first, ['openai']);
    expect(calls[0]?.headers['If-None-Match']).toBeUndefined();
    expect(calls[0]?.headers['If-Modified-Since']).toBeUndefined();
  });

  it('a 304 with no stored copy confirms nothing', async () => {
    const s = await pollProviders(deps({ [OPENAI]: () => new Response(null, { status: 304 }) }).d, {}, ['openai']);
    expect(s.openai?.problem?.kind).toBe('invalid');
    expect(shownProviderLevel('openai', s.openai, T0)).toBe('unknown');
  });

  const faults: Array<[string, Reply, string]> = [
    ['HTTP 500', () => new Response('oops', { status: 500 }), 'http'],
    [
      'HTML challenge with status 200',
      () => new Response('<!doctype html><title>Just a moment…</title>', { headers: { 'content-type': 'text/html' } }),
      'blocked',
    ],
    ['403 challenge', () => new Response('<html></html>', { status: 403, headers: { 'content-type': 'text/html' } }), 'blocked'],
    ['invalid JSON', () => new Response('{"components": [', { headers: { 'content-type': 'application/json' } }), 'invalid'],
    ['wrong shape', () => json({ hello: 'world' }), 'invalid'],
    ['connection reset', () => Promise.reject(new TypeError('Failed to fetch')), 'network'],
  ];

  it.each(faults)('%s: the last snapshot is kept, the reason recorded, nothing shown as live', async (_, reply, kind) => {
    const before = await liveOpenAI();
    const at = T0 + 6 * MIN;
    const after = await pollProviders(deps({ [OPENAI]: reply }, { now: at }).d, before, ['openai']);
    expect(after.openai?.problem?.kind).toBe(kind);
    expect(after.openai?.snapshot).toEqual(before.openai?.snapshot);
    expect(after.openai?.confirmedAt).toBe(T0);
    expect(after.openai?.failures).toBe(1);
    expect(providerFreshness(after.openai!, at, staleAfterMs('openai'))).toBe('failing');
    expect(shownProviderLevel('openai', after.openai, at)).toBe('unknown');
    expect(operationalProviders(after, at)).toEqual([]);
  });

  it('timeout: a stalled answer is given up after 10 s', async () => {
    const { vi } = await import('vitest');
    vi.useFakeTimers();
    try {
      const pending = pollProviders(deps({ [OPENAI]: stall }).d, {}, ['openai']);
      await vi.advanceTimersByTimeAsync(10_000);
      const s = await pending;
      expect(s.openai?.problem).toEqual({ kind: 'timeout', detail: 'no answer within 10 s' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('a response larger than the cap is refused, not read', async () => {
    const huge: Reply = () =>
      new Response(`[${' '.repeat(PROVIDERS.openai.maxBytes)}]`, { headers: { 'content-type': 'application/json' } });
    const s = await pollProviders(deps({ [OPENAI]: huge }).d, {}, ['openai']);
    expect(s.openai?.problem?.kind).toBe('invalid');
    expect(s.openai?.snapshot).toBeNull();
  });

  it('redirect to another host: refused, the data is not used', async () => {
    const redirected: Reply = () => {
      const res = json(loadProviderFixture(OPENAI_OPERATIONAL));
      Object.defineProperty(res, 'url', { value: 'https://evil.example/api/v2/summary.json' });
      return res;
    };
    const s = await pollProviders(deps({ [OPENAI]: redirected }).d, {}, ['openai']);
    expect(s.openai?.problem).toEqual({ kind: 'redirect', detail: 'redirected to https://evil.example' });
    expect(s.openai?.snapshot).toBeNull();
  });

  it('errors back off exponentially from the interval; the next poll waits for retryAt', async () => {
    const fail: Reply = () => new Response('', { status: 502 });
    let state = await liveOpenAI();
    let now = T0 + 6 * MIN;
    const waits: number[] = [];
    for (let n = 0; n < 6; n++) {
      state = await pollProviders(deps({ [OPENAI]: fail }, { now }).d, state, ['openai']);
      waits.push((state.openai!.retryAt! - now) / MIN);
      const { d, calls } = deps({ [OPENAI]: fail }, { now: state.openai!.retryAt! - 1 });
      await pollProviders(d, state, ['openai']);
      expect(calls).toHaveLength(0);
      now = state.openai!.retryAt!;
    }
    expect(waits).toEqual([5, 10, 20, 40, 60, 60]);
    expect(state.openai?.failures).toBe(6);
  });

  it('Retry-After is honoured, and capped at an hour', async () => {
    const limited =
      (seconds: string): Reply =>
      () =>
        new Response('', { status: 429, headers: { 'retry-after': seconds } });
    const a = await pollProviders(deps({ [OPENAI]: limited('1800') }).d, {}, ['openai']);
    expect(a.openai?.retryAt).toBe(T0 + 30 * MIN);
    expect(a.openai?.problem).toMatchObject({ kind: 'blocked', retryAfterSec: 1800 });
    const b = await pollProviders(deps({ [OPENAI]: limited('999999999') }).d, {}, ['openai']);
    expect(b.openai?.retryAt).toBe(T0 + MAX_PROVIDER_BACKOFF_MS);
    expect(b.openai?.problem?.retryAfterSec).toBe(3600);
  });

  it('a success after failures resets the backoff', async () => {
    const failed = await pollProviders(deps({ [OPENAI]: () => new Response('', { status: 500 }) }).d, {}, ['openai']);
    const later = failed.openai!.retryAt!;
    const ok = await pollProviders(deps({ [OPENAI]: openaiOperational }, { now: later }).d, failed, ['openai']);
    expect(ok.openai).toMatchObject({ problem: null, failures: 0, confirmedAt: later });
  });

  it('offline: no request, an offline problem, no backoff (the online event polls)', async () => {
    const before = await liveOpenAI();
    const at = T0 + 6 * MIN;
    const { d, calls } = deps({ [OPENAI]: openaiOperational }, { now: at, online: false });
    const after = await pollProviders(d, before, ['openai']);
    expect(calls).toHaveLength(0);
    expect(after.openai?.problem?.kind).toBe('offline');
    expect(after.openai?.failures).toBe(0);
    expect(after.openai?.retryAt).toBe(before.openai?.retryAt);
    expect(shownProviderLevel('openai', after.openai, at)).toBe('unknown');
  });

  it('permission missing or revoked: no request, a permission problem, the old green not shown', async () => {
    const before = await liveOpenAI();
    const at = T0 + 6 * MIN;
    const { d, calls, asked } = deps({ [OPENAI]: openaiOperational }, { now: at, granted: () => false });
    const after = await pollProviders(d, before, ['openai']);
    expect(asked).toEqual([['https://status.openai.com/*']]);
    expect(calls).toHaveLength(0);
    expect(after.openai?.problem).toEqual({ kind: 'permission', detail: 'https://status.openai.com/*' });
    expect(after.openai?.snapshot).toEqual(before.openai?.snapshot);
    expect(shownProviderLevel('openai', after.openai, at)).toBe('unknown');
    // Granted again: polled at the next tick, not after a backoff.
    const { d: d2, calls: calls2 } = deps({ [OPENAI]: openaiOperational }, { now: at + 30_000 });
    const again = await pollProviders(d2, after, ['openai']);
    expect(calls2).toHaveLength(1);
    expect(again.openai?.problem).toBeNull();
  });

  it('a permission check that throws counts as not granted', async () => {
    const { d, calls } = deps({ [OPENAI]: openaiOperational });
    const s = await pollProviders({ ...d, hasOrigins: () => Promise.reject(new Error('no permissions API')) }, {}, ['openai']);
    expect(calls).toHaveLength(0);
    expect(s.openai?.problem?.kind).toBe('permission');
  });

  it('a provider turned off is dropped and never requested; unknown ids and duplicates are ignored', async () => {
    const both = await pollProviders(deps({ [OPENAI]: openaiOperational, [GOOGLE]: googleWithLastModified }).d, {}, [
      'openai',
      'google-gemini',
    ]);
    expect(Object.keys(both).sort()).toEqual(['google-gemini', 'openai']);
    const { d, calls } = deps({ [OPENAI]: openaiOperational, [GOOGLE]: googleWithLastModified }, { now: T0 + 20 * MIN });
    const after = await pollProviders(d, both, ['google-gemini', 'google-gemini', 'mistral', '__proto__', 'constructor']);
    expect(Object.keys(after)).toEqual(['google-gemini']);
    expect(calls.map((c) => new URL(c.url).host)).toEqual([GOOGLE]);
  });

  it('nothing turned on: no request at all, empty state', async () => {
    const before = await liveOpenAI();
    const { d, calls, asked } = deps({ [OPENAI]: openaiOperational }, { now: T0 + 60 * MIN });
    expect(await pollProviders(d, before, [])).toEqual({});
    expect(calls).toHaveLength(0);
    expect(asked).toHaveLength(0);
  });

  it('clock set back a day: stored times in the future are not trusted, the provider is polled', async () => {
    const before = await liveOpenAI();
    const back = T0 - 24 * 60 * MIN;
    expect(providerFreshness(before.openai!, back, staleAfterMs('openai'))).toBe('stale');
    expect(shownProviderLevel('openai', before.openai, back)).toBe('unknown');
    const { d, calls } = deps({ [OPENAI]: openaiOperational }, { now: back });
    const after = await pollProviders(d, before, ['openai']);
    expect(calls).toHaveLength(1);
    expect(after.openai?.confirmedAt).toBe(back);
    expect(shownProviderLevel('openai', after.openai, back)).toBe('operational');
  });

  it('clock set forward: the old confirmation is stale (grey) until the poll it triggers confirms again', async () => {
    const before = await liveOpenAI();
    const ahead = T0 + 3 * 60 * MIN;
    expect(providerFreshness(before.openai!, ahead, staleAfterMs('openai'))).toBe('stale');
    expect(shownProviderLevel('openai', before.openai, ahead)).toBe('unknown');
    const after = await pollProviders(deps({ [OPENAI]: openaiOperational }, { now: ahead }).d, before, ['openai']);
    expect(shownProviderLevel('openai', after.openai, ahead)).toBe('operational');
  });

  it('a corrupt stored entry is treated as empty and repaired by the next poll', async () => {
    const corrupt = { openai: 'garbage' } as unknown as ProvidersState;
    const s = await pollProviders(deps({ [OPENAI]: openaiOperational }).d, corrupt, ['openai']);
    expect(s.openai?.snapshot?.level).toBe('operational');
    expect(await pollProviders(deps({ [OPENAI]: openaiOperational }).d, null as unknown as ProvidersState, ['openai'])).toHaveProperty(
      'openai',
    );
  });

  it('one provider failing does not touch another', async () => {
    const s = await pollProviders(deps({ [OPENAI]: () => new Response('', { status: 503 }), [GOOGLE]: googleWithLastModified }).d, {}, [
      'openai',
      'google-gemini',
    ]);
    expect(s.openai?.problem?.kind).toBe('http');
    expect(s['google-gemini']?.problem).toBeNull();
    expect(operationalProviders(s, T0)).toEqual(['google-gemini']);
  });
});

describe('providerFreshness', () => {
  it('loading before any poll, live within 3.6 intervals, stale after', () => {
    const stale = staleAfterMs('openai');
    expect(providerFreshness(EMPTY_PROVIDER_STATE, T0, stale)).toBe('loading');
    const confirmed = { ...EMPTY_PROVIDER_STATE, confirmedAt: T0 };
    expect(providerFreshness(confirmed, T0 + stale, stale)).toBe('live');
    expect(providerFreshness(confirmed, T0 + stale + 1, stale)).toBe('stale');
    expect(staleAfterMs('google-gemini')).toBe(3 * staleAfterMs('openai'));
  });

  it('nothing known is unknown, not green', () => {
    expect(shownProviderLevel('openai', undefined, T0)).toBe('unknown');
    expect(shownProviderLevel('openai', EMPTY_PROVIDER_STATE, T0)).toBe('unknown');
  });
});
