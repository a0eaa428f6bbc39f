import { describe, expect, it } from 'vitest';
import config, { GECKO_ID } from '../../wxt.config';

/** The manifest WXT builds from wxt.config.ts, per browser. */
function manifestFor(browser: 'chrome' | 'firefox'): Record<string, any> {
  const manifest = config.manifest;
  return typeof manifest === 'function'
    ? (manifest as (env: object) => Record<string, any>)({ browser, manifestVersion: 3, mode: 'production', command: 'build' })
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

describe('content script', () => {
  it('runs on claude.ai only', async () => {
    const { default: script } = await import('../../entrypoints/claude.content');
    expect(script.matches).toEqual(['https://claude.ai/*']);
  });
});
