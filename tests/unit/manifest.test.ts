import { describe, expect, it } from 'vitest';
import { PROVIDERS } from '../../lib/providers/registry';
import config, { GECKO_ID, keepBrowserHistoryPage } from '../../wxt.config';

/** The manifest WXT builds from wxt.config.ts, per browser. */
function manifestFor(browser: 'chrome' | 'firefox', mode = 'production'): Record<string, any> {
  const manifest = config.manifest;
  return typeof manifest === 'function'
    ? (manifest as (env: object) => Record<string, any>)({ browser, manifestVersion: 3, mode, command: 'build' })
    : (manifest as Record<string, any>);
}

describe('least privilege (every permission has a reason in the README)', () => {
  it.each(['chrome', 'firefox'] as const)(
    '%s: exactly storage, alarms, notifications, webRequest, the two status hosts and claude.ai',
    (browser) => {
      const m = manifestFor(browser);
      expect(m.permissions).toEqual(['storage', 'alarms', 'notifications', 'webRequest']);
      expect(m.host_permissions).toEqual(['https://status.claude.com/*', 'https://anthropic.statuspage.io/*', 'https://claude.ai/*']);
      // Observing only: never blocking or rewriting requests, never every site.
      expect(JSON.stringify(m)).not.toMatch(/"tabs"|<all_urls>|activeTab|scripting|webRequestBlocking|declarativeNetRequest|webNavigation/);
    },
  );

  it('the only host added for local evidence is the one the content script already runs on', async () => {
    const { default: script } = await import('../../entrypoints/claude.content');
    const m = manifestFor('chrome');
    const statusHosts = ['https://status.claude.com/*', 'https://anthropic.statuspage.io/*'];
    expect(m.host_permissions.filter((h: string) => !statusHosts.includes(h))).toEqual(script.matches);
  });

  it('Firefox gets a gecko id (required for MV3 and for storage.sync)', () => {
    expect(manifestFor('firefox').browser_specific_settings.gecko.id).toBe(GECKO_ID);
    expect(manifestFor('chrome').browser_specific_settings).toBeUndefined();
  });

  it('builds MV3 for both browsers', () => {
    expect(config.manifestVersion).toBe(3);
  });
});

describe('other providers stay optional', () => {
  const registryOrigins = Object.values(PROVIDERS).flatMap((p) => [...p.origins]);

  it('the registry names at least the three providers of the issue', () => {
    expect(registryOrigins).toEqual(
      expect.arrayContaining(['https://status.openai.com/*', 'https://www.githubstatus.com/*', 'https://status.cloud.google.com/*']),
    );
  });

  it.each(['chrome', 'firefox'] as const)('%s: every provider host is an optional host permission, none a required one', (browser) => {
    const m = manifestFor(browser);
    expect(m.optional_host_permissions).toEqual(expect.arrayContaining(registryOrigins));
    for (const origin of registryOrigins) {
      expect(m.host_permissions).not.toContain(origin);
      expect(m.permissions).not.toContain(origin);
      // A broader pattern in the required list would grant the provider host at install too.
      expect(m.host_permissions.some((p: string) => p.includes('*.') || p.startsWith('*://'))).toBe(false);
    }
  });

  it.each(['chrome', 'firefox'] as const)('%s: the optional list holds provider hosts only, each an https status host', (browser) => {
    const optional: string[] = manifestFor(browser).optional_host_permissions;
    expect([...optional].sort()).toEqual([...new Set(registryOrigins)].sort());
    for (const origin of optional) expect(origin).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
  });

  it.each(['production', 'development'])('%s: no mode but the E2E test build grants a provider host at install', (mode) => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const m = manifestFor(browser, mode);
      expect(m.host_permissions).toEqual(['https://status.claude.com/*', 'https://anthropic.statuspage.io/*', 'https://claude.ai/*']);
      expect([...m.optional_host_permissions].sort()).toEqual([...new Set(registryOrigins)].sort());
    }
  });

  it('the E2E test build (Chromium only) lists them as granted, and nothing else changes', () => {
    const e2e = manifestFor('chrome', 'e2e');
    const prod = manifestFor('chrome');
    expect(e2e.host_permissions).toEqual([...prod.host_permissions, ...registryOrigins]);
    expect(e2e.optional_host_permissions).toEqual([]);
    expect({ ...e2e, host_permissions: null, optional_host_permissions: null }).toEqual({
      ...prod,
      host_permissions: null,
      optional_host_permissions: null,
    });
    // Firefox's test build keeps the real optional flow (its prompt is answered by a test pref).
    expect(manifestFor('firefox', 'e2e')).toEqual(manifestFor('firefox'));
  });

  it('each provider polls only its own host', () => {
    for (const p of Object.values(PROVIDERS)) {
      expect(p.origins).toContain(`${new URL(p.endpoint).origin}/*`);
      expect(new URL(p.endpoint).origin).toBe(p.endpointOrigin);
      expect(p.origins).toContain(`${new URL(p.pageUrl).origin}/*`);
    }
  });
});

describe('content script', () => {
  it('runs on claude.ai only', async () => {
    const { default: script } = await import('../../entrypoints/claude.content');
    expect(script.matches).toEqual(['https://claude.ai/*']);
  });
});

describe('the history page is an extension page, never a replacement for the browser’s own History', () => {
  const hook = (config.hooks as Record<string, (wxt: unknown, manifest: Record<string, any>) => void> | undefined)?.[
    'build:manifestGenerated'
  ];

  it('the build drops the chrome_url_overrides.history WXT derives from entrypoints/history/', () => {
    const manifest: Record<string, any> = { chrome_url_overrides: { history: 'history.html' } };
    hook?.({}, manifest);
    expect(manifest).toEqual({});
  });

  it('and keeps any other override', () => {
    const manifest = { chrome_url_overrides: { history: 'history.html', newtab: 'newtab.html' } };
    keepBrowserHistoryPage(manifest);
    expect(manifest).toEqual({ chrome_url_overrides: { newtab: 'newtab.html' } });
  });
});
