import { describe, expect, it } from 'vitest';
import { EMPTY_ARCHIVE } from '../../../lib/history/archive';
import { type ArchiveState, INCIDENTS_URL, refreshArchive } from '../../../lib/history/fill';
import { fakeFetch, json } from '../../fake-fetch';
import { INCIDENTS_BACKFILL, loadFixture } from '../../fixtures';
import { CAPTURE_NOW, realArchive } from './helpers';

/** The capture without the archiver's `_meta`, as incidents.json serves it (docs: SOURCES.md note B). */
const incidentsJson = () => ({ incidents: loadFixture(INCIDENTS_BACKFILL).incidents });
const EMPTY: ArchiveState = { archive: EMPTY_ARCHIVE, etag: null };
const deps = (reply: Parameters<typeof fakeFetch>[0][string]) => {
  const { fetch, calls } = fakeFetch({ 'status.claude.com': reply });
  return { deps: { fetch, now: () => CAPTURE_NOW }, calls };
};

describe('refreshArchive', () => {
  it('fills an empty archive from incidents.json and keeps its own ETag', async () => {
    const { deps: d, calls } = deps(() => json(incidentsJson(), { headers: { etag: 'W/"list1"' } }));
    const result = await refreshArchive(d, EMPTY);
    expect(calls.map((c) => c.url)).toEqual([INCIDENTS_URL]);
    expect(calls[0]!.headers['If-None-Match']).toBeUndefined();
    expect(result).toMatchObject({ etag: 'W/"list1"', problem: null, changed: true });
    expect(result.archive.incidents).toHaveLength(50);
    expect(result.archive.coveredSince).not.toBeNull();
    expect(result.incidents).toHaveLength(50);
  });

  it('asks conditionally next time; a 304 changes nothing and costs no merge', async () => {
    const state = { archive: realArchive(), etag: 'W/"list1"' };
    const { deps: d, calls } = deps(() => new Response(null, { status: 304 }));
    const result = await refreshArchive(d, state);
    expect(calls[0]!.headers['If-None-Match']).toBe('W/"list1"');
    expect(result).toMatchObject({ problem: null, changed: false, incidents: [] });
    expect(result.archive).toBe(state.archive);
  });

  it('the same resolved incidents under a new ETag leave every archived incident as it was', async () => {
    const state = { archive: realArchive(), etag: 'W/"list1"' };
    const { deps: d } = deps(() => json(incidentsJson(), { headers: { etag: 'W/"list2"' } }));
    const result = await refreshArchive(d, state);
    expect(result.changed).toBe(true); // the ETag and the time the list was read
    expect(result.archive.incidents.every((incident, i) => incident === state.archive.incidents[i])).toBe(true);
    expect(result.archive.coveredSince).toBe(state.archive.coveredSince);
  });

  it.each([
    ['HTTP 500', () => new Response('oops', { status: 500 }), 'http'],
    ['a challenge page', () => new Response('<!doctype html><title>Just a moment</title>', { status: 200 }), 'blocked'],
    ['broken JSON', () => new Response('{"incidents": [', { status: 200, headers: { 'content-type': 'application/json' } }), 'invalid'],
    ['the wrong shape', () => json({ incidents: [{ id: 'not an id!' }] }), 'invalid'],
    ['no network', () => Promise.reject(new TypeError('Failed to fetch')), 'network'],
  ])('%s keeps the archive and its ETag, and says why', async (_, reply, kind) => {
    const state = { archive: realArchive(), etag: 'W/"list1"' };
    const { deps: d } = deps(reply as never);
    const result = await refreshArchive(d, state);
    expect(result).toMatchObject({ etag: 'W/"list1"', changed: false, problem: { kind } });
    expect(result.archive).toBe(state.archive);
  });

  it('refuses a body over its size cap before reading it', async () => {
    const { deps: d } = deps(
      () => new Response('{}', { headers: { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) } }),
    );
    expect((await refreshArchive(d, EMPTY)).problem).toMatchObject({ kind: 'invalid' });
  });
});
