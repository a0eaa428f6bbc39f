import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { SOURCES } from './lib/statuspage/hosts';
import { ALL_PROVIDER_ORIGINS } from './lib/providers/origins';

/**
 * WXT reads `entrypoints/history/` as a replacement for the browser's own History page
 * (`chrome_url_overrides.history`). Ours is an ordinary extension page (history.html, opened from the
 * popup): the override is removed from every generated manifest.
 */
export function keepBrowserHistoryPage(manifest: { chrome_url_overrides?: Record<string, string | undefined> }): void {
  const overrides = manifest.chrome_url_overrides;
  if (!overrides) return;
  delete overrides.history;
  if (!Object.keys(overrides).length) delete manifest.chrome_url_overrides;
}

/** Firefox add-on id; the E2E tests pin the moz-extension UUID against it. */
export const GECKO_ID = 'claude-status@claude-status.dev';

/**
 * TEST BUILD ONLY (`wxt build --mode e2e`, Chromium): the provider hosts are granted at install.
 * Chromium's permission prompt is browser UI that no automation can click (a `permissions.request`
 * from a real click stays pending for ever; no switch auto-accepts it), so the E2E build lists the
 * hosts as granted: the settings page's request then resolves `true` at once, and the test revokes
 * and restores them through chrome://extensions like a user. Firefox's E2E build keeps them optional
 * (its prompt is turned off by a test pref, so the real request runs). Production builds never take
 * this branch: tests/unit/manifest.test.ts proves the hosts stay optional there.
 */
export function grantProvidersForE2e(browser: string, mode: string): boolean {
  return mode === 'e2e' && browser !== 'firefox';
}

// See README "Permissions" for why each entry is here.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // Explicit imports everywhere: a reader (and vi.mock) can see where each name comes from.
  imports: false,
  // WXT builds Firefox as MV2 by default; MV3 everywhere keeps one code path (browser.action).
  manifestVersion: 3,
  // The AMO sources zip: never the test certificates (a private key) or test screenshots.
  zip: { excludeSources: ['tests/e2e/.certs/**', 'tests/e2e/artifacts/**'] },
  vite: () => ({ plugins: [preact()], build: { sourcemap: !!process.env.BUNDLE_SOURCEMAP } }),
  hooks: { 'build:manifestGenerated': (_wxt, manifest) => keepBrowserHistoryPage(manifest) },
  webExt: {
    // `npm start` launches the browser itself (scripts/start.mjs); `wxt dev` uses these.
    binaries: { chrome: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' },
    chromiumArgs: ['--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  },
  manifest: ({ browser, mode }) => ({
    // Every user-facing string is in locales/<lang>.yml (docs/i18n.md); English is the fallback.
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // webRequest + claude.ai: local evidence (observational events, status codes only). No install
    // warning beyond the claude.ai access the content script already has (docs/local-evidence.md).
    permissions: ['storage', 'alarms', 'notifications', 'webRequest'],
    host_permissions: [
      ...SOURCES.map((origin) => `${origin}/*`),
      'https://claude.ai/*',
      ...(grantProvidersForE2e(browser, mode) ? ALL_PROVIDER_ORIGINS : []),
    ],
    // Other providers' status hosts: each requested only when the user turns that provider on.
    optional_host_permissions: grantProvidersForE2e(browser, mode) ? [] : ALL_PROVIDER_ORIGINS,
    action: { default_title: '__MSG_extName__' },
    minimum_chrome_version: '116',
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
