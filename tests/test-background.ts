/**
 * The real background (`createBackground`) for unit tests, given what the browser would supply: a
 * scripted fetch (routes by host, as `fakeFetch`, or any fetch), the test's clock, a network that is
 * up, a fixed "random", notifications collected instead of shown, and the coalesced evidence write
 * held until the test runs it.
 */
import { browser } from 'wxt/browser';
import type { Note } from '../lib/attention/notify';
import { type BackgroundDeps, createBackground } from '../lib/polling/worker';
import { type Reply, fakeFetch } from './fake-fetch';

export function testBackground(
  source: Record<string, Reply> | typeof globalThis.fetch,
  clock: () => number,
  overrides: Partial<BackgroundDeps> = {},
) {
  const scripted = typeof source === 'function' ? { fetch: source, calls: [] } : fakeFetch(source);
  const notes: Note[] = [];
  const timers: Array<() => void> = [];
  const bg = createBackground({
    browser,
    fetch: scripted.fetch,
    now: clock,
    isOnline: () => true,
    random: () => 0.5,
    showNote: async (n) => void notes.push(n),
    setTimer: (run) => void timers.push(run),
    ...overrides,
  });
  /** Runs the coalesced evidence write, as its timer would 1.5 s after the first event, and waits for the reassessment queued behind it. */
  const flushEvidence = async () => {
    for (const run of timers.splice(0)) run();
    await bg.evidence.reassess();
  };
  return { bg, calls: scripted.calls, notes, timers, flushEvidence };
}
