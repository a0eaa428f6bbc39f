import { describe, expect, it } from 'vitest';
import type { Code, CountedOutcome, Endpoint } from '../../../lib/evidence/classify';
import { EMPTY_WINDOW, addEvents, type EvidenceWindow } from '../../../lib/evidence/window';
import { evidenceVerdict, outcomeOfCode, type Episode, type EvidenceVerdict } from '../../../lib/evidence/verdict';
import type { PageIncident } from '../../../lib/evidence/page';

const T0 = Date.parse('2026-11-25T10:00:00Z');
const SEC = 1_000;
const MIN = 60_000;

interface Page {
  affected?: boolean;
  incidents?: PageIncident[];
  online?: boolean;
  reachable?: boolean | null;
}

/** Requests as they happen, and the verdict worked out after each step with what was remembered. */
function simulate() {
  let window: EvidenceWindow = EMPTY_WINDOW;
  let episode: Episode | null = null;
  return {
    add(at: number, outcome: CountedOutcome, code: Code, times = 1, endpoint: Endpoint = 'api') {
      window = addEvents(
        window,
        Array.from({ length: times }, (_, i) => ({ at: at + i, outcome, code, endpoint })),
      );
    },
    ok(at: number, times = 1, endpoint: Endpoint = 'api') {
      this.add(at, 'ok', 200, times, endpoint);
    },
    verdict(now: number, page: Page = {}): EvidenceVerdict {
      const r = evidenceVerdict({
        window,
        now,
        pageSaysClaudeAiAffected: page.affected ?? (page.incidents?.length ?? 0) > 0,
        pageIncidents: page.incidents ?? [],
        online: page.online ?? true,
        statusPageReachable: page.reachable === undefined ? true : page.reachable,
        episode,
      });
      episode = r.episode;
      return r.verdict;
    },
    get episode() {
      return episode;
    },
  };
}

describe('verdict: the Claude-side threshold (≥ 3 and ≥ 50 % in 5 min)', () => {
  it('no requests: none', () => {
    expect(simulate().verdict(T0)).toMatchObject({ kind: 'none', counts: { failed: 0, total: 0 }, crossedAt: null });
  });

  it('two failures are not enough; the third crosses', () => {
    const s = simulate();
    s.add(T0, 'claude', 529, 2, 'completion');
    expect(s.verdict(T0 + SEC).kind).toBe('none');
    s.add(T0 + 2 * SEC, 'claude', 529, 1, 'completion');
    const v = s.verdict(T0 + 3 * SEC);
    expect(v).toMatchObject({ kind: 'claude-failing-unconfirmed', crossedAt: T0 + 3 * SEC });
    expect(v.counts).toEqual({ failed: 3, total: 3, messagesFailed: 3, spanMinutes: 5, mostly: 529 });
  });

  it('"5 of 7 requests failed in the last 5 min, mostly 529 overloaded"', () => {
    const s = simulate();
    s.ok(T0, 2);
    s.add(T0 + 10 * SEC, 'claude', 529, 4, 'completion');
    s.add(T0 + 20 * SEC, 'claude', 500);
    const v = s.verdict(T0 + 30 * SEC);
    expect(v.kind).toBe('claude-failing-unconfirmed');
    expect(v.counts).toEqual({ failed: 5, total: 7, messagesFailed: 4, spanMinutes: 5, mostly: 529 });
  });

  it('exactly half crosses; just under half does not', () => {
    const half = simulate();
    half.ok(T0, 3);
    half.add(T0, 'claude', 503, 3);
    expect(half.verdict(T0 + SEC).kind).toBe('claude-failing-unconfirmed');
    const under = simulate();
    under.ok(T0, 4);
    under.add(T0, 'claude', 503, 3);
    expect(under.verdict(T0 + SEC).kind).toBe('none');
  });

  it('failures older than the span do not count', () => {
    const s = simulate();
    s.add(T0, 'claude', 529, 2);
    s.add(T0 + 6 * MIN, 'claude', 529, 1);
    expect(s.verdict(T0 + 6 * MIN + SEC).kind).toBe('none');
  });

  it('a burst of 10 000 OK requests drowns 3 failures; 10 000 failures are counted, not stored one by one', () => {
    const calm = simulate();
    calm.ok(T0, 10_000);
    calm.add(T0 + SEC, 'claude', 529, 3);
    expect(calm.verdict(T0 + 2 * SEC).kind).toBe('none');
    const storm = simulate();
    storm.add(T0, 'claude', 529, 10_000);
    expect(storm.verdict(T0 + 20 * SEC)).toMatchObject({ kind: 'claude-failing-unconfirmed', counts: { failed: 10_000, total: 10_000 } });
  });
});

describe('verdict: with the status page', () => {
  it('the page reports an incident for claude.ai and requests fail: confirmed', () => {
    const s = simulate();
    s.add(T0, 'claude', 529, 3);
    expect(s.verdict(T0 + SEC, { affected: true }).kind).toBe('confirmed');
    // Below the threshold, one failure for one success is enough when the page already says so.
    const one = simulate();
    one.ok(T0);
    one.add(T0, 'claude', 500);
    expect(one.verdict(T0 + SEC, { affected: true })).toMatchObject({ kind: 'confirmed', counts: { failed: 1, total: 2 } });
  });

  it('the page reports an incident and requests succeed: working for you so far', () => {
    const s = simulate();
    s.ok(T0, 5);
    s.add(T0, 'claude', 500);
    expect(s.verdict(T0 + SEC, { affected: true })).toMatchObject({ kind: 'working-for-you', counts: { failed: 1, total: 6 } });
  });

  it('the page reports an incident and there are no requests: nothing to add', () => {
    expect(simulate().verdict(T0, { affected: true }).kind).toBe('none');
  });

  it('failing while the page is calm, then the page posts it: unconfirmed → confirmed, with the lead time', () => {
    const s = simulate();
    s.add(T0, 'claude', 529, 5);
    expect(s.verdict(T0 + 10 * SEC)).toMatchObject({ kind: 'claude-failing-unconfirmed', leadMs: null });
    s.add(T0 + 3 * MIN, 'claude', 529, 3);
    const posted = T0 + 10 * SEC + 6 * MIN;
    const v = s.verdict(T0 + 8 * MIN, { incidents: [{ id: 'abc123', postedAt: posted }] });
    expect(v).toMatchObject({ kind: 'confirmed', crossedAt: T0 + 10 * SEC, leadMs: 6 * MIN });
    // The lead time stays known after recovery, while the episode is remembered.
    s.ok(T0 + 12 * MIN, 5);
    expect(s.verdict(T0 + 12 * MIN + SEC, { incidents: [{ id: 'abc123', postedAt: posted }] })).toMatchObject({
      kind: 'working-for-you',
      leadMs: 6 * MIN,
      recoveredAt: T0 + 12 * MIN + SEC,
    });
  });

  it('the page posting later than the local recovery still gives the lead time', () => {
    const s = simulate();
    s.add(T0, 'claude', 529, 4);
    s.verdict(T0 + SEC);
    s.ok(T0 + 6 * MIN, 3);
    expect(s.verdict(T0 + 6 * MIN + SEC).recoveredAt).toBe(T0 + 6 * MIN + SEC);
    const v = s.verdict(T0 + 20 * MIN, { incidents: [{ id: 'late', postedAt: T0 + 19 * MIN }] });
    expect(v.leadMs).toBe(19 * MIN - SEC);
  });

  it('no lead time when the page was first (already open, or back-dated before the crossing)', () => {
    const open = simulate();
    open.add(T0, 'claude', 529, 3);
    expect(open.verdict(T0 + SEC, { incidents: [{ id: 'x', postedAt: T0 - 10 * MIN }] })).toMatchObject({
      kind: 'confirmed',
      leadMs: null,
    });
    const backdated = simulate();
    backdated.add(T0, 'claude', 529, 3);
    backdated.verdict(T0 + SEC);
    expect(backdated.verdict(T0 + 2 * MIN, { incidents: [{ id: 'y', postedAt: T0 - MIN }] })).toMatchObject({
      kind: 'confirmed',
      leadMs: null,
    });
  });
});

describe('verdict: user-side causes are never "Claude is failing"', () => {
  it('429 on a message: usage limit, even with many of them', () => {
    const s = simulate();
    s.add(T0, 'limit', 429, 20, 'completion');
    expect(s.verdict(T0 + SEC)).toMatchObject({ kind: 'usage-limit', counts: { failed: 20, mostly: 429 }, crossedAt: null });
  });

  it('one 429 on a background API call among successes is not a usage limit; two that dominate are', () => {
    const s = simulate();
    s.ok(T0, 10);
    s.add(T0, 'limit', 429);
    expect(s.verdict(T0 + SEC).kind).toBe('none');
    const t = simulate();
    t.ok(T0);
    t.add(T0, 'limit', 429, 2);
    expect(t.verdict(T0 + SEC).kind).toBe('usage-limit');
  });

  it('401/403: sign in again; a stray 403 among successes is not', () => {
    const s = simulate();
    s.add(T0, 'auth', 401, 3);
    expect(s.verdict(T0 + SEC)).toMatchObject({ kind: 'sign-in', counts: { mostly: 401 } });
    const stray = simulate();
    stray.ok(T0, 20);
    stray.add(T0, 'auth', 403, 2);
    expect(stray.verdict(T0 + SEC).kind).toBe('none');
    const message = simulate();
    message.ok(T0, 20);
    message.add(T0, 'auth', 403, 1, 'completion');
    expect(message.verdict(T0 + SEC).kind).toBe('sign-in');
  });

  it('a Cloudflare challenge is an access problem with its own code', () => {
    const s = simulate();
    s.add(T0, 'auth', 'challenge', 3);
    expect(s.verdict(T0 + SEC)).toMatchObject({ kind: 'sign-in', counts: { mostly: 'challenge' } });
  });

  it('the region page: region, until claude.ai works again', () => {
    const s = simulate();
    s.add(T0, 'region', 'region', 1, 'page');
    expect(s.verdict(T0 + SEC)).toMatchObject({ kind: 'region', counts: { failed: 1, mostly: 'region' } });
    s.ok(T0 + 30 * SEC, 2);
    expect(s.verdict(T0 + 31 * SEC).kind).toBe('none');
  });

  it('resets and timeouts while the status page is unreachable too: your connection, never Claude', () => {
    const s = simulate();
    s.add(T0, 'claude', 'reset', 5);
    s.add(T0, 'claude', 'timeout', 2);
    const v = s.verdict(T0 + SEC, { reachable: false });
    expect(v).toMatchObject({ kind: 'connection', otherSitesLoad: false, crossedAt: null, counts: { failed: 7, mostly: 'reset' } });
  });

  it('the browser offline: your connection', () => {
    const s = simulate();
    s.add(T0, 'connection', 'offline', 2);
    s.add(T0, 'claude', 'timeout', 2);
    expect(s.verdict(T0 + SEC, { online: false, reachable: null }).kind).toBe('connection');
  });

  it('resets while the status page loads fine: Claude-side', () => {
    const s = simulate();
    s.add(T0, 'claude', 'reset', 3);
    expect(s.verdict(T0 + SEC, { reachable: true })).toMatchObject({ kind: 'claude-failing-unconfirmed', counts: { mostly: 'reset' } });
  });

  it('DNS failures for claude.ai only, while other sites load: connection (claude.ai unreachable from here)', () => {
    const s = simulate();
    s.add(T0, 'connection', 'dns', 3);
    expect(s.verdict(T0 + SEC, { reachable: true })).toMatchObject({ kind: 'connection', otherSitesLoad: true, crossedAt: null });
    const unknown = simulate();
    unknown.add(T0, 'connection', 'dns', 3);
    expect(unknown.verdict(T0 + SEC, { reachable: null })).toMatchObject({ kind: 'connection', otherSitesLoad: null });
  });

  it('an unreachable status page with only HTTP answers from claude.ai: the 5xx still count for Claude', () => {
    const s = simulate();
    s.add(T0, 'claude', 503, 3);
    expect(s.verdict(T0 + SEC, { reachable: false }).kind).toBe('claude-failing-unconfirmed');
  });

  it('mixed: Claude-side failures over the threshold win over a single 429', () => {
    const s = simulate();
    s.add(T0, 'claude', 529, 3, 'completion');
    s.add(T0, 'limit', 429, 1, 'completion');
    s.ok(T0, 2);
    expect(s.verdict(T0 + SEC).kind).toBe('claude-failing-unconfirmed');
  });
});

describe('verdict: recovery and hysteresis', () => {
  it('recovers after 2 min of mostly successful requests, not before', () => {
    const s = simulate();
    s.add(T0, 'claude', 529, 4);
    expect(s.verdict(T0 + SEC).kind).toBe('claude-failing-unconfirmed');
    s.ok(T0 + 30 * SEC, 3);
    // The failures are still in the last 2 min: still failing.
    expect(s.verdict(T0 + 40 * SEC).kind).toBe('claude-failing-unconfirmed');
    s.ok(T0 + 3 * MIN, 3);
    const v = s.verdict(T0 + 3 * MIN + SEC);
    expect(v).toMatchObject({ kind: 'none', crossedAt: T0 + SEC, recoveredAt: T0 + 3 * MIN + SEC });
    expect(s.episode).toMatchObject({ recovered: true, endedAt: T0 + 3 * MIN + SEC });
  });

  it('hovering around half failing does not flap', () => {
    const s = simulate();
    const kinds: string[] = [];
    s.add(T0, 'claude', 529, 3);
    kinds.push(s.verdict(T0 + SEC).kind);
    // Then every 30 s: one failure and one or two successes (33–50 % failing).
    for (let i = 1; i <= 16; i++) {
      const at = T0 + i * 30 * SEC;
      s.add(at, 'claude', 502);
      s.ok(at, i % 2 ? 1 : 2);
      kinds.push(s.verdict(at + SEC).kind);
    }
    expect(new Set(kinds)).toEqual(new Set(['claude-failing-unconfirmed']));
    expect(s.episode?.crossedAt).toBe(T0 + SEC);
  });

  it('a new outage after recovery is a new episode with its own crossing time', () => {
    const s = simulate();
    s.add(T0, 'claude', 529, 3);
    s.verdict(T0 + SEC);
    s.ok(T0 + 4 * MIN, 3);
    expect(s.verdict(T0 + 4 * MIN + SEC).recoveredAt).not.toBeNull();
    s.add(T0 + 10 * MIN, 'claude', 500, 3);
    expect(s.verdict(T0 + 10 * MIN + SEC)).toMatchObject({
      kind: 'claude-failing-unconfirmed',
      crossedAt: T0 + 10 * MIN + SEC,
      recoveredAt: null,
    });
  });

  it('no requests at all for 5 min: the episode fades without claiming a recovery', () => {
    const s = simulate();
    s.add(T0, 'claude', 529, 3);
    s.verdict(T0 + SEC);
    const v = s.verdict(T0 + 7 * MIN);
    expect(v).toMatchObject({ kind: 'none', recoveredAt: null });
    expect(s.episode).toMatchObject({ recovered: false, endedAt: T0 + 7 * MIN });
  });
});

describe('verdict: clock jumps', () => {
  it('the clock set back: future buckets and a future crossing are dropped, never "failing"', () => {
    const s = simulate();
    s.add(T0, 'claude', 529, 5);
    expect(s.verdict(T0 + SEC).kind).toBe('claude-failing-unconfirmed');
    const v = s.verdict(T0 - 10 * MIN);
    expect(v).toMatchObject({ kind: 'none', crossedAt: null, counts: { total: 0 } });
    expect(s.episode).toBeNull();
  });

  it('the clock set forward two hours: nothing old is trusted', () => {
    const s = simulate();
    s.add(T0, 'claude', 529, 5);
    s.verdict(T0 + SEC);
    const v = s.verdict(T0 + 2 * 60 * MIN);
    expect(v.kind).toBe('none');
    expect(s.episode?.endedAt).not.toBeNull();
  });

  it('an episode still failing after more than an hour keeps going with its crossing capped to an hour ago', () => {
    const s = simulate();
    s.add(T0, 'claude', 529, 3);
    s.verdict(T0 + SEC);
    for (let m = 1; m <= 70; m++) {
      s.add(T0 + m * MIN, 'claude', 529, 2);
      s.verdict(T0 + m * MIN + SEC);
    }
    const v = s.verdict(T0 + 70 * MIN + 2 * SEC);
    expect(v.kind).toBe('claude-failing-unconfirmed');
    expect(v.crossedAt).toBeGreaterThanOrEqual(T0 + 10 * MIN);
    expect(v.leadMs).toBeNull();
  });
});

describe('outcomeOfCode', () => {
  it.each([
    ['529', 'claude'],
    ['500', 'claude'],
    ['429', 'limit'],
    ['401', 'auth'],
    ['403', 'auth'],
    ['challenge', 'auth'],
    ['region', 'region'],
    ['reset', 'claude'],
    ['timeout', 'claude'],
    ['dns', 'connection'],
    ['offline', 'connection'],
    ['404', null],
    ['other', null],
  ])('%s → %s', (code, outcome) => expect(outcomeOfCode(code)).toBe(outcome));
});
