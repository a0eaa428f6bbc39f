// Issue "Tell me once, at the right moment": notifications once per update (also across a stopped
// worker), on resolution; a banner that can be dismissed until the next update, scaled by severity,
// in claude.ai's light and dark themes, clear of the composer and reachable by keyboard.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bannerText, clickRefresh, refreshWithoutPopup, screenshotOf, startDriver, until, waitForBanner } from './drivers.mjs';
import { artifactPath } from './harness/artifacts.mjs';
import { INCIDENTS_PATH, STATUS_HOST, SUMMARY_PATH } from './harness/fake-server.mjs';
import {
  multipleModels,
  operational,
  recovered,
  resolvedList,
  syntheticMaintenance,
  syntheticReopened,
  withNewUpdate,
} from './payloads.mjs';

const notifications = (d) => d.notifications();
const clearNotifications = (d) => d.clearNotifications();
const summaryRequests = (d) => d.server.requests.filter((r) => r.host === STATUS_HOST && r.path === SUMMARY_PATH && r.status);

export function attentionScenario(browserName) {
  describe(`${browserName}: notifications and banner`, { timeout: 240_000 }, () => {
    let d;
    let incident;
    before(async () => {
      d = await startDriver(browserName, { summary: operational() });
      await until(async () => (await d.badge()).title.includes('All systems operational'), 'first poll');
    });
    after(async () => d?.close());

    it('a new incident is notified once; not again after the worker stops, wakes and polls', async () => {
      incident = multipleModels();
      d.server.setSummary(incident);
      await clickRefresh(d);
      assert.deepEqual(await until(async () => (await notifications(d)).length && notifications(d), 'notification'), [
        'cs|7g1qpkyz5gxh|wc6fvw33hdr3',
      ]);
      await clearNotifications(d);
      d.server.clearRequests();
      if (d.stopServiceWorker) await d.stopServiceWorker();
      // The worker's own alarm wakes it and polls (a 304: nothing changed).
      await until(() => summaryRequests(d).length > 0, 'the next scheduled poll', 45_000);
      await new Promise((r) => setTimeout(r, 1_000));
      assert.deepEqual(await notifications(d), []);
    });

    it('each new update is notified once, and marked new in the popup until it is opened', async () => {
      await new Promise((r) => setTimeout(r, 50)); // the update is posted after the popup was last open
      incident = withNewUpdate(incident);
      d.server.setSummary(incident);
      await refreshWithoutPopup(d);
      assert.deepEqual(await until(async () => (await notifications(d)).length && notifications(d), 'update notification'), [
        'cs|7g1qpkyz5gxh|synthupd1',
      ]);
      await clearNotifications(d);

      const popup = await d.openExtensionPage('popup.html');
      const marker = await until(() => popup.evaluate(() => document.querySelector('.unread-total')?.textContent), 'unread marker');
      assert.match(marker, /1 new update/);
      // The full timeline, newest first by display time.
      await popup.evaluate(() => document.querySelector('.timeline summary').click());
      const timeline = await popup.evaluate(() =>
        [...document.querySelectorAll('.timeline li .update-when')].map((e) => e.textContent.split(' · ')[0]),
      );
      assert.deepEqual(timeline, ['Identified', 'Investigating']);
      await screenshotOf(popup, 'body', artifactPath(`${browserName}-popup-unread-timeline`));
      await popup.close();
      const again = await d.openExtensionPage('popup.html');
      await until(() => again.evaluate(() => !!document.querySelector('.incident')), 'popup');
      assert.equal(await again.evaluate(() => document.querySelector('.unread-total') === null), true, 'seen now');
      await again.close();

      await refreshWithoutPopup(d);
      assert.deepEqual(await notifications(d), []);
    });

    it('the banner can be dismissed, stays dismissed across reloads, and comes back on a new update', async () => {
      const claude = await d.openPage('https://claude.ai/');
      await waitForBanner(claude, 'banner');
      const overlaps = await claude.evaluate(() => {
        const bar = document.querySelector('claude-status-banner').shadowRoot.querySelector('.bar').getBoundingClientRect();
        const hit = (el) => {
          const r = document.querySelector(el).getBoundingClientRect();
          return !(r.right <= bar.left || r.left >= bar.right || r.bottom <= bar.top || r.top >= bar.bottom);
        };
        return ['#composer-bar', '#nav-chat', '#nav-new'].filter(hit);
      });
      assert.deepEqual(overlaps, [], "the banner covers none of claude.ai's controls");
      // Keyboard: Tab reaches the banner's link and dismiss button.
      const reached = new Set();
      for (let i = 0; i < 12 && reached.size < 2; i++) {
        await claude.keyboard.press('Tab');
        const active = await claude.evaluate(
          () => document.querySelector('claude-status-banner').shadowRoot.activeElement?.className ?? null,
        );
        if (active) reached.add(active);
      }
      assert.deepEqual([...reached].sort(), ['dismiss', 'link']);
      assert.equal(
        await claude.evaluate(() =>
          document.querySelector('claude-status-banner').shadowRoot.querySelector('[aria-live="polite"]')?.getAttribute('role'),
        ),
        'status',
      );

      await claude.evaluate(() => document.querySelector('claude-status-banner').shadowRoot.querySelector('.dismiss').click());
      await until(async () => (await bannerText(claude)) === null, 'dismissed');
      await claude.reload();
      await until(async () => (await bannerText(claude)) !== 'no-host', 'content script after reload');
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(await bannerText(claude), null, 'still dismissed after reload');

      incident = withNewUpdate(incident, 'synthupd2');
      d.server.setSummary(incident);
      await clickRefresh(d);
      assert.match(await waitForBanner(claude, 'banner back'), /Identified/);
      await claude.close();
    });

    it('resolution is notified once, with the closing words', async () => {
      await clearNotifications(d);
      d.server.setIncidents(resolvedList(incident));
      d.server.setSummary(recovered());
      await clickRefresh(d);
      assert.deepEqual(await until(async () => (await notifications(d)).length && notifications(d), 'resolution'), [
        'cs|7g1qpkyz5gxh|resolved-synthupd2',
      ]);
      const incidentsFetched = d.server.requests.filter((r) => r.path === INCIDENTS_PATH).length;
      assert.ok(incidentsFetched >= 1, 'incidents.json read for the closing update');
      await clearNotifications(d);
      await clickRefresh(d);
      assert.deepEqual(await notifications(d), []);
      assert.equal(
        d.server.requests.filter((r) => r.path === INCIDENTS_PATH).length,
        incidentsFetched,
        'not re-read while nothing changes',
      );
    });

    const severities = [
      ['minor', () => syntheticReopened(operational(), 'db1mh1r2zrn5'), 'quiet'],
      ['major', () => multipleModels(), 'loud'],
      ['critical', () => syntheticReopened(operational(), 'q2kg8n613kr3'), 'loud'],
      ['maintenance', () => syntheticMaintenance(operational()), undefined],
    ];
    for (const [name, payload, kind] of severities) {
      it(`banner for a ${name} incident in light and dark themes`, async () => {
        d.server.setSummary(payload());
        await clickRefresh(d);
        for (const theme of ['light', 'dark']) {
          const claude = await d.openPage(`https://claude.ai/?theme=${theme}`);
          await waitForBanner(claude, `${name} banner`);
          const classes = await claude.evaluate(
            () => document.querySelector('claude-status-banner').shadowRoot.querySelector('.bar').className,
          );
          assert.match(classes, new RegExp(`theme-${theme}`));
          if (kind) assert.match(classes, new RegExp(`\\b${kind}\\b`));
          else assert.match(classes, /\bmaintenance\b/);
          await claude.screenshot({
            path: artifactPath(`${browserName}-banner-${name}-${theme}`),
            clip: { x: 0, y: 0, width: 1280, height: 120 },
          });
          await claude.close();
        }
      });
    }
  });
}
