// Issue "The extension, end to end": operational → incident → recovery → bad input, seen on the
// badge, in the popup and on claude.ai, in one real browser. Registered once per browser.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  COLORS,
  bannerText,
  clickRefresh,
  popupFreshness,
  popupProblem,
  pressRefresh,
  screenshotOf,
  startDriver,
  until,
  waitForBanner,
} from './drivers.mjs';
import { artifactPath } from './harness/artifacts.mjs';
import { STATUS_HOSTS, STATUS_PAGE_ORIGIN } from './harness/fake-server.mjs';
import { multipleModels, operational, recovered, syntheticHostile } from './payloads.mjs';

export function coreScenario(browserName) {
  describe(`${browserName}: the extension end to end`, { timeout: 180_000 }, () => {
    let d;
    let claude;
    before(async () => {
      d = await startDriver(browserName, { summary: operational() });
    });
    after(async () => d?.close());

    it('operational: badge calm and green, no banner on claude.ai', async () => {
      const badge = await until(async () => {
        const b = await d.badge();
        return b.title.includes('All systems operational') && b;
      }, 'the first poll');
      assert.equal(badge.text, '');
      assert.deepEqual(badge.color, COLORS.operational);
      claude = await d.openPage('https://claude.ai/');
      // The content script runs (its host element is there) but shows nothing.
      await until(async () => (await bannerText(claude)) !== 'no-host', 'the content script');
      assert.equal(await bannerText(claude), null);
    });

    it('an incident shows on the badge, on the open claude.ai tab (no reload) and in the popup', async () => {
      d.server.setSummary(multipleModels());
      // No click, no trigger: the extension's own poll alarms pick it up (lib/polling/alarms.ts: three
      // 1-minute alarms 20 s apart, so within about 20 s).
      const badge = await until(
        async () => {
          const b = await d.badge();
          return b.text === 'ALL' && b;
        },
        'badge ALL',
        45_000,
      );
      assert.deepEqual(badge.color, COLORS.major);
      assert.match(badge.title, /Major incident: \u2068?Elevated errors for multiple models\u2069? — Investigating/);
      assert.match(badge.title, /ALL = all or many models are affected/);
      const banner = await waitForBanner(claude, 'the banner');
      assert.match(banner, /Elevated errors for multiple models/);
      assert.match(banner, /Mythos 5\.1, Fable 5\.1, Opus 5/);
      await claude.screenshot({ path: artifactPath(`${browserName}-claude-banner`) });
      // claude.ai navigates in-app; the banner stays.
      await claude.evaluate(() => document.getElementById('nav-chat').click());
      await until(() => claude.evaluate(() => location.pathname === '/chat/abc'), 'in-app navigation');
      assert.match(await bannerText(claude), /Elevated errors for multiple models/);

      const popup = await d.openExtensionPage('popup.html');
      const text = await until(
        () => popup.evaluate(() => document.querySelector('.incident') && document.body.innerText),
        'popup incidents',
      );
      assert.match(text, /Major incident/);
      assert.match(text, /We are investigating elevated errors on requests to Claude Mythos 5\.1, Claude Fable 5\.1, and Claude Opus 5/);
      assert.match(text, /Investigating · started 12 min ago/);
      const href = await popup.evaluate(() => document.querySelector('.incident-name').getAttribute('href'));
      assert.equal(href, `${STATUS_PAGE_ORIGIN}/incidents/7g1qpkyz5gxh`);
      const claudeRow = await popup.evaluate(() => document.querySelector('[data-component-id="rwppv331jlwc"]').textContent);
      assert.equal(claudeRow, 'claude.aiPartial outage');
      await screenshotOf(popup, 'body', artifactPath(`${browserName}-popup-incident`));
      await popup.close();
    });

    it('recovery clears the badge, the banner and the popup', async () => {
      d.server.setSummary(recovered());
      await until(async () => (await d.badge()).text === '', 'badge cleared', 45_000);
      assert.deepEqual((await d.badge()).color, COLORS.operational);
      await until(async () => (await bannerText(claude)) === null, 'banner gone');
      const popup = await d.openExtensionPage('popup.html');
      const text = await until(() => popup.evaluate(() => document.querySelector('.headline')?.textContent), 'popup');
      assert.match(text, /All systems operational/);
      await popup.close();
    });

    it('a challenge page keeps the last good data, greys the badge and says why; the next good answer heals it', async () => {
      d.server.setSummary(multipleModels());
      await clickRefresh(d);
      await until(async () => (await d.badge()).text === 'ALL', 'incident known');
      for (const host of STATUS_HOSTS) d.server.setFault({ kind: 'challenge' }, { host });
      const popup = await d.openExtensionPage('popup.html');
      await pressRefresh(popup);
      const problem = await until(() => popupProblem(popup).then((p) => p?.includes('turned the request away') && p), 'problem shown');
      assert.match(problem, /Technical detail: HTTP 405/);
      assert.match(await popup.evaluate(() => document.querySelector('.freshness').textContent), /Checked just now/);
      const badge = await d.badge();
      assert.deepEqual(badge.color, COLORS.unknown);
      assert.equal(badge.text, 'ALL'); // last known, greyed
      assert.match(badge.title, /HTTP 405/);
      assert.match(await popup.evaluate(() => document.body.innerText), /Elevated errors for multiple models/);
      await screenshotOf(popup, 'body', artifactPath(`${browserName}-popup-blocked`));

      for (const host of STATUS_HOSTS) d.server.setFault(null, { host });
      await pressRefresh(popup);
      await until(async () => (await popupFreshness(popup)) === 'live', 'problem cleared');
      assert.deepEqual((await d.badge()).color, COLORS.major);
      await popup.close();
    });

    it('hostile incident text is shown as inert text', async () => {
      d.server.setSummary(syntheticHostile(multipleModels()));
      await clickRefresh(d);
      await until(async () => (await bannerText(claude))?.includes('<img src=x'), 'hostile name in the banner');
      assert.equal(await claude.evaluate(() => document.querySelector('claude-status-banner').shadowRoot.querySelector('img')), null);
      const popup = await d.openExtensionPage('popup.html');
      const text = await until(() => popup.evaluate(() => document.querySelector('.update-body')?.textContent), 'popup body');
      assert.match(text, /<script>/);
      assert.equal(await popup.evaluate(() => document.querySelectorAll('img, script:not([src]), a[href^="javascript"]').length), 0);
      assert.notEqual(await popup.evaluate(() => document.title), 'pwned');
      await popup.close();
    });
  });
}
