import { describe, expect, it } from 'vitest';
import { applyOutcome, backoffMs, GRACE_FAILURES, isPollDue, MAX_BACKOFF_MS, poll, type PollDeps } from '../../../lib/polling/poll';
import { MAX_RETRY_AFTER_SEC } from '../../../lib/statuspage/fetch-json';
import { EMPTY_STATE, POLL_PERIOD_MS, STALE_AFTER_MS, freshnessOf, type StatusState } from '../../../lib/statuspage/state';
import { SUMMARY_MULTIPLE_MODELS, SUMMARY_OPERATIONAL, SUMMARY_RECOVERED, loadFixture } from '../../fixtures';
import { fakeFetch, json, type Reply } from '../../fake-fetch';

const T0 = Date.parse('2026-11-25T10:00:00Z');

function deps(routes: Record<string, Reply>, now = T0, online = true) {
  const f = fakeFetch(routes);
  const d: PollDeps = { fetch: f.fetch, now: () => now, isOnline: () => online, random: () => 0.5 };
  return { d, calls: f.calls };
}

const operational: Reply = () => json(loadFixture(SUMMARY_OPERATIONAL), { headers: { etag: 'W/"op"' } });
const recovered: Reply = () => json(loadFixture(SUMMARY_RECOVERED), { headers: { etag: 'W/"rec"' } });
const incident: Reply = () => json(loadFixture(SUMMARY_MULTIPLE_MODELS), { headers: { etag: 'W/"inc"' } });
const challenge: Reply = () => new Response('<html>challenge</html>', { status: 405, headers: { 'content-type': 'text/html' } });

async function goodState(): Promise<StatusState> {
  return poll(EMPTY_STATE, deps({ 'status.claude.com': incident }).d);
}

describe('poll', () => {
  it('first poll stores a live snapshot with its ETag and source', async () => {
    const s = await goodState();
    expect(s.snapshot?.incidents[0]?.name).toBe('Elevated errors for multiple models');
    expect(s).toMatchObject({ etag: 'W/"inc"', source: 'https://status.claude.com', confirmedAt: T0, problem: null });
    expect(freshnessOf(s, T0)).toBe('live');
  });

  it('a 304 confirms the snapshot without replacing it', async () => {
    const before = await goodState();
    const { d, calls } = deps({ 'status.claude.com': () => new Response(null, { status: 304 }) }, T0 + 30_000);
    const after = await poll(before, d);
    expect(calls[0]!.headers['If-None-Match']).toBe('W/"inc"');
    expect(after.snapshot).toBe(before.snapshot);
    expect(after.confirmedAt).toBe(T0 + 30_000);
  });

  it('a failure keeps the last good data, records why, and makes it not live', async () => {
    const before = await goodState();
    const { d } = deps({ 'status.claude.com': challenge, 'anthropic.statuspage.io': challenge }, T0 + 60_000);
    const after = await poll(before, d);
    expect(after.snapshot).toEqual(before.snapshot);
    expect(after.confirmedAt).toBe(T0);
    expect(after.problem).toEqual({ kind: 'blocked', detail: 'HTTP 405', httpStatus: 405 });
    expect(after.failures).toBe(1);
    expect(freshnessOf(after, T0 + 60_000)).toBe('failing');
  });

  it('falls back to anthropic.statuspage.io once when status.claude.com serves a challenge', async () => {
    const { d, calls } = deps({ 'status.claude.com': challenge, 'anthropic.statuspage.io': operational });
    const s = await poll(EMPTY_STATE, d);
    expect(calls.map((c) => new URL(c.url).host)).toEqual(['status.claude.com', 'anthropic.statuspage.io']);
    expect(s).toMatchObject({ source: 'https://anthropic.statuspage.io', problem: null });
    expect(s.snapshot?.indicator).toBe('none');
  });

  it("does not send one host's ETag to the other", async () => {
    const before = await goodState();
    const { d, calls } = deps({ 'status.claude.com': challenge, 'anthropic.statuspage.io': operational });
    await poll(before, d);
    expect(calls[1]!.headers['If-None-Match']).toBeUndefined();
  });

  it('a payload of the wrong shape is invalid and changes nothing else', async () => {
    const before = await goodState();
    const wrong: Reply = () => json({ hello: 'world', incidents: 'nope' });
    const after = await poll(before, deps({ 'status.claude.com': wrong, 'anthropic.statuspage.io': wrong }).d);
    expect(after.problem?.kind).toBe('invalid');
    expect(after.snapshot).toEqual(before.snapshot);
  });

  it('offline: no request, an offline problem', async () => {
    const { d, calls } = deps({ 'status.claude.com': operational }, T0, false);
    const s = await poll(EMPTY_STATE, d);
    expect(calls).toHaveLength(0);
    expect(s.problem?.kind).toBe('offline');
  });

  it('the next good response returns everything to live', async () => {
    const failing = await poll(await goodState(), deps({}).d);
    expect(failing.problem?.kind).toBe('network');
    const back = await poll(failing, deps({ 'status.claude.com': recovered }, T0 + 90_000).d);
    expect(back).toMatchObject({ problem: null, failures: 0, retryAt: null, confirmedAt: T0 + 90_000 });
    expect(back.snapshot?.incidents).toEqual([]);
  });
});

describe('backoff', () => {
  const network = { kind: 'network' as const, detail: 'x' };
  it('costs nothing for the first two minutes of failures, then grows exponentially to 10 minutes', () => {
    const delays = [1, 2, GRACE_FAILURES, GRACE_FAILURES + 1, GRACE_FAILURES + 2, GRACE_FAILURES + 4, 40].map((n) =>
      backoffMs(n, network, 0.5),
    );
    expect(delays.slice(0, 3)).toEqual([0, 0, 0]);
    expect(GRACE_FAILURES * POLL_PERIOD_MS).toBeGreaterThanOrEqual(120_000);
    for (let i = 1; i < delays.length; i++) expect(delays[i]!).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(delays.at(-1)).toBeLessThanOrEqual(MAX_BACKOFF_MS * 1.2);
    expect(delays[5]!).toBeGreaterThan(POLL_PERIOD_MS);
  });
  it('spreads retries (±20 %) so that installs failing together do not retry in lock-step', () => {
    const n = GRACE_FAILURES + 4;
    const [low, mid, high] = [0, 0.5, 1].map((r) => backoffMs(n, network, r));
    expect(low).toBeLessThan(mid!);
    expect(mid).toBeLessThan(high!);
    // The spread is 40 % of the exponential step, whatever the random draw.
    const step = POLL_PERIOD_MS * 2 ** (n - GRACE_FAILURES - 1);
    expect(high! - low!).toBeCloseTo(0.4 * step, -1);
  });
  it('a rate limit (429) backs off at once', () => {
    expect(backoffMs(1, { kind: 'blocked', detail: 'HTTP 429', httpStatus: 429 }, 0.5)).toBeGreaterThan(0);
    expect(backoffMs(1, { kind: 'blocked', detail: 'HTTP 405', httpStatus: 405 }, 0.5)).toBe(0);
  });
  it('never retries before Retry-After', () => {
    expect(backoffMs(1, { kind: 'blocked', detail: 'HTTP 429', retryAfterSec: 300 }, 0)).toBeGreaterThanOrEqual(300_000);
  });
  it('a failing poll schedules its retry', async () => {
    const s = await poll(
      EMPTY_STATE,
      deps({ 'status.claude.com': () => new Response('', { status: 429, headers: { 'retry-after': '120' } }) }).d,
    );
    expect(s.retryAt).toBeGreaterThanOrEqual(T0 + 120_000);
    expect(isPollDue(s, T0 + 60_000)).toBe(false);
    expect(isPollDue(s, T0 + 121_000)).toBe(true);
  });
  it('no Retry-After stops polling for more than an hour (a day, or a date next year, are capped)', async () => {
    for (const header of ['86400', new Date(T0 + 365 * 86_400_000).toUTCString()]) {
      const s = await poll(
        EMPTY_STATE,
        deps({ 'status.claude.com': () => new Response('', { status: 429, headers: { 'retry-after': header } }) }).d,
      );
      expect(s.problem?.retryAfterSec).toBe(MAX_RETRY_AFTER_SEC);
      expect(isPollDue(s, T0 + MAX_RETRY_AFTER_SEC * 1000 + 1)).toBe(true);
    }
  });
});

describe('the status page failing, then answering again', () => {
  it('after two minutes of challenges (and of HTTP 500s), the next poll after it answers is live', async () => {
    for (const fault of [challenge, () => new Response('oops', { status: 500 })]) {
      let state = await goodState();
      let now = T0;
      for (; now < T0 + 120_000; now += POLL_PERIOD_MS) {
        if (!isPollDue(state, now, POLL_PERIOD_MS / 2)) continue;
        state = await poll(state, deps({ 'status.claude.com': fault, 'anthropic.statuspage.io': fault }, now).d);
      }
      expect(state.problem).not.toBeNull();
      // The page answers again: the very next alarm polls and the data is live.
      expect(isPollDue(state, now, POLL_PERIOD_MS / 2)).toBe(true);
      state = await poll(state, deps({ 'status.claude.com': recovered }, now).d);
      expect(freshnessOf(state, now)).toBe('live');
      expect(now - (T0 + 120_000)).toBeLessThanOrEqual(POLL_PERIOD_MS);
    }
  });

  it('a long outage backs off, politely, but never beyond the cap', async () => {
    let state = await goodState();
    for (let i = 0; i < 30; i++) state = await poll(state, deps({}, T0 + i * 1000).d);
    expect(state.retryAt! - (T0 + 29_000)).toBeGreaterThan(POLL_PERIOD_MS);
    expect(state.retryAt! - (T0 + 29_000)).toBeLessThanOrEqual(MAX_BACKOFF_MS * 1.2);
  });
});

describe('offline', () => {
  it('time offline is not a failure: the count restarts, so one failure right after reconnecting costs no backoff', async () => {
    let state = await goodState();
    for (let i = 0; i < 20; i++) state = await poll(state, deps({}, T0 + i * 1000).d); // a long outage first
    expect(state.retryAt).not.toBeNull();
    state = await poll(state, deps({}, T0 + 60_000, false).d);
    expect(state).toMatchObject({ failures: 0, retryAt: null, problem: { kind: 'offline' } });
    state = await poll(state, deps({}, T0 + 61_000).d); // back online, the first request fails
    expect(state.failures).toBe(1);
    expect(isPollDue(state, T0 + 61_000 + POLL_PERIOD_MS)).toBe(true);
  });
});

describe('what is not the status page', () => {
  it('an answer redirected to another origin is refused; between the two status hosts it is fine', async () => {
    const redirected =
      (url: string): Reply =>
      () => {
        const r = json(loadFixture(SUMMARY_OPERATIONAL));
        Object.defineProperty(r, 'url', { value: url });
        return r;
      };
    const evil = await poll(
      EMPTY_STATE,
      deps({
        'status.claude.com': redirected('https://evil.example/summary.json'),
        'anthropic.statuspage.io': redirected('https://evil.example/x'),
      }).d,
    );
    expect(evil.problem).toMatchObject({ kind: 'redirect' });
    expect(evil.snapshot).toBeNull();
    const moved = await poll(
      EMPTY_STATE,
      deps({ 'status.claude.com': redirected('https://anthropic.statuspage.io/api/v2/summary.json') }).d,
    );
    expect(moved.problem).toBeNull();
    expect(moved.snapshot).not.toBeNull();
  });

  it('an older copy (page.updated_at going back) never replaces a newer one', async () => {
    const newer = await poll(EMPTY_STATE, deps({ 'status.claude.com': recovered }).d);
    const older = await poll(newer, deps({ 'status.claude.com': incident }, T0 + 20_000).d);
    expect(older.snapshot).toBe(newer.snapshot);
    expect(older.etag).toBe(newer.etag);
    expect(older.problem).toBeNull();
    // It confirmed nothing newer: the data ages as if that poll had not happened.
    expect(older.confirmedAt).toBe(newer.confirmedAt);
    const fallbackLagging = await poll(newer, deps({ 'status.claude.com': challenge, 'anthropic.statuspage.io': incident }, T0 + 40_000).d);
    expect(fallbackLagging.snapshot).toBe(newer.snapshot);
  });
});

describe('clocks', () => {
  it('set back: a last check "in the future" does not stop polling, and old data is not called live', async () => {
    const s = await goodState(); // checked and confirmed at T0
    const earlier = T0 - 6 * 3_600_000;
    expect(isPollDue(s, earlier)).toBe(true);
    expect(freshnessOf(s, earlier)).toBe('stale');
  });
  it('set back after a backoff was scheduled: the backoff does not become hours', () => {
    const backedOff = { ...EMPTY_STATE, checkedAt: T0, retryAt: T0 + 5 * 60_000, failures: 9 };
    expect(isPollDue(backedOff, T0 + 60_000)).toBe(false);
    expect(isPollDue(backedOff, T0 - 86_400_000), 'a day earlier').toBe(true);
  });
  it('set forward, or hours of sleep: the data is stale until the next poll, which is due at once', async () => {
    const s = await goodState();
    const later = T0 + 8 * 3_600_000;
    expect(freshnessOf(s, later)).toBe('stale');
    expect(isPollDue(s, later)).toBe(true);
    expect(freshnessOf(s, T0 + STALE_AFTER_MS)).toBe('live');
  });
});

describe('isPollDue', () => {
  it('is due when never checked, not right after a check, due one period later', () => {
    expect(isPollDue(EMPTY_STATE, T0)).toBe(true);
    const checked = { ...EMPTY_STATE, checkedAt: T0 };
    expect(isPollDue(checked, T0 + 3_000)).toBe(false);
    expect(isPollDue(checked, T0 + POLL_PERIOD_MS)).toBe(true);
  });
});

describe('applyOutcome', () => {
  it('ignores a stale "not-modified" problem state from before', () => {
    const s = applyOutcome(
      { ...EMPTY_STATE, problem: { kind: 'network', detail: 'x' }, failures: 3 },
      'https://status.claude.com',
      { kind: 'not-modified' },
      T0,
    );
    expect(s).toMatchObject({ problem: null, failures: 0 });
  });
});

describe('freshness', () => {
  it('loading → live → stale after 90 s without confirmation', async () => {
    expect(freshnessOf(EMPTY_STATE, T0)).toBe('loading');
    const s = await goodState();
    expect(freshnessOf(s, T0 + STALE_AFTER_MS)).toBe('live');
    expect(freshnessOf(s, T0 + STALE_AFTER_MS + 1)).toBe('stale');
  });
});
