import { describe, expect, it, vi } from 'vitest';
import { fetchJson, retryAfter } from '../../../lib/statuspage/fetch-json';
import { fakeFetch, json, stall } from '../../fake-fetch';

const url = 'https://status.claude.com/api/v2/summary.json';
const run = (reply: Parameters<typeof fakeFetch>[0][string], etag: string | null = null) => {
  const { fetch, calls } = fakeFetch({ 'status.claude.com': reply });
  return { calls, result: fetchJson({ fetch, url, etag, timeoutMs: 200, maxBytes: 1000 }) };
};

describe('fetchJson', () => {
  it('returns the JSON and the ETag of a 200', async () => {
    const { result } = run(() => json({ ok: 1 }, { headers: { etag: 'W/"abc"' } }));
    expect(await result).toMatchObject({ kind: 'fresh', json: { ok: 1 }, etag: 'W/"abc"' });
  });

  it('sends If-None-Match and treats 304 as unchanged', async () => {
    const { result, calls } = run(() => new Response(null, { status: 304 }), 'W/"abc"');
    expect(await result).toEqual({ kind: 'not-modified' });
    expect(calls[0]!.headers['If-None-Match']).toBe('W/"abc"');
  });

  it.each([
    [405, 'text/html', 'blocked'],
    [403, 'text/html', 'blocked'],
    [429, 'application/json', 'blocked'],
    [500, 'text/plain', 'http'],
    [503, 'text/html', 'http'],
    [404, 'application/json', 'http'],
  ])('HTTP %i (%s) is a %s problem that names the status', async (status, type, kind) => {
    const { result } = run(() => new Response('<html>challenge</html>', { status, headers: { 'content-type': type } }));
    expect(await result).toEqual({ kind: 'failed', problem: { kind, detail: `HTTP ${status}`, httpStatus: status } });
  });

  it('keeps Retry-After seconds from a 429', async () => {
    const { result } = run(() => new Response('', { status: 429, headers: { 'retry-after': '120' } }));
    expect(await result).toMatchObject({ problem: { kind: 'blocked', retryAfterSec: 120 } });
  });

  it('an HTML page with status 200 is a challenge, never data', async () => {
    const { result } = run(() => new Response('<!doctype html><title>Just a moment</title>', { status: 200 }));
    expect(await result).toMatchObject({ kind: 'failed', problem: { kind: 'blocked' } });
  });

  it('truncated JSON is invalid', async () => {
    const { result } = run(() => new Response('{"page":{"id":"x"', { status: 200, headers: { 'content-type': 'application/json' } }));
    expect(await result).toMatchObject({ kind: 'failed', problem: { kind: 'invalid', detail: 'response is not valid JSON' } });
  });

  it('a declared body over the cap is refused before reading', async () => {
    const { result } = run(() => new Response('{}', { headers: { 'content-length': '5000' } }));
    expect(await result).toMatchObject({ problem: { kind: 'invalid' } });
  });

  it('a streamed body over the cap is cut off', async () => {
    const { result } = run(() => new Response(`{"x":"${'a'.repeat(5000)}"}`));
    expect(await result).toMatchObject({ problem: { kind: 'invalid', detail: 'response larger than 1000 bytes' } });
  });

  it('a stalled response times out', async () => {
    const { result } = run(stall);
    expect(await result).toEqual({ kind: 'failed', problem: { kind: 'timeout', detail: 'no answer within 0 s' } });
  });

  it('a network error is a network problem', async () => {
    const { fetch } = fakeFetch({});
    expect(await fetchJson({ fetch, url, timeoutMs: 100, maxBytes: 100 })).toMatchObject({
      problem: { kind: 'network', detail: 'Failed to fetch' },
    });
  });

  it('bypasses the HTTP cache and sends no cookies', async () => {
    const spy = vi.fn(async () => json({}));
    await fetchJson({ fetch: spy as unknown as typeof fetch, url, timeoutMs: 100, maxBytes: 100 });
    expect(spy).toHaveBeenCalledWith(url, expect.objectContaining({ cache: 'no-store', credentials: 'omit' }));
  });
});

describe('fetchJson for hosts without ETags, and redirects', () => {
  const { fetch, calls } = fakeFetch({
    'status.claude.com': () => json({ ok: 1 }, { headers: { 'last-modified': 'Tue, 15 Sep 2026 12:00:00 GMT' } }),
  });

  it('sends If-Modified-Since only when there is no ETag to send, and returns Last-Modified', async () => {
    const result = await fetchJson({ fetch, url, lastModified: 'Mon, 14 Sep 2026 00:00:00 GMT', timeoutMs: 200, maxBytes: 1000 });
    expect(calls.at(-1)?.headers['If-Modified-Since']).toBe('Mon, 14 Sep 2026 00:00:00 GMT');
    expect(result).toMatchObject({ kind: 'fresh', lastModified: 'Tue, 15 Sep 2026 12:00:00 GMT' });
    await fetchJson({ fetch, url, etag: 'W/"e"', lastModified: 'Mon, 14 Sep 2026 00:00:00 GMT', timeoutMs: 200, maxBytes: 1000 });
    expect(calls.at(-1)?.headers).toMatchObject({ 'If-None-Match': 'W/"e"' });
    expect(calls.at(-1)?.headers['If-Modified-Since']).toBeUndefined();
  });

  it('refuses a response served from another origin when one is expected', async () => {
    const redirected = fakeFetch({
      'status.claude.com': () => {
        const res = json({ ok: 1 });
        Object.defineProperty(res, 'url', { value: 'https://login.example.com/' });
        return res;
      },
    });
    const opts = { fetch: redirected.fetch, url, timeoutMs: 200, maxBytes: 1000 };
    const refused = { kind: 'failed', problem: { kind: 'redirect', detail: 'redirected to https://login.example.com' } };
    expect(await fetchJson({ ...opts, allowedOrigins: ['https://status.claude.com'] })).toEqual(refused);
    // By default only the requested URL's own origin is accepted.
    expect(await fetchJson(opts)).toEqual(refused);
    expect(await fetchJson({ ...opts, allowedOrigins: ['https://login.example.com'] })).toMatchObject({ kind: 'fresh' });
  });
});

describe('retryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfter('30')).toBe(30);
    expect(retryAfter('Wed, 25 Nov 2026 10:00:30 GMT', Date.parse('2026-11-25T10:00:00Z'))).toBe(30);
    expect(retryAfter('soon')).toBeUndefined();
    expect(retryAfter(null)).toBeUndefined();
  });
});
