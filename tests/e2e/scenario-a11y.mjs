// Issue "Ready for the stores": accessible and themed. axe-core on the popup (operational, during an
// incident, on last-known data, with the user's own requests failing), the settings page, the
// history page and the claude.ai banner (an incident's, and the purple "failing for you" one), in
// light and dark: no serious or critical violation, and every other one explained below. Also with
// "my models" chosen (a "not your models" card, the model board, what to use instead) and the quiet
// strip. Keyboard: the popup's first focus is its answer, the actions come next, and each stop shows
// a focus ring; an incident card's Mute, Show more and timeline work from the keyboard; the settings
// page is one Tab stop per control, each with a ring, and a model can be added without a mouse.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EVIDENCE_CODE } from '../../lib/verdict/evidence.ts';
import { clickRefresh, followModel, startDriver, until, waitForBanner, badgeIs } from './drivers.mjs';
import { blocking, emulateScheme, firefoxScheme, runAxe } from './harness/axe.mjs';
import { STATUS_HOSTS, loadFixture } from './harness/fake-server.mjs';
import { multipleModels, operational, syntheticWithHaiku, withUpdateSaying } from './payloads.mjs';

/** The focused element: its `data-k` (set by `markFocusables`), and whether it shows a focus ring of at least 2 px. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {
      k: el.dataset?.k ?? null,
      name: (el.labels?.[0]?.textContent ?? el.textContent ?? '').trim().slice(0, 40),
      ring: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2,
    };
  });

/** Presses Tab (or `key`) until `match()` holds in the page, at most `max` times; returns the focused stop, or fails. */
async function tabTo(page, match, what, max = 80, key = 'Tab') {
  const keys = key.split('+'); // Puppeteer (Firefox) has no "Shift+Tab" chords: hold the modifiers
  for (let i = 0; i < max; i++) {
    for (const k of keys.slice(0, -1)) await page.keyboard.down(k);
    await page.keyboard.press(keys.at(-1));
    for (const k of keys.slice(0, -1)) await page.keyboard.up(k);
    const stop = await page.evaluate(match);
    if (stop) return focused(page);
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Violations of impact minor/moderate that are accepted, each with its reason. */
const EXPLAINED = {
  // Extension pages have one landmark-less purpose each; the popup's header/main are landmarks,
  // but axe's best-practice "region" rule also flags text inside the sticky header's list.
  region: 'best-practice only: every piece of content of the popup sits in its header or main landmark already',
};

function check(violations, where) {
  assert.deepEqual(blocking(violations), [], `${where}: serious or critical axe violations`);
  const unexplained = violations.filter((v) => !EXPLAINED[v.id]);
  assert.deepEqual(unexplained, [], `${where}: violations with no explanation in EXPLAINED`);
}

export function a11yScenario(browserName) {
  for (const scheme of ['light', 'dark']) a11yIn(browserName, scheme);
}

function a11yIn(browserName, scheme) {
  // The space bar: Playwright (Chromium) names it, Puppeteer over BiDi (Firefox) takes the character.
  const SPACE = browserName === 'firefox' ? ' ' : 'Space';
  describe(`${browserName}: accessible in ${scheme}`, { timeout: 300_000 }, () => {
    let d;
    before(async () => {
      d = await startDriver(browserName, { summary: operational(), firefoxPrefs: firefoxScheme(scheme) });
      await until(async () => (await d.badge()).title.includes('All systems operational'), 'first poll', 60_000);
    });
    after(async () => d?.close());

    const popupStates = [
      ['operational', async () => {}],
      [
        'incident',
        async () => {
          d.server.setSummary(syntheticWithHaiku(multipleModels()));
          await clickRefresh(d);
        },
      ],
      [
        'last known (blocked)',
        async () => {
          for (const host of STATUS_HOSTS) d.server.setFault({ kind: 'challenge' }, { host });
          await clickRefresh(d);
        },
      ],
    ];
    for (const [state, arrange] of popupStates) {
      it(`popup, ${state}: no serious or critical axe violation`, async () => {
        await arrange();
        const popup = await d.openExtensionPage('popup.html');
        await emulateScheme(popup, scheme);
        await until(() => popup.evaluate(() => !!document.querySelector('.headline')), 'popup');
        check(await runAxe(popup), `popup ${state} ${scheme}`);
        await popup.close();
      });
    }

    it('popup keyboard: first focus on the answer, then Refresh, Copy, Settings, each with a visible focus ring', async () => {
      for (const host of STATUS_HOSTS) d.server.setFault(null, { host });
      await clickRefresh(d);
      const popup = await d.openExtensionPage('popup.html');
      await emulateScheme(popup, scheme);
      await until(() => popup.evaluate(() => document.activeElement?.classList.contains('headline')), 'first focus on the headline');
      const stops = [];
      for (let i = 0; i < 3; i++) {
        await popup.keyboard.press('Tab');
        stops.push(
          await popup.evaluate(() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return { name: el.textContent.trim(), ring: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2 };
          }),
        );
      }
      assert.deepEqual(
        stops.map((s) => s.name),
        ['Refresh', 'Copy status', 'Settings'],
      );
      assert.ok(
        stops.every((s) => s.ring),
        JSON.stringify(stops),
      );
      await popup.close();
    });

    it("popup keyboard: an incident card's Mute, Show more and full timeline work from the keyboard, each with a focus ring", async () => {
      // The real multiple-models incident with a second update (so it has a timeline), long enough to be clamped.
      d.server.setSummary(
        withUpdateSaying(
          syntheticWithHaiku(multipleModels()),
          'We are continuing to investigate elevated errors on several models. '.repeat(5),
          'synthupd1',
        ),
      );
      await clickRefresh(d);
      const popup = await d.openExtensionPage('popup.html');
      await emulateScheme(popup, scheme);
      await until(() => popup.evaluate(() => document.activeElement?.classList.contains('headline')), 'first focus on the headline');
      const card = '[data-incident-id="7g1qpkyz5gxh"]';

      const more = await tabTo(
        popup,
        () => document.activeElement?.matches('[data-incident-id="7g1qpkyz5gxh"] [aria-expanded]'),
        'Show more',
      );
      assert.equal(more.name, 'Show more');
      assert.ok(more.ring, 'Show more has a focus ring');
      await popup.keyboard.press('Enter');
      await until(
        () => popup.evaluate((c) => document.querySelector(`${c} [aria-expanded]`).getAttribute('aria-expanded') === 'true', card),
        'expanded',
      );
      assert.equal(
        await popup.evaluate((c) => document.querySelector(`${c} .latest-update .update-body`).classList.contains('clamped'), card),
        false,
      );

      const mute = await tabTo(popup, () => document.activeElement?.matches('[data-incident-id="7g1qpkyz5gxh"] .mute'), 'Mute');
      assert.ok(mute.ring, 'Mute has a focus ring');
      await popup.keyboard.press(SPACE);
      await until(() => popup.evaluate((c) => document.querySelector(`${c} .mute`).getAttribute('aria-pressed') === 'true', card), 'muted');
      await popup.keyboard.press(SPACE);
      await until(
        () => popup.evaluate((c) => document.querySelector(`${c} .mute`).getAttribute('aria-pressed') === 'false', card),
        'unmuted',
      );

      const timeline = await tabTo(
        popup,
        () => document.activeElement?.matches('[data-incident-id="7g1qpkyz5gxh"] .timeline summary'),
        'the timeline',
      );
      assert.ok(timeline.ring, 'the timeline summary has a focus ring');
      await popup.keyboard.press('Enter');
      await until(() => popup.evaluate((c) => document.querySelector(`${c} .timeline`).open, card), 'timeline open');
      await popup.close();
    });

    it('settings keyboard: one Tab stop per control in page order, each with a focus ring; a model is added without a mouse', async () => {
      const options = await d.openExtensionPage('options.html');
      await emulateScheme(options, scheme);
      await until(() => options.evaluate(() => !!document.querySelector('#model-text')), 'settings');
      const count = await options.evaluate(() => {
        const visible = (el) => el.getClientRects().length > 0 && !el.disabled;
        const all = [
          ...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])'),
        ].filter(visible);
        all.forEach((el, i) => {
          el.dataset.k = String(i);
        });
        return all.length;
      });
      assert.ok(count >= 8, `settings has its controls (${count})`);
      const order = [];
      const rings = [];
      // A time field moves between its own parts on Tab: count each element once, in the order reached.
      for (let presses = 0; presses < count * 4 && order.length < count; presses++) {
        await options.keyboard.press('Tab');
        const stop = await focused(options);
        if (stop.k === null || order.at(-1) === stop.k) continue;
        order.push(stop.k);
        rings.push(stop.ring ? null : stop.name);
      }
      assert.deepEqual(
        order.map(Number),
        Array.from({ length: count }, (_, i) => i),
      );
      assert.deepEqual(
        rings.filter((r) => r !== null),
        [],
        'every stop shows a focus ring',
      );
      // Keyboard only: to the text field, type, Enter.
      await options.evaluate(() => document.activeElement?.blur());
      await tabTo(options, () => document.activeElement?.id === 'model-text', 'the model field');
      await options.keyboard.type('Claude Opus 4.8');
      await options.keyboard.press('Enter');
      await until(
        () => options.evaluate(() => document.querySelector('.saved').textContent.includes('Opus 4.8')),
        'saved from the keyboard',
      );
      // Untick it again from the keyboard, so that the tests after this one see no chosen model.
      await tabTo(options, () => document.activeElement?.matches('input[value="opus-4.8"]'), 'the Opus 4.8 box', 80, 'Shift+Tab');
      await options.keyboard.press(SPACE);
      await until(() => options.evaluate(() => document.querySelector('.saved').textContent === 'Following every incident.'), 'unticked');
      await options.close();
    });

    it('settings page: no serious or critical axe violation', async () => {
      const options = await d.openExtensionPage('options.html');
      await emulateScheme(options, scheme);
      await until(() => options.evaluate(() => !!document.querySelector('h1')), 'settings');
      check(await runAxe(options), `settings ${scheme}`);
      await options.close();
    });

    it('history page: no serious or critical axe violation', async () => {
      d.server.setIncidents(loadFixture('claude-incidents-2026-09-15-backfill.json'));
      const history = await d.openExtensionPage('history.html');
      await emulateScheme(history, scheme);
      // The page fills the archive if it is still empty; wait for its day bars.
      await until(() => history.evaluate(() => document.querySelectorAll('.day-bar').length > 0), 'history bars', 30_000);
      check(await runAxe(history), `history ${scheme}`);
      await history.close();
    });

    it("your own requests failing: the popup's evidence section and the purple banner, no serious or critical axe violation", async () => {
      d.server.setSummary(operational());
      await clickRefresh(d);
      await badgeIs(d, '');
      d.server.setClaudeApi({ kind: 'http', status: 529 });
      const claude = await d.openPage(`https://claude.ai/?theme=${scheme}`);
      await emulateScheme(claude, scheme);
      // claude.ai's own requests, from its tab: 5 failures cross the threshold (≥ 3 and ≥ 50 %).
      await claude.evaluate(() =>
        Promise.all(Array.from({ length: 5 }, () => fetch('/api/organizations/x/chat_conversations').catch(() => null))),
      );
      await badgeIs(d, EVIDENCE_CODE, 20_000);
      await waitForBanner(claude, 'evidence banner');
      check(await runAxe(claude, { include: 'claude-status-banner' }), `evidence banner ${scheme}`);
      const popup = await d.openExtensionPage('popup.html');
      await emulateScheme(popup, scheme);
      await until(() => popup.evaluate(() => !!document.querySelector('.evidence')), 'evidence section');
      check(await runAxe(popup), `popup evidence ${scheme}`);
      await popup.close();
      await claude.close();
      d.server.setClaudeApi({ kind: 'http', status: 200 });
      await d.extensionEval(() => (globalThis.browser ?? globalThis.chrome).storage.local.remove('evidence'));
    });

    it('claude.ai banner: no serious or critical axe violation', async () => {
      d.server.setSummary(syntheticWithHaiku(multipleModels()));
      await clickRefresh(d);
      const claude = await d.openPage(`https://claude.ai/?theme=${scheme}`);
      await emulateScheme(claude, scheme);
      await waitForBanner(claude, 'banner');
      check(await runAxe(claude, { include: 'claude-status-banner' }), `banner ${scheme}`);
      await claude.close();
    });

    it('claude.ai quiet strip (a minor incident, no models chosen): no serious or critical axe violation', async () => {
      d.server.setSummary(syntheticWithHaiku(operational()));
      await clickRefresh(d);
      const claude = await d.openPage(`https://claude.ai/?theme=${scheme}`);
      await emulateScheme(claude, scheme);
      await waitForBanner(claude, 'quiet strip');
      assert.equal(
        await claude.evaluate(() =>
          document.querySelector('claude-status-banner').shadowRoot.querySelector('.bar').classList.contains('quiet'),
        ),
        true,
      );
      check(await runAxe(claude, { include: 'claude-status-banner' }), `quiet strip ${scheme}`);
      await claude.close();
    });

    it('with "my models" chosen: the "not your models" card, the model board and what to use instead, no serious or critical axe violation', async () => {
      await followModel(d, 'Claude Sonnet 4.6', 'Following: Sonnet 4.6');
      d.server.setSummary(syntheticWithHaiku(multipleModels()));
      await clickRefresh(d);
      const popup = await d.openExtensionPage('popup.html');
      await emulateScheme(popup, scheme);
      await until(() => popup.evaluate(() => !!document.querySelector('.not-mine-note')), 'a "not your models" card');
      check(await runAxe(popup), `popup my models ${scheme}`);
      await popup.close();
    });
  });
}
