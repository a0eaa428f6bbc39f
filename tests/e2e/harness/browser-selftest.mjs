// Self-test of the browser launchers against a throwaway extension written to /tmp
// (selftest-extension.mjs), independent of the real build. Run by hand after changing a launcher:
//   node_modules/.bin/node --test tests/e2e/harness/browser-selftest.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { ensureCerts } from './certs.mjs';
import { SUMMARY_PATH, loadFixture, startConnectProxy, startFakeServer } from './fake-server.mjs';

const certs = ensureCerts();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

describe('browser self-test against a throwaway extension', () => {
  // Browser modules are imported lazily so the default run needs no browser.
  let s;
  before(async () => {
    s = await startFakeServer({ certs });
  });
  after(() => s?.close());

  it('chromium', async (t) => {
    const { launchChromium } = await import('./chromium.mjs');
    const { writeSelftestExtension } = await import('./selftest-extension.mjs');
    const { artifactPath } = await import('./artifacts.mjs');
    s.setFault(null);
    s.setSummary(loadFixture('claude-summary-2026-09-15-operational.json'));
    s.clearRequests();
    const t0 = Date.now();
    const ext = writeSelftestExtension('chrome');
    t.after(() => fs.rmSync(ext, { recursive: true, force: true }));
    const b = await launchChromium({ extensionPath: ext, serverPort: s.port, certs });
    t.after(() => b.close());
    t.diagnostic(`launch ${Date.now() - t0} ms`);
    assert.equal(new URL((await b.serviceWorker()).url()).host, b.extensionId);

    // background fetch through the trusted CA (no --ignore-certificate-errors)
    await s.waitForRequest((r) => r.host === 'status.claude.com' && r.status === 200);
    await waitUntil(async () => (await b.badge()).text === 'OK');
    assert.deepEqual(await b.badge(), { text: 'OK', color: [46, 125, 50, 255], title: 'Claude Status: All Systems Operational' });
    // Fallback host without host permission: a simple CORS GET works (Access-Control-Allow-Origin: *);
    // adding If-None-Match needs a preflight, which the fake (like possibly the real one) refuses.
    const fetchFallback = (inm) =>
      fetch('https://anthropic.statuspage.io/api/v2/summary.json', {
        cache: 'no-store',
        headers: inm ? { 'If-None-Match': inm } : {},
      }).then(
        (r) => r.status,
        (e) => e.name,
      );
    assert.equal(await b.evalInWorker(fetchFallback), 200);
    assert.equal(await b.evalInWorker(fetchFallback, 'W/"x"'), 'TypeError');

    // HTTP cache is on: a plain fetch within max-age is answered from cache
    s.clearRequests();
    const vantage = b.vantage;
    assert.deepEqual(await vantage.evaluate(() => chrome.runtime.sendMessage({ type: 'plainFetch' })), { status: 200 });
    assert.deepEqual(await vantage.evaluate(() => chrome.runtime.sendMessage({ type: 'plainFetch' })), { status: 200 });
    assert.equal(s.requests.filter((r) => r.path === SUMMARY_PATH).length, 1, 'second plain fetch came from the HTTP cache');

    // page navigation + content script + in-app navigation
    const page = await b.context.newPage();
    await page.goto('https://claude.ai/?theme=dark');
    await page.locator('#harness-banner').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.className), 'dark');
    await page.evaluate(() => {
      window.__marker = 1;
    });
    await page.click('#nav-chat');
    assert.equal(new URL(page.url()).pathname, '/chat/abc');
    assert.equal(await page.evaluate(() => window.__marker), 1, 'no reload');
    await page.screenshot({ path: artifactPath('selftest-chromium-claude') });
    const popup = await b.openPage('popup.html');
    assert.equal(await popup.locator('#indicator').textContent(), 'none');
    await popup.screenshot({ path: artifactPath('selftest-chromium-popup') });
    await popup.close();

    // service worker: stop, badge read keeps it stopped, wake gives a fresh global state
    const boot1 = await b.evalInWorker(() => bootId);
    await b.stopServiceWorker();
    assert.equal(b.isServiceWorkerRunning(), false);
    await b.badge();
    await sleep(300);
    assert.equal(b.isServiceWorkerRunning(), false, 'badge() must not wake the worker');
    await b.wakeServiceWorker();
    assert.equal(b.isServiceWorkerRunning(), true);
    assert.notEqual(await b.evalInWorker(() => bootId), boot1);

    // an alarm wakes a stopped worker; its fetch revalidates with the stored ETag → 304
    await b.stopServiceWorker();
    s.clearRequests();
    await vantage.evaluate(() => chrome.alarms.create('poll', { when: Date.now() + 100 }));
    const r304 = await s.waitForRequest((r) => r.path === SUMMARY_PATH && r.done);
    assert.equal(r304.status, 304);
    assert.match(r304.ifNoneMatch, /^W\/"[0-9a-f]{32}"$/);

    // a fault shows on the badge
    s.setFault({ kind: 'http', status: 500 });
    await vantage.evaluate(() => chrome.alarms.create('poll', { when: Date.now() + 100 }));
    await waitUntil(async () => (await b.badge()).text === '?');
    s.setFault(null);
  });

  it('firefox', async (t) => {
    const { launchFirefox } = await import('./firefox.mjs');
    const { writeSelftestExtension } = await import('./selftest-extension.mjs');
    const { artifactPath } = await import('./artifacts.mjs');
    s.setFault(null);
    s.setSummary(loadFixture('claude-summary-2026-09-22-incident-multiple-models.json'));
    s.clearRequests();
    const proxy = await startConnectProxy(s.port);
    t.after(() => proxy.close());
    const t0 = Date.now();
    const ext = writeSelftestExtension('firefox');
    t.after(() => fs.rmSync(ext, { recursive: true, force: true }));
    const f = await launchFirefox({ extensionPath: ext, proxyPort: proxy.port });
    t.after(() => f.close());
    t.diagnostic(`launch + install ${Date.now() - t0} ms`);
    assert.equal(f.addonId, 'claude-status@claude-status.dev');

    // the add-on's background fetch goes proxy → fake server
    await s.waitForRequest((r) => r.host === 'status.claude.com' && r.status === 200);
    assert.ok(proxy.connects.some((c) => c.target === 'status.claude.com:443'));
    await waitUntil(async () => (await f.badge()).text !== '');
    const n = String(s.getJson(SUMMARY_PATH).incidents.length);
    assert.deepEqual(await f.badge(), {
      text: n,
      color: [198, 40, 40, 255],
      title: `Claude Status: ${s.getJson(SUMMARY_PATH).status.description}`,
    });

    const popup = await f.openExtensionPage('popup.html');
    await popup.waitForFunction(() => document.getElementById('indicator').textContent !== '…');
    assert.equal(await popup.$eval('#indicator', (e) => e.textContent), 'minor');
    await popup.screenshot({ path: artifactPath('selftest-firefox-popup') });

    const page = await f.openPage('https://claude.ai/');
    await page.waitForSelector('#harness-banner');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
    await page.screenshot({ path: artifactPath('selftest-firefox-claude') });

    s.clearRequests();
    await popup.evaluate(() => browser.alarms.create('poll', { when: Date.now() + 100 }));
    const r304 = await s.waitForRequest((r) => r.host === 'status.claude.com' && r.path === SUMMARY_PATH && r.done);
    assert.equal(r304.status, 304);
  });
});

async function waitUntil(cond, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error('waitUntil: timed out');
    await sleep(50);
  }
}
