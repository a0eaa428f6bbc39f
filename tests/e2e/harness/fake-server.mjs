// Fake status.claude.com / anthropic.statuspage.io / claude.ai over HTTPS on 127.0.0.1:<random>,
// with Statuspage-like caching headers, ETag/304, fault injection and a request log.
// Browsers reach it through --host-resolver-rules (Chromium) or startConnectProxy() (Firefox).
import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { ensureCerts } from './certs.mjs';
import { claudePageHtml } from './fake-claude-page.mjs';
import { loadFixture } from './fixtures.mjs';

export { loadFixture, rebaseTimes, FIXTURES_DIR } from './fixtures.mjs';

export const STATUS_HOSTS = ['status.claude.com', 'anthropic.statuspage.io'];
export const SUMMARY_PATH = '/api/v2/summary.json';
export const INCIDENTS_PATH = '/api/v2/incidents.json';
/** As sent by the real status page (captured on history.atom). */
export const CACHE_CONTROL = 'max-age=10, public, s-maxage=15, stale-while-revalidate=30, stale-if-error=3600';
export const JSON_TYPE = 'application/json; charset=utf-8';

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
 *   Logged on arrival (status null, bytes 0) and completed in place when the response finishes;
 *   status stays null for reset/stalled/aborted requests. bytes = status line + headers as
 *   serialised here + body bytes written.
 */

/** Weak ETag like Statuspage's: first 32 hex digits of the body's SHA-256. */
export const etagOf = (body) => `W/"${crypto.createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;

/**
 * Start the fake server.
 * @param {{ certs?: import('./certs.mjs').Certs, summary?: object, incidents?: object }} [opts]
 *   summary defaults to the operational fixture, incidents to `{ page, incidents: [] }`.
 */
export async function startFakeServer({ certs = ensureCerts(), summary, incidents } = {}) {
  summary ??= loadFixture('claude-summary-2026-09-15-operational.json');
  incidents ??= { page: summary.page, incidents: [] };
  /** @type {Map<string, { body: Buffer, etag: string, obj: any }>} path → current JSON */
  const docs = new Map();
  /** @type {Map<string, FaultSpec>} */
  const faults = new Map();
  /** @type {Set<{ host: string, replay: () => void, res: http.ServerResponse }>} */
  const stalled = new Set();
  /** @type {RequestEntry[]} */
  const requests = [];
  const waiters = new Set();
  let claudeHeaders = {};

  const setJson = (path, obj) => {
    if (obj == null) return void docs.delete(path);
    const body = Buffer.from(JSON.stringify(obj));
    docs.set(path, { body, etag: etagOf(body), obj });
  };
  setJson(SUMMARY_PATH, summary);
  setJson(INCIDENTS_PATH, incidents);

  const notify = (entry) => {
    for (const w of waiters) if (w.pred(entry)) { waiters.delete(w); w.resolve(entry); }
  };

  const server = https.createServer({ key: certs.keyPem, cert: certs.certPem }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url, `https://${host || 'unknown'}`);
    /** @type {RequestEntry} */
    const entry = {
      at: Date.now(), host, method: req.method, path: url.pathname, url: req.url,
      ifNoneMatch: req.headers['if-none-match'] ?? null, status: null, bytes: 0, fault: null,
      done: false, aborted: false,
    };
    requests.push(entry);
    let bodyBytes = 0;
    const write = res.write.bind(res);
    res.write = (chunk, ...rest) => { bodyBytes += Buffer.byteLength(chunk); return write(chunk, ...rest); };
    res.on('finish', () => {
      Object.assign(entry, { status: res.statusCode, bytes: headerBytes(res) + bodyBytes, done: true });
      notify(entry);
    });
    res.on('close', () => {
      if (entry.done) return;
      Object.assign(entry, { aborted: true, done: true, bytes: bodyBytes && headerBytes(res) + bodyBytes });
      notify(entry);
    });
    notify(entry);
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
      if (STATUS_HOSTS.includes(host)) return serveJson(req, res, docs.get(url.pathname));
      if (host === 'claude.ai') {
        if (url.pathname === '/favicon.ico') return send(res, 404, { 'Content-Type': 'text/plain' }, 'not found');
        return send(res, 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store',
          ...claudeHeaders }, claudePageHtml(url));
      }
      send(res, 404, { 'Content-Type': 'text/plain' }, `unknown host ${host}`);
    };
    dispatch();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    server,
    /** Port on 127.0.0.1. */
    port: /** @type {import('node:net').AddressInfo} */ (server.address()).port,
    /** Request log (newest last). */
    requests,
    /** Serve this object as summary.json on both status hosts (serialised now). */
    setSummary: (obj) => setJson(SUMMARY_PATH, obj),
    /** Serve this object as incidents.json on both status hosts (serialised now). */
    setIncidents: (obj) => setJson(INCIDENTS_PATH, obj),
    /** Serve any JSON path on the status hosts; null removes it (404). */
    setJson,
    /** The object currently served at a path. */
    getJson: (path) => docs.get(path)?.obj,
    /** Extra response headers for the claude.ai page, e.g. a Content-Security-Policy. */
    setClaudeHeaders: (headers) => { claudeHeaders = { ...headers }; },
    /**
     * Inject (or clear with null) a fault for every request to one host. Requests stalled on that
     * host are then answered under the new rules.
     * @param {FaultSpec | null} spec
     * @param {{ host?: string }} [opts] default host status.claude.com
     */
    setFault(spec, { host = 'status.claude.com' } = {}) {
      if (spec) faults.set(host, spec); else faults.delete(host);
      for (const item of [...stalled]) if (item.host === host) { stalled.delete(item); item.replay(); }
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
        const w = { pred, resolve: (e) => { clearTimeout(timer); resolve(e); } };
        const timer = setTimeout(() => {
          waiters.delete(w);
          const log = requests.slice(-10).map((r) => `${r.host}${r.path} ${r.status}`).join('; ');
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

/** Send a TCP RST. The TLS socket wraps a plain TCP socket (`_parent`), which is the one that can reset. */
function resetSocket(socket) {
  if (!socket) return;
  try { (socket._parent ?? socket).resetAndDestroy(); } catch { socket.destroy(); }
}

/**
 * Size of the response head on the wire: Node's own serialisation of status line + headers
 * (`res._header`), falling back to serialising getHeaders() ourselves.
 */
function headerBytes(res) {
  if (!res.headersSent) return 0;
  if (typeof res._header === 'string') return Buffer.byteLength(res._header);
  let head = `HTTP/1.1 ${res.statusCode} ${res.statusMessage || http.STATUS_CODES[res.statusCode]}\r\n`;
  for (const [k, v] of Object.entries(res.getHeaders())) {
    for (const one of [].concat(v)) head += `${k}: ${one}\r\n`;
  }
  return Buffer.byteLength(`${head}\r\n`);
}

function send(res, status, headers, body) {
  const buf = Buffer.from(body ?? '');
  res.writeHead(status, { ...headers, 'Content-Length': buf.length });
  if (buf.length) res.write(buf);
  res.end();
}

const jsonHeaders = (etag) => ({ 'Content-Type': JSON_TYPE, 'Cache-Control': CACHE_CONTROL, ETag: etag });

/** 200 with the document, or 304 when If-None-Match matches (weak comparison, lists, `*`). */
function serveJson(req, res, doc) {
  if (!doc) return send(res, 404, { 'Content-Type': 'text/html; charset=utf-8' }, '<h1>404 Not Found</h1>');
  const inm = req.headers['if-none-match'];
  const strip = (t) => t.trim().replace(/^W\//, '');
  if (inm && (inm.trim() === '*' || inm.split(',').some((t) => strip(t) === strip(doc.etag)))) {
    res.writeHead(304, { 'Cache-Control': CACHE_CONTROL, ETag: doc.etag });
    return res.end();
  }
  send(res, 200, jsonHeaders(doc.etag), doc.body);
}

const CHALLENGE_HTML = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
<title>ERROR: The request could not be satisfied</title></head><body>
<h1>405 ERROR</h1><h2>The request could not be satisfied.</h2><hr noshade size="1px">
Request blocked. We can't connect to the server for this app or website at this time.
<script>/* challenge: verifying your browser */</script>
<hr noshade size="1px"><pre>Generated by cloudfront (CloudFront)
Request ID: fake-${'x'.repeat(20)}==</pre></body></html>
`;

const STATUS_HTML = `<!DOCTYPE html><html lang="en"><head><title>Claude Status</title></head>
<body><div class="page-status status-none"><span class="status">All Systems Operational</span></div></body></html>
`;

/**
 * @param {FaultSpec} f
 * @param {http.ServerResponse} res
 * @param {{ body: Buffer, obj: any } | undefined} doc what would have been served
 */
function serveFault(f, res, doc) {
  const html = { 'Content-Type': 'text/html; charset=utf-8' };
  switch (f.kind) {
    case 'http': {
      const extra = f.retryAfter != null ? { 'Retry-After': String(f.retryAfter) } : {};
      const text = f.body ?? `<html><body><h1>${f.status} ${http.STATUS_CODES[f.status] ?? ''}</h1></body></html>`;
      return send(res, f.status, { ...html, 'Cache-Control': 'no-store', ...extra }, text);
    }
    case 'challenge':
      return send(res, 405, { ...html, Server: 'CloudFront', 'X-Cache': 'Error from cloudfront',
        'X-Amz-Cf-Id': 'fake-challenge' }, CHALLENGE_HTML);
    case 'html200':
      return send(res, 200, { 'Content-Type': f.contentType ?? html['Content-Type'], 'Cache-Control': CACHE_CONTROL },
        STATUS_HTML);
    case 'wrongShape': {
      const body = '{"hello":"world","incidents":"nope"}';
      return send(res, 200, jsonHeaders(etagOf(body)), body);
    }
    case 'truncated': {
      const full = doc?.body ?? Buffer.from('{"page":{"id":"tymt9n04zgry"},"components":[]}');
      const half = full.subarray(0, Math.floor(full.length / 2));
      if (!f.abort) return send(res, 200, jsonHeaders(etagOf(full)), half);
      res.writeHead(200, { ...jsonHeaders(etagOf(full)), 'Content-Length': full.length });
      res.write(half);
      return setTimeout(() => resetSocket(res.socket), 50);
    }
    case 'oversized': {
      const base = JSON.stringify({ ...(doc?.obj ?? {}), _padding: '' });
      const target = f.bytes ?? 3_000_000;
      const body = Buffer.from(base.replace(/"_padding":""/, `"_padding":"${'x'.repeat(Math.max(0, target - base.length))}"`));
      if (!f.chunked) return send(res, 200, jsonHeaders(etagOf(body)), body);
      res.writeHead(200, jsonHeaders(etagOf(body)));
      for (let i = 0; i < body.length; i += 65_536) res.write(body.subarray(i, i + 65_536));
      return res.end();
    }
    case 'reset':
      return resetSocket(res.socket);
    default:
      return send(res, 500, { 'Content-Type': 'text/plain' }, `unknown fault ${f.kind}`);
  }
}

/**
 * HTTP CONNECT proxy that tunnels every CONNECT (whatever host:port it names) to
 * 127.0.0.1:targetPort. Firefox has no host-resolver-rules; point its SSL proxy here instead.
 * Plain (non-CONNECT) requests get 405.
 * @param {number} targetPort the fake server's port
 * @returns {Promise<{ port: number, connects: { at: number, target: string }[], close(): Promise<void> }>}
 */
export async function startConnectProxy(targetPort) {
  const sockets = new Set();
  const connects = [];
  const proxy = http.createServer((req, res) => { res.writeHead(405); res.end('CONNECT only'); });
  proxy.on('connect', (req, client, head) => {
    connects.push({ at: Date.now(), target: req.url });
    const upstream = net.connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head?.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => { client.destroy(); upstream.destroy(); });
      s.on('close', () => { sockets.delete(s); client.destroy(); upstream.destroy(); });
    }
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: /** @type {import('node:net').AddressInfo} */ (proxy.address()).port,
    connects,
    async close() {
      for (const s of sockets) s.destroy();
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(() => resolve()));
    },
  };
}
