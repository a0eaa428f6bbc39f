import { describe, expect, it } from 'vitest';
import { applyOutcome, backoffMs, isPollDue, poll, type PollDeps } from '../../../lib/polling/poll';
import { EMPTY_STATE, POLL_PERIOD_MS, freshnessOf, type StatusState } from '../../../lib/statuspage/state';
import { SUMMARY_MULTIPLE_MODELS, SUMMARY_OPERATIONAL, loadFixture } from '../../fixtures';
import { fakeFetch, json, type Reply } from '../../fake-fetch';

const T0 = Date.parse('2026-11-25T10:00:00Z');

function deps(routes: Record<string, Reply>, now = T0, online = true) {
  const f = fakeFetch(routes);
  const d: PollDeps = { fetch: f.fetch, now: () => now, isOnline: () => online, random: () => 0.5 };
  return { d, calls: f.calls };
}

const operational: Reply = () => json(loadFixture(SUMMARY_OPERATIONAL), { headers: { etag: 'W/"op"' } });
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
    expect(after.problem).toEqual({ kind: 'blocked', detail: 'HTTP 405' });
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
    const back = await poll(failing, deps({ 'status.claude.com': operational }, T0 + 90_000).d);
    expect(back).toMatchObject({ problem: null, failures: 0, retryAt: null, confirmedAt: T0 + 90_000 });
    expect(back.snapshot?.incidents).toEqual([]);
  });
});

describe('backoff', () => {
  const network = { kind: 'network' as const, detail: 'x' };
  it('grows exponentially and is capped at 10 minutes', () => {
    const delays = [1, 2, 3, 4, 5, 10, 20].map((n) => backoffMs(n, network, 0.5));
    for (let i = 1; i < delays.length; i++) expect(delays[i]!).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(delays.at(-1)).toBeLessThanOrEqual(10 * 60_000);
    expect(delays[2]!).toBeGreaterThan(POLL_PERIOD_MS);
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
  it('loading → live → stale after three periods without confirmation', async () => {
    expect(freshnessOf(EMPTY_STATE, T0)).toBe('loading');
    const s = await goodState();
    expect(freshnessOf(s, T0 + 3 * POLL_PERIOD_MS)).toBe('live');
    expect(freshnessOf(s, T0 + 3 * POLL_PERIOD_MS + 1)).toBe('stale');
  });
});
