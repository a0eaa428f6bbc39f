import { describe, expect, it } from 'vitest';
import {
  hasProviderPermission,
  originsChecker,
  type PermissionsApi,
  providerOrigins,
  removeProviderPermission,
  requestProviderPermission,
} from '../../../lib/providers/permissions';
import { fakePermissions } from '../../fake-permissions';

describe('provider permissions', () => {
  it('each provider needs exactly its own status host', () => {
    expect(providerOrigins('openai')).toEqual(['https://status.openai.com/*']);
    expect(providerOrigins('github-copilot')).toEqual(['https://www.githubstatus.com/*']);
    expect(providerOrigins('google-gemini')).toEqual(['https://status.cloud.google.com/*']);
  });

  it('request asks for the provider’s host and reports the answer; check follows what is held', async () => {
    const yes = fakePermissions();
    expect(await hasProviderPermission(yes.api, 'openai')).toBe(false);
    expect(await requestProviderPermission(yes.api, 'openai')).toBe(true);
    expect(yes.log).toEqual(['request https://status.openai.com/*']);
    expect(await hasProviderPermission(yes.api, 'openai')).toBe(true);
    expect(await hasProviderPermission(yes.api, 'google-gemini')).toBe(false);

    const no = fakePermissions([], false);
    expect(await requestProviderPermission(no.api, 'openai')).toBe(false);
    expect(await hasProviderPermission(no.api, 'openai')).toBe(false);
  });

  it('request calls the browser synchronously (inside the click), before any await', () => {
    const { api, log } = fakePermissions();
    void requestProviderPermission(api, 'github-copilot');
    expect(log).toEqual(['request https://www.githubstatus.com/*']);
  });

  it('a browser that throws or rejects counts as not granted', async () => {
    const throwing: PermissionsApi = {
      contains: () => Promise.reject(new Error('x')),
      request: () => {
        throw new Error('not in a user gesture');
      },
      remove: () => Promise.reject(new Error('x')),
    };
    expect(await requestProviderPermission(throwing, 'openai')).toBe(false);
    expect(await hasProviderPermission(throwing, 'openai')).toBe(false);
    expect(await originsChecker(throwing)(['https://status.openai.com/*'])).toBe(false);
    expect(await removeProviderPermission(throwing, 'openai', [])).toBe(false);
  });

  it('turning a provider off gives its host back', async () => {
    const { api, held } = fakePermissions(['https://status.openai.com/*', 'https://www.githubstatus.com/*']);
    expect(await removeProviderPermission(api, 'openai', ['github-copilot'])).toBe(true);
    expect([...held]).toEqual(['https://www.githubstatus.com/*']);
  });
});
