/**
 * The background's history work: incidents.json is read in exactly one place, with a conditional GET and the
 * archive's own ETag, only at the first start, when an incident leaves the summary and when settings learns models;
 * the notifier's closing words and the models settings offers come from that one read (or, after a 304, from the
 * archive); the official uptime is asked for only when the history page opens, at most every 6 hours.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isolate } from '../../../lib/format';
import { EMPTY_ARCHIVE, archiveIncidents } from '../../../lib/history/archive';
import type { RefreshResult } from '../../../lib/history/fill';
import { UPTIME_REFRESH_MS } from '../../../lib/history/uptime';
import { isCommand } from '../../../lib/polling/messages';
import { archivedModels } from '../../../lib/history/present';
import { FIRST_FILL_RETRY_MS, closingFrom, modelsFrom } from '../../../lib/polling/history-tasks';
import { IncidentListSchema } from '../../../lib/statuspage/schema';
import { archiveFillItem, archiveItem, seenModelsItem, uptimeItem } from '../../../lib/storage';
import { testBackground } from '../../test-background';
import { INCIDENTS_BACKFILL, SUMMARY_MULTIPLE_MODELS, SUMMARY_OPERATIONAL, SUMMARY_RECOVERED, loadFixture } from '../../fixtures';

const INCIDENTS = '/api/v2/incidents.json';
const SUMMARY = '/api/v2/summary.json';
const UPTIME = '/uptime_showcase';
const T0 = Date.parse('2026-09-22T10:00:00Z');
const MULTIPLE = '7g1qpkyz5gxh'; // the incident of SUMMARY_MULTIPLE_MODELS

let now = T0;
let summary: any;
/** incidents.json as served; a number: that HTTP status instead. */
let list: any;
let uptime: any;

/** A status page that answers by path, with an ETag per body and a 304 for a matching If-None-Match. */
function setup() {
  const calls: Array<{ path: string; ifNoneMatch: string | null; status: number }> = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const ifNoneMatch = headers['If-None-Match'] ?? null;
    const doc = url.pathname === SUMMARY ? summary : url.pathname === INCIDENTS ? list : url.pathname === UPTIME ? uptime : undefined;
    const answer = (status: number, body: string | null, etag?: string) => {
      calls.push({ path: url.pathname, ifNoneMatch, status });
      return new Response(body, { status, headers: { 'content-type': 'application/json', ...(etag && { etag }) } });
    };
    if (doc === undefined) return answer(404, '{}');
    if (typeof doc === 'number') return answer(doc, '{}');
    const body = JSON.stringify(doc);
    const etag = `W/"${url.pathname.length}-${body.length}-${hash(body)}"`;
    return ifNoneMatch === etag ? answer(304, null, etag) : answer(200, body, etag);
  }) as typeof globalThis.fetch;
  const { bg, notes } = testBackground(fetch, () => now);
  const to = (path: string) => calls.filter((c) => c.path === path);
  return { bg, calls, notes, to };
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return h >>> 0;
}

/** Synthetic incidents.json: the summary's incidents, resolved at `at` by one more update. */
function resolvedList(base: any, at = now, body = 'This incident has been resolved. Error rates are back to normal.') {
  const iso = new Date(at).toISOString();
  return {
    page: base.page,
    incidents: base.incidents.map((i: any) => ({
      ...i,
      status: 'resolved',
      resolved_at: iso,
      incident_updates: [
        { ...i.incident_updates[0], id: 'synthres1', status: 'resolved', body, created_at: iso, display_at: iso },
        ...i.incident_updates,
      ],
    })),
  };
}

beforeEach(() => {
  fakeBrowser.reset();
  now = T0;
  summary = loadFixture(SUMMARY_OPERATIONAL);
  list = { page: summary.page, incidents: [] };
  uptime = undefined;
});

/** Polls once with the summary as it is now, 30 s after the last poll. */
async function poll(bg: ReturnType<typeof setup>['bg']) {
  now += 30_000;
  await bg.refresh('alarm');
}

describe('incidents.json, read in one place', () => {
  it('polls never read it, however the open incident changes; its leaving the summary reads it once, unconditionally the first time', async () => {
    const { bg, to, notes } = setup();
    await poll(bg); // primes the notifier: nothing open
    summary = loadFixture(SUMMARY_MULTIPLE_MODELS);
    for (let i = 0; i < 5; i++) await poll(bg);
    expect(to(SUMMARY).length).toBe(6);
    expect(to(INCIDENTS)).toEqual([]);

    list = resolvedList(summary);
    summary = loadFixture(SUMMARY_RECOVERED);
    await poll(bg);
    expect(to(INCIDENTS)).toEqual([{ path: INCIDENTS, ifNoneMatch: null, status: 200 }]);
    // The closing words from that read, and the archive filled from it with its ETag.
    expect(notes.at(-1)?.message).toContain(isolate('This incident has been resolved.'));
    const stored = await archiveItem.getValue();
    expect(stored.etag).toMatch(/^W\//);
    expect(stored.archive.incidents.map((i) => i.id)).toEqual([MULTIPLE]);

    for (let i = 0; i < 3; i++) await poll(bg);
    expect(to(INCIDENTS)).toHaveLength(1);
  });

  it('after a 304 the resolution and its closing words come from the archive, which is not rewritten', async () => {
    const { bg, to, notes } = setup();
    await poll(bg);
    summary = loadFixture(SUMMARY_MULTIPLE_MODELS);
    await poll(bg);
    // incidents.json already says resolved (it is updated before the summary's cached copy): the first fill reads it.
    list = resolvedList(summary, now, 'Fixed by rolling back a configuration change. We are monitoring.');
    await bg.startHistory();
    const filled = await archiveItem.getValue();
    const set = vi.spyOn(archiveItem, 'setValue');

    summary = loadFixture(SUMMARY_RECOVERED);
    await poll(bg);
    expect(to(INCIDENTS).map((c) => [c.status, c.ifNoneMatch])).toEqual([
      [200, null],
      [304, filled.etag],
    ]);
    expect(set).not.toHaveBeenCalled();
    const resolved = notes.filter((n) => n.id.includes('|resolved'));
    expect(resolved).toHaveLength(1);
    expect(resolved[0]!.message).toContain(isolate('Fixed by rolling back a configuration change.'));
  });

  it('after a 304 an incident the archive still holds as open stays open until a later poll confirms it', async () => {
    const { bg, to, notes } = setup();
    await poll(bg);
    summary = loadFixture(SUMMARY_MULTIPLE_MODELS);
    await poll(bg);
    list = { page: summary.page, incidents: summary.incidents }; // incidents.json: still investigating
    await bg.startHistory();
    summary = loadFixture(SUMMARY_RECOVERED);
    await poll(bg);
    expect(to(INCIDENTS).at(-1)?.status).toBe(304);
    expect(notes.filter((n) => n.id.includes('|resolved'))).toEqual([]);
    await poll(bg); // absent for 30 s more: confirmed without reading incidents.json again
    expect(to(INCIDENTS)).toHaveLength(2);
    expect(notes.filter((n) => n.id.includes('|resolved'))).toHaveLength(1);
  });

  it('a failed read gives no closing words, keeps the archive and confirms by a second poll as before', async () => {
    const { bg, to, notes } = setup();
    await poll(bg);
    summary = loadFixture(SUMMARY_MULTIPLE_MODELS);
    await poll(bg);
    list = 503;
    summary = loadFixture(SUMMARY_RECOVERED);
    await poll(bg);
    expect(to(INCIDENTS).map((c) => c.status)).toEqual([503]);
    expect(await archiveItem.getValue()).toEqual({ archive: EMPTY_ARCHIVE, etag: null });
    expect((await archiveFillItem.getValue()).problem).toBe('HTTP 503');
    await poll(bg);
    const resolved = notes.filter((n) => n.id.includes('|resolved'));
    expect(resolved).toHaveLength(1);
    expect(resolved[0]!.message).not.toContain('Error rates');
  });

  it('an archive that cannot be stored (storage full) still gives the closing words, and the next read is unconditional', async () => {
    const { bg, to, notes } = setup();
    await poll(bg);
    summary = loadFixture(SUMMARY_MULTIPLE_MODELS);
    await poll(bg);
    list = resolvedList(summary);
    summary = loadFixture(SUMMARY_RECOVERED);
    vi.spyOn(archiveItem, 'setValue').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await poll(bg);
    expect(notes.at(-1)?.message).toContain(isolate('This incident has been resolved.'));
    expect((await archiveItem.getValue()).etag).toBeNull();
    now += FIRST_FILL_RETRY_MS;
    await bg.startHistory();
    expect(to(INCIDENTS).map((c) => [c.status, c.ifNoneMatch])).toEqual([
      [200, null],
      [200, null],
    ]);
    expect((await archiveItem.getValue()).archive.incidents).toHaveLength(1);
  });

  it('settings learning models and a history page opening at the same moment share one request', async () => {
    const { bg, to } = setup();
    list = loadFixture(INCIDENTS_BACKFILL);
    await Promise.all([bg.learnModels(), bg.handle({ type: 'history-open' }), bg.startHistory()]);
    expect(to(INCIDENTS)).toHaveLength(1);
  });
});

describe('the first fill', () => {
  it('fills once at the first start, offers the models it names, and leaves the hourly learning to settings', async () => {
    const { bg, to } = setup();
    list = loadFixture(INCIDENTS_BACKFILL);
    await bg.startHistory();
    const { archive } = await archiveItem.getValue();
    expect(archive.incidents).toHaveLength(50);
    expect(archive.listedAt).toBe(now);
    const seen = await seenModelsItem.getValue();
    expect(seen.keys).toEqual(expect.arrayContaining(['opus-4.8', 'haiku-4.5', 'sonnet-5']));
    expect(seen.learnedAt).toBeNull();

    now += 60_000;
    await bg.startHistory();
    expect(to(INCIDENTS)).toHaveLength(1);
    // Settings opens: a conditional read, a 304, the models from the archive, and now the hourly clock starts.
    await bg.handle({ type: 'learn-models' });
    expect(to(INCIDENTS).map((c) => c.status)).toEqual([200, 304]);
    const learned = await seenModelsItem.getValue();
    expect(learned.learnedAt).toBe(now);
    expect([...learned.keys].sort()).toEqual([...seen.keys].sort());
  });

  it('after a failure, tries again at a start 30 minutes later, not sooner; a clock set back does not block it', async () => {
    const { bg, to } = setup();
    list = 500;
    await bg.startHistory();
    now += FIRST_FILL_RETRY_MS - 60_000;
    await bg.startHistory();
    expect(to(INCIDENTS)).toHaveLength(1);
    now += 60_000;
    await bg.startHistory();
    expect(to(INCIDENTS)).toHaveLength(2);
    now -= 3 * 3_600_000; // clock set back: the last attempt now lies in the future
    await bg.startHistory();
    expect(to(INCIDENTS)).toHaveLength(3);
    list = loadFixture(INCIDENTS_BACKFILL);
    now += 3 * 3_600_000 + FIRST_FILL_RETRY_MS;
    await bg.startHistory();
    expect((await archiveItem.getValue()).archive.listedAt).toBe(now);
    expect(await archiveFillItem.getValue()).toEqual({ attemptedAt: now, problem: null, filled: true });
  });

  it('once filled, a worker start reads only the small fill record, not the archive', async () => {
    const first = setup();
    list = loadFixture(INCIDENTS_BACKFILL);
    await first.bg.startHistory();
    expect(first.to(INCIDENTS)).toHaveLength(1);
    const read = vi.spyOn(archiveItem, 'getValue');
    for (let i = 0; i < 3; i++) {
      now += 20_000;
      const woken = setup(); // a new worker each time, as after an idle stop
      await woken.bg.startHistory();
      expect(woken.calls).toEqual([]);
    }
    expect(read).not.toHaveBeenCalled();
  });

  it('a fill whose archive could not be stored does not count as filled: the next start tries again (after the wait)', async () => {
    const { bg, to } = setup();
    list = loadFixture(INCIDENTS_BACKFILL);
    vi.spyOn(archiveItem, 'setValue').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await bg.startHistory();
    expect(await archiveFillItem.getValue()).toEqual({ attemptedAt: now, problem: null, filled: false });
    now += FIRST_FILL_RETRY_MS;
    await bg.startHistory();
    expect(to(INCIDENTS).map((c) => c.ifNoneMatch)).toEqual([null, null]);
    expect((await archiveFillItem.getValue()).filled).toBe(true);
  });

  it('invalid JSON in incidents.json fills nothing and is said so', async () => {
    const { bg } = setup();
    list = { incidents: 'nope' };
    await bg.startHistory();
    expect((await archiveItem.getValue()).archive.listedAt).toBeNull();
    expect((await archiveFillItem.getValue()).problem).toMatch(/incidents\.json/);
  });
});

describe('the history page asks', () => {
  it('history-open is a command; a look-alike is not', () => {
    expect(isCommand({ type: 'history-open' })).toBe(true);
    expect(isCommand({ type: 'history-opened' })).toBe(false);
  });

  it('for the official uptime of the summary’s components, at most every 6 hours; and for the first fill if none succeeded', async () => {
    const { bg, to } = setup();
    summary = loadFixture(SUMMARY_OPERATIONAL);
    await poll(bg);
    const ids = (summary.components as Array<{ id: string }>).map((c) => c.id);
    uptime = {
      timelines: Object.fromEntries(ids.map((id) => [id, {}])),
      values: ids.map((component) => ({ component, ninety: 99.5, sixty: 99.6, thirty: 99.9 })),
    };
    list = loadFixture(INCIDENTS_BACKFILL);
    await bg.handle({ type: 'history-open' });
    expect(to(UPTIME)).toHaveLength(1);
    expect(to(INCIDENTS)).toHaveLength(1);
    const cache = await uptimeItem.getValue();
    expect(Object.keys(cache.uptime).sort()).toEqual([...ids].sort());
    expect(cache.uptime[ids[0]!]).toEqual({ ninety: 99.5, thirty: 99.9 });

    now += UPTIME_REFRESH_MS - 60_000;
    await bg.handle({ type: 'history-open' });
    expect(to(UPTIME)).toHaveLength(1);
    expect(to(INCIDENTS)).toHaveLength(1); // filled already: the page reads the archive, no request
    now += 60_000;
    await bg.handle({ type: 'history-open' });
    expect(to(UPTIME).map((c) => c.status)).toEqual([200, 304]);
    expect(to(SUMMARY)).toHaveLength(1); // never a poll
  });

  it('with the archive still empty after a failed first fill, opening the page tries again at once', async () => {
    const { bg, to } = setup();
    list = 404;
    await bg.startHistory();
    expect((await archiveFillItem.getValue()).problem).toBe('HTTP 404');
    now += 60_000;
    await bg.startHistory(); // a worker start: too soon after the failure
    expect(to(INCIDENTS)).toHaveLength(1);
    list = loadFixture(INCIDENTS_BACKFILL);
    await bg.handle({ type: 'history-open' }); // the history page: now
    expect(to(INCIDENTS).map((c) => c.status)).toEqual([404, 200]);
    expect((await archiveItem.getValue()).archive.incidents).toHaveLength(50);
    expect(await archiveFillItem.getValue()).toEqual({ attemptedAt: now, problem: null, filled: true });
  });

  it('without a summary yet there is no component to ask about, so no uptime request', async () => {
    const { bg, to } = setup();
    uptime = { timelines: {}, values: [] };
    await bg.handle({ type: 'history-open' });
    expect(to(UPTIME)).toEqual([]);
  });
});

describe('closing words and models from a fill (pure)', () => {
  const raw = IncidentListSchema.parse(resolvedList(loadFixture(SUMMARY_MULTIPLE_MODELS), T0)).incidents;
  const archive = archiveIncidents(EMPTY_ARCHIVE, raw, T0 + 60_000, { complete: true });
  const result = (over: Partial<RefreshResult>): RefreshResult => ({
    archive,
    etag: 'x',
    incidents: [],
    problem: null,
    changed: false,
    ...over,
  });

  it('a fresh list speaks for the incidents asked about only, with the newest update whole', () => {
    const closing = closingFrom(result({ incidents: raw }), [MULTIPLE, 'otherid']);
    expect(Object.keys(closing)).toEqual([MULTIPLE]);
    expect(closing[MULTIPLE]).toMatchObject({ resolved: true, update: { id: 'synthres1', status: 'resolved' } });
    expect(closing[MULTIPLE]!.update!.body).toBe('This incident has been resolved. Error rates are back to normal.');
  });

  it('after a 304 the archive speaks, with the newest update’s first sentence', () => {
    const closing = closingFrom(result({}), [MULTIPLE]);
    expect(closing[MULTIPLE]).toEqual({
      resolved: true,
      update: { id: 'synthres1', status: 'resolved', body: 'This incident has been resolved.', at: T0 },
    });
  });

  it('a failure says nothing, and teaches no models', () => {
    const failed = result({ problem: { kind: 'timeout', detail: 'timeout' } });
    expect(closingFrom(failed, [MULTIPLE])).toEqual({});
    expect(modelsFrom(failed)).toEqual([]);
  });

  it('models: what the fresh text names, then what the archive holds, each once', () => {
    const fromArchive = archivedModels(archive);
    expect(fromArchive.length).toBeGreaterThan(0);
    expect(modelsFrom(result({}))).toEqual(fromArchive);
    const fresh = modelsFrom(result({ incidents: raw }));
    expect(new Set(fresh)).toEqual(new Set([...fresh]));
    expect(fresh).toEqual(expect.arrayContaining(fromArchive));
  });
});
