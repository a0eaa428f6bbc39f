// Issue 10 "What can I use instead?", end to end: working models in the popup, the badge tooltip
// and the claude.ai banner; "switching models may not help" for the real multiple-models incident;
// the surface line while claude.ai is down and the API is up; OpenAI turned on from Settings (its
// host permission asked for in the click), shown from the fake status.openai.com, revoked, and
// turned off (no request after that); GitHub Copilot and Google Gemini turned on, each read from its
// own page; and the banner that reads the model picked on claude.ai.
//
// Permissions: Firefox runs the real optional-permission flow, its prompt answered "allow" by the
// pref extensions.webextOptionalPermissionPrompts=false (a real click is still needed: Firefox
// refuses permissions.request outside a user gesture). Chromium's prompt cannot be clicked by any
// automation, so its E2E build lists the provider hosts as granted (wxt.config.ts,
// grantProvidersForE2e); revoking and restoring go through chrome://extensions, as a user would.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PROVIDERS_ALARM } from '../../lib/polling/alarms.ts';
import { clickRefresh, screenshotOf, startDriver, until, waitForBanner } from './drivers.mjs';
import { artifactPath } from './harness/artifacts.mjs';
import { loadFixture } from './harness/fake-server.mjs';
import './harness/load-ts.mjs';
import {
  githubWithCopilot,
  googleGeminiOutage,
  googleGeminiResolved,
  multipleModels,
  openaiOperational,
  openaiTwoIncidents,
  operational,
  syntheticClaudeAiDown,
  syntheticWithHaiku,
} from './payloads.mjs';

// OpenAI as the extension knows it (catalog.ts imports origins.ts: loaded after load-ts.mjs's hook).
const { PROVIDER_INFO } = await import('../../lib/providers/catalog.ts');
const OPENAI_ENDPOINT = new URL(PROVIDER_INFO.openai.endpoint);
/** The host its status is read from, and the path of the JSON the extension reads there. */
const OPENAI = OPENAI_ENDPOINT.host;
const OPENAI_SUMMARY = OPENAI_ENDPOINT.pathname;
/** The host permission turning OpenAI on asks for. */
const OPENAI_ORIGIN = PROVIDER_INFO.openai.origins[0];
/** Unicode isolation marks (FSI … PDI) around page text inside our sentences: invisible, but in textContent. */
const plain = (text) => (text ?? '').replace(/[\u2066-\u2069]/g, '');
const HAIKU_WORKING = 'Working now: Sonnet 5, Sonnet 4.6, Opus 5, and Opus 4.8.';

/** The popup's "What you can use instead" lines, once it shows them. */
function insteadLines(popup, what) {
  return until(
    () =>
      popup.evaluate(() => [...document.querySelectorAll('.instead li')].map((li) => li.textContent)).then((l) => l.length && l.map(plain)),
    what,
    30_000,
  );
}

/** The popup's row for a provider: level, words, age, problem, incidents. */
function providerRow(popup, id) {
  return popup.evaluate((p) => {
    const row = document.querySelector(`.provider[data-provider="${p}"]`);
    if (!row) return null;
    return {
      level: row.dataset.level,
      text: row.querySelector('.provider-row').textContent,
      problem: row.querySelector('.provider-problem')?.textContent ?? '',
      dot: getComputedStyle(row.querySelector('.dot')).backgroundColor,
    };
  }, id);
}

async function badgeTitleWith(d, pattern, what) {
  return until(
    async () => {
      const b = await d.badge();
      return pattern.test(plain(b.title)) && b;
    },
    what,
    45_000,
  );
}

/** The banner's kind and its "instead" part, from its (open, E2E-build) shadow root. */
function bannerState(page) {
  return page.evaluate(() => {
    const bar = document.querySelector('claude-status-banner')?.shadowRoot?.querySelector('.bar');
    if (!bar) return null;
    const instead = bar.querySelector('.instead');
    return { kind: bar.dataset.kind, instead: instead?.textContent ?? '', inUse: instead?.dataset.inUse ?? null, text: bar.textContent };
  });
}

function waitForBannerState(page, check, what) {
  return until(
    async () => {
      const s = await bannerState(page);
      return s && check(s) && s;
    },
    what,
    20_000,
  );
}

const storage = (d, key) =>
  d.extensionEval(async (k) => (await (globalThis.browser ?? globalThis.chrome).storage[k === 'prefs' ? 'sync' : 'local'].get(k))[k], key);

/** Fires one of the extension's alarms now (as the browser would when it is due). */
const fireAlarm = (d, name) =>
  d.extensionEval((n) => (globalThis.browser ?? globalThis.chrome).alarms.create(n, { when: Date.now() + 50 }), name);

/** Screenshot of one element wherever it is (the popup's body and the settings page scroll): each driver's own element shot. */
async function shoot(page, selector, name) {
  const path = artifactPath(name);
  if (name.startsWith('chromium')) await page.locator(selector).screenshot({ path });
  else await (await page.$(selector)).screenshot({ path });
}

/** Makes a provider due now, as if its interval had passed (the background re-reads the schedule from storage). */
const makeDue = (d, id = 'openai') =>
  d.extensionEval(async (p) => {
    const api = globalThis.browser ?? globalThis.chrome;
    const { providers } = await api.storage.local.get('providers');
    await api.storage.local.set({ providers: { ...providers, [p]: { ...providers[p], retryAt: 0 } } });
  }, id);

const openaiRequests = (d) => d.server.requests.filter((r) => r.host === OPENAI).length;

/** Where the extension reads GitHub Copilot and Google Gemini. */
const GITHUB_ENDPOINT = new URL(PROVIDER_INFO['github-copilot'].endpoint);
const GOOGLE_ENDPOINT = new URL(PROVIDER_INFO['google-gemini'].endpoint);

/**
 * Turns a provider on or off in Settings with a real click (on asks for its host in that click),
 * once Settings shows it in the other state, and waits until the setting is stored.
 */
async function switchProvider(d, id, on) {
  const options = await d.openExtensionPage('options.html');
  await until(
    () => options.evaluate((p) => document.querySelector(`input[name=provider][value="${p}"]`)?.checked, id).then((c) => c === !on),
    `${id} shown ${on ? 'off' : 'on'}`,
  );
  await options.click(`input[name=provider][value="${id}"]`);
  await until(async () => ((await storage(d, 'prefs'))?.providers ?? []).includes(id) === on, `${id} ${on ? 'on' : 'off'}`);
  await options.close();
}

export function alternativesScenario(browserName) {
  describe(`${browserName}: what can I use instead`, { timeout: 420_000 }, () => {
    let d;
    before(async () => {
      d = await startDriver(browserName, {
        summary: syntheticWithHaiku(operational()),
        firefoxPrefs: { 'extensions.webextOptionalPermissionPrompts': false },
      });
      // incidents.json: the real last-50 list, from which the extension learns which models exist.
      d.server.setIncidents(loadFixture('claude-incidents-2026-09-15-backfill.json'));
      d.server.setHostJson(OPENAI, OPENAI_SUMMARY, openaiOperational());
      // As opening Settings does. Asked until stored, so the test never depends on the order of the
      // worker's first start (its install fill and first poll) and this message; writes to the models
      // offered are serialized (worker.ts rememberModels), so once stored they stay.
      await until(async () => {
        await d.extensionEval(() => (globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'learn-models' }));
        return (await storage(d, 'seenModels'))?.keys?.includes('sonnet-4.6');
      }, 'models learned from incidents.json');
    });
    after(async () => d?.close());

    it('a single-model incident (the real Haiku 4.5 one): working models in the popup, the tooltip and the banner', async () => {
      await clickRefresh(d); // the tooltip is written at each poll: now with the learned models
      const badge = await badgeTitleWith(d, /Instead: Working now/, 'the tooltip line');
      assert.equal(badge.text, 'H4.5');
      assert.match(plain(badge.title), /^Instead: Working now: Sonnet 5, Sonnet 4\.6, and Opus 5\.$/m);
      const popup = await d.openExtensionPage('popup.html');
      assert.deepEqual(await insteadLines(popup, 'the instead block'), [HAIKU_WORKING]);
      // At the top of the body, before the incident it is about.
      assert.equal(await popup.evaluate(() => document.querySelector('.body').firstElementChild.className), 'instead');
      await screenshotOf(popup, 'body', artifactPath(`${browserName}-popup-instead-models`));
      await popup.close();
      const claude = await d.openPage('https://claude.ai/');
      const banner = await waitForBannerState(claude, (s) => s.instead, 'the banner with working models');
      assert.equal(banner.kind, 'quiet'); // minor, and no model chosen or read from the page
      assert.equal(banner.instead, 'Working: Sonnet 5, Sonnet 4.6');
      await claude.screenshot({ path: artifactPath(`${browserName}-banner-instead-models`) });
      await claude.close();
    });

    it('the real "multiple models" incident: switching models may not help', async () => {
      d.server.setSummary(multipleModels());
      await clickRefresh(d);
      const badge = await badgeTitleWith(d, /Instead: Switching models/, 'the tooltip line for a broad incident');
      assert.match(plain(badge.title), /^Instead: Switching models may not help: this incident is about multiple models\.$/m);
      const popup = await d.openExtensionPage('popup.html');
      assert.deepEqual(await insteadLines(popup, 'may not help'), [
        'Switching models may not help: this incident is about multiple models.',
      ]);
      await popup.close();
      const claude = await d.openPage('https://claude.ai/');
      const banner = await waitForBannerState(claude, (s) => s.instead, 'the banner part');
      assert.equal(banner.kind, 'loud');
      assert.equal(banner.instead, 'Switching models may not help');
      await claude.close();
    });

    it('claude.ai down with the API up (a real claude.ai incident): the surface line', async () => {
      d.server.setSummary(syntheticClaudeAiDown(operational()));
      await clickRefresh(d);
      const line = 'Problems with claude.ai; the API is working: Claude Code and API clients are unaffected.';
      const badge = await badgeTitleWith(d, /Instead: Problems with claude\.ai/, 'the surface line in the tooltip');
      assert.ok(plain(badge.title).split('\n').includes(`Instead: ${line}`), badge.title);
      const popup = await d.openExtensionPage('popup.html');
      assert.deepEqual(await insteadLines(popup, 'the surface line'), [line]);
      await screenshotOf(popup, 'body', artifactPath(`${browserName}-popup-instead-surface`));
      await popup.close();
    });

    it('turning OpenAI on in Settings asks for its host in the click, then shows its status and says it is operational', async () => {
      assert.equal(await storage(d, 'providers'), undefined, 'nothing stored while every provider is off');
      assert.equal(openaiRequests(d), 0, 'no request while off');
      const options = await d.openExtensionPage('options.html');
      await until(() => options.evaluate(() => !!document.querySelector('input[name=provider][value=openai]')), 'the providers section');
      assert.equal(await options.evaluate(() => document.querySelector('input[value=openai]').checked), false, 'off by default');
      assert.match(
        await options.evaluate(() => document.querySelector('[data-provider=openai] .hint').textContent),
        /^Reads the ChatGPT and API components from status\.openai\.com\/api\/v2\/summary\.json every 5 min\.$/,
      );
      await options.click('input[name=provider][value=openai]'); // a real click: the permission request needs it
      await until(async () => (await storage(d, 'prefs'))?.providers?.includes('openai'), 'OpenAI turned on');
      assert.equal(
        await d.extensionEval((o) => (globalThis.browser ?? globalThis.chrome).permissions.contains({ origins: [o] }), OPENAI_ORIGIN),
        true,
      );
      await d.server.waitForRequest((r) => r.host === OPENAI && r.path === OPENAI_SUMMARY && r.status === 200, 20_000);
      assert.equal(await options.evaluate(() => document.querySelector('#provider-openai-error').textContent), '');
      await shoot(options, '.provider-choices', `${browserName}-options-providers`);
      await options.close();
      const popup = await d.openExtensionPage('popup.html');
      const row = await until(async () => {
        const r = await providerRow(popup, 'openai');
        return r?.level === 'operational' && r;
      }, 'OpenAI operational in the popup');
      assert.match(row.text, /OpenAI\s*Operational\s*checked (just now|\d+ sec\. ago)/);
      assert.equal(row.problem, '');
      const lines = await until(async () => {
        const l = await insteadLines(popup, 'the instead block');
        return l.length === 2 && l;
      }, 'the providers sentence');
      assert.equal(lines[1], 'OpenAI is operational.');
      // The tooltip too, rewritten when the provider's status was stored.
      const badge = await badgeTitleWith(d, /OpenAI is operational\./, 'the providers sentence in the tooltip');
      assert.ok(
        plain(badge.title)
          .split('\n')
          .includes(`Instead: ${lines.join(' ')}`),
        badge.title,
      );
      await screenshotOf(popup, 'body', artifactPath(`${browserName}-popup-providers`));
      await shoot(popup, 'section[aria-labelledby="providers-h"]', `${browserName}-popup-providers-section`);
      await popup.close();
    });

    it('an OpenAI incident (the real two-incident capture): degraded, titles linked to its page, no longer offered', async () => {
      d.server.setHostJson(OPENAI, OPENAI_SUMMARY, openaiTwoIncidents());
      await makeDue(d);
      await fireAlarm(d, PROVIDERS_ALARM);
      const popup = await d.openExtensionPage('popup.html');
      const row = await until(
        async () => {
          const r = await providerRow(popup, 'openai');
          return r?.level === 'degraded' && r;
        },
        'OpenAI degraded in the popup',
        20_000,
      );
      assert.match(row.text, /OpenAI\s*Degraded/);
      const links = await popup.evaluate(() =>
        [...document.querySelectorAll('[data-provider=openai] .provider-incidents a')].map((a) => ({ href: a.href, text: a.textContent })),
      );
      assert.equal(links.length, 2);
      for (const link of links) {
        assert.match(link.href, /^https:\/\/status\.openai\.com\/incidents\/[0-9A-Z]{26}$/);
        assert.ok(link.text.length > 0);
      }
      assert.equal(await popup.evaluate(() => document.querySelectorAll('[data-provider=openai] .provider-incidents bdi').length), 2);
      assert.deepEqual(await insteadLines(popup, 'the instead block'), [
        'Problems with claude.ai; the API is working: Claude Code and API clients are unaffected.',
      ]);
      await shoot(popup, 'section[aria-labelledby="providers-h"]', `${browserName}-popup-provider-incidents`);
      await popup.close();
      d.server.setHostJson(OPENAI, OPENAI_SUMMARY, openaiOperational());
    });

    it('a revoked host permission shows as missing (grey, never green) and stops the requests at once', async () => {
      if (browserName === 'chromium') {
        // The user takes the site access away in chrome://extensions.
        const id = await d.extensionEval(() => chrome.runtime.id);
        const page = await d.openPage('chrome://extensions/');
        await page.evaluate(({ ext, o }) => chrome.developerPrivate.removeHostPermission(ext, o), { ext: id, o: OPENAI_ORIGIN });
        await page.close();
      } else {
        // As about:addons' permission toggle does.
        await d.extensionEval((o) => browser.permissions.remove({ origins: [o] }), OPENAI_ORIGIN);
      }
      const popup = await d.openExtensionPage('popup.html');
      const row = await until(async () => {
        const r = await providerRow(popup, 'openai');
        return r?.problem && r;
      }, 'the permission problem');
      assert.equal(row.level, 'unknown');
      assert.match(
        row.problem,
        /^Claude Status may no longer read status\.openai\.com\. Turn OpenAI off and on again in Settings to allow it\.$/,
      );
      assert.deepEqual(plain(await popup.evaluate(() => document.querySelector('.instead').textContent)).includes('OpenAI'), false);
      await shoot(popup, 'section[aria-labelledby="providers-h"]', `${browserName}-popup-provider-permission`);
      await popup.close();
      // Due again and the alarm fires: still no request.
      const before = openaiRequests(d);
      await makeDue(d);
      await fireAlarm(d, PROVIDERS_ALARM);
      await new Promise((r) => setTimeout(r, 3_000));
      assert.equal(openaiRequests(d), before);

      // Allowed again: Chromium through chrome://extensions; Firefox by turning it off and on in Settings.
      if (browserName === 'chromium') {
        const id = await d.extensionEval(() => chrome.runtime.id);
        const page = await d.openPage('chrome://extensions/');
        await page.evaluate(({ ext, o }) => chrome.developerPrivate.addHostPermission(ext, o), { ext: id, o: OPENAI_ORIGIN });
        await page.close();
      } else {
        await switchProvider(d, 'openai', false);
        await switchProvider(d, 'openai', true);
      }
      await until(async () => (await storage(d, 'providers'))?.openai?.problem === null, 'OpenAI read again', 20_000);
      assert.ok(openaiRequests(d) > before);
    });

    it('turning OpenAI off stops its polling: no alarm, no state, no request', async () => {
      // While on, a due poll makes a request.
      d.server.clearRequests();
      await makeDue(d);
      await fireAlarm(d, PROVIDERS_ALARM);
      await d.server.waitForRequest((r) => r.host === OPENAI, 15_000);
      await switchProvider(d, 'openai', false);
      await until(async () => (await storage(d, 'prefs'))?.providers?.length === 0, 'OpenAI turned off');
      await until(async () => JSON.stringify(await storage(d, 'providers')) === '{}', 'its state dropped');
      assert.equal(await d.extensionEval((n) => (globalThis.browser ?? globalThis.chrome).alarms.get(n), PROVIDERS_ALARM), undefined);
      if (browserName === 'firefox') {
        // Firefox gives the optional host back (Chromium's E2E build holds it as required).
        assert.equal(await d.extensionEval((o) => browser.permissions.contains({ origins: [o] }), OPENAI_ORIGIN), false);
      }
      d.server.clearRequests();
      await fireAlarm(d, PROVIDERS_ALARM); // an alarm the browser had already queued
      await clickRefresh(d);
      await new Promise((r) => setTimeout(r, 3_000));
      assert.equal(openaiRequests(d), 0);
      const popup = await d.openExtensionPage('popup.html');
      await until(() => popup.evaluate(() => document.querySelectorAll('.instead li').length === 1), 'the instead block without providers');
      assert.equal(await popup.evaluate(() => document.querySelector('.providers')), null);
      await popup.close();
    });

    it('GitHub Copilot and Google Gemini, turned on: each read from its own page; a problem shown with its incident, then "operational" offered instead', async () => {
      d.server.setHostJson(GITHUB_ENDPOINT.host, GITHUB_ENDPOINT.pathname, githubWithCopilot('degraded_performance'));
      d.server.setHostJson(GOOGLE_ENDPOINT.host, GOOGLE_ENDPOINT.pathname, googleGeminiOutage());
      d.server.setSummary(syntheticClaudeAiDown(operational()));
      await clickRefresh(d);
      d.server.clearRequests();
      await switchProvider(d, 'github-copilot', true);
      await switchProvider(d, 'google-gemini', true);
      for (const { host, pathname } of [GITHUB_ENDPOINT, GOOGLE_ENDPOINT]) {
        await d.server.waitForRequest((r) => r.host === host && r.path === pathname && r.status === 200, 20_000);
      }
      assert.equal(openaiRequests(d), 0, 'OpenAI stays off');
      const popup = await d.openExtensionPage('popup.html');
      const [copilot, gemini] = await until(async () => {
        const rows = [await providerRow(popup, 'github-copilot'), await providerRow(popup, 'google-gemini')];
        return rows[0]?.level === 'degraded' && rows[1]?.level === 'outage' && rows;
      }, 'Copilot degraded and Gemini in outage in the popup');
      assert.match(copilot.text, /GitHub Copilot\s*Degraded/);
      assert.match(gemini.text, /Google Gemini\s*Outage/);
      const geminiLinks = await popup.evaluate(() =>
        [...document.querySelectorAll('[data-provider="google-gemini"] .provider-incidents a')].map((a) => a.href),
      );
      assert.deepEqual(geminiLinks, ['https://status.cloud.google.com/incidents/41E5S3mkTGDfkZuJZH5k']);
      assert.match(
        await popup.evaluate(() => document.querySelector('[data-provider="google-gemini"] .provider-incidents').textContent),
        /started 2[45] min ago/,
      );
      // Neither is offered as an alternative while it has a problem.
      assert.equal(plain(await popup.evaluate(() => document.querySelector('.instead').textContent)).includes('operational'), false);
      await shoot(popup, 'section[aria-labelledby="providers-h"]', `${browserName}-popup-providers-copilot-gemini`);
      await popup.close();

      // Both recover: the next reads say so, and the answer offers them.
      d.server.setHostJson(GITHUB_ENDPOINT.host, GITHUB_ENDPOINT.pathname, githubWithCopilot('operational'));
      d.server.setHostJson(GOOGLE_ENDPOINT.host, GOOGLE_ENDPOINT.pathname, googleGeminiResolved());
      await makeDue(d, 'github-copilot');
      await makeDue(d, 'google-gemini');
      await fireAlarm(d, PROVIDERS_ALARM);
      const again = await d.openExtensionPage('popup.html');
      const lines = await until(
        async () => {
          const l = await insteadLines(again, 'the instead block');
          return l.some((line) => line.includes('Google Gemini')) && l;
        },
        'both offered',
        20_000,
      );
      assert.equal(lines.at(-1), 'GitHub Copilot and Google Gemini are operational.');
      await again.close();
      await switchProvider(d, 'github-copilot', false);
      await switchProvider(d, 'google-gemini', false);
    });

    it('claude.ai: the model in the picker decides — affected: loud, with a working one; fine: a quiet strip', async () => {
      d.server.setSummary(syntheticWithHaiku(operational()));
      await clickRefresh(d);
      const claude = await d.openPage('https://claude.ai/?model=Haiku%204.5');
      const affected = await waitForBannerState(claude, (s) => s.inUse === 'haiku-4.5', 'the in-use banner');
      assert.equal(affected.kind, 'loud');
      assert.equal(affected.instead, "You're using Haiku 4.5, which is affected. Working: Sonnet 5, Sonnet 4.6");
      assert.match(affected.text, /Elevated errors on Haiku 4\.5/);
      await claude.screenshot({ path: artifactPath(`${browserName}-banner-in-use-affected`) });
      // The user picks another model; the page does not reload.
      await claude.evaluate(() => window.__setModel('Opus 4.8'));
      const fine = await waitForBannerState(claude, (s) => s.inUse === 'opus-4.8', 'the banner following the picker');
      assert.equal(fine.kind, 'quiet');
      assert.equal(fine.instead, "Opus 4.8, which you're using, is not affected");
      await claude.screenshot({ path: artifactPath(`${browserName}-banner-in-use-fine`) });
      await claude.close();
    });

    it('claude.ai: no certain reading (no picker, two, unknown text, changed markup) is the banner as before', async () => {
      for (const query of [
        '',
        '?model=Haiku%204.5&pickers=2',
        '?model=Sonnet',
        '?model=Haiku%204.5&effort=Niedrig',
        '?model=Haiku%204.5&picker=renamed',
      ]) {
        const claude = await d.openPage(`https://claude.ai/${query}`);
        assert.match(await waitForBanner(claude, `the banner (${query || 'no picker'})`), /Elevated errors on Haiku 4\.5/);
        const s = await waitForBannerState(claude, (b) => b.instead, `the working part (${query || 'no picker'})`);
        assert.deepEqual(
          { kind: s.kind, inUse: s.inUse, instead: s.instead },
          { kind: 'quiet', inUse: null, instead: 'Working: Sonnet 5, Sonnet 4.6' },
          query,
        );
        // Still no reading a picker-read interval later.
        await new Promise((r) => setTimeout(r, 2_500));
        assert.equal((await bannerState(claude)).inUse, null, query);
        await claude.close();
      }
    });
  });
}
