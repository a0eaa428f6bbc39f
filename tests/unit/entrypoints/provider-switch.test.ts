/**
 * Turning a provider on and off from the settings page: the permission prompt must open inside the
 * click (Firefox refuses `permissions.request` otherwise; Chrome may too), the setting changes only
 * once the host is granted, and turning off gives the host back unless another provider needs it.
 */
import { describe, expect, it } from 'vitest';
import { turnProviderOff, turnProviderOn } from '../../../entrypoints/options/provider-switch';
import type { WriteResult } from '../../../lib/polling/writes';
import type { PrefsPatch } from '../../../lib/prefs';
import { fakePermissions } from '../../fake-permissions';

function fakeSave(result: WriteResult = { ok: true }) {
  const patches: PrefsPatch[] = [];
  const save = async (p: PrefsPatch) => {
    patches.push(p);
    return result;
  };
  return { patches, save };
}

describe('turning a provider on', () => {
  it('asks for its host within the click, before anything is awaited, then saves', async () => {
    const perms = fakePermissions([], true);
    const { patches, save } = fakeSave();
    const pending = turnProviderOn(perms.api, 'openai', [], save);
    // Synchronously: the request is already made when the handler returns.
    expect(perms.log).toEqual(['request https://status.openai.com/*']);
    expect(patches).toEqual([]);
    expect(await pending).toEqual({ ok: true });
    expect(patches).toEqual([{ add: { providers: ['openai'] } }]);
    expect(perms.held.has('https://status.openai.com/*')).toBe(true);
  });

  it('refused: stays off, nothing saved, and says why', async () => {
    const perms = fakePermissions([], false);
    const { patches, save } = fakeSave();
    expect(await turnProviderOn(perms.api, 'google-gemini', [], save)).toEqual({ ok: false, error: 'refused' });
    expect(patches).toEqual([]);
  });

  it('a browser that throws (no gesture, or no prompt possible) counts as refused', async () => {
    const perms = fakePermissions([], 'throw');
    const { patches, save } = fakeSave();
    expect(await turnProviderOn(perms.api, 'openai', [], save)).toEqual({ ok: false, error: 'refused' });
    expect(patches).toEqual([]);
  });

  it('granted but the setting could not be saved (sync quota): the host is given back', async () => {
    const perms = fakePermissions([], true);
    const { save } = fakeSave({ ok: false, error: 'quota' });
    expect(await turnProviderOn(perms.api, 'openai', [], save)).toEqual({ ok: false, error: 'quota' });
    expect(perms.held.size).toBe(0);
  });
});

describe('turning a provider off', () => {
  it('the setting first (polling stops at once), then the host permission', async () => {
    const perms = fakePermissions(['https://status.openai.com/*'], true);
    const order: string[] = [];
    const save = async (p: PrefsPatch): Promise<WriteResult> => {
      order.push(`save ${JSON.stringify(p)}`);
      return { ok: true };
    };
    const remove = async (p: { origins: string[] }) => {
      order.push('remove');
      return perms.api.remove(p);
    };
    const api = { ...perms.api, remove };
    expect(await turnProviderOff(api, 'openai', [], save)).toEqual({ ok: true });
    expect(order).toEqual(['save {"remove":{"providers":["openai"]}}', 'remove']);
    expect(perms.held.size).toBe(0);
  });

  it('when the setting cannot be saved, the permission stays (the provider is still on)', async () => {
    const perms = fakePermissions(['https://status.openai.com/*'], true);
    const { save } = fakeSave({ ok: false, error: 'rate-limit' });
    expect(await turnProviderOff(perms.api, 'openai', [], save)).toEqual({ ok: false, error: 'rate-limit' });
    expect(perms.log).toEqual([]);
    expect(perms.held.has('https://status.openai.com/*')).toBe(true);
  });

  it('a required host the browser will not remove (the Chromium E2E build) is not an error for the user', async () => {
    const perms = fakePermissions(['https://status.openai.com/*'], true);
    const api = { ...perms.api, remove: () => Promise.reject(new Error('You cannot remove required permissions.')) };
    const { patches, save } = fakeSave();
    expect(await turnProviderOff(api, 'openai', [], save)).toEqual({ ok: true });
    expect(patches).toEqual([{ remove: { providers: ['openai'] } }]);
  });
});
