// Store assets: 1280×800 screenshots (the size both stores take) of the popup during an incident,
// the popup following the user's own models, the claude.ai banner and the settings page, in light
// and dark, written to tests/e2e/artifacts/store/. Each is checked for what it must show, so a
// broken page never becomes a store image.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { clickRefresh, startDriver, until, waitForBanner, badgeIs } from './drivers.mjs';
import { ARTIFACTS_DIR } from './harness/artifacts.mjs';
import { emulateScheme, firefoxScheme } from './harness/axe.mjs';
import { multipleModels, syntheticWithHaiku } from './payloads.mjs';

const STORE_DIR = path.join(ARTIFACTS_DIR, 'store');
const SIZE = { width: 1280, height: 800 };

/** Shows an extension page (the popup is 400 px wide) as a card on a backdrop, with a caption. */
async function stage(page, caption, scheme) {
  await page.evaluate(
    ({ caption, dark }) => {
      const html = document.documentElement;
      html.style.background = dark ? '#121212' : '#ece9e1';
      html.style.minHeight = '100%';
      const body = document.body;
      body.style.margin = '60px 0 0 640px';
      body.style.borderRadius = '12px';
      body.style.overflow = 'hidden';
      body.style.boxShadow = '0 12px 48px rgb(0 0 0 / 0.35)';
      const note = document.createElement('div');
      note.textContent = caption;
      note.style.cssText = `position:fixed;left:80px;top:300px;width:460px;font:600 34px/1.25 system-ui,sans-serif;color:${dark ? '#f5f4ef' : '#1f2328'}`;
      html.append(note);
    },
    { caption, dark: scheme === 'dark' },
  );
}

export function storeScenario(browserName) {
  for (const scheme of ['light', 'dark']) storeIn(browserName, scheme);
}

function storeIn(browserName, scheme) {
  describe(`${browserName}: store screenshots (1280×800, ${scheme})`, { timeout: 240_000 }, () => {
    let d;
    before(async () => {
      fs.mkdirSync(STORE_DIR, { recursive: true });
      d = await startDriver(browserName, {
        summary: syntheticWithHaiku(multipleModels()),
        viewport: SIZE,
        firefoxPrefs: firefoxScheme(scheme),
      });
      await badgeIs(d, 'ALL', 60_000);
    });
    after(async () => d?.close());

    const shot = async (page, name) => {
      const file = path.join(STORE_DIR, `${browserName}-${name}-${scheme}.png`);
      await page.screenshot({ path: file });
      assert.ok(fs.statSync(file).size > 20_000, `${name} is a real picture`);
      // The size both stores take: the PNG header's width and height (IHDR, bytes 16–23).
      const png = fs.readFileSync(file);
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1280, 800], `${name} is 1280×800`);
    };

    it('popup during an incident', async () => {
      const popup = await d.openExtensionPage('popup.html');
      await d.setViewport(popup, SIZE.width, SIZE.height);
      await emulateScheme(popup, scheme);
      await until(() => popup.evaluate(() => document.querySelectorAll('.incident').length === 2), 'incidents');
      await stage(popup, 'Is my model down? The answer first: which models, since when, the latest word.', scheme);
      await shot(popup, 'popup-incident');
      await popup.close();
    });

    it('claude.ai banner', async () => {
      const claude = await d.openPage(`https://claude.ai/?theme=${scheme}`);
      await d.setViewport(claude, SIZE.width, SIZE.height);
      await waitForBanner(claude, 'banner');
      await shot(claude, 'banner');
      await claude.close();
    });

    it('settings', async () => {
      const options = await d.openExtensionPage('options.html');
      await d.setViewport(options, SIZE.width, SIZE.height);
      await emulateScheme(options, scheme);
      await until(() => options.evaluate(() => document.querySelectorAll('input[name=model]').length > 0), 'models offered');
      await shot(options, 'settings');
      await options.close();
    });

    it('popup following my models (the model board)', async () => {
      const options = await d.openExtensionPage('options.html');
      await until(() => options.evaluate(() => !!document.querySelector('input[value="haiku-4.5"]')), 'haiku offered');
      await options.evaluate(() => document.querySelector('input[value="haiku-4.5"]').click());
      await badgeIs(d, 'H4.5');
      await options.close();
      await clickRefresh(d);
      const popup = await d.openExtensionPage('popup.html');
      await d.setViewport(popup, SIZE.width, SIZE.height);
      await emulateScheme(popup, scheme);
      const headline = await until(() => popup.evaluate(() => document.querySelector('.headline')?.textContent), 'headline');
      assert.match(headline, /your models \(Haiku 4\.5\)/);
      await stage(popup, 'Follow your own models: the badge names yours (H4.5), the rest stays quiet.', scheme);
      await shot(popup, 'popup-my-models');
      await popup.close();
    });
  });
}
