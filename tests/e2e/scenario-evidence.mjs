// Issue 9 ("Is it me or them?"), part 1: local evidence from claude.ai's own requests, seen by the
// real browser's webRequest events and stored as counts. The fake claude.ai answers its /api/…
// requests as each test scripts it; the fake status page stays operational throughout, so every
// verdict here is the user's own evidence. Registered once per browser.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startDriver, until } from './drivers.mjs';
import { ARTIFACTS_DIR } from './harness/artifacts.mjs';
import { operational } from './payloads.mjs';

const ORG = '0b1c2d3e-aaaa-4bbb-8ccc-123456789abc';
const CHAT = '9f8e7d6c-1111-4222-8333-abcdefabcdef';
/** Where claude.ai sends a message (docs/local-evidence.md §4). */
const COMPLETION = `/api/organizations/${ORG}/chat_conversations/${CHAT}/completion`;
const LIST = `/api/organizations/${ORG}/chat_conversations?limit=30`;

/** Class names the stored evidence may hold as strings (everything else must be a number). */
const CLASS_NAMES = new Set([
  'ok',
  'claude',
  'limit',
  'auth',
  'region',
  'connection',
  'completion',
  'api',
  'page',
  'timeout',
  'reset',
  'refused',
  'protocol',
  'offline',
  'dns',
  'proxy',
  'tls',
  'network',
  'challenge',
  'none',
  'claude-failing-unconfirmed',
  'confirmed',
  'working-for-you',
  'usage-limit',
  'sign-in',
]);
const FIELDS = new Set([
  'window',
  'buckets',
  'last',
  't',
  'n',
  'c',
  'episode',
  'crossedAt',
  'pageCalmAtCrossing',
  'endedAt',
  'recovered',
  'pagePostedAt',
  'verdict',
  'kind',
  'counts',
  'failed',
  'total',
  'messagesFailed',
  'spanMinutes',
  'mostly',
  'recoveredAt',
  'leadMs',
  'otherSitesLoad',
  'notes',
  'failing',
  'shown',
  'assessedAt',
]);

/** Requests made by claude.ai's page itself (same origin, its tab), in parallel. */
function fire(page, times, { path: p = COMPLETION, method = 'POST' } = {}) {
  return page.evaluate(
    ({ times, p, method }) =>
      Promise.all(
        Array.from({ length: times }, () =>
          fetch(p, { method, ...(method === 'POST' && { body: '{"prompt":"my secret plan"}' }) }).then(
            async (r) => {
              await r.text(); // read to the end, as the app does
              return r.status;
            },
            () => 'network error',
          ),
        ),
      ),
    { times, p, method },
  );
}

const stored = (d) =>
  d.extensionEval(async () => (await (globalThis.browser ?? globalThis.chrome).storage.local.get('evidence')).evidence ?? null);

/** Sum of the stored counts (every endpoint and outcome). */
function counted(evidence) {
  let n = 0;
  for (const b of evidence?.window?.buckets ?? [])
    for (const byOutcome of Object.values(b.n)) for (const v of Object.values(byOutcome)) n += v;
  return n;
}

/** Waits for the stored verdict to be `kind` (each write comes 1.5 s after the first event). */
function verdictOf(d, kind, timeoutMs = 15_000) {
  return until(
    async () => {
      const e = await stored(d);
      return e?.verdict?.kind === kind && e;
    },
    `verdict ${kind}`,
    timeoutMs,
  );
}

/**
 * A fresh start for the next script: no stored evidence. Waits out a coalesced write that may still
 * be pending (1.5 s), and retries: a poll may be writing meanwhile.
 */
async function resetEvidence(d) {
  for (let i = 0; i < 5; i++) {
    await d.extensionEval(() => (globalThis.browser ?? globalThis.chrome).storage.local.remove('evidence'));
    await new Promise((r) => setTimeout(r, 1_800));
    if (counted(await stored(d)) === 0) return;
  }
  throw new Error('stored evidence did not clear');
}

async function setLocalEvidence(d, on) {
  await d.extensionEval(async (value) => {
    const api = globalThis.browser ?? globalThis.chrome;
    const { prefs } = await api.storage.sync.get('prefs');
    await api.storage.sync.set({ prefs: { ...(prefs ?? {}), localEvidence: value } });
  }, on);
}

/** Walks the stored value: keys are known fields, classes or HTTP statuses; leaves numbers, booleans, null or class names. */
function assertCountsAndTimesOnly(value, where = 'evidence') {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return;
  if (typeof value === 'string') return assert.ok(CLASS_NAMES.has(value), `${where} = ${JSON.stringify(value)}`);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) assertCountsAndTimesOnly(v, `${where}[${i}]`);
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    assert.ok(FIELDS.has(key) || CLASS_NAMES.has(key) || /^[1-5]\d\d$/.test(key), `key ${where}.${key}`);
    assertCountsAndTimesOnly(v, `${where}.${key}`);
  }
}

export function evidenceScenario(browserName) {
  describe(`${browserName}: local evidence from claude.ai's own requests`, { timeout: 300_000 }, () => {
    let d;
    let claude;
    /** What the browser itself reported, recorded by a listener in an extension page (for the docs). */
    const seen = () => d.extensionEval(() => globalThis.__webRequestSeen ?? []);

    before(async () => {
      d = await startDriver(browserName, { summary: operational() });
      await until(async () => (await d.badge()).title.includes('All systems operational'), 'the first poll');
      await d.extensionEval(() => {
        const api = globalThis.browser ?? globalThis.chrome;
        globalThis.__webRequestSeen = [];
        const keep = (event) => (details) => globalThis.__webRequestSeen.push({ event, ...details });
        const filter = { urls: ['https://claude.ai/*'] };
        api.webRequest.onCompleted.addListener(keep('onCompleted'), filter, ['responseHeaders']);
        api.webRequest.onErrorOccurred.addListener(keep('onErrorOccurred'), filter);
        api.webRequest.onBeforeRedirect.addListener(keep('onBeforeRedirect'), filter);
      });
      claude = await d.openPage('https://claude.ai/');
      await resetEvidence(d);
    });
    after(async () => {
      if (d) {
        fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
        fs.writeFileSync(path.join(ARTIFACTS_DIR, `${browserName}-webrequest-details.json`), `${JSON.stringify(await seen(), null, 1)}\n`);
      }
      await d?.close();
    });

    it('200s: counted as OK, and nothing is wrong', async () => {
      d.server.setClaudeApi({ kind: 'http', status: 200 });
      assert.deepEqual(await fire(claude, 4, { path: LIST, method: 'GET' }), [200, 200, 200, 200]);
      const e = await until(async () => counted(await stored(d)) === 4 && stored(d), 'four requests counted');
      assert.equal(e.verdict.kind, 'none');
      assert.deepEqual(
        e.window.buckets.flatMap((b) => Object.keys(b.c)),
        [],
      );
      assert.equal(
        e.window.buckets.reduce((n, b) => n + (b.n.api?.ok ?? 0), 0),
        4,
      );
    });

    it('then 529s and 500s on messages: "Claude is failing for you" within seconds, with counts, while the page is calm', async () => {
      await resetEvidence(d);
      await d.clearNotifications();
      d.server.setClaudeApi({ kind: 'http', status: 200 });
      await fire(claude, 2);
      d.server.setClaudeApi({ kind: 'http', status: 529 });
      const started = Date.now();
      assert.deepEqual(await fire(claude, 3), [529, 529, 529]);
      d.server.setClaudeApi({ kind: 'http', status: 500 });
      assert.deepEqual(await fire(claude, 2), [500, 500]);
      await verdictOf(d, 'claude-failing-unconfirmed');
      const seconds = (Date.now() - started) / 1000;
      console.log(`# ${browserName}: failures started → stored verdict in ${seconds.toFixed(1)} s`);
      assert.ok(seconds <= 10, `verdict after ${seconds} s`);
      // "5 of 7 requests failed in the last 5 min, mostly 529 overloaded" (3 × 529 counted before the 500s; the counts settle).
      const settled = await until(async () => {
        const s = await stored(d);
        return s.verdict.counts.total === 7 && s;
      }, 'all seven counted');
      assert.deepEqual(settled.verdict.counts, { failed: 5, total: 7, messagesFailed: 5, spanMinutes: 5, mostly: 529 });
      assert.equal(typeof settled.verdict.crossedAt, 'number');
      if (browserName === 'chromium') {
        const ids = await until(async () => (await d.notifications()).filter((id) => id.startsWith('cs-evidence|')), 'the notification');
        assert.equal(ids.length, 1);
        assert.match(ids[0], /^cs-evidence\|claude-failing\|\d+$/);
      } else {
        await until(async () => (await d.notifications()).some((id) => id.startsWith('cs-evidence|claude-failing|')), 'the notification');
      }
    });

    it('a reset connection is Claude-side while the status page loads', async () => {
      await resetEvidence(d);
      d.server.setClaudeApi({ kind: 'reset' });
      assert.deepEqual(await fire(claude, 4), Array(4).fill('network error'));
      const e = await verdictOf(d, 'claude-failing-unconfirmed');
      assert.equal(e.verdict.counts.mostly, 'reset');
      const errors = [
        ...new Set((await seen()).filter((s) => s.event === 'onErrorOccurred' && s.url.includes('/completion')).map((s) => s.error)),
      ];
      console.log(`# ${browserName}: a TCP reset reads ${JSON.stringify(errors)}`);
      assert.ok(errors.length > 0);
    });

    it('429: a usage limit, never "Claude is failing"', async () => {
      await resetEvidence(d);
      d.server.setClaudeApi({ kind: 'http', status: 429 });
      await fire(claude, 4);
      const e = await verdictOf(d, 'usage-limit');
      assert.equal(e.verdict.counts.mostly, 429);
      assert.equal(e.verdict.crossedAt, null);
    });

    it('401: sign in again; a Cloudflare challenge: an access check, not a sign-in code', async () => {
      await resetEvidence(d);
      d.server.setClaudeApi({ kind: 'http', status: 401 });
      await fire(claude, 3);
      assert.equal((await verdictOf(d, 'sign-in')).verdict.counts.mostly, 401);
      await resetEvidence(d);
      d.server.setClaudeApi({ kind: 'http', status: 403, challenge: true });
      await fire(claude, 3);
      assert.equal((await verdictOf(d, 'sign-in')).verdict.counts.mostly, 'challenge');
    });

    it('the region page: "not available in your region"', async () => {
      await resetEvidence(d);
      d.server.setClaudeRegion(true);
      const tab = await d.openPage('https://claude.ai/');
      try {
        assert.match(await tab.evaluate(() => location.pathname), /^\/app-unavailable-in-region$/);
        const e = await verdictOf(d, 'region');
        assert.equal(e.verdict.counts.mostly, 'region');
        assert.equal(e.verdict.crossedAt, null);
      } finally {
        d.server.setClaudeRegion(false);
        await tab.close();
      }
    });

    it('an error inside a 200 event stream is invisible to webRequest: counted as OK (docs/local-evidence.md §4)', async () => {
      await resetEvidence(d);
      d.server.setClaudeApi({ kind: 'sse-error' });
      assert.deepEqual(await fire(claude, 3), [200, 200, 200]);
      const e = await until(async () => counted(await stored(d)) === 3 && stored(d), 'three streams counted');
      assert.equal(e.verdict.kind, 'none');
      assert.equal(
        e.window.buckets.reduce((n, b) => n + (b.n.completion?.ok ?? 0), 0),
        3,
      );
    });

    it('requests to claude.ai from another site or from an extension page are not counted', async () => {
      await resetEvidence(d);
      d.server.setClaudeApi({ kind: 'http', status: 529 });
      const other = await d.openPage('https://status.claude.com/api/v2/summary.json');
      try {
        await other.evaluate(
          (url) => Promise.all([1, 2, 3].map(() => fetch(url, { mode: 'no-cors', method: 'POST', body: 'x' }).catch(() => null))),
          `https://claude.ai${COMPLETION}`,
        );
        await d.extensionEval(
          (url) => Promise.all([1, 2, 3].map(() => fetch(url, { method: 'POST', body: 'x' }).catch(() => null))),
          `https://claude.ai${COMPLETION}`,
        );
        await until(
          async () =>
            (await seen()).filter((s) => s.statusCode === 529 && s.initiator !== 'https://claude.ai').length >= 3 ||
            (await seen()).filter((s) => s.statusCode === 529 && s.originUrl && !s.originUrl.startsWith('https://claude.ai')).length >= 3,
          'the browser saw them',
        );
        await new Promise((r) => setTimeout(r, 2_500)); // longer than one coalesced write
        assert.equal(counted(await stored(d)), 0);
      } finally {
        await other.close();
      }
    });

    if (browserName === 'chromium') {
      it('a stopped service worker is woken by claude.ai’s failing request and counts it', async () => {
        await resetEvidence(d);
        d.server.setClaudeApi({ kind: 'http', status: 503 });
        await d.stopServiceWorker();
        assert.equal(d.isServiceWorkerRunning(), false);
        await fire(claude, 3);
        const e = await verdictOf(d, 'claude-failing-unconfirmed');
        assert.equal(e.verdict.counts.mostly, 503);
      });
    }

    it('with the setting off nothing is observed, and what was stored is cleared', async () => {
      await resetEvidence(d);
      d.server.setClaudeApi({ kind: 'http', status: 529 });
      await fire(claude, 3);
      await verdictOf(d, 'claude-failing-unconfirmed');
      await setLocalEvidence(d, false);
      await until(async () => counted(await stored(d)) === 0, 'stored evidence cleared');
      assert.deepEqual(await fire(claude, 5), Array(5).fill(529));
      await new Promise((r) => setTimeout(r, 3_000));
      const e = await stored(d);
      assert.equal(counted(e), 0);
      assert.equal(e?.verdict?.kind ?? 'none', 'none');
      await setLocalEvidence(d, true);
      await new Promise((r) => setTimeout(r, 500));
      await fire(claude, 3);
      await verdictOf(d, 'claude-failing-unconfirmed');
    });

    it('everything stored is counts and times: no URL, id, prompt, header or error string', async () => {
      d.server.setClaudeApi({ kind: 'reset' });
      await fire(claude, 2);
      d.server.setClaudeApi({ kind: 'http', status: 429 });
      await fire(claude, 1);
      await new Promise((r) => setTimeout(r, 2_500));
      const all = await d.extensionEval(async () => (await (globalThis.browser ?? globalThis.chrome).storage.local.get(null)).evidence);
      const text = JSON.stringify(all);
      for (const secret of [ORG, CHAT, 'secret', 'claude.ai', '/api', 'ERR_', 'NS_', 'cf-mitigated', 'http'])
        assert.ok(!text.includes(secret), secret);
      assertCountsAndTimesOnly(all);
      assert.ok(counted(all) >= 3);
    });
  });
}
