// Issue 9 ("Is it me or them?"): local evidence from claude.ai's own requests, seen by the real
// browser's webRequest events, stored as counts, and shown on every surface: the badge (text, colour,
// tooltip), the popup's section and headline, the claude.ai banner, notifications and the settings
// switch. The fake claude.ai answers its /api/… requests as each test scripts it; the fake status page
// stays operational except where a test posts an incident (the lead time) or breaks it (your
// connection). Screenshots of each verdict, popup and banner: tests/e2e/artifacts/<browser>-*-evidence-*.png.
// Registered once per browser.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { COLORS, badgeIs, refreshWithoutPopup, screenshotOf, startDriver, until } from './drivers.mjs';
import { EVIDENCE_CODE } from '../../lib/verdict/evidence.ts';
import { notCountsAndTimes } from '../common/evidence-privacy.mjs';
import { ARTIFACTS_DIR, artifactPath } from './harness/artifacts.mjs';
import { CLAUDE_HOST, CLAUDE_ORIGIN, REGION_PATH, STATUS_HOSTS, STATUS_PAGE_ORIGIN, SUMMARY_PATH } from './harness/fake-server.mjs';
import { operational, syntheticReopened } from './payloads.mjs';

const FAILING = "Claude is failing for you; the status page doesn't say so yet";
/** The real "Elevated errors on Haiku 4.5" incident (linked to claude.ai), as the page would post it now. */
const HAIKU = 'db1mh1r2zrn5';

const ORG = '0b1c2d3e-aaaa-4bbb-8ccc-123456789abc';
const CHAT = '9f8e7d6c-1111-4222-8333-abcdefabcdef';
/** Where claude.ai sends a message (docs/local-evidence.md §4). */
const COMPLETION = `/api/organizations/${ORG}/chat_conversations/${CHAT}/completion`;
const LIST = `/api/organizations/${ORG}/chat_conversations?limit=30`;

/**
 * Opens the popup, waits until its local-evidence section shows `kind` ('off' for the quiet line,
 * null for no section), reads what the user sees, screenshots it as `<browser>-popup-evidence-<shot>`.
 */
async function popupView(d, kind, shot) {
  const popup = await d.openExtensionPage('popup.html');
  try {
    return await until(async () => {
      const view = await popup.evaluate(() => {
        const header = document.querySelector('header.top');
        if (!header) return null;
        const section = document.querySelector('section.evidence');
        const text = (sel) => section?.querySelector(sel)?.textContent ?? null;
        return {
          kind: document.querySelector('.evidence-off') ? 'off' : (section?.dataset.evidence ?? null),
          headline: document.querySelector('.headline-text')?.textContent ?? null,
          tone: [...header.classList].find((c) => c.startsWith('tone-')) ?? null,
          lines: [...document.querySelectorAll('.headline-lines li')].map((l) => l.textContent),
          title: text('.evidence-title'),
          counts: text('.evidence-counts'),
          lead: text('.evidence-lead'),
          detail: text('.evidence-detail'),
          off: document.querySelector('.evidence-off')?.textContent ?? null,
          offLink: document.querySelector('.evidence-off a')?.getAttribute('href') ?? null,
        };
      });
      if (!view || view.kind !== kind) return false;
      if (shot) await screenshotOf(popup, 'body', artifactPath(`${d.name}-popup-evidence-${shot}`));
      return view;
    }, `popup evidence section ${kind}`);
  } finally {
    await popup.close();
  }
}

/** The claude.ai banner as the user sees it (the e2e build opens its shadow root), or null. */
function bannerOf(page) {
  return page.evaluate(() => {
    const bar = document.querySelector('claude-status-banner')?.shadowRoot?.querySelector('.bar');
    if (!bar) return null;
    return {
      kind: bar.dataset.kind ?? null,
      evidence: bar.dataset.evidence ?? null,
      note: bar.querySelector('.evidence-note')?.textContent ?? null,
      text: bar.textContent,
      background: getComputedStyle(bar).backgroundColor,
    };
  });
}

function bannerWhere(page, what, check) {
  return until(async () => {
    const b = await bannerOf(page);
    return b && check(b) && b;
  }, what);
}

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

/** Walks the stored value: keys are known fields, classes or HTTP statuses; leaves numbers, booleans, null or class names. */
function assertCountsAndTimesOnly(value, where = 'evidence') {
  assert.deepEqual(notCountsAndTimes(value, where), []);
}

export function evidenceScenario(browserName) {
  describe(`${browserName}: local evidence from claude.ai's own requests`, { timeout: 420_000 }, () => {
    let d;
    let claude;
    /** What the browser itself reported, recorded by a listener in an extension page (for the docs). */
    const seen = () => d.extensionEval(() => globalThis.__webRequestSeen ?? []);
    /** The episode the failing test started; the lead-time and recovery tests continue it. */
    let crossedAt = null;

    before(async () => {
      d = await startDriver(browserName, { summary: operational() });
      await until(async () => (await d.badge()).title.includes('All systems operational'), 'the first poll');
      await d.extensionEval((pattern) => {
        const api = globalThis.browser ?? globalThis.chrome;
        globalThis.__webRequestSeen = [];
        const keep = (event) => (details) => globalThis.__webRequestSeen.push({ event, ...details });
        const filter = { urls: [pattern] };
        api.webRequest.onCompleted.addListener(keep('onCompleted'), filter, ['responseHeaders']);
        api.webRequest.onErrorOccurred.addListener(keep('onErrorOccurred'), filter);
        api.webRequest.onBeforeRedirect.addListener(keep('onBeforeRedirect'), filter);
      }, `${CLAUDE_ORIGIN}/*`);
      claude = await d.openPage(`${CLAUDE_ORIGIN}/`);
      await resetEvidence(d);
    });
    after(async () => {
      if (d) {
        fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
        fs.writeFileSync(path.join(ARTIFACTS_DIR, `${browserName}-webrequest-details.json`), `${JSON.stringify(await seen(), null, 1)}\n`);
      }
      await d?.close();
    });

    it('200s: counted as OK, and nothing is wrong on any surface', async () => {
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
      assert.equal((await d.badge()).text, '');
      const popup = await popupView(d, null);
      assert.equal(popup.headline, 'All systems operational');
      assert.equal(await bannerOf(claude), null);
    });

    it('then 529s and 500s on messages: "Claude is failing for you" on the badge, popup, banner and a notification, with counts', async () => {
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
      const storedAfter = (Date.now() - started) / 1000;
      // The badge follows the stored verdict at once (the background repaints it after the write).
      const badge = await badgeIs(d, EVIDENCE_CODE);
      const badgeAfter = (Date.now() - started) / 1000;
      console.log(
        `# ${browserName}: failures started → stored verdict ${storedAfter.toFixed(1)} s, badge ${EVIDENCE_CODE} ${badgeAfter.toFixed(1)} s`,
      );
      assert.ok(badgeAfter <= 10, `badge after ${badgeAfter} s`);
      assert.ok(badgeAfter - storedAfter <= 5, `badge ${badgeAfter - storedAfter} s after the stored verdict`);
      assert.deepEqual(badge.color, COLORS.evidence, 'purple: evidence, not an incident colour');
      // "5 of 7 requests failed in the last 5 min, mostly 529 overloaded" (3 × 529 counted before the 500s; the counts settle).
      const settled = await until(async () => {
        const s = await stored(d);
        return s.verdict.counts.total === 7 && s;
      }, 'all seven counted');
      assert.deepEqual(settled.verdict.counts, { failed: 5, total: 7, messagesFailed: 5, spanMinutes: 5, mostly: 529 });
      assert.equal(typeof settled.verdict.crossedAt, 'number');
      crossedAt = settled.verdict.crossedAt;
      const counts = '5 of 7 requests failed in the last 5 min, mostly 529 overloaded';
      const title = await until(async () => {
        const t = (await d.badge()).title;
        return t.includes(counts) && t;
      }, 'the tooltip with the settled counts');
      assert.equal(title.split('\n')[0], `Claude Status: ${FAILING}`);
      assert.ok(
        title.split('\n').some((l) => l.startsWith(`${EVIDENCE_CODE} = your own claude.ai requests are failing`)),
        title,
      );
      assert.match(title, /^Status page: All systems operational$/m);

      const popup = await popupView(d, 'claude-failing-unconfirmed', 'failing');
      assert.equal(popup.headline, FAILING, 'never "All systems operational" while the requests fail');
      assert.equal(popup.tone, 'tone-evidence');
      assert.equal(popup.lines[0], 'Status page: All systems operational');
      assert.equal(popup.counts, counts);
      assert.equal(popup.lead, null);

      const banner = await bannerWhere(claude, 'the evidence banner', (b) => b.kind === 'evidence' && b.text.includes(counts));
      assert.equal(banner.evidence, 'claude-failing-unconfirmed');
      assert.match(banner.text, /^Claude is failing for you:the status page doesn't say so yet/);
      await claude.screenshot({ path: artifactPath(`${browserName}-banner-evidence-failing`) });
      // claude.ai's dark theme, and a phone's width (one line, the counts one tap away in the popup).
      await claude.evaluate(() => window.__setTheme('dark'));
      const dark = await bannerWhere(claude, 'the dark banner', (b) => b.background !== banner.background);
      assert.equal(dark.kind, 'evidence');
      await claude.screenshot({ path: artifactPath(`${browserName}-banner-evidence-failing-dark`) });
      await claude.evaluate(() => window.__setTheme('light'));
      await d.setViewport(claude, 390, 844);
      const narrow = await until(
        () =>
          claude.evaluate(() => {
            const bar = document.querySelector('claude-status-banner').shadowRoot.querySelector('.bar');
            const r = bar.getBoundingClientRect();
            const what = bar.querySelector('.what');
            // The verdict is read in full (not cut), and the generic detail gives way.
            const whole = what.scrollWidth <= what.clientWidth && getComputedStyle(bar.querySelector('.detail')).display === 'none';
            return r.width <= 390 && r.height < 60 && whole && { left: r.left, right: r.right, height: r.height };
          }),
        'the banner on one line at 390 px',
      );
      assert.ok(narrow.left >= 0 && narrow.right <= 390, JSON.stringify(narrow));
      await claude.screenshot({ path: artifactPath(`${browserName}-banner-evidence-failing-phone`) });
      await d.setViewport(claude, 1280, 720);

      if (browserName === 'chromium') {
        const ids = await until(async () => (await d.notifications()).filter((id) => id.startsWith('cs-evidence|')), 'the notification');
        assert.deepEqual(ids, [`cs-evidence|claude-failing|${crossedAt}`]);
      } else {
        await until(async () => (await d.notifications()).includes(`cs-evidence|claude-failing|${crossedAt}`), 'the notification');
      }
    });

    it('the status page then posts a matching incident: the popup says how much earlier you saw it; the incident wins the badge', async () => {
      assert.ok(crossedAt, 'runs after the failing test');
      // A lead the popup words in minutes: the page posts more than a minute after the crossing.
      await new Promise((r) => setTimeout(r, Math.max(0, crossedAt + 62_000 - Date.now())));
      d.server.setSummary(syntheticReopened(operational(), HAIKU, 0));
      await refreshWithoutPopup(d);
      const e = await verdictOf(d, 'confirmed');
      assert.equal(e.verdict.crossedAt, crossedAt);
      assert.ok(e.verdict.leadMs >= 60_000 && e.verdict.leadMs < 120_000, `lead ${e.verdict.leadMs} ms`);
      const lead = 'You saw errors 1 min before the status page posted it';

      const badge = await until(async () => {
        const b = await d.badge();
        return b.text === 'H4.5' && b.title.includes("You're affected") && b;
      }, 'the incident badge with "you\'re affected"');
      assert.deepEqual(badge.color, COLORS.minor, 'a posted incident wins the colour');
      assert.ok(badge.title.includes(lead), badge.title);

      const popup = await popupView(d, 'confirmed', 'confirmed-lead');
      assert.match(popup.headline, /^Minor incident/);
      assert.equal(popup.title, "You're affected: your own requests are failing too");
      assert.equal(popup.lead, lead);

      const banner = await bannerWhere(claude, 'the incident banner with the note', (b) => b.note !== null);
      assert.notEqual(banner.kind, 'evidence');
      assert.equal(banner.note, "You're affected");
      assert.match(banner.text, /Elevated errors on Haiku 4\.5/);
      await claude.screenshot({ path: artifactPath(`${browserName}-banner-evidence-affected`) });
    });

    it('the requests recover: "working for you so far" with the incident still open, a notification, then all clear', async () => {
      d.server.setClaudeApi({ kind: 'http', status: 200 });
      assert.deepEqual(await fire(claude, 30, { path: LIST, method: 'GET' }), Array(30).fill(200));
      const e = await verdictOf(d, 'working-for-you');
      assert.equal(typeof e.verdict.recoveredAt, 'number');
      const popup = await popupView(d, 'working-for-you', 'working');
      assert.equal(popup.title, 'Working for you so far');
      assert.match(popup.counts, /^5 of \d+ requests failed in the last 5 min/);
      assert.equal(popup.lead, 'You saw errors 1 min before the status page posted it');
      const badge = await until(async () => {
        const b = await d.badge();
        return b.title.includes('Working for you so far') && b;
      }, 'the tooltip says "working for you"');
      assert.equal(badge.text, 'H4.5');
      assert.equal(
        (await bannerWhere(claude, 'the working note', (b) => b.note === 'Working for you so far')).note,
        'Working for you so far',
      );
      await claude.screenshot({ path: artifactPath(`${browserName}-banner-evidence-working`) });
      await until(async () => (await d.notifications()).includes(`cs-evidence|recovered|${crossedAt}`), 'the recovery notification');

      // The page resolves too: nothing is left on any surface.
      d.server.setSummary(operational());
      await refreshWithoutPopup(d);
      await verdictOf(d, 'none');
      await badgeIs(d, '');
      assert.doesNotMatch((await d.badge()).title, /failing|affected|working for you/i);
      const calm = await popupView(d, null);
      assert.equal(calm.headline, 'All systems operational');
      await until(async () => (await bannerOf(claude)) === null, 'no banner');
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
      await badgeIs(d, EVIDENCE_CODE);
      const popup = await popupView(d, 'claude-failing-unconfirmed', 'reset');
      assert.equal(popup.counts, '4 of 4 requests failed in the last 5 min, mostly dropped connections');
    });

    it('429: a usage limit, never "Claude is failing"', async () => {
      await resetEvidence(d);
      d.server.setClaudeApi({ kind: 'http', status: 429 });
      await fire(claude, 4);
      const e = await verdictOf(d, 'usage-limit');
      assert.equal(e.verdict.counts.mostly, 429);
      assert.equal(e.verdict.crossedAt, null);
      const popup = await popupView(d, 'usage-limit', 'usage-limit');
      assert.equal(popup.title, "You've reached a usage limit");
      assert.equal(popup.counts, '4 of 4 requests hit a usage limit in the last 5 min');
      assert.equal(popup.headline, 'All systems operational', 'a limit is not an outage');
      const badge = await until(async () => {
        const b = await d.badge();
        return b.title.includes("You've reached a usage limit") && b;
      }, 'the tooltip line');
      assert.equal(badge.text, '', 'the user’s side never colours the badge');
      assert.deepEqual(badge.color, COLORS.operational);
      assert.equal(await bannerOf(claude), null);
    });

    it('401: sign in again; a Cloudflare challenge: an access check, not a sign-in code', async () => {
      await resetEvidence(d);
      d.server.setClaudeApi({ kind: 'http', status: 401 });
      await fire(claude, 3);
      assert.equal((await verdictOf(d, 'sign-in')).verdict.counts.mostly, 401);
      const signIn = await popupView(d, 'sign-in', 'sign-in');
      assert.equal(signIn.title, 'Sign in to claude.ai again');
      assert.equal(signIn.counts, '3 of 3 requests were turned away in the last 5 min, mostly 401 not signed in');
      assert.equal((await d.badge()).text, '');

      await resetEvidence(d);
      d.server.setClaudeApi({ kind: 'http', status: 403, challenge: true });
      await fire(claude, 3);
      assert.equal((await verdictOf(d, 'sign-in')).verdict.counts.mostly, 'challenge');
      const check = await popupView(d, 'sign-in', 'challenge');
      assert.equal(check.title, 'claude.ai wants to check your browser');
      assert.match(check.detail, /signing in again won't help/);
      assert.equal(await bannerOf(claude), null);
    });

    it('the region page: "not available in your region"', async () => {
      await resetEvidence(d);
      d.server.setClaudeRegion(true);
      const tab = await d.openPage(`${CLAUDE_ORIGIN}/`);
      try {
        assert.equal(await tab.evaluate(() => location.pathname), REGION_PATH);
        const e = await verdictOf(d, 'region');
        assert.equal(e.verdict.counts.mostly, 'region');
        assert.equal(e.verdict.crossedAt, null);
        const popup = await popupView(d, 'region', 'region');
        assert.equal(popup.title, "Claude isn't available in your region");
        assert.equal((await d.badge()).text, '');
        assert.equal(await bannerOf(tab), null);
      } finally {
        d.server.setClaudeRegion(false);
        await tab.close();
      }
    });

    it('network errors while the status page cannot be reached either: "your connection looks down", never Claude', async () => {
      await resetEvidence(d);
      for (const host of STATUS_HOSTS) d.server.setFault({ kind: 'reset' }, { host });
      try {
        await refreshWithoutPopup(d);
        d.server.setClaudeApi({ kind: 'reset' });
        await fire(claude, 4);
        const e = await verdictOf(d, 'connection');
        assert.equal(e.verdict.otherSitesLoad, false);
        const popup = await popupView(d, 'connection', 'connection');
        assert.equal(popup.title, 'Your connection looks down');
        assert.match(popup.detail, /^Neither claude\.ai nor the status page can be reached/);
        assert.doesNotMatch(popup.headline, /failing for you/);
        const badge = await until(async () => {
          const b = await d.badge();
          return b.title.includes('Your connection looks down') && b;
        }, 'the tooltip line');
        assert.notEqual(badge.text, EVIDENCE_CODE);
        assert.deepEqual(badge.color, COLORS.unknown, 'grey: the page could not be reached');
      } finally {
        for (const host of STATUS_HOSTS) d.server.setFault(null, { host });
      }
      await refreshWithoutPopup(d);
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
      const other = await d.openPage(`${STATUS_PAGE_ORIGIN}${SUMMARY_PATH}`);
      try {
        await other.evaluate(
          (url) => Promise.all([1, 2, 3].map(() => fetch(url, { mode: 'no-cors', method: 'POST', body: 'x' }).catch(() => null))),
          `${CLAUDE_ORIGIN}${COMPLETION}`,
        );
        await d.extensionEval(
          (url) => Promise.all([1, 2, 3].map(() => fetch(url, { method: 'POST', body: 'x' }).catch(() => null))),
          `${CLAUDE_ORIGIN}${COMPLETION}`,
        );
        await until(
          async () =>
            (await seen()).filter((s) => s.statusCode === 529 && s.initiator !== CLAUDE_ORIGIN).length >= 3 ||
            (await seen()).filter((s) => s.statusCode === 529 && s.originUrl && !s.originUrl.startsWith(CLAUDE_ORIGIN)).length >= 3,
          'the browser saw them',
        );
        await new Promise((r) => setTimeout(r, 2_500)); // longer than one coalesced write
        assert.equal(counted(await stored(d)), 0);
      } finally {
        await other.close();
      }
    });

    if (browserName === 'chromium') {
      it('a stopped service worker is woken by claude.ai’s failing request, counts it and paints the badge', async () => {
        await resetEvidence(d);
        d.server.setClaudeApi({ kind: 'http', status: 503 });
        await d.stopServiceWorker();
        assert.equal(d.isServiceWorkerRunning(), false);
        await fire(claude, 3);
        const e = await verdictOf(d, 'claude-failing-unconfirmed');
        assert.equal(e.verdict.counts.mostly, 503);
        assert.match((await badgeIs(d, EVIDENCE_CODE)).title, /mostly 503 unavailable/);
      });
    }

    it('the settings switch: off → the popup says so and nothing is observed; on again → observed again', async () => {
      await resetEvidence(d);
      d.server.setClaudeApi({ kind: 'http', status: 529 });
      await fire(claude, 3);
      await verdictOf(d, 'claude-failing-unconfirmed');
      await badgeIs(d, EVIDENCE_CODE);

      const settings = await d.openExtensionPage('options.html');
      try {
        const box = 'input[name="localEvidence"]';
        await until(() => settings.evaluate((s) => document.querySelector(s)?.checked === true, box), 'the switch, on');
        const hint = await settings.evaluate(() => document.querySelector('#local-evidence-hint').textContent);
        assert.match(hint, /status codes of claude\.ai's own requests/);
        assert.match(hint, /nothing leaves your browser/);
        await settings.evaluate((s) => document.querySelector(s).click(), box);
        // Through the background writer, into sync storage.
        await until(
          () =>
            d.extensionEval(
              async () => (await (globalThis.browser ?? globalThis.chrome).storage.sync.get('prefs')).prefs?.localEvidence === false,
            ),
          'the setting stored off',
        );
        await settings.evaluate(() => document.querySelector('#local-evidence').scrollIntoView());
        await screenshotOf(settings, '#local-evidence', artifactPath(`${browserName}-settings-evidence`));
        await until(async () => counted(await stored(d)) === 0, 'stored evidence cleared');
        await badgeIs(d, '');
        const off = await popupView(d, 'off', 'off');
        assert.equal(off.off, 'Local evidence is off · Settings');
        assert.match(off.offLink, /options\.html#local-evidence$/);
        assert.equal(off.headline, 'All systems operational');

        assert.deepEqual(await fire(claude, 5), Array(5).fill(529));
        await new Promise((r) => setTimeout(r, 3_000));
        const e = await stored(d);
        assert.equal(counted(e), 0);
        assert.equal(e?.verdict?.kind ?? 'none', 'none');
        assert.equal((await d.badge()).text, '');
        assert.equal(await bannerOf(claude), null);

        await settings.evaluate((s) => document.querySelector(s).click(), box);
        await until(
          () =>
            d.extensionEval(
              async () => (await (globalThis.browser ?? globalThis.chrome).storage.sync.get('prefs')).prefs?.localEvidence === true,
            ),
          'the setting stored on',
        );
      } finally {
        await settings.close();
      }
      await new Promise((r) => setTimeout(r, 500));
      await fire(claude, 3);
      await verdictOf(d, 'claude-failing-unconfirmed');
      await badgeIs(d, EVIDENCE_CODE);
    });

    it('everything stored is counts and times: no URL, id, prompt, header or error string', async () => {
      d.server.setClaudeApi({ kind: 'reset' });
      await fire(claude, 2);
      d.server.setClaudeApi({ kind: 'http', status: 429 });
      await fire(claude, 1);
      await new Promise((r) => setTimeout(r, 2_500));
      const all = await d.extensionEval(async () => (await (globalThis.browser ?? globalThis.chrome).storage.local.get(null)).evidence);
      const text = JSON.stringify(all);
      for (const secret of [ORG, CHAT, 'secret', CLAUDE_HOST, '/api', 'ERR_', 'NS_', 'cf-mitigated', 'http'])
        assert.ok(!text.includes(secret), secret);
      assertCountsAndTimesOnly(all);
      assert.ok(counted(all) >= 3);
    });
  });
}
