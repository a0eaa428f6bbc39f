/**
 * The background's other-providers tasks with WXT's fake browser (storage, alarms), a permissions
 * API that behaves like the browser's, and a scripted fetch serving the real OpenAI captures
 * (tests/fixtures/providers, SOURCES.md there).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { createProviderTasks, PROVIDERS_ALARM } from '../../../lib/polling/providers-tasks';
import { DEFAULT_PREFS, type Prefs } from '../../../lib/prefs';
import { prefsItem, providersItem } from '../../../lib/storage';
import { fakeFetch, json, type Reply } from '../../fake-fetch';
import { loadProviderFixture, OPENAI_OPERATIONAL, OPENAI_TWO_INCIDENTS } from '../../fixtures';
import { fakePermissions } from '../../fake-permissions';

const T0 = Date.parse('2026-11-25T10:00:00Z');
const MIN = 60_000;
const OPENAI_HOST = 'https://status.openai.com/*';
let now = T0;
let openai: Reply;

function setup(granted: string[] = [OPENAI_HOST]) {
  const f = fakeFetch({ 'status.openai.com': (r) => openai(r) });
  const perms = fakePermissions(granted);
  let changes = 0;
  const tasks = createProviderTasks({
    alarms: browser.alarms,
    permissions: perms.api,
    fetch: f.fetch,
    now: () => now,
    isOnline: () => true,
    random: () => 0.5,
    onChange: async () => void changes++,
  });
  return { tasks, calls: f.calls, perms, changes: () => changes };
}

/** Changes the stored settings as the writer would, and tells the tasks as the storage watcher does. */
async function setProviders(tasks: ReturnType<typeof setup>['tasks'], providers: string[]) {
  const previous = await prefsItem.getValue();
  const next: Prefs = { ...DEFAULT_PREFS, ...previous, providers };
  await prefsItem.setValue(next);
  await tasks.onPrefsChanged(next, previous);
}

beforeEach(() => {
  fakeBrowser.reset();
  now = T0;
  openai = () => json(loadProviderFixture(OPENAI_OPERATIONAL));
});

describe('other providers in the background', () => {
  it('with every provider off: no alarm, no request, nothing stored', async () => {
    const { tasks, calls } = setup();
    await tasks.start();
    await tasks.onAlarm(PROVIDERS_ALARM);
    expect(await browser.alarms.get(PROVIDERS_ALARM)).toBeUndefined();
    expect(calls).toHaveLength(0);
    expect(await providersItem.getValue()).toEqual({});
  });

  it('turning OpenAI on: a 1-minute alarm, one request at once, its status stored live', async () => {
    const { tasks, calls, changes } = setup();
    await tasks.start();
    await setProviders(tasks, ['openai']);
    const alarm = await browser.alarms.get(PROVIDERS_ALARM);
    expect(alarm?.periodInMinutes).toBe(1);
    expect(calls.map((c) => c.url)).toEqual(['https://status.openai.com/api/v2/summary.json']);
    const state = await providersItem.getValue();
    expect(state.openai?.snapshot?.level).toBe('operational');
    expect(state.openai?.confirmedAt).toBe(T0);
    expect(changes()).toBe(1);
  });

  it('the alarm asks every minute, but OpenAI is read only every 5–6 minutes', async () => {
    const { tasks, calls } = setup();
    await setProviders(tasks, ['openai']);
    for (let minute = 1; minute <= 12; minute++) {
      now = T0 + minute * MIN;
      await tasks.onAlarm(PROVIDERS_ALARM);
    }
    // At T0, then at 5.5 min (jitter 0.5 → +10 %): 6 min, then 12 min.
    expect(calls).toHaveLength(3);
    await tasks.onAlarm('poll-status-0'); // Claude's own alarms are not ours
    expect(calls).toHaveLength(3);
  });

  it('a change of the page shows at the next due poll', async () => {
    const { tasks } = setup();
    await setProviders(tasks, ['openai']);
    openai = () => json(loadProviderFixture(OPENAI_TWO_INCIDENTS));
    now = T0 + 6 * MIN;
    await tasks.onAlarm(PROVIDERS_ALARM);
    const state = await providersItem.getValue();
    expect(state.openai?.snapshot?.level).toBe('degraded');
    expect(state.openai?.snapshot?.incidents).toHaveLength(2);
  });

  it('a permission revoked in the browser: re-checked at once, shown as missing, and no request after that', async () => {
    const { tasks, calls, perms } = setup();
    await setProviders(tasks, ['openai']);
    expect(calls).toHaveLength(1);
    perms.held.delete(OPENAI_HOST);
    now = T0 + 30_000; // long before the next scheduled read
    await tasks.onPermissionsChanged([OPENAI_HOST]);
    const state = await providersItem.getValue();
    expect(state.openai?.problem?.kind).toBe('permission');
    for (let minute = 1; minute <= 20; minute++) {
      now = T0 + minute * MIN;
      await tasks.onAlarm(PROVIDERS_ALARM);
    }
    expect(calls).toHaveLength(1);
    // Granted again (the user turned it off and on): read at once.
    perms.held.add(OPENAI_HOST);
    await tasks.onPermissionsChanged([OPENAI_HOST]);
    expect(calls).toHaveLength(2);
    expect((await providersItem.getValue()).openai?.problem).toBeNull();
  });

  it('a permission change for another host does nothing', async () => {
    const { tasks, calls, changes } = setup();
    await setProviders(tasks, ['openai']);
    await tasks.onPermissionsChanged(['https://www.githubstatus.com/*']);
    await tasks.onPermissionsChanged(undefined);
    expect(calls).toHaveLength(1);
    expect(changes()).toBe(1);
  });

  it('turned on without the permission (never granted): no request, the problem is said', async () => {
    const { tasks, calls } = setup([]);
    await setProviders(tasks, ['openai']);
    expect(calls).toHaveLength(0);
    expect((await providersItem.getValue()).openai?.problem?.kind).toBe('permission');
  });

  it('turning it off: its state goes, the alarm goes, and no request is made after that', async () => {
    const { tasks, calls } = setup();
    await setProviders(tasks, ['openai']);
    await setProviders(tasks, []);
    expect(await providersItem.getValue()).toEqual({});
    expect(await browser.alarms.get(PROVIDERS_ALARM)).toBeUndefined();
    for (let minute = 1; minute <= 20; minute++) {
      now = T0 + minute * MIN;
      await tasks.onAlarm(PROVIDERS_ALARM); // an alarm already queued by the browser
    }
    expect(calls).toHaveLength(1);
  });

  it('turned off while its request is out: the answer is dropped, the provider stays off', async () => {
    let answer: (r: Response) => void = () => {};
    openai = () => new Promise<Response>((resolve) => (answer = resolve));
    const { tasks } = setup();
    const previous = await prefsItem.getValue();
    await prefsItem.setValue({ ...DEFAULT_PREFS, providers: ['openai'] });
    const polling = tasks.onPrefsChanged({ providers: ['openai'] }, previous);
    await new Promise((r) => setTimeout(r, 10)); // the request is out
    await prefsItem.setValue({ ...DEFAULT_PREFS, providers: [] });
    answer(json(loadProviderFixture(OPENAI_OPERATIONAL)));
    await polling;
    expect(await providersItem.getValue()).toEqual({});
  });

  it('turned on while another poll runs: polled right after it, not lost', async () => {
    let answer: (r: Response) => void = () => {};
    openai = () => new Promise<Response>((resolve) => (answer = resolve));
    const { tasks, calls } = setup([OPENAI_HOST, 'https://www.githubstatus.com/*']);
    await prefsItem.setValue({ ...DEFAULT_PREFS, providers: ['openai'] });
    const first = tasks.start();
    await new Promise((r) => setTimeout(r, 10));
    const second = setProviders(tasks, ['openai', 'github-copilot']);
    answer(json(loadProviderFixture(OPENAI_OPERATIONAL)));
    await Promise.all([first, second]);
    // GitHub has no route in this fetch: a network failure, which proves it was polled.
    expect(calls.map((c) => new URL(c.url).host)).toEqual(['status.openai.com', 'www.githubstatus.com']);
    const state = await providersItem.getValue();
    expect(Object.keys(state).sort()).toEqual(['github-copilot', 'openai']);
    expect(state['github-copilot']?.problem?.kind).toBe('network');
  });

  it('a settings change that is not about providers does nothing', async () => {
    const { tasks, calls } = setup();
    await setProviders(tasks, ['openai']);
    now = T0 + 10 * MIN; // due, but only the alarm polls on schedule
    await tasks.onPrefsChanged({ ...DEFAULT_PREFS, providers: ['openai'], notify: false }, { ...DEFAULT_PREFS, providers: ['openai'] });
    expect(calls).toHaveLength(1);
  });

  it('unknown provider ids in stored settings (another version) are ignored', async () => {
    const { tasks, calls } = setup();
    await setProviders(tasks, ['xai', 'openai', 'openai']);
    expect(calls).toHaveLength(1);
    expect(Object.keys(await providersItem.getValue())).toEqual(['openai']);
  });

  it('an alarm the browser dropped is re-created at the next start; the start polls only what is due', async () => {
    const { tasks, calls } = setup();
    await setProviders(tasks, ['openai']);
    await browser.alarms.clear(PROVIDERS_ALARM);
    now = T0 + 2 * MIN;
    await setup().tasks.start(); // a new worker: nothing in memory
    expect((await browser.alarms.get(PROVIDERS_ALARM))?.periodInMinutes).toBe(1);
    expect(calls).toHaveLength(1);
  });

  it('clock set back by a day: the stored schedule is not trusted, OpenAI is read again', async () => {
    const { tasks, calls } = setup();
    await setProviders(tasks, ['openai']);
    now = T0 - 24 * 60 * MIN;
    await tasks.onAlarm(PROVIDERS_ALARM);
    expect(calls).toHaveLength(2);
    expect((await providersItem.getValue()).openai?.confirmedAt).toBe(now);
  });

  it('a failed read keeps the last status, marks why, and backs off', async () => {
    const { tasks, calls } = setup();
    await setProviders(tasks, ['openai']);
    openai = () => new Response('oops', { status: 503 });
    now = T0 + 6 * MIN;
    await tasks.onAlarm(PROVIDERS_ALARM);
    const state = (await providersItem.getValue()).openai!;
    expect(state.problem?.kind).toBe('http');
    expect(state.snapshot?.level).toBe('operational');
    now = T0 + 8 * MIN;
    await tasks.onAlarm(PROVIDERS_ALARM);
    expect(calls).toHaveLength(2);
  });
});
