// Fake status.claude.com / anthropic.statuspage.io / claude.ai over HTTPS on 127.0.0.1:<random>,
// with Statuspage-like caching headers, ETag/304, fault injection and a request log.
// Browsers reach it through --host-resolver-rules (Chromium) or startConnectProxy() (Firefox).
import https from 'node:https';
import { INCIDENTS_PATH, SUMMARY_PATH } from '../../../lib/statuspage/hosts.ts';
import { ensureCerts } from './certs.mjs';
import { claudePageHtml } from './fake-claude-page.mjs';
import { loadFixture } from './fixtures.mjs';
import { CLAUDE_HOST, PROVIDER_HOSTS, STATUS_HOST, STATUS_HOSTS } from './hosts.mjs';
import { REGION_HTML, REGION_PATH, etagOf, headerBytes, send, serveClaudeApi, serveFault, serveJson } from './responses.mjs';

export { loadFixture, rebaseTimes, FIXTURES_DIR } from './fixtures.mjs';
export { startConnectProxy } from './connect-proxy.mjs';
export { CACHE_CONTROL, JSON_TYPE, REGION_PATH, etagOf } from './responses.mjs';

// The hosts, from the extension's own lists (hosts.mjs). STATUS_HOSTS serve the documents below
// (setSummary, setJson); each of PROVIDER_HOSTS serves what setHostJson put there, else 404.
export { CLAUDE_HOST, CLAUDE_ORIGIN, FALLBACK_HOST, PROVIDER_HOSTS, STATUS_HOST, STATUS_HOSTS, STATUS_PAGE_ORIGIN } from './hosts.mjs';
export { INCIDENTS_PATH, SUMMARY_PATH };

/**
 * @typedef {{ kind: 'http', status: number, retryAfter?: number, body?: string }
 *   | { kind: 'challenge' } | { kind: 'html200', contentType?: string }
 *   | { kind: 'truncated', abort?: boolean } | { kind: 'stall' } | { kind: 'reset' }
 *   | { kind: 'wrongShape' } | { kind: 'oversized', bytes?: number, chunked?: boolean }} FaultSpec
 *   truncated: a complete response whose body is the first half of the JSON (Content-Length = half);
 *     with `abort: true` it announces the full length, sends half and resets the socket instead.
 *   stall: held until the host's fault changes (then answered under the new rules) or close().
 *   oversized: the current payload plus a `_padding` string, `bytes` long in total (default 3 MB);
 *     `chunked: true` omits Content-Length.
 * @typedef {{ at: number, host: string, method: string, path: string, url: string,
 *   ifNoneMatch: string | null, status: number | null, bytes: number, fault: string | null,
 *   done: boolean, aborted: boolean }} RequestEntry
 * @typedef {{ kind: 'http', status: number, challenge?: boolean } | { kind: 'reset' } | { kind: 'sse-error' }} ClaudeApiSpec
 *   How the fake claude.ai answers every `/api/…` request: a status (with an Anthropic-style error
 *   body, and `cf-mitigated: challenge` when `challenge`), a TCP reset, or a 200 event stream that
 *   carries an error event (what webRequest cannot see).
 *   Logged on arrival (status null, bytes 0) and completed in place when the response finishes;
 *   status stays null for reset/stalled/aborted requests. bytes = status line + headers as
 *   serialised here + body bytes written.
 */

/**
 * Start the fake server.
 * @param {{ certs?: import('./certs.mjs').Certs, summary?: object, incidents?: object, cdn?: { sMaxAgeSec: number } | null }} [opts]
 *   summary defaults to the operational fixture, incidents to `{ page, incidents: [] }`.
 *   cdn: model the status page's CDN (`s-maxage=15`) as it is for a real, busy page: other clients
 *   keep each edge refreshing its copy every `sMaxAgeSec` on a fixed cycle, whatever this client
 *   does, so a change reaches the answers 0–15 s after it is made (the `Age` header says how old
 *   the copy is).
 */
export async function startFakeServer({ certs = ensureCerts(), summary, incidents, cdn = null } = {}) {
  summary ??= loadFixture('claude-summary-2026-09-15-operational.json');
  incidents ??= { page: summary.page, incidents: [] };
  /** @type {Map<string, { body: Buffer, etag: string, obj: any }>} path → current JSON */
  const docs = new Map();
  /** @type {Map<string, { body: Buffer, etag: string, obj: any }>} `${host}${path}` → JSON of a provider host */
  const hostDocs = new Map();
  /** @type {Map<string, FaultSpec>} */
  const faults = new Map();
  /** @type {Set<{ host: string, replay: () => void, res: import('node:http').ServerResponse }>} */
  const stalled = new Set();
  /** @type {RequestEntry[]} */
  const requests = [];
  const waiters = new Set();
  let claudeHeaders = {};
  /** Every version of every document, oldest first: what the origin served when. */
  const history = new Map();
  const startedAt = Date.now();
  /** What an edge holds now: the origin's document as it was at the edge's last refresh. */
  const fromEdge = (host, path) => {
    const origin = docs.get(path);
    if (!cdn || !origin) return { doc: origin, headers: {} };
    const period = cdn.sMaxAgeSec * 1000;
    const now = Date.now();
    // Each host's edge has its own phase (two CDNs do not refresh in step).
    const phase = host === STATUS_HOSTS[1] ? period / 2 : 0;
    const refreshedAt = startedAt + phase + Math.floor((now - startedAt - phase) / period) * period;
    const versions = history.get(path) ?? [];
    const copy = versions.findLast((v) => v.at <= refreshedAt) ?? versions[0];
    return { doc: copy?.doc ?? origin, headers: { Age: String(Math.max(0, Math.floor((now - refreshedAt) / 1000))) } };
  };
  /** @type {ClaudeApiSpec} */
  let claudeApi = { kind: 'http', status: 200 };
  let claudeRegion = false;

  const setJson = (path, obj) => {
    if (obj == null) return void docs.delete(path);
    const body = Buffer.from(JSON.stringify(obj));
    const doc = { body, etag: etagOf(body), obj };
    docs.set(path, doc);
    const versions = history.get(path) ?? [];
    versions.push({ doc, at: Date.now() });
    history.set(path, versions.slice(-20));
  };
  setJson(SUMMARY_PATH, summary);
  setJson(INCIDENTS_PATH, incidents);

  const notify = (entry) => {
    for (const w of waiters)
      if (w.pred(entry)) {
        waiters.delete(w);
        w.resolve(entry);
      }
  };

  const server = https.createServer({ key: certs.keyPem, cert: certs.certPem }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url, `https://${host || 'unknown'}`);
    /** @type {RequestEntry} */
    const entry = {
      at: Date.now(),
      host,
      method: req.method,
      path: url.pathname,
      url: req.url,
      ifNoneMatch: req.headers['if-none-match'] ?? null,
      status: null,
      bytes: 0,
      fault: null,
      done: false,
      aborted: false,
    };
    requests.push(entry);
    let bodyBytes = 0;
    const write = res.write.bind(res);
    res.write = (chunk, ...rest) => {
      bodyBytes += Buffer.byteLength(chunk);
      return write(chunk, ...rest);
    };
    res.on('finish', () => {
      Object.assign(entry, { status: res.statusCode, bytes: headerBytes(res) + bodyBytes, done: true });
      notify(entry);
    });
    res.on('close', () => {
      if (entry.done) return;
      Object.assign(entry, { aborted: true, done: true, bytes: bodyBytes && headerBytes(res) + bodyBytes });
      notify(entry);
    });
    const dispatch = () => {
      const fault = faults.get(host);
      entry.fault = fault?.kind ?? null;
      if (fault?.kind === 'stall') {
        const item = { host, res, replay: dispatch };
        stalled.add(item);
        res.on('close', () => stalled.delete(item));
        return;
      }
      if (fault) return serveFault(fault, res, docs.get(url.pathname));
      if (STATUS_HOSTS.includes(host)) {
        if (req.method === 'OPTIONS') return send(res, 405, { 'Content-Type': 'text/plain' }, 'no preflight');
        const { doc, headers } = fromEdge(host, url.pathname);
        return serveJson(req, res, doc, headers);
      }
      if (PROVIDER_HOSTS.includes(host)) return serveJson(req, res, hostDocs.get(`${host}${url.pathname}`));
      if (host === CLAUDE_HOST) {
        if (url.pathname === '/favicon.ico') return send(res, 404, { 'Content-Type': 'text/plain' }, 'not found');
        if (url.pathname.startsWith('/api/')) return serveClaudeApi(claudeApi, res);
        if (url.pathname === REGION_PATH) return send(res, 200, { 'Content-Type': 'text/html; charset=utf-8' }, REGION_HTML);
        if (claudeRegion) return send(res, 302, { Location: REGION_PATH, 'Cache-Control': 'no-store' }, '');
        return send(
          res,
          200,
          { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...claudeHeaders },
          claudePageHtml(url),
        );
      }
      send(res, 404, { 'Content-Type': 'text/plain' }, `unknown host ${host}`);
    };
    dispatch();
    notify(entry); // after dispatch, so entry.fault is set (responses finish asynchronously)
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    server,
    /** Port on 127.0.0.1. */
    port: /** @type {import('node:net').AddressInfo} */ (server.address()).port,
    /** Request log (newest last). */
    requests,
    /**
     * Serve this object as summary.json on both status hosts (serialised now). Like the real page,
     * whose `page.updated_at` moves whenever anything on it changes, the copy served is stamped
     * with the current time, so a newer state is never mistaken for an older copy; `{ stamp: false }`
     * serves it as given (to play an older CDN copy).
     */
    setSummary: (obj, { stamp = true } = {}) =>
      setJson(SUMMARY_PATH, stamp && obj?.page ? { ...obj, page: { ...obj.page, updated_at: new Date().toISOString() } } : obj),
    /** Serve this object as incidents.json on both status hosts (serialised now). */
    setIncidents: (obj) => setJson(INCIDENTS_PATH, obj),
    /** Serve any JSON path on the status hosts; null removes it (404). */
    setJson,
    /**
     * Serve this object as JSON at `path` on one of PROVIDER_HOSTS (its own documents, apart from
     * the Claude hosts'); null removes it (404).
     */
    setHostJson(host, path, obj) {
      if (obj == null) return void hostDocs.delete(`${host}${path}`);
      const body = Buffer.from(JSON.stringify(obj));
      hostDocs.set(`${host}${path}`, { body, etag: etagOf(body), obj });
    },
    /** The object currently served at a path. */
    getJson: (path) => docs.get(path)?.obj,
    /** How claude.ai answers its `/api/…` requests from now on (default: 200 with `{}`). */
    setClaudeApi: (/** @type {ClaudeApiSpec} */ spec) => {
      claudeApi = spec;
    },
    /** While on, claude.ai's pages redirect to its "unavailable in your region" page. */
    setClaudeRegion: (on) => {
      claudeRegion = !!on;
    },
    /** Extra response headers for the claude.ai page, e.g. a Content-Security-Policy. */
    setClaudeHeaders: (headers) => {
      claudeHeaders = { ...headers };
    },
    /**
     * Inject (or clear with null) a fault for every request to one host. Requests stalled on that
     * host are then answered under the new rules.
     * @param {FaultSpec | null} spec
     * @param {{ host?: string }} [opts] default STATUS_HOST (status.claude.com)
     */
    setFault(spec, { host = STATUS_HOST } = {}) {
      if (spec) faults.set(host, spec);
      else faults.delete(host);
      for (const item of [...stalled])
        if (item.host === host) {
          stalled.delete(item);
          item.replay();
        }
    },
    clearRequests: () => void requests.splice(0),
    /**
     * Resolve with the first logged request matching pred (already logged ones count, so call
     * clearRequests() first to wait for a new one). pred runs on arrival and again on completion,
     * so `r => r.status === 304` works.
     * @param {(r: RequestEntry) => boolean} pred
     * @param {number} [timeoutMs] default 10 s
     * @returns {Promise<RequestEntry>}
     */
    waitForRequest(pred, timeoutMs = 10_000) {
      const hit = requests.find(pred);
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const w = {
          pred,
          resolve: (e) => {
            clearTimeout(timer);
            resolve(e);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(w);
          const log = requests
            .slice(-10)
            .map((r) => `${r.host}${r.path} ${r.status}`)
            .join('; ');
          reject(new Error(`waitForRequest: no match in ${timeoutMs} ms (last: ${log || 'none'})`));
        }, timeoutMs);
        waiters.add(w);
      });
    },
    /** Stop listening and drop every connection (stalled requests included). */
    async close() {
      for (const item of stalled) item.res.destroy();
      stalled.clear();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
