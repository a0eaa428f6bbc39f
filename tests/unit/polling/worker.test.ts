import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { LEGACY_POLL_ALARM, POLL_ALARMS } from '../../../lib/polling/alarms';
import { isolate } from '../../../lib/format';
import { attentionItem, prefsItem, seenModelsItem, statusItem } from '../../../lib/storage';
import { BADGE_COLORS } from '../../../lib/verdict/badge';
import { INCIDENTS_BACKFILL, SUMMARY_MULTIPLE_MODELS, SUMMARY_OPERATIONAL, SUMMARY_RECOVERED, loadFixture } from '../../fixtures';
import { json } from '../../fake-fetch';
import { testBackground } from '../../test-background';

let now = Date.parse('2026-11-25T10:00:00Z');
let served: unknown;

function setup() {
  return testBackground(
    { 'status.claude.com': () => json(served, { headers: { etag: `W/"${JSON.stringify(served).length}"` } }) },
    () => now,
  );
}

async function badge() {
  return {
    text: await browser.action.getBadgeText({}),
    title: await browser.action.getTitle({}),
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  now = Date.parse('2026-11-25T10:00:00Z');
  served = loadFixture(SUMMARY_OPERATIONAL);
});

describe('background', () => {
  it('start creates three 1-minute poll alarms 20 s apart once, polls, and stores a live snapshot', async () => {
    const { bg, calls } = setup();
    await browser.alarms.create(LEGACY_POLL_ALARM, { periodInMinutes: 0.5 }); // an older version's schedule
    await bg.start();
    const alarms = (await browser.alarms.getAll()).sort((a, b) => a.scheduledTime - b.scheduledTime);
    expect(alarms.map((a) => a.name)).toEqual([...POLL_ALARMS]);
    expect(alarms.every((a) => a.periodInMinutes === 1)).toBe(true);
    expect(alarms[1]!.scheduledTime - alarms[0]!.scheduledTime).toBeCloseTo(20_000, -2);
    expect(alarms[2]!.scheduledTime - alarms[1]!.scheduledTime).toBeCloseTo(20_000, -2);
    expect(alarms[0]!.scheduledTime - now).toBeGreaterThanOrEqual(10_000);
    expect(alarms[0]!.scheduledTime - now).toBeLessThanOrEqual(20_000);
    expect(calls).toHaveLength(1);
    const state = await statusItem.getValue();
    expect(state.snapshot?.indicator).toBe('none');
    expect(await badge()).toMatchObject({ text: '' });
    await bg.start();
    expect(await browser.alarms.getAll()).toHaveLength(3);
  });

  it('a poll whose answer cannot be stored (storage quota) still shows it on the badge: never a calm badge left behind', async () => {
    const { bg } = setup();
    await bg.start();
    expect(await badge()).toMatchObject({ text: '' });
    // An incident opens; the next status write is refused (quota exceeded).
    served = loadFixture(SUMMARY_MULTIPLE_MODELS);
    const write = vi.spyOn(statusItem, 'setValue').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    now += 20_000;
    await expect(bg.refresh('alarm')).rejects.toThrow(/quota/);
    expect(write).toHaveBeenCalled();
    expect((await badge()).text).toBe('ALL');
    // The stored data is the old calm one: the popup greys it as it ages; the next poll stores again.
    write.mockRestore();
    now += 20_000;
    await bg.refresh('alarm');
    expect((await statusItem.getValue()).snapshot?.incidents.length).toBeGreaterThan(0);
  });

  it('coming back online polls at once, whatever backoff the failures had built up', async () => {
    let up = false;
    const reply = () => {
      if (!up) throw new TypeError('Failed to fetch');
      return json(served);
    };
    const { bg, calls } = testBackground({ 'status.claude.com': reply, 'anthropic.statuspage.io': reply }, () => now);
    await bg.start();
    // Five minutes of a network that drops every request: past the grace period, polls back off.
    for (let t = 0; t < 15; t++) {
      now += 20_000;
      await bg.refresh('alarm');
    }
    const backedOff = await statusItem.getValue();
    expect(backedOff.retryAt! - now).toBeGreaterThan(20_000);
    expect((await badge()).text).toBe('?');
    up = true;
    now += 20_000;
    const before = calls.length;
    await bg.refresh('alarm');
    expect(calls.length).toBe(before); // the backoff holds for an alarm…
    await bg.refresh('online'); // …not for the browser saying the network is back
    expect(calls.length).toBeGreaterThan(before);
    expect((await statusItem.getValue()).problem).toBeNull();
    expect((await badge()).text).toBe('');
  });

  it('a worker that wakes soon after a poll does not poll again, and does when one is due', async () => {
    const first = setup();
    await first.bg.start();
    now += 5_000;
    const woken = setup(); // a new worker: nothing in memory
    await woken.bg.start();
    expect(woken.calls).toHaveLength(0);
    now += 20_000;
    await woken.bg.refresh('alarm');
    expect(woken.calls).toHaveLength(1);
  });

  it('an alarm the browser dropped across a restart is re-created at the next start', async () => {
    const { bg } = setup();
    await bg.start();
    await browser.alarms.clear(POLL_ALARMS[1]);
    now += 60_000;
    await setup().bg.start();
    expect((await browser.alarms.getAll()).map((a) => a.name).sort()).toEqual([...POLL_ALARMS]);
  });

  it('concurrent triggers share one request', async () => {
    const { bg, calls } = setup();
    await Promise.all([bg.refresh('alarm'), bg.refresh('user'), bg.refresh('popup-open'), bg.refresh('start')]);
    expect(calls).toHaveLength(1);
  });

  it('an incident turns the badge on; recovery turns it off', async () => {
    const { bg } = setup();
    served = loadFixture(SUMMARY_MULTIPLE_MODELS);
    await bg.refresh('user');
    const during = await badge();
    expect(during.text).not.toBe('');
    expect(during.title).toContain('Elevated errors for multiple models');
    expect(await browser.action.getBadgeBackgroundColor({})).toEqual(hexToRgba(BADGE_COLORS.major));
    served = loadFixture(SUMMARY_RECOVERED);
    now += 20_000;
    await bg.refresh('alarm');
    expect((await badge()).text).toBe('');
  });

  it('an incident that opens after install is notified once, even by a new worker; not one open at install', async () => {
    served = loadFixture(SUMMARY_MULTIPLE_MODELS);
    const atInstall = setup();
    await atInstall.bg.start();
    expect(atInstall.notes).toEqual([]); // open at install: badge only

    fakeBrowser.reset();
    served = loadFixture(SUMMARY_OPERATIONAL);
    const first = setup();
    await first.bg.start();
    served = loadFixture(SUMMARY_MULTIPLE_MODELS);
    now += 30_000;
    await first.bg.refresh('alarm');
    expect(first.notes.map((n) => n.title)).toEqual([`Major incident: ${isolate('Elevated errors for multiple models')}`]);
    now += 30_000;
    const woken = setup();
    await woken.bg.start();
    await woken.bg.refresh('alarm');
    expect(woken.notes).toEqual([]);
  });

  it('a failed poll greys the badge and keeps the incident it knew', async () => {
    const { bg } = setup();
    served = loadFixture(SUMMARY_MULTIPLE_MODELS);
    await bg.refresh('user');
    served = '<html>';
    const { bg: broken } = testBackground(
      (async () => new Response('<html>challenge</html>', { status: 405, headers: { 'content-type': 'text/html' } })) as typeof fetch,
      () => now + 30_000,
    );
    await broken.refresh('alarm');
    const state = await statusItem.getValue();
    expect(state.snapshot?.incidents).toHaveLength(1);
    expect(await browser.action.getBadgeBackgroundColor({})).toEqual(hexToRgba(BADGE_COLORS.unknown));
    expect((await badge()).title).toContain('HTTP 405');
  });
});

describe('the single writer of what the user changes', () => {
  it('a mute from the popup and a snooze from a notification button at the same moment both stick', async () => {
    const { bg } = setup();
    await Promise.all([bg.handle({ type: 'mute', incidentId: 'abc123', muted: true }), bg.writer.snooze('hour')]);
    const attention = await attentionItem.getValue();
    expect(attention.muted).toEqual(['abc123']);
    expect(attention.snoozeUntil).toBe(now + 3_600_000);
  });

  it('two settings windows ticking different models at once keep both ticks', async () => {
    const { bg } = setup();
    await Promise.all([
      bg.handle({ type: 'update-prefs', patch: { add: { myModels: ['opus-5'] } } }),
      bg.handle({ type: 'update-prefs', patch: { add: { myModels: ['haiku-4.5'] } } }),
      bg.handle({ type: 'update-prefs', patch: { set: { notifyMinLevel: 'major' } } }),
    ]);
    expect(await prefsItem.getValue()).toMatchObject({ myModels: ['opus-5', 'haiku-4.5'], notifyMinLevel: 'major' });
  });

  it('a sync write that fails (quota, write rate) reports why and keeps what the user had', async () => {
    const { bg } = setup();
    await bg.handle({ type: 'update-prefs', patch: { add: { myModels: ['opus-5'] } } });
    const set = vi.spyOn(browser.storage.sync, 'set');
    set.mockRejectedValueOnce(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    expect(await bg.handle({ type: 'update-prefs', patch: { add: { myModels: ['sonnet-5'] } } })).toEqual({ ok: false, error: 'quota' });
    set.mockRejectedValueOnce(new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.'));
    expect(await bg.handle({ type: 'update-prefs', patch: { remove: { myModels: ['opus-5'] } } })).toEqual({
      ok: false,
      error: 'rate-limit',
    });
    expect((await prefsItem.getValue()).myModels).toEqual(['opus-5']);
    // The next write works again.
    expect(await bg.handle({ type: 'update-prefs', patch: { add: { myModels: ['sonnet-5'] } } })).toEqual({ ok: true });
  });

  it('free-text models are capped in length and count', async () => {
    const { bg } = setup();
    expect(await bg.handle({ type: 'update-prefs', patch: { add: { myModels: ['x'.repeat(41)] } } })).toEqual({
      ok: false,
      error: 'model-too-long',
    });
    const many = Array.from({ length: 31 }, (_, i) => `nova-${i}`);
    expect(await bg.handle({ type: 'update-prefs', patch: { add: { myModels: many } } })).toEqual({ ok: false, error: 'too-many-models' });
    expect((await prefsItem.getValue()).myModels).toEqual([]);
  });
});

describe('upgrading from a version that stored no model scope', () => {
  it('a v1 snapshot is kept but re-read at once, and until then every incident counts as all models', async () => {
    const v1 = structuredClone(
      await (async () => {
        const { bg } = setup();
        served = loadFixture(SUMMARY_MULTIPLE_MODELS);
        await bg.refresh('user');
        return statusItem.getValue();
      })(),
    ) as any;
    for (const i of v1.snapshot.incidents) delete i.scope;
    delete v1.snapshot.pageUpdatedAt;
    await fakeBrowser.storage.local.set({ status: v1, status$: { v: 1 } });
    await statusItem.migrate();
    const migrated = await statusItem.getValue();
    expect(migrated.etag).toBeNull();
    expect(migrated.confirmedAt).toBeNull();
    expect(migrated.snapshot!.incidents[0]!.scope).toEqual({ affected: [], recovering: [], broad: true, excluded: [] });
  });
});

function hexToRgba(hex: string): [number, number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}

describe('models offered in settings', () => {
  it('a poll and a learning run finishing at the same moment both keep their models', async () => {
    // The summary names Mythos 5.1, Fable 5.1 and Opus 5; incidents.json (the real last 50) also Opus 4.8.
    const { bg } = testBackground(
      {
        'status.claude.com': ({ url }) =>
          url.includes('incidents.json') ? json(loadFixture(INCIDENTS_BACKFILL)) : json(loadFixture(SUMMARY_MULTIPLE_MODELS)),
      },
      () => now,
    );
    // Every read of the seen models waits a moment, so both writers read before either writes.
    const read = seenModelsItem.getValue.bind(seenModelsItem);
    vi.spyOn(seenModelsItem, 'getValue').mockImplementation(async () => {
      const value = await read();
      await new Promise((r) => setTimeout(r, 20));
      return value;
    });
    await Promise.all([bg.refresh('user'), bg.learnModels()]);
    const { keys, learnedAt } = await read();
    expect(keys).toEqual(expect.arrayContaining(['mythos-5.1', 'fable-5.1', 'opus-5', 'opus-4.8']));
    expect(learnedAt).toBe(now);
  });
});
