// One small interface over the two browser harnesses, so each scenario is written once and run in
// Chromium (playwright-core) and Firefox ESR (puppeteer-core over WebDriver BiDi).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BADGE_COLORS } from '../../lib/verdict/colors.ts';
import { ensureCerts } from './harness/certs.mjs';
import { launchChromium } from './harness/chromium.mjs';
import { startConnectProxy, startFakeServer } from './harness/fake-server.mjs';
import { launchFirefox } from './harness/firefox.mjs';

/**
 * @typedef {object} Driver
 * @property {'chromium' | 'firefox'} name
 * @property {any} server the fake status.claude.com / claude.ai
 * @property {() => Promise<{ text: string, color: number[], title: string }>} badge
 * @property {(rel: string) => Promise<any>} openExtensionPage  a Playwright or Puppeteer page
 * @property {(url: string) => Promise<any>} openPage
 * @property {(fn: Function, arg?: unknown) => Promise<any>} extensionEval  runs in an extension page (APIs, no UI)
 * @property {(() => Promise<void>) | null} stopServiceWorker  Chromium only
 * @property {() => Promise<void>} close
 */

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The builds the tests load. `e2e` (`wxt build --mode e2e`) is the production code with one
 * test-only difference: the claude.ai banner's shadow root is open, so tests can read it. `prod`
 * is what ships (closed shadow root); scenario-production.mjs runs on it.
 */
export function extensionPath(browser, build = 'e2e') {
  if (build !== 'e2e' && build !== 'prod') return path.resolve(build); // an unpacked build elsewhere (the bench's --extension)
  return path.join(REPO_ROOT, `.output/${browser === 'chromium' ? 'chrome' : 'firefox'}-mv3${build === 'prod' ? '' : '-e2e'}`);
}

/** @returns {Promise<Driver>} */
export async function startDriver(name, { summary, firefoxIdleMs, build = 'e2e', firefoxPrefs = {}, viewport, serverOptions = {} } = {}) {
  const server = await startFakeServer({ certs: ensureCerts(), summary, ...serverOptions });
  if (name === 'chromium') {
    const b = await launchChromium({ serverPort: server.port, certs: ensureCerts(), extensionPath: extensionPath(name, build), viewport });
    return {
      name,
      server,
      badge: b.badge,
      openExtensionPage: b.openPage,
      async openPage(url) {
        const page = await b.context.newPage();
        await page.goto(url);
        return page;
      },
      extensionEval: (fn, arg) => b.vantage.evaluate(fn, arg),
      setViewport: (page, width, height) => page.setViewportSize({ width, height }),
      stopServiceWorker: b.stopServiceWorker,
      isServiceWorkerRunning: b.isServiceWorkerRunning,
      /** Runs `fn` inside the extension's service worker (waking it first). */
      evalInWorker: b.evalInWorker,
      /** Ids of the notifications on screen. */
      notifications: () => b.vantage.evaluate(async () => Object.keys(await chrome.notifications.getAll()).sort()),
      clearNotifications: () =>
        b.vantage.evaluate(async () => {
          for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
        }),
      async close() {
        await b.close();
        await server.close();
      },
    };
  }
  const proxy = await startConnectProxy(server.port);
  const b = await launchFirefox({
    proxyPort: proxy.port,
    backgroundIdleTimeoutMs: firefoxIdleMs,
    extensionPath: extensionPath(name, build),
    prefs: firefoxPrefs,
    viewport,
  });
  // Headless Firefox has no notification tray: a notification closes as soon as it is shown, so
  // getAll() is always empty. Its onClosed event still fires in every extension page: log those.
  const log = await b.openExtensionPage('manifest.json');
  await log.evaluate(() => {
    globalThis.notified = [];
    browser.notifications.onClosed.addListener((id) => globalThis.notified.push(id));
  });
  let vantage;
  return {
    name,
    server,
    badge: b.badge,
    openExtensionPage: (rel) => b.openExtensionPage(rel),
    openPage: b.openPage,
    async extensionEval(fn, arg) {
      if (!vantage || vantage.isClosed()) vantage = await b.openExtensionPage('manifest.json');
      return vantage.evaluate(fn, arg);
    },
    setViewport: (page, width, height) => page.setViewport({ width, height }),
    stopServiceWorker: null,
    isServiceWorkerRunning: null,
    evalInWorker: null,
    notifications: () => log.evaluate(() => [...new Set(globalThis.notified)].sort()),
    clearNotifications: () => log.evaluate(() => void (globalThis.notified = [])),
    async close() {
      await b.close();
      await proxy.close();
      await server.close();
    },
  };
}

/** Polls `check` until it returns something truthy; fails with the last value seen. */
export async function until(check, what, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await Promise.resolve()
      .then(check)
      .catch((e) => `error: ${e.message}`);
    if (last && !String(last).startsWith('error:')) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens the popup, clicks Refresh, waits for the poll to be stored, closes the popup. */
export async function clickRefresh(driver, timeoutMs = 15_000) {
  const popup = await driver.openExtensionPage('popup.html');
  const before = await storedCheckedAt(driver);
  await pressRefresh(popup);
  await until(async () => (await storedCheckedAt(driver)) !== before, 'the refresh to be stored', timeoutMs);
  await popup.close();
}

/** Asks the background to poll now, as the popup's Refresh does, without opening the popup. */
export async function refreshWithoutPopup(driver) {
  const before = await storedCheckedAt(driver);
  await driver.extensionEval(() => (globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'refresh', reason: 'user' }));
  await until(async () => (await storedCheckedAt(driver)) !== before, 'the refresh to be stored');
}

/** Clicks the popup's Refresh button once the popup has painted. */
export async function pressRefresh(popup) {
  await until(() => popup.evaluate(() => !!document.querySelector('button.refresh')), 'the Refresh button');
  await popup.evaluate(() => document.querySelector('button.refresh').click());
}

/** When the background last finished a poll, from extension storage. */
export function storedCheckedAt(driver) {
  return driver.extensionEval(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    return (await api.storage.local.get('status')).status?.checkedAt ?? null;
  });
}

/** Text of the claude.ai banner (inside its shadow root), or null when there is none. */
export function bannerText(page) {
  return page.evaluate(() => {
    const host = document.querySelector('claude-status-banner');
    if (!host) return 'no-host';
    return host.shadowRoot?.querySelector('.bar')?.textContent ?? null;
  });
}

/** Waits until the claude.ai banner shows, and returns its text. */
export function waitForBanner(page, what = 'the banner', timeoutMs) {
  return until(
    async () => {
      const text = await bannerText(page);
      return text !== 'no-host' && text;
    },
    what,
    timeoutMs,
  );
}

/** Screenshot of just the element matching `selector` (the popup's body is 380 px wide). */
export async function screenshotOf(page, selector, path) {
  const box = await page.evaluate((s) => {
    const r = document.querySelector(s).getBoundingClientRect();
    return { x: r.x, y: r.y, width: Math.ceil(r.width), height: Math.ceil(r.height) };
  }, selector);
  await page.screenshot({ path, clip: box });
}

/** Badge colours as the browsers report them ([r, g, b, a]), from the extension's own table. */
export const COLORS = Object.fromEntries(
  Object.entries(BADGE_COLORS).map(([level, hex]) => [level, [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).concat(255)]),
);

/** The banner's problem words and technical detail, as the popup's header shows them. */
export function popupProblem(popup) {
  return popup.evaluate(() => {
    const lines = [...document.querySelectorAll('.headline-lines li')].map((l) => l.textContent).join(' ');
    const detail = document.querySelector('.problem-detail')?.textContent ?? '';
    return lines || detail ? `${lines} ${detail}` : null;
  });
}

/** The popup's freshness as it renders it: 'live', 'stale', 'failing' or 'loading'. */
export function popupFreshness(popup) {
  return popup.evaluate(() => document.querySelector('.popup')?.dataset.freshness ?? null);
}

/** Adds a model through the settings page's free-text field, as a user types it; waits until it is saved. */
export async function followModel(d, typed, following) {
  const options = await d.openExtensionPage('options.html');
  await until(() => options.evaluate(() => !!document.querySelector('#model-text')), 'settings');
  await options.evaluate((text) => {
    const input = document.querySelector('#model-text');
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, typed);
  await options.evaluate(() => document.querySelector('.add-model button').click());
  await until(() => options.evaluate((want) => document.querySelector('.saved').textContent === want, following), following);
  await options.close();
}

/** The badge once its text is `text` (the vantage page reads it without waking the worker). */
export function badgeIs(d, text, timeoutMs = 15_000) {
  return until(
    async () => {
      const b = await d.badge();
      return b.text === text && b;
    },
    `badge ${JSON.stringify(text)}`,
    timeoutMs,
  );
}
