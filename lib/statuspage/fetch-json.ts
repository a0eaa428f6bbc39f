/**
 * One bounded, conditional GET of a Statuspage JSON endpoint. Never throws: every failure comes back
 * as a {@link PollProblem} that says what a user should be told.
 */

export type ProblemKind =
  /** DNS, TLS, connection refused or reset: the page could not be reached at all. */
  | 'network'
  | 'timeout'
  /** An HTTP error that is not a challenge (5xx, 404). */
  | 'http'
  /** 403/405/429, or an HTML page with status 200 where JSON was expected: a CDN/WAF challenge or rate limit. */
  | 'blocked'
  /** JSON that is not what we expect, broken JSON, or a body over the size cap. */
  | 'invalid'
  /** The answer came from another origin after a redirect: whatever it says, it is not the status page's. */
  | 'redirect'
  | 'offline';

export interface PollProblem {
  kind: ProblemKind;
  /** Short human text, e.g. "HTTP 405". */
  detail: string;
  /** Seconds from a `Retry-After` header, when one came with the error. */
  retryAfterSec?: number;
  /** The HTTP status of an error answer (429 means "slow down" and backs off at once). */
  httpStatus?: number;
}

export type FetchOutcome =
  /** `lastModified` is the `Last-Modified` header, for hosts that send no ETag. */
  | { kind: 'fresh'; json: unknown; etag: string | null; bytes: number; lastModified?: string | null }
  | { kind: 'not-modified' }
  | { kind: 'failed'; problem: PollProblem };

export interface FetchJsonOptions {
  fetch: typeof fetch;
  url: string;
  etag?: string | null;
  /** Sent as `If-Modified-Since` when there is no ETag to send (hosts that only send `Last-Modified`). */
  lastModified?: string | null;
  timeoutMs: number;
  maxBytes: number;
  /** Origins an answer may come from after redirects; default: the origin of `url` only. */
  allowedOrigins?: readonly string[];
}

export async function fetchJson(opts: FetchJsonOptions): Promise<FetchOutcome> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (opts.etag) headers['If-None-Match'] = opts.etag;
  else if (opts.lastModified) headers['If-Modified-Since'] = opts.lastModified;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), opts.timeoutMs);
  try {
    // no-store: the browser's HTTP cache could hand us an old copy while it revalidates in the
    // background (max-age=10, stale-while-revalidate=30). We keep the ETag ourselves instead.
    const res = await opts.fetch(opts.url, { headers, cache: 'no-store', signal: abort.signal, credentials: 'omit' });
    // Redirects are followed (a host may move a path), but only an answer from an expected origin
    // counts: a redirect to any other site is refused, whatever it says (an optional host
    // permission covers one host, and a redirect is not the data we asked for).
    const allowed: ReadonlyArray<string | null> = opts.allowedOrigins ?? [originOf(opts.url)];
    const finalOrigin = res.url ? originOf(res.url) : originOf(opts.url);
    if (!allowed.includes(finalOrigin)) return failed('redirect', `redirected to ${finalOrigin ?? 'another address'}`);
    if (res.status === 304) return { kind: 'not-modified' };
    const type = res.headers.get('content-type') ?? '';
    if (!res.ok) {
      // An error page is HTML whatever the cause; only these statuses mean a challenge or a limit.
      const blocked = [403, 405, 429].includes(res.status);
      return failed(blocked ? 'blocked' : 'http', `HTTP ${res.status}`, retryAfter(res.headers.get('retry-after')), res.status);
    }
    const declared = Number(res.headers.get('content-length'));
    if (declared > opts.maxBytes) return failed('invalid', `response too large (${declared} bytes)`);
    const body = await readCapped(res, opts.maxBytes);
    if (body === null) return failed('invalid', `response larger than ${opts.maxBytes} bytes`);
    if (type.includes('html') || /^\s*</.test(body)) return failed('blocked', 'HTML page instead of JSON (challenge?)');
    try {
      const fresh = { kind: 'fresh' as const, json: JSON.parse(body) as unknown, etag: res.headers.get('etag'), bytes: body.length };
      const lastModified = res.headers.get('last-modified');
      return lastModified === null ? fresh : { ...fresh, lastModified };
    } catch {
      return failed('invalid', 'response is not valid JSON');
    }
  } catch (error) {
    if (abort.signal.aborted) return failed('timeout', `no answer within ${Math.round(opts.timeoutMs / 1000)} s`);
    return failed('network', error instanceof Error && error.message ? error.message : 'network error');
  } finally {
    clearTimeout(timer);
  }
}

function failed(kind: ProblemKind, detail: string, retryAfterSec?: number, httpStatus?: number): FetchOutcome {
  const problem: PollProblem = { kind, detail };
  if (retryAfterSec !== undefined) problem.retryAfterSec = retryAfterSec;
  if (httpStatus !== undefined) problem.httpStatus = httpStatus;
  return { kind: 'failed', problem };
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Reads the body as text, or returns null as soon as it passes `maxBytes` (and stops downloading). */
async function readCapped(res: Response, maxBytes: number): Promise<string | null> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel();
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** No `Retry-After` may stop polling for longer than this: a status tool that goes quiet for a day
 *  because of one header is worse than one polite request an hour. */
export const MAX_RETRY_AFTER_SEC = 60 * 60;

/** `Retry-After` is either seconds or an HTTP date; either way capped at {@link MAX_RETRY_AFTER_SEC}. */
export function retryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (header.trim() !== '' && Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, MAX_RETRY_AFTER_SEC);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.min(MAX_RETRY_AFTER_SEC, Math.max(0, Math.round((date - now) / 1000))) : undefined;
}
