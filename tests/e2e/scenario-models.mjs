// Issue "Model-aware status": the badge names the models that are down, the popup's model board,
// and "my models" from the settings page deciding what the badge and banner follow. Issue "Never
// calm while my model is down": an exclusion ("all models except …") is every other model's
// incident, and an outage that no incident explains shows whatever models were chosen.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  COLORS,
  badgeIs,
  bannerText,
  clickRefresh,
  followModel,
  popupFreshness,
  popupProblem,
  screenshotOf,
  startDriver,
  until,
  waitForBanner,
} from './drivers.mjs';
import { artifactPath } from './harness/artifacts.mjs';
import { loadFixture } from './harness/fake-server.mjs';
import { multipleModels, operational, syntheticComponentDown, syntheticWithHaiku, withNewUpdate, withUpdateSaying } from './payloads.mjs';

/** Waits long enough for a poll's notifications to have been shown, then reads them. */
async function notificationsAfterPoll(d) {
  await new Promise((r) => setTimeout(r, 1_500));
  return d.notifications();
}

export function modelsScenario(browserName) {
  describe(`${browserName}: model-aware status`, { timeout: 180_000 }, () => {
    let d;
    let claude;
    before(async () => {
      d = await startDriver(browserName, { summary: syntheticWithHaiku(multipleModels()) });
      // incidents.json: the real last-50 list, where settings learns which models exist.
      d.server.setIncidents(loadFixture('claude-incidents-2026-09-15-backfill.json'));
    });
    after(async () => d?.close());

    it('the badge names the worst case; the popup groups the affected models by incident, worst incident first', async () => {
      const badge = await badgeIs(d, 'ALL');
      assert.deepEqual(badge.color, COLORS.major);
      assert.match(badge.title, /Elevated errors on Haiku 4\.5/);
      const popup = await d.openExtensionPage('popup.html');
      const cards = await until(
        () =>
          popup.evaluate(() => {
            const c = [...document.querySelectorAll('.incident')];
            return (
              c.length === 2 &&
              c.map((e) => `${e.dataset.incidentId}: ${[...e.querySelectorAll('.model-chip')].map((m) => m.dataset.model).join(' ')}`)
            );
          }),
        'incident cards with model chips',
      );
      assert.deepEqual(cards, [
        // Major first (severity before recency), although the minor Haiku one opened later.
        '7g1qpkyz5gxh: multiple mythos-5.1 fable-5.1 opus-5',
        'db1mh1r2zrn5: haiku-4.5',
      ]);
      // No incident title repeated per model, and one link per incident.
      const links = await popup.evaluate(() => [...document.querySelectorAll('a[href*="/incidents/"]')].map((a) => a.getAttribute('href')));
      assert.equal(new Set(links).size, links.length);
      assert.match(
        await popup.evaluate(() => document.querySelector('[data-incident-id="db1mh1r2zrn5"] .incident-meta').textContent),
        /started 4 min ago/,
      );
      await screenshotOf(popup, 'body', artifactPath(`${browserName}-popup-models`));
      await popup.close();
    });

    it('settings offers the models recent incidents named, and takes free text', async () => {
      const options = await d.openExtensionPage('options.html');
      // Learned from incidents.json (Opus 4.8 appears only there) and from the open incidents.
      const offered = await until(
        () =>
          options.evaluate(() => {
            const keys = [...document.querySelectorAll('input[name=model]')].map((i) => i.value);
            return keys.includes('opus-4.8') && keys;
          }),
        'models learned from incidents.json',
      );
      assert.ok(offered.includes('haiku-4.5') && offered.includes('mythos-5.1'));
      assert.ok(!offered.some((k) => /code|cowork|api|console/.test(k)), `no product names: ${offered}`);
      await options.evaluate(() => {
        const input = document.querySelector('#model-text');
        input.value = 'claude sonnet 4.6';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await options.evaluate(() => document.querySelector('.add-model button').click());
      await until(() => options.evaluate(() => document.querySelector('.saved').textContent === 'Following: Sonnet 4.6'), 'saved');
      await screenshotOf(options, 'main', artifactPath(`${browserName}-options`));
      await options.close();
    });

    it('with a model that is not affected, "multiple models" still counts and Haiku 4.5 is not mine', async () => {
      await badgeIs(d, 'ALL');
      claude = await d.openPage('https://claude.ai/');
      assert.match(await waitForBanner(claude, 'banner'), /Elevated errors for multiple models/);
      const popup = await d.openExtensionPage('popup.html');
      const note = await until(
        () => popup.evaluate(() => document.querySelector('[data-incident-id="db1mh1r2zrn5"] .not-mine-note')?.textContent),
        'not-mine note',
      );
      assert.match(note, /not your models/);
      await popup.close();
    });

    it('a single-model incident about a model I do not use leaves the badge calm and claude.ai quiet', async () => {
      d.server.setSummary(syntheticWithHaiku(operational()));
      await clickRefresh(d);
      const badge = await badgeIs(d, '');
      assert.match(badge.title, /Elevated errors on Haiku 4\.5.*\(not your models\)|\(not your models\): Elevated errors on Haiku 4\.5/);
      await until(async () => (await bannerText(claude)) === null, 'banner gone');
    });

    it('choosing Haiku 4.5 makes the badge and the banner name it', async () => {
      const options = await d.openExtensionPage('options.html');
      await until(() => options.evaluate(() => !!document.querySelector('input[value="haiku-4.5"]')), 'haiku offered');
      await options.evaluate(() => document.querySelector('input[value="haiku-4.5"]').click());
      const badge = await badgeIs(d, 'H4.5');
      assert.deepEqual(badge.color, COLORS.minor);
      assert.match(await waitForBanner(claude, 'banner back'), /Minor incident:Elevated errors on Haiku 4\.5/);
      await options.close();
    });
  });

  describe(`${browserName}: "all models except …", and outages no incident explains`, { timeout: 180_000 }, () => {
    let d;
    let claude;
    let incident;
    before(async () => {
      d = await startDriver(browserName, { summary: operational() });
      await until(async () => (await d.badge()).title.includes('All systems operational'), 'first poll', 60_000);
      await followModel(d, 'Claude Haiku 4.5', 'Following: Haiku 4.5');
      claude = await d.openPage('https://claude.ai/');
    });
    after(async () => d?.close());

    it('an update saying "all models except Claude Haiku 4.5" leaves a user of Haiku 4.5 alone: calm badge, no banner, no notification', async () => {
      // Synthetic: the real multiple-models incident, then an update in the page's style that excludes Haiku 4.5.
      incident = withUpdateSaying(multipleModels(), 'We are seeing elevated errors on all models except Claude Haiku 4.5.');
      d.server.setSummary(incident);
      await clickRefresh(d);
      const badge = await until(async () => {
        const b = await d.badge();
        return b.title.includes('Elevated errors for multiple models') && b;
      }, 'the incident read');
      assert.equal(badge.text, '');
      assert.match(badge.title, /not your models/);
      assert.match(badge.title, /all models except Haiku 4\.5/);
      assert.deepEqual(await notificationsAfterPoll(d), []);
      await claude.reload();
      await new Promise((r) => setTimeout(r, 1_000));
      assert.equal(await bannerText(claude), null);
    });

    it('the same incident is theirs once they also use Sonnet 4.6: badge, banner, and its next update notified', async () => {
      await followModel(d, 'Claude Sonnet 4.6', 'Following: Haiku 4.5, Sonnet 4.6');
      const badge = await badgeIs(d, 'ALL');
      assert.deepEqual(badge.color, COLORS.major);
      assert.match(badge.title, /all models except Haiku 4\.5/);
      assert.doesNotMatch(badge.title, /not your models/);
      assert.match(await waitForBanner(claude, 'banner for a user of Sonnet 4.6'), /Elevated errors for multiple models/);
      await screenshotOf(claude, 'body', artifactPath(`${browserName}-banner-exclusion`));

      await notificationsAfterPoll(d);
      await d.clearNotifications();
      incident = withNewUpdate(incident, 'synthupd2');
      d.server.setSummary(incident);
      await clickRefresh(d);
      assert.deepEqual(await until(async () => (await d.notifications()).length && d.notifications(), 'update notification'), [
        'cs|7g1qpkyz5gxh|synthupd2',
      ]);
      await d.clearNotifications();
    });

    for (const [status, color] of [
      ['partial_outage', 'minor'],
      ['major_outage', 'major'],
    ]) {
      it(`claude.ai in ${status} with no incident about it shows on the badge and in the popup, whatever models were chosen`, async () => {
        d.server.setSummary(syntheticComponentDown(operational(), status));
        await clickRefresh(d);
        const badge = await badgeIs(d, 'WEB');
        assert.deepEqual(badge.color, COLORS[color]);
        assert.match(badge.title, /WEB = claude\.ai is affected/);
        const popup = await d.openExtensionPage('popup.html');
        const headline = await until(() => popup.evaluate(() => document.querySelector('.headline')?.textContent), 'popup headline');
        assert.equal(headline, status === 'major_outage' ? 'Major outage: claude.ai' : 'Partial outage: claude.ai');
        assert.match(await popupProblem(popup), /posted no incident about it yet/);
        assert.equal(await popupFreshness(popup), 'live');
        if (status === 'major_outage') await screenshotOf(popup, 'body', artifactPath(`${browserName}-popup-unexplained-outage`));
        await popup.close();
      });
    }
  });
}
