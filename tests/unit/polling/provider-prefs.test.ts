/**
 * Turning providers on and off goes through the single writer like every other setting: item by
 * item (two settings windows never undo each other), only ids this version knows, and a message
 * can never replace a list wholesale.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isCommand } from '../../../lib/polling/messages';
import { createWriter } from '../../../lib/polling/writes';
import { applyPrefsPatch, DEFAULT_PREFS } from '../../../lib/prefs';
import { prefsItem } from '../../../lib/storage';

beforeEach(() => fakeBrowser.reset());

describe('providers in the settings', () => {
  it('off by default', () => {
    expect(DEFAULT_PREFS.providers).toEqual([]);
  });

  it('added and removed item by item, never duplicated', () => {
    const one = applyPrefsPatch(DEFAULT_PREFS, { add: { providers: ['openai'] } });
    const two = applyPrefsPatch(one as typeof DEFAULT_PREFS, { add: { providers: ['google-gemini', 'openai'] } });
    expect(two).toMatchObject({ providers: ['openai', 'google-gemini'] });
    expect(applyPrefsPatch(two as typeof DEFAULT_PREFS, { remove: { providers: ['openai'] } })).toMatchObject({
      providers: ['google-gemini'],
    });
  });

  it('two windows turning on two providers at once both keep theirs', async () => {
    const writer = createWriter({ now: () => 0 });
    await Promise.all([
      writer.updatePrefs({ add: { providers: ['openai'] } }),
      writer.updatePrefs({ add: { providers: ['github-copilot'] } }),
    ]);
    expect((await prefsItem.getValue()).providers.sort()).toEqual(['github-copilot', 'openai']);
  });

  it('the writer turns on only providers this version knows', async () => {
    const writer = createWriter({ now: () => 0 });
    expect(await writer.updatePrefs({ add: { providers: ['openai', 'evil', '__proto__'] } })).toEqual({ ok: true });
    expect((await prefsItem.getValue()).providers).toEqual(['openai']);
  });

  it('a message that would replace a list is refused; add and remove lists are checked', () => {
    expect(isCommand({ type: 'update-prefs', patch: { add: { providers: ['openai'] } } })).toBe(true);
    expect(isCommand({ type: 'update-prefs', patch: { remove: { providers: ['openai'] } } })).toBe(true);
    expect(isCommand({ type: 'update-prefs', patch: { set: { providers: ['openai'] } } })).toBe(false);
    expect(isCommand({ type: 'update-prefs', patch: { set: { myModels: [] } } })).toBe(false);
    expect(isCommand({ type: 'update-prefs', patch: { set: { notify: false } } })).toBe(true);
    expect(isCommand({ type: 'update-prefs', patch: { add: { providers: 'openai' } } })).toBe(false);
    expect(isCommand({ type: 'update-prefs', patch: { add: { providers: [42] } } })).toBe(false);
    expect(isCommand({ type: 'update-prefs', patch: { add: { providers: Array(101).fill('openai') } } })).toBe(false);
  });
});
