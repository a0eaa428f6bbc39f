import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { POLL_ALARM, createBackground } from '../../../lib/polling/worker';
import { statusItem } from '../../../lib/storage';
import { BADGE_COLORS } from '../../../lib/verdict/badge';
import type { Note } from '../../../lib/attention/notify';
import { SUMMARY_MULTIPLE_MODELS, SUMMARY_OPERATIONAL, loadFixture } from '../../fixtures';
import { fakeFetch, json } from '../../fake-fetch';

let now = Date.parse('2026-11-25T10:00:00Z');
let served: unknown;

function setup() {
  const f = fakeFetch({ 'status.claude.com': () => json(served, { headers: { etag: `W/"${JSON.stringify(served).length}"` } }) });
  const notes: Note[] = [];
  const bg = createBackground({
    browser,
    fetch: f.fetch,
    now: () => now,
    isOnline: () => true,
    random: () => 0.5,
    showNote: async (n) => void notes.push(n),
  });
  return { bg, calls: f.calls, notes };
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
  it('start creates the poll alarm once, polls, and stores a live snapshot', async () => {
    const { bg, calls } = setup();
    await bg.start();
    const alarm = await browser.alarms.get(POLL_ALARM);
    expect(alarm?.periodInMinutes).toBe(0.5);
    expect(calls).toHaveLength(1);
    const state = await statusItem.getValue();
    expect(state.snapshot?.indicator).toBe('none');
    expect(await badge()).toMatchObject({ text: '' });
    await bg.start();
    expect(await browser.alarms.getAll()).toHaveLength(1);
  });

  it('a worker that wakes soon after a poll does not poll again, and does when one is due', async () => {
    const first = setup();
    await first.bg.start();
    now += 5_000;
    const woken = setup(); // a new worker: nothing in memory
    await woken.bg.start();
    expect(woken.calls).toHaveLength(0);
    now += 30_000;
    await woken.bg.refresh('alarm');
    expect(woken.calls).toHaveLength(1);
  });

  it('an alarm the browser dropped across a restart is re-created at the next start', async () => {
    const { bg } = setup();
    await bg.start();
    await browser.alarms.clearAll();
    now += 60_000;
    await setup().bg.start();
    expect((await browser.alarms.get(POLL_ALARM))?.periodInMinutes).toBe(0.5);
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
    served = loadFixture(SUMMARY_OPERATIONAL);
    now += 30_000;
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
    expect(first.notes.map((n) => n.title)).toEqual(['Major incident: Elevated errors for multiple models']);
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
    const broken = createBackground({
      browser,
      fetch: (async () =>
        new Response('<html>challenge</html>', { status: 405, headers: { 'content-type': 'text/html' } })) as typeof fetch,
      now: () => now + 30_000,
      isOnline: () => true,
      random: () => 0.5,
      showNote: async () => {},
    });
    await broken.refresh('alarm');
    const state = await statusItem.getValue();
    expect(state.snapshot?.incidents).toHaveLength(1);
    expect(await browser.action.getBadgeBackgroundColor({})).toEqual(hexToRgba(BADGE_COLORS.unknown));
    expect((await badge()).title).toContain('HTTP 405');
  });
});

function hexToRgba(hex: string): [number, number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}
