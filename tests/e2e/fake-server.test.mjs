// The E2E harness itself: the fake server, certs, fixtures and CONNECT proxy, checked with Node's
// own HTTPS client (no browser, no build needed). The browser launchers' self-test against a
// throwaway extension is harness/browser-selftest.mjs (run it by hand when changing a launcher).
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { ensureCerts } from './harness/certs.mjs';
import {
  CACHE_CONTROL,
  CLAUDE_HOST,
  INCIDENTS_PATH,
  PROVIDER_HOSTS,
  STATUS_HOSTS,
  SUMMARY_PATH,
  loadFixture,
  rebaseTimes,
  startConnectProxy,
  startFakeServer,
} from './harness/fake-server.mjs';

const certs = ensureCerts();

/**
 * GET through Node's HTTPS client, verifying the cert against our CA for `host`.
 * @returns {Promise<{ status: number, headers: http.IncomingHttpHeaders, body: Buffer }>}
 */
function get(port, host, path, headers = {}, extra = {}) {
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: '127.0.0.1', port, path, servername: host, ca: certs.caPem, agent: false, headers: { host, ...headers }, ...extra },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const sha32 = (buf) => crypto.createHash('sha256').update(buf).digest('hex').slice(0, 32);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

describe('certs', () => {
  it('is idempotent and makes a CA plus a leaf for every host', () => {
    const again = ensureCerts();
    assert.equal(again.caPem, certs.caPem);
    assert.equal(again.certPem, certs.certPem);
    const ca = new crypto.X509Certificate(certs.caPem);
    const leaf = new crypto.X509Certificate(certs.certPem);
    assert.equal(ca.ca, true);
    assert.equal(leaf.ca, false);
    assert.ok(leaf.verify(ca.publicKey));
    for (const h of [...STATUS_HOSTS, CLAUDE_HOST, ...PROVIDER_HOSTS, 'localhost']) {
      assert.equal(leaf.checkHost(h), h);
    }
    assert.equal(leaf.checkIP('127.0.0.1'), '127.0.0.1');
  });
});

describe('fake server', () => {
  let s;
  before(async () => {
    s = await startFakeServer({ certs });
  });
  after(() => s.close());

  it('stamps page.updated_at with the time a summary is set, like the real page, unless told not to', async () => {
    const before = Date.now();
    s.setSummary(loadFixture('claude-summary-2026-09-22-incident-multiple-models.json'));
    const stamped = JSON.parse((await get(s.port, 'status.claude.com', SUMMARY_PATH)).body);
    assert.ok(Date.parse(stamped.page.updated_at) >= before - 1000);
    s.setSummary(loadFixture('claude-summary-2026-09-22-incident-multiple-models.json'), { stamp: false });
    const kept = JSON.parse((await get(s.port, 'status.claude.com', SUMMARY_PATH)).body);
    assert.equal(kept.page.updated_at, loadFixture('claude-summary-2026-09-22-incident-multiple-models.json').page.updated_at);
  });

  it('with a CDN, a change shows only once the edge copy is s-maxage old, with an Age header', async () => {
    const cdn = await startFakeServer({ certs, cdn: { sMaxAgeSec: 1 } });
    try {
      const first = await get(cdn.port, 'status.claude.com', SUMMARY_PATH);
      cdn.setSummary(loadFixture('claude-summary-2026-09-22-incident-multiple-models.json'));
      const cached = await get(cdn.port, 'status.claude.com', SUMMARY_PATH);
      assert.equal(cached.headers.etag, first.headers.etag, 'the edge still serves its copy');
      assert.match(cached.headers.age, /^\d+$/);
      await sleep(1100);
      const fresh = await get(cdn.port, 'status.claude.com', SUMMARY_PATH);
      assert.notEqual(fresh.headers.etag, first.headers.etag);
      assert.equal(fresh.headers.age, '0');
    } finally {
      await cdn.close();
    }
  });

  it('serves summary.json with Statuspage headers and a sha256 weak ETag', async () => {
    const summary = loadFixture('claude-summary-2026-09-22-incident-multiple-models.json');
    s.setSummary(summary, { stamp: false });
    s.clearRequests();
    const r = await get(s.port, 'status.claude.com', SUMMARY_PATH);
    assert.equal(r.status, 200);
    assert.match(r.headers['content-type'], /^application\/json/);
    assert.equal(r.headers['cache-control'], CACHE_CONTROL);
    assert.equal(r.headers.etag, `W/"${sha32(r.body)}"`);
    assert.deepEqual(JSON.parse(r.body), summary);
    const [log] = s.requests;
    assert.equal(log.host, 'status.claude.com');
    assert.equal(log.path, SUMMARY_PATH);
    assert.equal(log.status, 200);
    assert.equal(log.ifNoneMatch, null);
    assert.equal(r.headers['access-control-allow-origin'], '*');
    const preflight = await get(s.port, 'status.claude.com', SUMMARY_PATH, {}, { method: 'OPTIONS' });
    assert.equal(preflight.status, 405);
    assert.equal(preflight.headers['access-control-allow-origin'], undefined);
    assert.ok(log.bytes > r.body.length + 150 && log.bytes < r.body.length + 600, `bytes ${log.bytes}`);
  });

  it('answers 304 without a body to a matching If-None-Match, 200 after a change', async () => {
    const first = await get(s.port, 'status.claude.com', SUMMARY_PATH);
    s.clearRequests();
    const same = await get(s.port, 'status.claude.com', SUMMARY_PATH, { 'if-none-match': first.headers.etag });
    assert.equal(same.status, 304);
    assert.equal(same.body.length, 0);
    assert.equal(same.headers.etag, first.headers.etag);
    const strong = first.headers.etag.replace(/^W\//, ''); // weak comparison
    assert.equal((await get(s.port, 'status.claude.com', SUMMARY_PATH, { 'if-none-match': strong })).status, 304);
    assert.equal(s.requests[0].ifNoneMatch, first.headers.etag);
    assert.ok(s.requests[0].bytes > 100 && s.requests[0].bytes < 400);

    s.setSummary(loadFixture('claude-summary-2026-09-22-operational-after-recovery.json'));
    const changed = await get(s.port, 'status.claude.com', SUMMARY_PATH, { 'if-none-match': first.headers.etag });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.etag, first.headers.etag);
    assert.equal(JSON.parse(changed.body).status.indicator, 'none');
  });

  it('routes by Host: fallback host, incidents.json, claude.ai page, 404s', async () => {
    const inc = { page: { id: 'tymt9n04zgry' }, incidents: [] };
    s.setIncidents(inc);
    const fallback = await get(s.port, 'anthropic.statuspage.io', SUMMARY_PATH);
    assert.equal(fallback.status, 200);
    assert.deepEqual(JSON.parse(fallback.body), s.getJson(SUMMARY_PATH));
    assert.deepEqual(JSON.parse((await get(s.port, 'status.claude.com', INCIDENTS_PATH)).body), inc);
    assert.equal((await get(s.port, 'status.claude.com', '/api/v2/status.json')).status, 404);
    assert.equal((await get(s.port, 'localhost', SUMMARY_PATH)).status, 404);

    const light = await get(s.port, 'claude.ai', '/');
    assert.equal(light.status, 200);
    assert.match(light.headers['content-type'], /^text\/html/);
    const html = light.body.toString();
    for (const id of ['topbar', 'main', 'composer', 'send', 'nav-chat']) assert.match(html, new RegExp(`id="${id}"`));
    assert.match(html, /<div id="composer" contenteditable/);
    assert.match(html, /history\.pushState/);
    assert.doesNotMatch(html, /<html[^>]*class="dark"/);
    const dark = (await get(s.port, 'claude.ai', '/chat/abc?theme=dark')).body.toString();
    assert.match(dark, /<html[^>]*class="dark" data-theme="dark"/);
    s.setClaudeHeaders({ 'Content-Security-Policy': "default-src 'self'" });
    assert.equal((await get(s.port, 'claude.ai', '/')).headers['content-security-policy'], "default-src 'self'");
    s.setClaudeHeaders({});
  });

  it('provider hosts serve their own documents, apart from the Claude summary at the same path', async () => {
    assert.equal((await get(s.port, 'status.openai.com', SUMMARY_PATH)).status, 404);
    const openai = { page: { id: 'openai' }, components: [], status: { indicator: 'none' } };
    s.setHostJson('status.openai.com', SUMMARY_PATH, openai);
    const res = await get(s.port, 'status.openai.com', SUMMARY_PATH);
    assert.equal(res.status, 200);
    assert.deepEqual(JSON.parse(res.body), openai);
    assert.notDeepEqual(JSON.parse((await get(s.port, 'status.claude.com', SUMMARY_PATH)).body), openai);
    assert.equal((await get(s.port, 'status.openai.com', SUMMARY_PATH, { 'if-none-match': res.headers.etag })).status, 304);
    assert.equal((await get(s.port, 'www.githubstatus.com', SUMMARY_PATH)).status, 404);
    s.setHostJson('status.openai.com', SUMMARY_PATH, null);
    assert.equal((await get(s.port, 'status.openai.com', SUMMARY_PATH)).status, 404);
  });

  it('claude.ai: a model picker only when asked for, one or two, or with another test id', async () => {
    const page = async (query) => (await get(s.port, 'claude.ai', `/${query}`)).body.toString();
    assert.doesNotMatch(await page(''), /model-selector-dropdown/);
    const one = await page('?model=Opus%204.8&effort=Max');
    assert.equal(one.match(/data-testid="model-selector-dropdown"/g).length, 1);
    assert.match(one, /<span class="model-name">Opus 4\.8<\/span><span class="effort"> Max<\/span>/);
    assert.equal((await page('?model=Opus%204.8&pickers=2')).match(/data-testid="model-selector-dropdown"/g).length, 2);
    assert.match(await page('?model=Opus%204.8&picker=renamed'), /data-testid="model-switcher"/);
    assert.match(await page('?model=%3Cimg%20src%3Dx%3E'), /<span class="model-name">&#60;img src=x&#62;<\/span>/);
  });

  describe('faults', () => {
    after(() => {
      s.setFault(null);
      s.setFault(null, { host: 'anthropic.statuspage.io' });
    });
    const summaryBody = () => Buffer.from(JSON.stringify(s.getJson(SUMMARY_PATH)));

    it('http 500 and 429 with Retry-After', async () => {
      s.setFault({ kind: 'http', status: 500 });
      const r500 = await get(s.port, 'status.claude.com', SUMMARY_PATH);
      assert.equal(r500.status, 500);
      s.setFault({ kind: 'http', status: 429, retryAfter: 120 });
      const r429 = await get(s.port, 'status.claude.com', INCIDENTS_PATH);
      assert.equal(r429.status, 429);
      assert.equal(r429.headers['retry-after'], '120');
      assert.equal(s.requests.at(-1).fault, 'http');
    });

    it('is per host: the fallback host keeps working', async () => {
      s.setFault({ kind: 'challenge' });
      assert.equal((await get(s.port, 'anthropic.statuspage.io', SUMMARY_PATH)).status, 200);
      s.setFault({ kind: 'http', status: 503 }, { host: 'anthropic.statuspage.io' });
      assert.equal((await get(s.port, 'anthropic.statuspage.io', SUMMARY_PATH)).status, 503);
      s.setFault(null);
      assert.equal((await get(s.port, 'status.claude.com', SUMMARY_PATH)).status, 200);
    });

    it('challenge: 405 CloudFront-style HTML', async () => {
      s.setFault({ kind: 'challenge' });
      const r = await get(s.port, 'status.claude.com', SUMMARY_PATH);
      assert.equal(r.status, 405);
      assert.match(r.headers['content-type'], /^text\/html/);
      assert.match(r.body.toString(), /cloudfront/i);
    });

    it('html200: 200 with an HTML body', async () => {
      s.setFault({ kind: 'html200' });
      const r = await get(s.port, 'status.claude.com', SUMMARY_PATH);
      assert.equal(r.status, 200);
      assert.match(r.headers['content-type'], /^text\/html/);
      assert.throws(() => JSON.parse(r.body));
    });

    it('truncated: complete response, half the JSON, JSON headers', async () => {
      s.setFault({ kind: 'truncated' });
      const r = await get(s.port, 'status.claude.com', SUMMARY_PATH);
      assert.equal(r.status, 200);
      assert.match(r.headers['content-type'], /^application\/json/);
      assert.equal(r.headers['cache-control'], CACHE_CONTROL);
      assert.equal(r.body.length, Math.floor(summaryBody().length / 2));
      assert.ok(summaryBody().subarray(0, r.body.length).equals(r.body));
      assert.throws(() => JSON.parse(r.body), SyntaxError);
    });

    it('truncated with abort: announces the full length, then resets', async () => {
      s.setFault({ kind: 'truncated', abort: true });
      await assert.rejects(get(s.port, 'status.claude.com', SUMMARY_PATH), /ECONNRESET|aborted/);
    });

    it('reset: connection reset, logged without a status', async () => {
      s.setFault({ kind: 'reset' });
      s.clearRequests();
      await assert.rejects(get(s.port, 'status.claude.com', SUMMARY_PATH), { code: 'ECONNRESET' });
      const log = await s.waitForRequest((r) => r.done);
      assert.equal(log.status, null);
      assert.equal(log.aborted, true);
      assert.equal(log.fault, 'reset');
    });

    it('stall: no answer until the fault is cleared; client aborts are logged', async () => {
      s.setFault({ kind: 'stall' });
      s.clearRequests();
      let settled = false;
      const pending = get(s.port, 'status.claude.com', SUMMARY_PATH).finally(() => {
        settled = true;
      });
      await s.waitForRequest((r) => r.fault === 'stall', 2000);
      await sleep(300);
      assert.equal(settled, false);
      s.setFault(null);
      assert.equal((await pending).status, 200);

      s.setFault({ kind: 'stall' });
      s.clearRequests();
      const ac = new AbortController();
      const aborted = get(s.port, 'status.claude.com', SUMMARY_PATH, {}, { signal: ac.signal });
      await s.waitForRequest((r) => r.fault === 'stall', 2000);
      ac.abort();
      await assert.rejects(aborted);
      const log = await s.waitForRequest((r) => r.aborted, 2000);
      assert.equal(log.status, null);
    });

    it('wrongShape: valid JSON of the wrong shape', async () => {
      s.setFault({ kind: 'wrongShape' });
      const r = await get(s.port, 'status.claude.com', SUMMARY_PATH);
      assert.equal(r.status, 200);
      assert.deepEqual(JSON.parse(r.body), { hello: 'world', incidents: 'nope' });
      assert.equal(r.headers.etag, `W/"${sha32(r.body)}"`);
    });

    it('oversized: ~3 MB of valid JSON, with and without Content-Length', async () => {
      s.setFault({ kind: 'oversized', bytes: 3_000_000 });
      const r = await get(s.port, 'status.claude.com', SUMMARY_PATH);
      assert.equal(r.status, 200);
      assert.equal(r.body.length, 3_000_000);
      assert.equal(r.headers['content-length'], '3000000');
      const parsed = JSON.parse(r.body);
      assert.equal(parsed.status.indicator, s.getJson(SUMMARY_PATH).status.indicator);
      assert.ok(s.requests.at(-1).bytes > 3_000_000);
      s.setFault({ kind: 'oversized', bytes: 3_000_000, chunked: true });
      const c = await get(s.port, 'status.claude.com', SUMMARY_PATH);
      assert.equal(c.headers['content-length'], undefined);
      assert.equal(c.headers['transfer-encoding'], 'chunked');
      assert.equal(c.body.length, 3_000_000);
    });
  });

  it('waitForRequest resolves on later requests and rejects on timeout', async () => {
    s.clearRequests();
    const waiting = s.waitForRequest((r) => r.path === INCIDENTS_PATH && r.status === 200, 2000);
    await get(s.port, 'status.claude.com', INCIDENTS_PATH);
    assert.equal((await waiting).host, 'status.claude.com');
    await assert.rejects(
      s.waitForRequest((r) => r.path === '/never', 100),
      /no match in 100 ms/,
    );
  });

  it('CONNECT proxy tunnels any host to the fake server', async () => {
    const proxy = await startConnectProxy(s.port);
    try {
      const socket = await new Promise((resolve, reject) => {
        http
          .request({ host: '127.0.0.1', port: proxy.port, method: 'CONNECT', path: 'status.claude.com:443' })
          .on('connect', (res, sock) => (res.statusCode === 200 ? resolve(sock) : reject(new Error(`${res.statusCode}`))))
          .on('error', reject)
          .end();
      });
      const viaTunnel = new (class extends https.Agent {
        createConnection() {
          return tls.connect({ socket, servername: 'status.claude.com', ca: certs.caPem });
        }
      })();
      const r = await get(0, 'status.claude.com', SUMMARY_PATH, {}, { agent: viaTunnel });
      assert.equal(r.status, 200);
      assert.deepEqual(
        proxy.connects.map((c) => c.target),
        ['status.claude.com:443'],
      );
    } finally {
      await proxy.close();
    }
  });
});

describe('rebaseTimes', () => {
  const summary = loadFixture('claude-summary-2026-09-22-incident-multiple-models.json');
  const now = Date.parse('2030-01-01T12:00:00.000Z');
  const times = (o, acc = []) => {
    if (o && typeof o === 'object') {
      for (const [k, v] of Object.entries(o)) {
        if (/_(at|for|until)$/.test(k) && typeof v === 'string') acc.push(Date.parse(v));
        else times(v, acc);
      }
    }
    return acc;
  };

  it('moves the newest incident time to N minutes ago, keeping order and format', () => {
    const out = rebaseTimes(summary, now, 7);
    const incTimes = (p) => times(p.incidents);
    assert.equal(Math.abs(Math.max(...incTimes(out)) - (now - 7 * 60_000)) <= 500, true);
    const before = times(summary);
    const afterT = times(out);
    const shift = afterT[0] - before[0];
    assert.ok(shift > 0);
    assert.deepEqual(
      afterT,
      before.map((t) => t + shift),
    );
    assert.notEqual(out.page.updated_at, summary.page.updated_at);
    assert.match(out.incidents[0].created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(JSON.stringify(summary), JSON.stringify(loadFixture('claude-summary-2026-09-22-incident-multiple-models.json')));
  });

  it('anchors on the newest timestamp when there are no incidents; keeps second-precision format', () => {
    const op = loadFixture('claude-summary-2026-09-15-operational.json');
    const out = rebaseTimes(op, now, 5);
    assert.ok(Math.abs(Math.max(...times(out)) - (now - 5 * 60_000)) <= 500);
    const tiny = {
      incidents: [
        {
          created_at: '2026-01-01T00:00:00Z',
          scheduled_until: '2027-01-01T00:00:00Z',
          incident_updates: [{ display_at: '2026-01-01T00:10:00.123Z' }],
        },
      ],
    };
    const moved = rebaseTimes(tiny, now, 5);
    assert.equal(moved.incidents[0].incident_updates[0].display_at, '2030-01-01T11:55:00.123Z'); // newest → anchor
    assert.equal(moved.incidents[0].created_at, '2030-01-01T11:45:00Z'); // no ms in, no ms out
    assert.equal(moved.incidents[0].scheduled_until, '2031-01-01T11:45:00Z'); // moved, but not the anchor
    const backfill = loadFixture('claude-incidents-2026-09-15-backfill.json');
    assert.equal(rebaseTimes(backfill, now)._meta.retrieved_at, backfill._meta.retrieved_at); // not a TIME_KEY
  });
});
