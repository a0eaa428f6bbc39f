import { describe, expect, it } from 'vitest';
import {
  BUCKET_MS,
  EMPTY_WINDOW,
  MAX_BUCKETS,
  RETENTION_MS,
  addEvents,
  mergeWindows,
  pruneWindow,
  summary,
  type WindowEvent,
} from '../../../lib/evidence/window';

const T0 = Date.parse('2026-11-25T10:00:00Z');
const MIN = 60_000;

const ev = (
  at: number,
  outcome: WindowEvent['outcome'] = 'ok',
  code: WindowEvent['code'] = 200,
  endpoint: WindowEvent['endpoint'] = 'api',
): WindowEvent => ({
  at,
  outcome,
  code,
  endpoint,
});

describe('window: counting', () => {
  it('counts per minute, per endpoint and outcome, and failures per code', () => {
    const w = addEvents(EMPTY_WINDOW, [
      ev(T0 + 1_000),
      ev(T0 + 2_000, 'claude', 529, 'completion'),
      ev(T0 + 59_999, 'claude', 529, 'completion'),
      ev(T0 + 60_000, 'claude', 500),
    ]);
    expect(w.buckets).toHaveLength(2);
    expect(w.buckets[0]).toEqual({ t: T0, n: { api: { ok: 1 }, completion: { claude: 2 } }, c: { '529': 2 } });
    expect(w.buckets[1]).toEqual({ t: T0 + MIN, n: { api: { claude: 1 } }, c: { '500': 1 } });
    expect(w.last).toEqual({ ok: T0 + 1_000, claude: T0 + 60_000 });
    const s = summary(w, T0 + 90_000, 5 * MIN);
    expect(s.total).toBe(4);
    expect(s.byOutcome).toMatchObject({ ok: 1, claude: 3 });
    expect(s.completion.claude).toBe(2);
    expect(s.byCode).toEqual({ '529': 2, '500': 1 });
  });

  it('events out of order land in their own minutes; the input window is not changed', () => {
    const before = addEvents(EMPTY_WINDOW, [ev(T0 + 3 * MIN)]);
    const frozen = JSON.stringify(before);
    const after = addEvents(before, [ev(T0 + MIN), ev(T0)]);
    expect(JSON.stringify(before)).toBe(frozen);
    expect(after.buckets.map((b) => b.t)).toEqual([T0, T0 + MIN, T0 + 3 * MIN]);
  });

  it('merging a window into another adds the counts and keeps the latest last-seen times', () => {
    const stored = addEvents(EMPTY_WINDOW, [ev(T0), ev(T0 + 10_000, 'claude', 529)]);
    const unsaved = addEvents(EMPTY_WINDOW, [ev(T0 + 20_000, 'claude', 529), ev(T0 + MIN, 'limit', 429)]);
    const merged = mergeWindows(stored, unsaved);
    expect(merged.buckets[0]).toEqual({ t: T0, n: { api: { ok: 1, claude: 2 } }, c: { '529': 2 } });
    expect(merged.buckets[1]?.c).toEqual({ '429': 1 });
    expect(merged.last).toEqual({ ok: T0, claude: T0 + 20_000, limit: T0 + MIN });
    expect(mergeWindows(stored, EMPTY_WINDOW)).toEqual(stored);
  });
});

describe('window: edges of the span', () => {
  const w = addEvents(EMPTY_WINDOW, [ev(T0, 'claude', 529)]);
  it('a minute counts while any part of it is inside the span', () => {
    // The span (now - 5 min, now] overlaps the bucket [T0, T0 + 1 min) until now reaches T0 + 6 min.
    expect(summary(w, T0 + 6 * MIN - 1, 5 * MIN).total).toBe(1);
    expect(summary(w, T0 + 6 * MIN, 5 * MIN).total).toBe(0);
  });
  it('a bucket stamped after now (the clock went back) is never counted', () => {
    expect(summary(w, T0 - 1, 5 * MIN).total).toBe(0);
    expect(summary(w, T0, 5 * MIN).total).toBe(1);
  });
  it('reports the span in minutes', () => {
    expect(summary(w, T0, 5 * MIN).spanMinutes).toBe(5);
    expect(summary(EMPTY_WINDOW, T0, 2 * MIN)).toMatchObject({ total: 0, spanMinutes: 2 });
  });
});

describe('window: pruning and clock jumps', () => {
  const w = addEvents(EMPTY_WINDOW, [ev(T0), ev(T0 + 30 * MIN, 'claude', 503), ev(T0 + 59 * MIN)]);

  it('drops everything older than an hour', () => {
    const pruned = pruneWindow(w, T0 + 31 * MIN + RETENTION_MS);
    expect(pruned.buckets.map((b) => b.t)).toEqual([T0 + 59 * MIN]);
    expect(pruned.last).toEqual({ ok: T0 + 59 * MIN });
  });

  it('the clock set forward a day: nothing is left', () => {
    expect(pruneWindow(w, T0 + 24 * 60 * MIN)).toEqual(EMPTY_WINDOW);
  });

  it('the clock set back: buckets and last-seen times from the "future" are dropped, not trusted', () => {
    const pruned = pruneWindow(w, T0 + 10 * MIN);
    expect(pruned.buckets.map((b) => b.t)).toEqual([T0]);
    expect(pruned.last).toEqual({});
    expect(pruneWindow(w, T0 - 5 * MIN)).toEqual(EMPTY_WINDOW);
  });

  it('the clock set back an hour then forward again: old counts never come back', () => {
    const back = pruneWindow(w, T0 - 60 * MIN);
    expect(pruneWindow(back, T0 + 59 * MIN)).toEqual(EMPTY_WINDOW);
  });
});

describe('window: bounded whatever comes in', () => {
  it('10 000 events in one minute are one bucket of a few numbers', () => {
    const events = Array.from({ length: 10_000 }, (_, i) => ev(T0 + (i % 60_000), i % 2 ? 'claude' : 'ok', i % 2 ? 529 : 200));
    const w = addEvents(EMPTY_WINDOW, events);
    expect(w.buckets).toHaveLength(1);
    expect(summary(w, T0 + MIN - 1, 5 * MIN).byOutcome).toMatchObject({ ok: 5_000, claude: 5_000 });
    expect(JSON.stringify(w).length).toBeLessThan(200);
  });

  it('events spread over days keep at most an hour of buckets', () => {
    const events = Array.from({ length: 10_000 }, (_, i) => ev(T0 + i * 17_000, 'claude', 500 + (i % 100)));
    const w = addEvents(EMPTY_WINDOW, events);
    expect(w.buckets.length).toBeLessThanOrEqual(MAX_BUCKETS);
    const size = JSON.stringify(w).length;
    expect(size).toBeLessThan(MAX_BUCKETS * 400);
  });

  it('distinct codes per minute are capped (hostile or broken statuses cannot grow a bucket)', () => {
    const events = Array.from({ length: 500 }, (_, i) => ev(T0 + i, 'claude', 500 + (i % 100)));
    const w = addEvents(EMPTY_WINDOW, events);
    expect(Object.keys(w.buckets[0]!.c).length).toBeLessThanOrEqual(32);
    // Every event is still counted by outcome.
    expect(summary(w, T0 + BUCKET_MS - 1, 5 * MIN).byOutcome.claude).toBe(500);
  });

  it('events with a time that is not a number are skipped', () => {
    expect(addEvents(EMPTY_WINDOW, [ev(Number.NaN), ev(Number.POSITIVE_INFINITY)])).toEqual(EMPTY_WINDOW);
  });
});

describe('the stored empty value (lib/evidence/stored.ts, kept import-free for the content script)', () => {
  it('matches the modules it mirrors', async () => {
    const { EMPTY_EVIDENCE } = await import('../../../lib/evidence/stored');
    const { EMPTY_WINDOW } = await import('../../../lib/evidence/window');
    const { NO_EVIDENCE_NOTES } = await import('../../../lib/evidence/notify');
    const { SPAN_MS } = await import('../../../lib/evidence/verdict');
    expect(EMPTY_EVIDENCE.window).toEqual(EMPTY_WINDOW);
    expect(EMPTY_EVIDENCE.notes).toEqual(NO_EVIDENCE_NOTES);
    expect(EMPTY_EVIDENCE.verdict.counts.spanMinutes).toBe(SPAN_MS / 60_000);
  });
});
