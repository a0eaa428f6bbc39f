// @vitest-environment happy-dom
/**
 * The settings page when the browser refuses a change (sync quota, write rate, sync off): the error
 * shows in the section where the change was made, and what the user had stays, on screen and stored.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options } from '../../../entrypoints/options/Options';
import { isCommand } from '../../../lib/polling/messages';
import { createWriter } from '../../../lib/polling/writes';
import { normaliseSummary } from '../../../lib/statuspage/normalise';
import { SummarySchema } from '../../../lib/statuspage/schema';
import { EMPTY_STATE } from '../../../lib/statuspage/state';
import { prefsItem, seenModelsItem, statusItem } from '../../../lib/storage';
import { SUMMARY_OPERATIONAL, loadFixture } from '../../fixtures';

let root: HTMLElement;
/** How the browser answers the next sync writes: null = it accepts them. */
let refuse: string | null = null;

beforeEach(async () => {
  fakeBrowser.reset();
  refuse = null;
  const snapshot = normaliseSummary(SummarySchema.parse(loadFixture(SUMMARY_OPERATIONAL)));
  await statusItem.setValue({ ...EMPTY_STATE, snapshot, checkedAt: Date.now(), confirmedAt: Date.now() });
  await seenModelsItem.setValue({ keys: ['opus-5', 'haiku-4.5'], learnedAt: Date.now() });
  const set = browser.storage.sync.set.bind(browser.storage.sync);
  vi.spyOn(browser.storage.sync, 'set').mockImplementation(async (items) => {
    if (refuse) throw new Error(refuse);
    return set(items);
  });
  // The background's single writer answers the page, as in the extension (the fake browser passes
  // an answer back through sendResponse only).
  const writer = createWriter({ now: () => Date.now() });
  browser.runtime.onMessage.addListener((m: unknown, _sender: unknown, sendResponse: (answer: unknown) => void) => {
    if (!isCommand(m) || m.type !== 'update-prefs') return undefined;
    void writer.updatePrefs(m.patch).then(sendResponse);
    return true;
  });
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<Options />, root));
  await vi.waitFor(() => expect(root.querySelector('h1')).not.toBeNull());
});

afterEach(() => {
  act(() => render(null, root));
  document.body.innerHTML = '';
});

const box = (value: string) => root.querySelector<HTMLInputElement>(`input[value="${value}"]`)!;
const sectionOf = (el: Element) => el.closest('section')!;

describe('settings the browser refuses to save', () => {
  it.each([
    ['QUOTA_BYTES_PER_ITEM quota exceeded', /storage for synced settings is full/],
    ['This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.', /./],
    ['Sync is disabled', /./],
  ])('"%s": the models section says so, and the model stays unchosen', async (error, words) => {
    await vi.waitFor(() => expect(box('opus-5')).toBeTruthy());
    refuse = error;
    act(() => box('opus-5').click());
    const models = sectionOf(box('opus-5'));
    await vi.waitFor(() => expect(models.querySelector('.error[role="alert"]:not(#model-text-error)')?.textContent).toMatch(words));
    expect(models.querySelector('.error[role="alert"]:not(#model-text-error)')!.textContent!.trim()).not.toBe('');
    await vi.waitFor(() => expect(box('opus-5').checked).toBe(false));
    expect((await prefsItem.getValue())?.myModels ?? []).not.toContain('opus-5');
    // Only that section shows the error.
    const others = [...root.querySelectorAll('section')].filter((s) => s !== models);
    for (const s of others) for (const e of s.querySelectorAll('.error')) expect(e.textContent?.trim() ?? '').toBe('');
  });

  it('the next change that saves clears the error and keeps the choice', async () => {
    await vi.waitFor(() => expect(box('opus-5')).toBeTruthy());
    refuse = 'QUOTA_BYTES quota exceeded';
    act(() => box('opus-5').click());
    await vi.waitFor(() => expect(sectionOf(box('opus-5')).textContent).toMatch(/storage for synced settings is full/));
    refuse = null;
    act(() => box('haiku-4.5').click());
    await vi.waitFor(() => expect(box('haiku-4.5').checked).toBe(true));
    await vi.waitFor(() => expect(sectionOf(box('opus-5')).textContent).not.toMatch(/storage for synced settings is full/));
    expect((await prefsItem.getValue())?.myModels).toEqual(['haiku-4.5']);
  });
});
