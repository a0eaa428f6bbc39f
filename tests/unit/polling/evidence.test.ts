import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { API_FILTER, FLUSH_DELAY_MS, PAGE_FILTER, createEvidenceRecorder, observedFrom } from '../../../lib/polling/evidence';
import { evidenceItem, prefsItem, statusItem } from '../../../lib/storage';
import { EMPTY_EVIDENCE, readEvidenceState } from '../../../lib/evidence/state';
import { DEFAULT_PREFS } from '../../../lib/prefs';
import { normaliseSummary } from '../../../lib/statuspage/normalise';
import { SummarySchema } from '../../../lib/statuspage/schema';
import { EMPTY_STATE } from '../../../lib/statuspage/state';
import type { EvidenceNote } from '../../../lib/evidence/notify';
import { json, stall } from '../../fake-fetch';
import { testBackground } from '../../test-background';
import { COUNTED_OUTCOMES, ENDPOINTS, ERROR_CODES } from '../../../lib/evidence/classify';
import { SUMMARY_MULTIPLE_MODELS, SUMMARY_OPERATIONAL, loadFixture } from '../../fixtures';
import { EVIDENCE_CLASS_NAMES, notCountsAndTimes } from '../../common/evidence-privacy.mjs';

const ORG = '0b1c2d3e-aaaa-4bbb-8ccc-123456789abc';
const CHAT = '9f8e7d6c-1111-4222-8333-abcdefabcdef';
const COMPLETION = `https://claude.ai/api/organizations/${ORG}/chat_conversations/${CHAT}/completion`;

let now = Date.parse('2026-11-25T10:00:00Z');

/** webRequest details as Chrome hands them to an onCompleted listener for claude.ai's fetch. */
function chromeCompleted(statusCode: number, url = COMPLETION): Record<string, unknown> {
  return {
    documentId: 'A1B2C3',
    documentLifecycle: 'active',
    frameId: 0,
    frameType: 'outermost_frame',
    fromCache: false,
    initiator: 'https://claude.ai',
    ip: '160.79.104.10',
    method: 'POST',
    parentFrameId: -1,
    requestId: '1234',
    responseHeaders: [{ name: 'content-type', value: 'text/event-stream' }],
    statusCode,
    statusLine: `HTTP/1.1 ${statusCode}`,
    tabId: 42,
    timeStamp: now,
    type: 'xmlhttprequest',
    url,
  };
}

/** The same from Firefox's onErrorOccurred. */
function firefoxError(error: string, url = COMPLETION): Record<string, unknown> {
  return {
    cookieStoreId: 'firefox-default',
    documentUrl: `https://claude.ai/chat/${CHAT}`,
    error,
    frameId: 0,
    incognito: false,
    method: 'POST',
    originUrl: `https://claude.ai/chat/${CHAT}`,
    parentFrameId: -1,
    requestId: '77',
    tabId: 3,
    thirdParty: false,
    timeStamp: now,
    type: 'xmlhttprequest',
    url,
  };
}

function setup(opts: { online?: boolean } = {}) {
  const timers: Array<() => void> = [];
  const notes: EvidenceNote[] = [];
  const recorder = createEvidenceRecorder({
    now: () => now,
    isOnline: () => opts.online ?? true,
    showEvidenceNote: async (n) => void notes.push(n),
    setTimer: (run, ms) => {
      expect(ms).toBe(FLUSH_DELAY_MS);
      timers.push(run);
    },
  });
  /** Runs the scheduled write and waits for it. */
  const tick = async () => {
    const due = timers.splice(0);
    for (const run of due) run();
    await recorder.reassess(); // queued after the flush: resolves once it is stored
  };
  return { recorder, timers, notes, tick };
}

async function liveStatus(summaryName: string) {
  const snapshot = normaliseSummary(SummarySchema.parse(loadFixture(summaryName)));
  await statusItem.setValue({ ...EMPTY_STATE, snapshot, checkedAt: now, confirmedAt: now });
}

beforeEach(async () => {
  fakeBrowser.reset();
  now = Date.parse('2026-11-25T10:00:00Z');
  await liveStatus(SUMMARY_OPERATIONAL);
});

describe('observedFrom: both browsers’ details', () => {
  it('Chrome: initiator, status and the challenge header; nothing else kept', () => {
    expect(observedFrom(chromeCompleted(529))).toEqual({
      url: COMPLETION,
      method: 'POST',
      type: 'xmlhttprequest',
      statusCode: 529,
      error: undefined,
      redirectUrl: undefined,
      tabId: 42,
      initiator: 'https://claude.ai',
      challenge: false,
    });
    const challenged = { ...chromeCompleted(403), responseHeaders: [{ name: 'CF-Mitigated', value: 'challenge' }] };
    expect(observedFrom(challenged).challenge).toBe(true);
  });

  it('Firefox: the origin of originUrl is the initiator', () => {
    expect(observedFrom(firefoxError('NS_ERROR_NET_RESET'))).toMatchObject({
      initiator: 'https://claude.ai',
      error: 'NS_ERROR_NET_RESET',
      tabId: 3,
    });
    expect(observedFrom({ ...firefoxError('x'), originUrl: 'moz-extension://uuid/popup.html' }).initiator).toBe('moz-extension://uuid');
    expect(observedFrom({ ...firefoxError('x'), originUrl: '::' }).initiator).toBe('invalid');
  });

  it('garbage details never throw', () => {
    for (const junk of [{}, { url: 42, tabId: '3', responseHeaders: 'x' }, { responseHeaders: [null, 1, { name: {} }] }]) {
      expect(() => observedFrom(junk as Record<string, unknown>)).not.toThrow();
    }
  });
});

describe('the recorder', () => {
  it('many events, one storage write, after a short delay', async () => {
    const { recorder, timers, tick } = setup();
    const writes = vi.spyOn(evidenceItem, 'setValue');
    for (let i = 0; i < 50; i++) recorder.observe(chromeCompleted(200, `https://claude.ai/api/organizations/${ORG}/x?i=${i}`));
    expect(timers).toHaveLength(1); // one write scheduled, however many events
    expect(writes).not.toHaveBeenCalled();
    await tick();
    expect(writes).toHaveBeenCalledTimes(1);
    const state = readEvidenceState(await evidenceItem.getValue());
    expect(state.window.buckets[0]?.n).toEqual({ api: { ok: 50 } });
  });

  it('529s on messages while the page is calm: failing, stored with counts, one notification', async () => {
    const { recorder, notes, tick } = setup();
    recorder.observe(chromeCompleted(200));
    recorder.observe(chromeCompleted(200));
    for (let i = 0; i < 4; i++) recorder.observe(chromeCompleted(529));
    recorder.observe(chromeCompleted(500));
    await tick();
    const state = readEvidenceState(await evidenceItem.getValue());
    expect(state.verdict).toMatchObject({
      kind: 'claude-failing-unconfirmed',
      counts: { failed: 5, total: 7, messagesFailed: 5, spanMinutes: 5, mostly: 529 },
      crossedAt: now,
    });
    expect(notes.map((n) => n.kind)).toEqual(['claude-failing']);
    // The next flush with more failures tells nothing new.
    recorder.observe(chromeCompleted(529));
    await tick();
    expect(notes).toHaveLength(1);
  });

  it('the page then posts an incident about claude.ai: confirmed, with the lead time, after the next poll', async () => {
    const { recorder, tick } = setup();
    for (let i = 0; i < 3; i++) recorder.observe(chromeCompleted(529));
    await tick();
    const crossedAt = now;
    now += 5 * 60_000;
    for (let i = 0; i < 3; i++) recorder.observe(chromeCompleted(529));
    await tick();
    const raw = structuredClone(loadFixture(SUMMARY_MULTIPLE_MODELS));
    // Rebase the real incident to "posted 4 minutes after the failures started".
    for (const u of raw.incidents[0].incident_updates) u.display_at = u.created_at = new Date(crossedAt + 4 * 60_000).toISOString();
    await statusItem.setValue({ ...EMPTY_STATE, snapshot: normaliseSummary(SummarySchema.parse(raw)), checkedAt: now, confirmedAt: now });
    const state = await recorder.reassess();
    expect(state?.verdict).toMatchObject({ kind: 'confirmed', crossedAt, leadMs: 4 * 60_000 });
  });

  it('a reset in Firefox while the status page is unreachable: your connection', async () => {
    const { recorder, tick } = setup();
    await statusItem.setValue({ ...EMPTY_STATE, checkedAt: now, problem: { kind: 'network', detail: 'Failed to fetch' } });
    for (let i = 0; i < 4; i++) recorder.observe(firefoxError('NS_ERROR_NET_RESET'));
    await tick();
    expect(readEvidenceState(await evidenceItem.getValue()).verdict).toMatchObject({
      kind: 'connection',
      otherSitesLoad: false,
      crossedAt: null,
    });
  });

  it('the status page unreachable long enough to be backed off: timeouts are still your connection, not Claude failing', async () => {
    const { recorder, notes, tick } = setup();
    // The last polls timed out; the poller now waits 5 minutes before the next try (polls.ts backoff).
    const { snapshot } = await statusItem.getValue();
    await statusItem.setValue({
      ...EMPTY_STATE,
      snapshot,
      checkedAt: now - 3 * 60_000,
      problem: { kind: 'timeout', detail: 'no answer within 10 s' },
      failures: 14,
      retryAt: now + 2 * 60_000,
    });
    for (let i = 0; i < 4; i++) recorder.observe(firefoxError('NS_ERROR_NET_TIMEOUT'));
    await tick();
    expect(readEvidenceState(await evidenceItem.getValue()).verdict.kind).not.toBe('claude-failing-unconfirmed');
    expect(notes).toEqual([]);
  });

  it('setting off: nothing is counted or stored, and what was stored is cleared', async () => {
    const { recorder, tick } = setup();
    recorder.observe(chromeCompleted(529));
    await tick();
    expect(readEvidenceState(await evidenceItem.getValue()).window.buckets).toHaveLength(1);
    await prefsItem.setValue({ ...DEFAULT_PREFS, localEvidence: false });
    await recorder.reassess();
    expect(await evidenceItem.getValue()).toEqual(EMPTY_EVIDENCE);
    for (let i = 0; i < 10; i++) recorder.observe(chromeCompleted(529));
    await tick();
    expect(await evidenceItem.getValue()).toEqual(EMPTY_EVIDENCE);
  });

  it('details that make classification throw never escape the listener', () => {
    const { recorder, timers } = setup();
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom');
        },
      },
    );
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => recorder.observe(hostile as Record<string, unknown>)).not.toThrow();
    expect(timers).toHaveLength(0);
  });

  it('ignored requests do not even schedule a write', () => {
    const { recorder, timers } = setup();
    recorder.observe(chromeCompleted(529, 'https://example.com/api/x'));
    recorder.observe({ ...chromeCompleted(529), initiator: 'https://evil.example' });
    recorder.observe({ ...chromeCompleted(529), tabId: -1 });
    recorder.observe(firefoxError('NS_BINDING_ABORTED'));
    expect(timers).toHaveLength(0);
  });

  it('a poll that changes nothing does not write', async () => {
    const { recorder } = setup();
    const writes = vi.spyOn(evidenceItem, 'setValue');
    await recorder.reassess();
    await recorder.reassess();
    expect(writes).not.toHaveBeenCalled();
  });

  it('a burst of 10 000 requests over an hour and a half stays small in storage', async () => {
    const { recorder, tick } = setup();
    for (let i = 0; i < 10_000; i++) {
      now += 550; // 10 000 × 0.55 s ≈ 92 min
      recorder.observe(i % 3 ? chromeCompleted(200) : firefoxError(i % 2 ? 'NS_ERROR_NET_RESET' : 'NS_ERROR_NET_TIMEOUT'));
      if (i % 1000 === 999) await tick();
    }
    await tick();
    const stored = await evidenceItem.getValue();
    expect(JSON.stringify(stored).length).toBeLessThan(12_000);
    expect(readEvidenceState(stored).window.buckets.length).toBeLessThanOrEqual(60);
  });

  it('a stored value that was tampered with is read back clean', async () => {
    const { recorder, tick } = setup();
    await evidenceItem.setValue({
      window: {
        buckets: [{ t: now, n: { api: { ok: 2, secret: 5 }, evil: { ok: 1 } }, c: { 'https://claude.ai/chat/x': 1, '529': -3 } }, 'junk'],
        last: { ok: 'x' },
      },
      episode: { crossedAt: 'soon' },
      verdict: { kind: 'pwned' },
      notes: null,
      assessedAt: 'now',
    } as never);
    recorder.observe(chromeCompleted(200));
    await tick();
    const stored = await evidenceItem.getValue();
    expect(JSON.stringify(stored)).not.toMatch(/secret|evil|https|pwned|soon|junk/);
    expect(readEvidenceState(stored).window.buckets[0]?.n).toEqual({ completion: { ok: 1 }, api: { ok: 2 } });
  });
});

describe('privacy: everything stored is counts and times', () => {
  it('after every kind of request, the stored evidence holds only numbers and class names', async () => {
    const { recorder, tick } = setup();
    const secretUrl = `${COMPLETION}?prompt=my+secret+plan&token=abc`;
    const events = [
      chromeCompleted(200, secretUrl),
      chromeCompleted(529, secretUrl),
      chromeCompleted(429, secretUrl),
      chromeCompleted(401, secretUrl),
      { ...chromeCompleted(403, secretUrl), responseHeaders: [{ name: 'cf-mitigated', value: 'challenge' }] },
      firefoxError('NS_ERROR_NET_RESET', secretUrl),
      firefoxError('NS_ERROR_UNKNOWN_HOST', secretUrl),
      firefoxError('Peer’s Certificate issuer is not recognized.', secretUrl),
      { ...chromeCompleted(200, 'https://claude.ai/app-unavailable-in-region'), type: 'main_frame', method: 'GET' },
      { ...chromeCompleted(302, 'https://claude.ai/'), type: 'main_frame', redirectUrl: 'https://claude.com/app-unavailable-in-region' },
    ];
    for (const e of events) recorder.observe(e);
    await tick();
    const everything = await browser.storage.local.get(null);
    const stored = everything.evidence;
    expect(stored).toBeDefined();
    const text = JSON.stringify(stored);
    for (const secret of [ORG, CHAT, 'secret', 'token', 'claude.ai', 'NS_ERROR', 'Certificate', 'http', 'cf-mitigated']) {
      expect(text, secret).not.toContain(secret);
    }
    // Every key is a known field, an endpoint or outcome class, or a failure code; every leaf a
    // number, boolean, null or a known class name (the list the E2E privacy test uses too).
    expect(notCountsAndTimes(stored)).toEqual([]);
    // The hand-written list covers every class the code can store (and nothing that reads like data).
    for (const name of [...COUNTED_OUTCOMES, ...ENDPOINTS, ...ERROR_CODES]) expect(EVIDENCE_CLASS_NAMES.has(name), name).toBe(true);
    // …and it did count them all (ignored: the localised TLS sentence).
    const s = readEvidenceState(stored);
    const counted = s.window.buckets.flatMap((b) => Object.values(b.n).flatMap((o) => Object.values(o ?? {})));
    expect(counted.reduce((a, b) => a + b, 0)).toBe(9);
  });
});

describe('privacy: nothing leaves the browser', () => {
  it('a whole episode (failing, notified, confirmed, recovered) asks only the status page, and nothing learnt from claude.ai', async () => {
    let served: unknown = loadFixture(SUMMARY_OPERATIONAL);
    // Any request that does not go through the injected fetch is a leak.
    const leaks: string[] = [];
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      leaks.push(String(input));
      throw new TypeError('not allowed in this test');
    });
    const told: EvidenceNote[] = [];
    const {
      bg,
      calls,
      flushEvidence: flush,
    } = testBackground({ 'status.claude.com': () => json(served) }, () => now, {
      showEvidenceNote: async (n) => void told.push(n),
    });
    const verdict = async () => readEvidenceState(await evidenceItem.getValue()).verdict.kind;
    const secretUrl = `${COMPLETION}?prompt=my+secret+plan`;
    try {
      await bg.refresh('user');
      for (let i = 0; i < 4; i++) bg.evidence.observe(chromeCompleted(529, secretUrl));
      await flush();
      expect(await verdict()).toBe('claude-failing-unconfirmed');
      now += 60_000;
      served = loadFixture(SUMMARY_MULTIPLE_MODELS);
      await bg.refresh('user');
      expect(await verdict()).toBe('confirmed');
      now += 6 * 60_000; // the failures leave the 5-minute window
      await bg.refresh('user');
      for (let i = 0; i < 4; i++) bg.evidence.observe(chromeCompleted(200, secretUrl));
      await flush();
      expect(await verdict()).toBe('working-for-you');
      served = loadFixture(SUMMARY_OPERATIONAL);
      now += 60_000;
      await bg.refresh('user');
    } finally {
      spy.mockRestore();
    }
    expect(leaks).toEqual([]);
    // The user was told, in the browser only: the crossing (and its notification) did happen.
    expect(told.map((n) => n.kind)).toContain('claude-failing');
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      const url = new URL(call.url);
      expect(['https://status.claude.com', 'https://anthropic.statuspage.io']).toContain(url.origin);
      expect(url.search).toBe('');
      const sent = JSON.stringify(call);
      for (const secret of [ORG, CHAT, 'secret', 'claude.ai', '529']) expect(sent, secret).not.toContain(secret);
    }
  });
});

describe('filters', () => {
  it('only claude.ai’s API calls and claude.ai page loads wake the worker', () => {
    expect(API_FILTER).toEqual({ urls: ['https://claude.ai/api/*'], types: ['xmlhttprequest'] });
    expect(PAGE_FILTER).toEqual({ urls: ['https://claude.ai/*'], types: ['main_frame'] });
  });
});

describe('wired into the background', () => {
  it('each poll reassesses: failures seen while the page was calm become "confirmed" when it posts the incident', async () => {
    let served: unknown = loadFixture(SUMMARY_OPERATIONAL);
    const { bg, timers } = testBackground({ 'status.claude.com': () => json(served) }, () => now);
    await bg.refresh('user');
    for (let i = 0; i < 3; i++) bg.evidence.observe(chromeCompleted(529));
    expect(timers).toHaveLength(1);
    await bg.evidence.flush();
    expect(readEvidenceState(await evidenceItem.getValue()).verdict.kind).toBe('claude-failing-unconfirmed');
    now += 60_000;
    served = loadFixture(SUMMARY_MULTIPLE_MODELS);
    await bg.refresh('user');
    expect(readEvidenceState(await evidenceItem.getValue()).verdict.kind).toBe('confirmed');
  });
});

describe('the badge follows the verdict', () => {
  async function background() {
    const {
      bg,
      calls,
      flushEvidence: flush,
    } = testBackground({ 'status.claude.com': () => json(loadFixture(SUMMARY_OPERATIONAL)) }, () => now);
    await bg.refresh('user');
    const badge = async () => ({
      text: await browser.action.getBadgeText({}),
      title: await browser.action.getTitle({}),
    });
    return { bg, flush, badge, fetches: calls };
  }

  it('failures cross the threshold: ERR at the coalesced write, without waiting for a poll', async () => {
    const { bg, flush, badge, fetches } = await background();
    expect((await badge()).text).toBe('');
    const polls = fetches.length;
    for (let i = 0; i < 3; i++) bg.evidence.observe(chromeCompleted(529));
    await flush();
    expect(fetches.length).toBe(polls);
    const b = await badge();
    expect(b.text).toBe('ERR');
    expect(b.title).toContain("Claude is failing for you; the status page doesn't say so yet");
    expect(b.title).toContain('3 of 3 requests failed in the last 5 min, mostly 529 overloaded');
  });

  it('recovery clears it: OK requests bring the calm badge back at the next write', async () => {
    const { bg, flush, badge } = await background();
    for (let i = 0; i < 3; i++) bg.evidence.observe(chromeCompleted(529));
    await flush();
    expect((await badge()).text).toBe('ERR');
    now += 3 * 60_000; // the failures leave the 2-minute recovery span
    await bg.refresh('user'); // the page's data stays live meanwhile
    expect((await badge()).text).toBe('ERR'); // still failing: no OK request yet
    for (let i = 0; i < 3; i++) bg.evidence.observe(chromeCompleted(200));
    await flush();
    const b = await badge();
    expect(b.text).toBe('');
    expect(b.title).toContain('All systems operational');
    expect(b.title).not.toContain('failing for you');
  });

  it('the setting off: the stored evidence is cleared and the badge is calm again', async () => {
    const { bg, flush, badge } = await background();
    for (let i = 0; i < 3; i++) bg.evidence.observe(chromeCompleted(529));
    await flush();
    expect((await badge()).text).toBe('ERR');
    await prefsItem.setValue({ ...DEFAULT_PREFS, localEvidence: false });
    await bg.evidence.reassess();
    expect((await badge()).text).toBe('');
  });

  it('while the status page is backed off (no poll), the alarms still let failures fade: no ERR for requests long gone', async () => {
    const { bg, flush, badge, fetches } = await background();
    for (let i = 0; i < 3; i++) bg.evidence.observe(chromeCompleted(529));
    await flush();
    expect((await badge()).text).toBe('ERR');
    // The status page then fails for a while and the poller backs off for 10 minutes; claude.ai is closed.
    const state = await statusItem.getValue();
    await statusItem.setValue({ ...state, problem: { kind: 'http', detail: 'HTTP 503' }, checkedAt: now, retryAt: now + 10 * 60_000 });
    const polls = fetches.length;
    for (let minute = 1; minute <= 6; minute++) {
      now += 60_000;
      await bg.refresh('alarm');
    }
    expect(fetches.length).toBe(polls); // the backoff is respected
    const b = await badge();
    expect(b.text).not.toBe('ERR');
    expect(b.title).not.toContain('requests failed in the last 5 min');
  });

  it('a browser restarted hours after an ERR: the first badge is not that old ERR, even while the first poll is slow', async () => {
    const { bg, flush, badge } = await background();
    for (let i = 0; i < 3; i++) bg.evidence.observe(chromeCompleted(529));
    await flush();
    expect((await badge()).text).toBe('ERR');
    // The browser closes; three hours later it starts again (badges do not survive) and the status page is slow.
    now += 3 * 3_600_000;
    await browser.action.setBadgeText({ text: '' });
    const { bg: restarted } = testBackground({ 'status.claude.com': stall }, () => now);
    void restarted.start();
    await vi.waitFor(async () => expect(await browser.action.getTitle({})).toMatch(/Checked|Last known/));
    await new Promise((r) => setTimeout(r, 20));
    const b = await badge();
    expect(b.text).not.toBe('ERR');
    expect(b.title).not.toContain('requests failed in the last 5 min');
  });

  it('a write that changes nothing in the verdict does not repaint the badge', async () => {
    const changes: string[] = [];
    const timers: Array<() => void> = [];
    const recorder = createEvidenceRecorder({
      now: () => now,
      isOnline: () => true,
      setTimer: (run) => void timers.push(run),
      onVerdictChange: async () => void changes.push(readEvidenceState(await evidenceItem.getValue()).verdict.kind),
    });
    recorder.observe(chromeCompleted(200));
    for (const run of timers.splice(0)) run();
    await recorder.reassess();
    expect(changes).toEqual(['none']); // counts went from nothing to 1 of 1
    await recorder.reassess();
    await recorder.reassess();
    expect(changes).toEqual(['none']);
    for (let i = 0; i < 3; i++) recorder.observe(chromeCompleted(503));
    for (const run of timers.splice(0)) run();
    await recorder.reassess();
    expect(changes).toEqual(['none', 'claude-failing-unconfirmed']);
  });

  it('a failing repaint never breaks the recorder', async () => {
    const timers: Array<() => void> = [];
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const recorder = createEvidenceRecorder({
      now: () => now,
      isOnline: () => true,
      setTimer: (run) => void timers.push(run),
      onVerdictChange: async () => {
        throw new Error('action API gone');
      },
    });
    for (let i = 0; i < 3; i++) recorder.observe(chromeCompleted(529));
    for (const run of timers.splice(0)) run();
    await expect(recorder.reassess()).resolves.toMatchObject({ verdict: { kind: 'claude-failing-unconfirmed' } });
  });
});
