// Launch Debian's Chromium with an unpacked MV3 extension, pointed at the fake server.
//
// Certificates: the throwaway CA is trusted through an NSS database in a test-only HOME
// ($HOME/.pki/nssdb, which Chromium on Linux reads). We do NOT use --ignore-certificate-errors:
// it turns off Chromium's HTTP cache, so If-None-Match/304 and max-age behaviour could not be tested
// (docs/e2e-in-real-browsers.md, trap 1).
//
// Service-worker lifetime: Playwright stays attached to the extension's worker as a debugger, and an
// attached debugger keeps the worker alive (trap 3; verified: still running after 45 s idle). So the
// ~30 s idle shutdown never happens in tests: call stopServiceWorker() at the moments that matter.
// A CDP stop is honoured even with the debugger attached; Playwright keeps the same Worker handle,
// which evaluates in the restarted worker once something starts it again.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { SERVED_HOSTS } from './hosts.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '../../..');

/**
 * Make a HOME whose NSS database trusts the CA (what Chromium on Linux reads for local roots).
 * @param {string} caPath PEM file of the CA
 * @returns {string} the new HOME folder
 */
export function makeNssHome(caPath) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-chromium-home-'));
  const db = `sql:${path.join(home, '.pki/nssdb')}`;
  fs.mkdirSync(path.join(home, '.pki/nssdb'), { recursive: true });
  execFileSync('certutil', ['-N', '-d', db, '--empty-password']);
  execFileSync('certutil', ['-A', '-d', db, '-n', 'claude-status-e2e-ca', '-t', 'C,,', '-i', caPath]);
  return home;
}

/** Chromium's id for an unpacked extension without a manifest `key`: sha256(path) → a..p. */
export function unpackedExtensionId(extensionPath) {
  const hex = crypto
    .createHash('sha256')
    .update(fs.realpathSync(path.resolve(extensionPath)))
    .digest('hex')
    .slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/**
 * @param {{ extensionPath?: string, serverPort: number, certs: import('./certs.mjs').Certs,
 *   headless?: boolean, args?: string[] }} opts
 *   extensionPath default .output/chrome-mv3; headless default true unless HEADED=1; args are extra flags
 */
export async function launchChromium({
  extensionPath = path.join(REPO_ROOT, '.output/chrome-mv3'),
  serverPort,
  certs,
  headless = !process.env.HEADED,
  args = [],
  viewport = { width: 1280, height: 720 },
}) {
  const ext = path.resolve(extensionPath);
  if (!fs.existsSync(path.join(ext, 'manifest.json'))) throw new Error(`no manifest.json in ${ext} (build first?)`);
  const home = makeNssHome(certs.caPath);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-chromium-profile-'));
  const cleanup = () => {
    for (const dir of [home, profile]) fs.rmSync(dir, { recursive: true, force: true });
  };
  const map = SERVED_HOSTS.map((h) => `MAP ${h} 127.0.0.1:${serverPort}`).join(', ');
  const context = await chromium
    .launchPersistentContext(profile, {
      viewport,
      executablePath: '/usr/bin/chromium',
      headless,
      env: { ...process.env, HOME: home },
      args: [
        `--disable-extensions-except=${ext}`,
        `--load-extension=${ext}`,
        `--host-resolver-rules=${map}`, // no quotes inside the args array
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        ...args,
      ],
    })
    .catch((e) => {
      cleanup();
      throw e;
    });
  try {
    return await setUp(context, ext, cleanup);
  } catch (e) {
    await context.close().catch(() => {});
    cleanup();
    throw e;
  }
}

/**
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} ext
 * @param {() => void} cleanup removes the temporary HOME and profile
 */
async function setUp(context, ext, cleanup) {
  const extensionId = unpackedExtensionId(ext);
  const origin = `chrome-extension://${extensionId}`;
  const isOurs = (w) => w.url().startsWith(`${origin}/`);

  // Vantage page: the manifest shown as text in the extension's origin. It has chrome.* APIs but
  // runs none of the extension's code, so reading the badge from it neither wakes the worker nor
  // keeps it alive (evaluating in the worker would do both). It reuses the initial blank tab.
  const vantage = context.pages()[0] ?? (await context.newPage());
  await vantage.goto(`${origin}/manifest.json`);
  // CDP ServiceWorker domain on that page: tracks running status, stops and starts the worker.
  const cdp = await context.newCDPSession(vantage);
  /** @type {Map<string, { versionId: string, runningStatus: string, status: string, scriptURL: string }>} */
  const versions = new Map();
  const statusListeners = new Set();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: list }) => {
    for (const v of list) if (v.scriptURL.startsWith(`${origin}/`)) versions.set(v.versionId, v);
    for (const fn of statusListeners) fn();
  });
  await cdp.send('ServiceWorker.enable');

  const ours = () => [...versions.values()].filter((v) => v.status !== 'redundant');
  const running = () => ours().some((v) => v.runningStatus === 'running');
  const waitFor = (cond, what, timeoutMs = 10_000) =>
    new Promise((resolve, reject) => {
      if (cond()) return resolve();
      const done = () => {
        if (cond()) {
          clearTimeout(timer);
          statusListeners.delete(done);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        statusListeners.delete(done);
        reject(new Error(`service worker: ${what} timed out`));
      }, timeoutMs);
      statusListeners.add(done);
    });

  /** @returns {Promise<import('playwright-core').Worker>} */
  async function serviceWorker() {
    const found = context.serviceWorkers().filter(isOurs).at(-1);
    return found ?? context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 10_000 });
  }
  await serviceWorker();
  await waitFor(() => ours().length > 0, 'registration');

  async function wakeServiceWorker() {
    if (!running()) {
      await cdp.send('ServiceWorker.startWorker', { scopeURL: `${origin}/` });
      await waitFor(running, 'start');
    }
    return serviceWorker();
  }

  return {
    context,
    extensionId,
    /** The vantage page (extension origin, runs no extension code). */
    vantage,
    /** The extension's service worker handle (Playwright keeps the same one across restarts). */
    serviceWorker,
    /** True while our worker is running (from CDP ServiceWorker events). */
    isServiceWorkerRunning: running,
    /**
     * Evaluate in the worker. Wakes it first if stopped (else Playwright's evaluate just hangs
     * until something else starts it).
     * @template A, R
     * @param {(arg: A) => R | Promise<R>} fn
     * @param {A} [arg]
     * @returns {Promise<R>}
     */
    async evalInWorker(fn, arg) {
      return (await wakeServiceWorker()).evaluate(fn, arg);
    },
    /** Global badge text, background colour [r,g,b,a] and title, read from the vantage page. */
    badge: () =>
      vantage.evaluate(async () => ({
        text: await chrome.action.getBadgeText({}),
        color: await chrome.action.getBadgeBackgroundColor({}),
        title: await chrome.action.getTitle({}),
      })),
    /**
     * Open an extension page in a new tab, e.g. 'popup.html'.
     * @param {string} relPath
     */
    async openPage(relPath) {
      const page = await context.newPage();
      await page.goto(`${origin}/${relPath.replace(/^\//, '')}`);
      return page;
    },
    /**
     * Stop the worker now (as Chrome's idle shutdown would) and wait until it is stopped. Its
     * globals are gone afterwards; the next event (alarm, message) or wakeServiceWorker() restarts it.
     */
    async stopServiceWorker() {
      const live = ours().filter((v) => v.runningStatus !== 'stopped');
      for (const v of live) await cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId }).catch(() => {});
      if (!live.length) await cdp.send('ServiceWorker.stopAllWorkers');
      await waitFor(() => ours().every((v) => v.runningStatus === 'stopped'), 'stop');
    },
    /** Start the worker if it is stopped; resolves with its handle once running. */
    wakeServiceWorker,
    async close() {
      await context.close().catch(() => {});
      cleanup();
    },
  };
}
