// Launch Firefox ESR through puppeteer-core over WebDriver BiDi (no geckodriver) and install the
// add-on as a temporary add-on. Firefox has no host-resolver-rules: every HTTPS connection goes
// through startConnectProxy() (fake-server.mjs), which tunnels it to the fake server.
// acceptInsecureCerts covers pages and the add-on's own fetches (the override is browser-wide).
// Over BiDi there is no handle on the background page: extension pages opened as tabs are the
// vantage point (browser.action/storage/alarms/runtime all work there).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

// The add-on id, from wxt.config.ts's own constant would pull the whole WXT config in: kept in sync
// by tests/unit/manifest.test.ts instead.
export const GECKO_ID = 'claude-status@claude-status.dev';
export const DEFAULT_UUID = '0f0f0f0f-1111-4222-8333-444444444444';

/**
 * @param {{ extensionPath?: string, proxyPort: number, uuid?: string, geckoId?: string,
 *   headless?: boolean, backgroundIdleTimeoutMs?: number, prefs?: Record<string, unknown> }} opts
 *   extensionPath default .output/firefox-mv3; uuid pins moz-extension://<uuid>/ for geckoId.
 *   backgroundIdleTimeoutMs sets `extensions.background.idle.timeout` (Firefox default 30 s): the
 *   event page really is suspended when idle, even with BiDi attached (verified with 2000), so a
 *   small value exercises lost-globals paths in Firefox. prefs: any extra Firefox prefs.
 */
export async function launchFirefox({
  extensionPath = path.join(REPO_ROOT, '.output/firefox-mv3'),
  proxyPort,
  uuid = DEFAULT_UUID,
  geckoId = GECKO_ID,
  headless = !process.env.HEADED,
  backgroundIdleTimeoutMs,
  prefs = {},
  viewport = { width: 1280, height: 720 },
}) {
  const ext = path.resolve(extensionPath);
  if (!fs.existsSync(path.join(ext, 'manifest.json'))) throw new Error(`no manifest.json in ${ext} (build first?)`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless,
    defaultViewport: viewport, // 1280 × 720 unless a test asks otherwise, as in chromium.mjs
    acceptInsecureCerts: true,
    // Without it: 'Navigation to "moz-extension://…" is not allowed in this context'.
    env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' },
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.no_proxies_on': '',
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      ...(backgroundIdleTimeoutMs && { 'extensions.background.idle.timeout': backgroundIdleTimeoutMs }),
      ...prefs,
    },
  });
  let id;
  try {
    id = await browser.installExtension(ext);
  } catch (e) {
    await browser.close();
    throw e;
  }
  const extensionOrigin = `moz-extension://${uuid}`;

  /**
   * Open an extension page in a new tab. Puppeteer never sees a moz-extension:// load finish
   * (page.url() stays about:blank), so: fire-and-forget goto, then poll the document itself.
   * @param {string} relPath e.g. 'popup.html'
   * @param {{ timeoutMs?: number }} [opts]
   */
  async function openExtensionPage(relPath, { timeoutMs = 10_000 } = {}) {
    const url = `${extensionOrigin}/${relPath.replace(/^\//, '')}`;
    const page = await browser.newPage();
    page.goto(url).catch(() => {}); // only ever times out
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ready = await page.evaluate((u) => location.href === u && document.readyState === 'complete', url).catch(() => false);
      if (ready) return page;
      if (Date.now() > deadline) throw new Error(`openExtensionPage: ${url} not ready in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  // Badge vantage page: manifest.json runs none of the add-on's code (popup.html would).
  let vantage;
  return {
    browser,
    /** Add-on id as reported by Firefox (the gecko id). */
    addonId: id,
    extensionOrigin,
    openExtensionPage,
    /** Global badge text, background colour [r,g,b,a] and title, read from an extension page. */
    async badge() {
      if (!vantage || vantage.isClosed()) vantage = await openExtensionPage('manifest.json');
      // Runs in the page: `browser` there is the WebExtension API, not the puppeteer Browser.
      return vantage.evaluate(async () => ({
        text: await browser.action.getBadgeText({}),
        color: await browser.action.getBadgeBackgroundColor({}),
        title: await browser.action.getTitle({}),
      }));
    },
    /**
     * Open a web page (e.g. https://claude.ai/) in a new tab and wait for its load.
     * @param {string} url
     */
    async openPage(url) {
      const page = await browser.newPage();
      await page.goto(url);
      return page;
    },
    async close() {
      await browser.close().catch(() => {});
    },
  };
}
