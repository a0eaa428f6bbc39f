// Issue "Ready for the stores": a popup that answers first. At its real size (400 × 600) during five
// open incidents, the answer and the actions (Refresh, Copy status, Settings) stay on the first
// screen while the incidents scroll beneath them, ordered by severity; the badge-code legend is
// reachable from the header. Registered once per browser.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { clickRefresh, startDriver, until } from './drivers.mjs';
import { artifactPath } from './harness/artifacts.mjs';
import { multipleModels, syntheticReopened } from './payloads.mjs';

/** The real "multiple models" incident and four real backfill incidents reopened: five open, mixed impacts. */
function fiveIncidents() {
  let summary = multipleModels();
  for (const [id, minutesAgo] of [
    ['2pt83vlkk7x7', 2], // minor, the newest
    ['288w7p4hk1l1', 20], // major
    ['9jrp5rtyzrf6', 6], // minor
    ['r1pqn1kb4hvk', 30], // major
  ]) {
    summary = syntheticReopened(summary, id, minutesAgo);
  }
  return summary;
}

const RANK = { critical: 0, major: 1, minor: 2 };

export function popupScenario(browserName) {
  describe(`${browserName}: a popup that answers first`, { timeout: 180_000 }, () => {
    let d;
    let popup;
    before(async () => {
      d = await startDriver(browserName, { summary: fiveIncidents() });
      await until(async () => (await d.badge()).text !== '' && (await d.badge()).text !== '?', 'the first poll', 60_000);
      await clickRefresh(d);
      popup = await d.openExtensionPage('popup.html');
      await d.setViewport(popup, 400, 600);
      await until(() => popup.evaluate(() => document.querySelectorAll('.incident').length === 5), 'five incident cards');
    });
    after(async () => {
      await popup?.close().catch(() => {});
      await d?.close();
    });

    it('at 400 × 600 with five incidents: the page never scrolls, the actions are on the first screen, the incidents scroll beneath', async () => {
      const layout = await popup.evaluate(() => {
        const rect = (s) => document.querySelector(s).getBoundingClientRect();
        const body = document.querySelector('.body');
        return {
          pageScrolls: document.scrollingElement.scrollHeight > window.innerHeight + 1,
          // Anything that escapes the body's scroll box (an absolute element) would make the page scroll.
          escaping: [...document.querySelectorAll('.body *')]
            .filter((e) => e.getBoundingClientRect().bottom > window.innerHeight + 1 && !e.closest('.body').contains(e.offsetParent))
            .map((e) => `${e.tagName}.${e.className}`),
          bodyScrolls: body.scrollHeight > body.clientHeight,
          actions: ['.action.refresh', '.action.copy', '.action.settings'].map((s) => rect(s).bottom),
        };
      });
      await popup.screenshot({ path: artifactPath(`${browserName}-popup-five-incidents`) });
      assert.equal(layout.pageScrolls, false, `the popup page itself must not scroll (escaping the body: ${layout.escaping.join(', ')})`);
      assert.equal(layout.bodyScrolls, true, 'five incidents scroll in the body');
      for (const bottom of layout.actions) assert.ok(bottom > 0 && bottom <= 600, `an action is off the first screen: ${bottom}`);
      // Scrolled to the last incident, the actions are still where they were.
      await popup.evaluate(() => {
        const body = document.querySelector('.body');
        body.scrollTop = body.scrollHeight;
      });
      const after = await popup.evaluate(() => document.querySelector('.action.refresh').getBoundingClientRect().bottom);
      assert.equal(after, layout.actions[0]);
    });

    it('the incidents are ordered by severity, then the newest first', async () => {
      const cards = await popup.evaluate(() =>
        [...document.querySelectorAll('.incident')].map((c) => ({
          level: [...c.classList].find((k) => k.startsWith('level-'))?.slice(6) ?? 'minor',
          name: c.querySelector('.incident-name')?.textContent ?? '',
        })),
      );
      const ranks = cards.map((c) => RANK[c.level]);
      assert.deepEqual(
        ranks,
        [...ranks].sort((a, b) => a - b),
        JSON.stringify(cards),
      );
      assert.ok(cards.filter((c) => c.level === 'major').length >= 3, JSON.stringify(cards));
    });

    it('"Badge codes" in the header opens the legend and takes the reader there, every code explained', async () => {
      await popup.evaluate(() => {
        const body = document.querySelector('.body');
        body.scrollTop = 0;
      });
      const button = await popup.$('header .legend-link');
      assert.ok(button, 'a "Badge codes" control in the header');
      assert.match(await button.evaluate((b) => b.textContent), /Badge codes/);
      await button.click();
      const legend = await until(
        () =>
          popup.evaluate(() => {
            const details = document.getElementById('legend');
            return details?.open && document.activeElement === details.querySelector('summary') && details.textContent;
          }),
        'the legend open and focused',
      );
      for (const code of ['ALL', '2M', 'MNT', 'ERR', '?']) assert.ok(legend.includes(code), `the legend explains ${code}`);
      const inView = await popup.evaluate(() => {
        const r = document.querySelector('#legend summary').getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      });
      assert.equal(inView, true, 'the legend is scrolled into view');
    });
  });
}
