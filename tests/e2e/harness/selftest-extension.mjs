// A tiny throwaway MV3 extension used only to prove the harness (smoke.test.mjs with
// HARNESS_SELFTEST=1). Shaped like the real one: background polls summary.json on alarm `poll`
// (cache: 'no-store' + its own If-None-Match) and sets the badge; popup.html; claude.ai content script.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const GECKO_ID = 'claude-status@claude-status.dev';

const BACKGROUND = `
const api = globalThis.browser ?? globalThis.chrome;
const URL_SUMMARY = 'https://status.claude.com/api/v2/summary.json';
// Changes on every (re)start of the worker / event page: lets tests see restarts.
const bootId = Math.random().toString(36).slice(2);
let pollsSinceBoot = 0;

async function poll() {
  pollsSinceBoot++;
  const { etag } = await api.storage.local.get('etag');
  try {
    const res = await fetch(URL_SUMMARY, { cache: 'no-store', headers: etag ? { 'If-None-Match': etag } : {} });
    if (res.status === 304) return void (await api.storage.local.set({ lastStatus: 304 }));
    if (!res.ok) throw new Error('HTTP ' + res.status);
    const summary = await res.json();
    const indicator = summary.status.indicator;
    const n = summary.incidents.length;
    await api.storage.local.set({ etag: res.headers.get('ETag'), indicator, lastStatus: res.status, lastError: null });
    await api.action.setBadgeText({ text: indicator === 'none' ? 'OK' : String(n) });
    await api.action.setBadgeBackgroundColor({ color: indicator === 'none' ? [46, 125, 50, 255] : [198, 40, 40, 255] });
    await api.action.setTitle({ title: 'Claude Status: ' + summary.status.description });
  } catch (e) {
    await api.storage.local.set({ lastError: String(e) });
    await api.action.setBadgeText({ text: '?' });
  }
}

api.runtime.onInstalled.addListener(() => {
  api.alarms.create('poll', { periodInMinutes: 1 });
  poll();
});
api.alarms.onAlarm.addListener((a) => { if (a.name === 'poll') poll(); });
api.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
  if (msg?.type === 'ping') sendResponse({ bootId, pollsSinceBoot });
  if (msg?.type === 'plainFetch') {  // default cache mode: lets tests observe the HTTP cache
    fetch(URL_SUMMARY).then((r) => sendResponse({ status: r.status }), (e) => sendResponse({ error: String(e) }));
    return true;
  }
});
`;

const POPUP_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>Claude Status</title></head>
<body style="width:240px;font:14px system-ui"><h1 id="indicator">…</h1><script src="popup.js"></script></body></html>
`;
const POPUP_JS = `const api = globalThis.browser ?? globalThis.chrome;
api.storage.local.get('indicator').then(({ indicator }) => {
  document.getElementById('indicator').textContent = indicator ?? 'unknown';
});
`;
const CONTENT_JS = `const api = globalThis.browser ?? globalThis.chrome;
const el = document.createElement('div');
el.id = 'harness-banner';
el.style.cssText = 'position:fixed;top:0;right:0;background:#c62828;color:#fff;padding:4px;z-index:99';
api.storage.local.get('indicator').then(({ indicator }) => { el.textContent = 'status: ' + indicator; });
document.documentElement.append(el);
`;

/**
 * Write the throwaway extension for one browser.
 * @param {'chrome' | 'firefox'} browser firefox gets background.scripts + gecko id
 * @param {string} [dir] default a fresh folder under the OS temp dir
 * @returns {string} the extension folder
 */
export function writeSelftestExtension(browser, dir = fs.mkdtempSync(path.join(os.tmpdir(), `harness-ext-${browser}-`))) {
  const manifest = {
    manifest_version: 3,
    name: 'Harness self-test',
    version: '0.0.1',
    permissions: ['storage', 'alarms'],
    // Like the real manifest: the fallback host is NOT listed, so its fetch is a CORS request.
    host_permissions: ['https://status.claude.com/*'],
    action: { default_title: 'Claude Status', default_popup: 'popup.html' },
    background: browser === 'firefox' ? { scripts: ['background.js'] } : { service_worker: 'background.js' },
    content_scripts: [{ matches: ['https://claude.ai/*'], js: ['content.js'] }],
    ...(browser === 'firefox' && {
      browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '140.0' } },
    }),
  };
  fs.mkdirSync(dir, { recursive: true });
  const files = {
    'manifest.json': JSON.stringify(manifest, null, 2),
    'background.js': BACKGROUND,
    'popup.html': POPUP_HTML,
    'popup.js': POPUP_JS,
    'content.js': CONTENT_JS,
  };
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}
