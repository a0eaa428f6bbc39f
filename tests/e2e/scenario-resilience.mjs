// Issue "Never wrong, never rude": every fault the fake server can inject leaves the badge grey,
// says what happened, keeps the last good data, and the next good answer heals everything. In
// Chromium also: the service worker stopped mid-incident loses nothing and costs no request on wake,
// and the worker's "online" event polls at once while a Retry-After still holds the alarms back.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { COLORS, clickRefresh, popupFreshness, popupProblem, pressRefresh, startDriver, until } from './drivers.mjs';
import { FALLBACK_HOST, STATUS_HOST, STATUS_HOSTS, SUMMARY_PATH } from './harness/fake-server.mjs';
import { themeColor } from './harness/theme.mjs';
import { multipleModels } from './payloads.mjs';

/** Fault → what the popup must say (in plain words, with the technical detail below). */
const FAULTS = [
  [{ kind: 'http', status: 500 }, /having trouble \(server error\).*Technical detail: HTTP 500/],
  [{ kind: 'http', status: 429, retryAfter: 120 }, /turned the request away.*Technical detail: HTTP 429/],
  [{ kind: 'challenge' }, /turned the request away.*Technical detail: HTTP 405/],
  [{ kind: 'html200' }, /turned the request away.*Technical detail: HTML page instead of JSON/],
  [{ kind: 'truncated' }, /can't read.*Technical detail: response is not valid JSON/],
  [{ kind: 'wrongShape' }, /can't read.*Technical detail: unexpected data at/],
  [{ kind: 'oversized', bytes: 3_000_000 }, /can't read.*Technical detail: response (too large|larger than)/],
  [{ kind: 'oversized', bytes: 3_000_000, chunked: true }, /can't read.*Technical detail: response larger than/],
  [{ kind: 'reset' }, /Can't reach the status page right now.*Technical detail: /],
  [{ kind: 'stall' }, /isn't answering.*Technical detail: no answer within 10 s/],
];

export function resilienceScenario(browserName) {
  describe(`${browserName}: faults and restarts`, { timeout: 300_000 }, () => {
    let d;
    before(async () => {
      d = await startDriver(browserName, { summary: multipleModels() });
      await until(async () => (await d.badge()).text === 'ALL', 'first poll');
    });
    after(async () => d?.close());

    for (const [fault, message] of FAULTS) {
      it(`${JSON.stringify(fault)}: grey badge, "${message.source.slice(0, 40)}…", last good data kept, then healed`, async () => {
        for (const host of STATUS_HOSTS) d.server.setFault(fault, { host });
        await clickRefresh(d, 30_000);
        const badge = await d.badge();
        assert.deepEqual(badge.color, COLORS.unknown);
        assert.equal(badge.text, 'ALL');
        const popup = await d.openExtensionPage('popup.html');
        const problem = await until(() => popupProblem(popup), 'problem');
        assert.match(problem, message);
        assert.match(await popup.evaluate(() => document.querySelector('.headline').textContent), /Major incident.*\(last known\)/);
        // Everything last-known is grey, not only the headline's dot.
        assert.equal(await popupFreshness(popup), 'failing');
        const scheme = await popup.evaluate(() => (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
        assert.equal(
          await popup.evaluate(() => getComputedStyle(document.querySelector('.incident .pill')).backgroundColor),
          themeColor('--pill-unknown-bg', scheme),
        );
        assert.match(
          await popup.evaluate(() => document.querySelector('.incident-name').textContent),
          /Elevated errors for multiple models/,
        );

        for (const host of STATUS_HOSTS) d.server.setFault(null, { host });
        await pressRefresh(popup);
        await until(async () => (await popupFreshness(popup)) === 'live', 'healed');
        assert.deepEqual((await d.badge()).color, COLORS.major);
        await popup.close();
      });
    }

    it(`falls back to ${FALLBACK_HOST} and says so when only ${STATUS_HOST} is blocked`, async () => {
      d.server.setFault({ kind: 'challenge' }, { host: STATUS_HOST });
      await clickRefresh(d);
      const popup = await d.openExtensionPage('popup.html');
      const freshness = await until(() => popup.evaluate(() => document.querySelector('.freshness')?.textContent), 'freshness');
      assert.ok(freshness.includes(`via ${FALLBACK_HOST}`), freshness);
      assert.deepEqual((await d.badge()).color, COLORS.major);
      d.server.setFault(null, { host: STATUS_HOST });
      await pressRefresh(popup);
      await until(() => popup.evaluate(() => !document.querySelector('.freshness').textContent.includes('via')), `back on ${STATUS_HOST}`);
      await popup.close();
    });

    if (browserName === 'firefox') {
      it('background suspended while idle (2 s here): nothing lost, no request when it wakes', async () => {
        const idle = await startDriver('firefox', { summary: multipleModels(), firefoxIdleMs: 2_000 });
        try {
          await until(async () => (await idle.badge()).text === 'ALL', 'first poll');
          await new Promise((r) => setTimeout(r, 5_000)); // suspended by now
          idle.server.clearRequests();
          const popup = await idle.openExtensionPage('popup.html');
          assert.match(
            await until(() => popup.evaluate(() => document.querySelector('.incident-name')?.textContent), 'popup from storage'),
            /multiple models/,
          );
          await new Promise((r) => setTimeout(r, 2_000));
          const summaries = idle.server.requests.filter((r) => r.host === STATUS_HOST && r.path === SUMMARY_PATH);
          // Opening the popup wakes the background; the last poll is recent enough that it costs nothing.
          assert.equal(summaries.length, 0);
          assert.equal((await idle.badge()).text, 'ALL');
          await popup.close();
        } finally {
          await idle.close();
        }
      });
    }

    if (browserName === 'chromium') {
      it('back online: the worker polls at once, although a Retry-After still holds its alarms back', async () => {
        const summaryRequests = () => d.server.requests.filter((r) => r.host === STATUS_HOST && r.path === SUMMARY_PATH);
        for (const host of STATUS_HOSTS) d.server.setFault({ kind: 'http', status: 429, retryAfter: 120 }, { host });
        await clickRefresh(d, 30_000);
        assert.deepEqual((await d.badge()).color, COLORS.unknown);
        for (const host of STATUS_HOSTS) d.server.setFault(null, { host });
        d.server.clearRequests();
        // Longer than the gap between two of the three poll alarms: the Retry-After keeps them quiet.
        await new Promise((r) => setTimeout(r, 25_000));
        assert.equal(summaryRequests().length, 0, 'no poll while the Retry-After holds');
        // What the browser does when the network comes back (the worker cannot be taken offline here).
        await d.evalInWorker(() => self.dispatchEvent(new Event('online')));
        const request = await d.server.waitForRequest((r) => r.host === STATUS_HOST && r.path === SUMMARY_PATH && r.status, 5_000);
        assert.ok([200, 304].includes(request.status), `answered ${request.status}`);
        await until(async () => JSON.stringify((await d.badge()).color) === JSON.stringify(COLORS.major), 'the badge live again');
      });

      it('service worker stopped mid-incident: nothing lost, no request on wake, the next poll is a 304', async () => {
        await clickRefresh(d);
        await d.stopServiceWorker();
        assert.equal(d.isServiceWorkerRunning(), false);
        d.server.clearRequests();
        // Storage, not the worker, feeds the popup: it paints the incident while the worker is stopped.
        const popup = await d.openExtensionPage('popup.html');
        assert.match(
          await until(() => popup.evaluate(() => document.querySelector('.incident-name')?.textContent), 'popup from storage'),
          /multiple models/,
        );
        // Opening the popup wakes the worker (its popup-open message); a poll a moment ago means no request.
        await until(() => d.isServiceWorkerRunning(), 'worker woken by the popup');
        await new Promise((r) => setTimeout(r, 2_000));
        const summaryRequests = () => d.server.requests.filter((r) => r.host === STATUS_HOST && r.path === SUMMARY_PATH);
        assert.equal(summaryRequests().length, 0, 'no request on wake');
        assert.equal((await d.badge()).text, 'ALL');
        await popup.close();
        // The alarm survived the stop; its poll carries the stored ETag and gets a 304.
        await d.stopServiceWorker();
        const next = await until(() => summaryRequests()[0], 'the next scheduled poll', 45_000);
        assert.ok(next.ifNoneMatch, 'If-None-Match sent from storage');
        await until(() => summaryRequests()[0]?.status, 'response');
        assert.equal(summaryRequests()[0].status, 304);
        assert.equal((await d.badge()).text, 'ALL');
      });
    }
  });
}
