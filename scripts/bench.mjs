// `npm run bench`: drives the built extension in Chromium against the local fake status page for a
// scripted timeline and prints what it costs and how fast it reacts:
//   1. build + pack (wxt zip, chrome and firefox) when the build is missing or older than the sources;
//   2. quiet phase: operational page, no interaction, N minutes → requests and bytes per hour/minute;
//   3. latency phase: K status switches (incident open / all-clear, alternating), each after a random
//      wait so it lands anywhere in the poll cycle → seconds until the badge changes;
//   4. history page: a full 90-day archive (the synthetic incidents.json) filled at install → the
//      archive's size in storage and the history page's first paint (median of N opens);
//   5. local evidence: a claude.ai tab whose API is scripted to fail → seconds until the badge says
//      so (from the first failing request and from the threshold crossing), and the service-worker
//      wake-ups per minute an idle and a busy claude.ai tab cause;
//   6. a Markdown table for the README and, as the last line, a one-line JSON summary.
// The fake page sits behind a modelled CDN like the real one (s-maxage=15: a change reaches clients
// 0–15 s late, answers carry an Age header), so the latencies include the CDN's share; --no-cdn
// turns it off. --extension DIR measures another unpacked Chrome build (say, the previous release)
// under the same conditions.
// A benchmark, not a test: slow numbers are printed next to their targets, never asserted. It exits
// non-zero only when something is broken (no build, no first poll, a badge that never changes).
//
//   node scripts/bench.mjs [--quick] [--quiet-minutes N] [--rounds K] [--idle-stop S] [--seed X]
//                          [--build | --no-build] [--no-cdn] [--extension DIR] [--json FILE]
//                          [--no-evidence | --evidence-only]
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { startDriver } from '../tests/e2e/drivers.mjs';
import { idleStopper, seededRandom, stats, wireMeter } from '../tests/e2e/harness/bench-helpers.mjs';
import { CLAUDE_ORIGIN, FIXTURES_DIR, INCIDENTS_PATH, STATUS_HOSTS, SUMMARY_PATH } from '../tests/e2e/harness/fake-server.mjs';
import { multipleModels, operational, recovered } from '../tests/e2e/payloads.mjs';
import { FAILING_MIN_COUNT, FAILING_MIN_SHARE, RECOVERY_MAX_SHARE, RECOVERY_MIN_OK, RECOVERY_SPAN_MS } from '../lib/evidence/thresholds.ts';
import { LEGACY_POLL_ALARM, POLL_ALARMS } from '../lib/polling/alarms.ts';
import { POLL_PERIOD_MS } from '../lib/statuspage/state.ts';
import { EVIDENCE_CODE } from '../lib/verdict/evidence.ts';
import { syntheticNinetyDayIncidents } from '../tests/fixtures/synthetic-history.mjs';
import { ROOT, localEnv } from './setup.mjs';

/** Every poll alarm the measured build might use (this one's three, or an older build's one). */
const ALARM_NAMES = [...POLL_ALARMS, LEGACY_POLL_ALARM];
const CDN_MAX_AGE_S = 15; // s-maxage on the real page: what a CDN can add to every latency
const BADGE_TIMEOUT_MS = 120_000;
const TARGETS = { bytesPerMin: 1000, latencyMedianS: 20, latencyWorstS: 40, evidenceAfterThresholdS: 10 };
const SOURCES = [
  'entrypoints',
  'lib',
  'components',
  'assets',
  'public',
  'wxt.config.ts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];
const CHROME_DIR = path.join(ROOT, '.output/chrome-mv3');

// ── options ──────────────────────────────────────────────────────────────────────────────────────
const { values: opt } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'quiet-minutes': { type: 'string' },
    rounds: { type: 'string' },
    'idle-stop': { type: 'string', default: '10' },
    'wake-probes': { type: 'boolean', default: true },
    seed: { type: 'string' },
    'history-opens': { type: 'string' },
    build: { type: 'boolean' }, // --build: always; --no-build: never; neither: when out of date
    json: { type: 'string' },
    cdn: { type: 'boolean', default: true },
    extension: { type: 'string' },
    period: { type: 'string' },
    evidence: { type: 'boolean', default: true },
    'evidence-only': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  allowNegative: true,
});
if (opt.help) {
  console.log(`Usage: npm run bench -- [options]
  --quick             1 quiet minute, 4 rounds (about 4 minutes instead of 7)
  --quiet-minutes N   length of the quiet phase (default 3)
  --rounds K          status switches in the latency phase, alternating open/clear (default 6)
  --idle-stop S       stop the service worker after S s without a request, as Chrome's idle shutdown
                      would (the attached debugger prevents it); 0 = never (default 10)
  --no-wake-probes    do not wake the worker mid-cycle with a no-op message during the quiet phase
  --seed X            seed for the random waits (default: random, printed)
  --history-opens N   times the history page is opened with a full 90-day archive (default 5, --quick 3; 0 = skip)
  --build             always build and zip; --no-build: use .output as it is
  --no-cdn            serve every change at once (no modelled CDN)
  --extension DIR     measure this unpacked Chrome build instead of .output/chrome-mv3 (implies --no-build)
  --period S          the measured build's poll period, for expectations (default: this build's, ${POLL_PERIOD_MS / 1000} s)
  --json FILE         also write the JSON summary to FILE
  --no-evidence       skip the local-evidence phase (claude.ai's failing requests → badge; wake-ups)
  --evidence-only     run only the local-evidence phase`);
  process.exit(0);
}
const quietMinutes = Number(opt['quiet-minutes'] ?? (opt.quick ? 1 : 3));
const rounds = Number(opt.rounds ?? (opt.quick ? 4 : 6));
/** Local-evidence phase: minutes per wake-up window, failing rounds (warm and cold worker alternate). */
const EVIDENCE_MINUTES = opt.quick ? 1 : 2;
const EVIDENCE_ROUNDS = opt.quick ? 2 : 4;

const idleStopS = Number(opt['idle-stop']);
const historyOpens = Number(opt['history-opens'] ?? (opt.quick ? 3 : 5));
const seed = opt.seed !== undefined ? Number(opt.seed) : crypto.randomInt(1, 2 ** 31);
for (const [name, v] of Object.entries({ quietMinutes, rounds, idleStopS, seed, historyOpens })) {
  if (!Number.isFinite(v) || v < 0) {
    console.error(`bad value for ${name}: ${v}`);
    process.exit(2);
  }
}
const random = seededRandom(seed);
const PERIOD_S = Number(opt.period ?? POLL_PERIOD_MS / 1000);
const EXTENSION_DIR = opt.extension ? path.resolve(opt.extension) : null;
if (EXTENSION_DIR) opt.build = false;

// ── small utilities ──────────────────────────────────────────────────────────────────────────────
const T0 = Date.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const clock = () => {
  const s = Math.round((Date.now() - T0) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};
const log = (msg) => console.log(`[${clock()}] ${msg}`);
const s1 = (ms) => (ms == null ? '—' : `${(ms / 1000).toFixed(1)} s`);
const kb = (bytes) => (bytes >= 10_000 ? `${(bytes / 1000).toFixed(1)} KB` : `${Math.round(bytes).toLocaleString('en')} B`);
const problems = []; // behaviour worth a look (printed, exit 0)
const broken = []; // the run itself is invalid (exit 1)
const isStatus = (r) => STATUS_HOSTS.includes(r.host);

function newestMtime(rel) {
  const p = path.join(ROOT, rel);
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(p, { withFileTypes: true })) newest = Math.max(newest, newestMtime(path.join(rel, e.name)));
  return newest;
}
const mtime = (p) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0);
const zips = () =>
  fs
    .readdirSync(path.join(ROOT, '.output'), { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.zip'))
    .map((e) => ({ name: e.name, bytes: fs.statSync(path.join(ROOT, '.output', e.name)).size }))
    .sort((a, b) => a.name.localeCompare(b.name));
const fileHash = (p) => (fs.existsSync(p) ? crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex').slice(0, 12) : null);

function wxt(args) {
  log(`wxt ${args.join(' ')}`);
  const r = spawnSync('wxt', args, { cwd: ROOT, env: localEnv(), encoding: 'utf8' });
  if (r.status !== 0) {
    process.stdout.write(r.stdout ?? '');
    process.stderr.write(r.stderr ?? '');
    console.error(`✖ wxt ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

// ── 1. build and pack ────────────────────────────────────────────────────────────────────────────
function buildIfNeeded() {
  fs.mkdirSync(path.join(ROOT, '.output'), { recursive: true });
  const sources = Math.max(...SOURCES.map(newestMtime));
  const packed = zips();
  const zipOf = (target) => packed.find((z) => z.name.endsWith(`-${target}.zip`));
  const stale = [
    mtime(path.join(CHROME_DIR, 'manifest.json')) < sources && 'chrome-mv3 build',
    !zipOf('chrome') && 'chrome zip',
    !zipOf('firefox') && 'firefox zip',
    ...packed.filter((z) => mtime(path.join(ROOT, '.output', z.name)) < sources).map((z) => z.name),
  ].filter(Boolean);
  if (opt.build === false) {
    if (!fs.existsSync(path.join(CHROME_DIR, 'manifest.json'))) {
      console.error('✖ --no-build, but .output/chrome-mv3 has no manifest.json');
      process.exit(1);
    }
    if (stale.length) log(`--no-build: using .output as it is (out of date: ${stale.join(', ')})`);
    return;
  }
  if (opt.build !== true && !stale.length) {
    log('build and zips are newer than the sources; not rebuilding');
    return;
  }
  log(opt.build === true ? 'building (--build)' : `building: out of date or missing: ${stale.join(', ')}`);
  // `wxt zip` builds first, so this refreshes .output/chrome-mv3 (and firefox-mv3) as well.
  wxt(['zip']);
  wxt(['zip', '-b', 'firefox']);
}

// ── 2. quiet phase ───────────────────────────────────────────────────────────────────────────────
async function quietPhase(d, meter, stopper) {
  const { requests } = d.server;
  log('quiet: waiting for the first poll');
  const deadline = Date.now() + 60_000;
  for (;;) {
    const b = await d.badge();
    if (requests.some((r) => isStatus(r) && r.path === SUMMARY_PATH && r.status === 200) && !b.title.includes('Checking')) break;
    if (Date.now() > deadline) {
      broken.push('no first poll within 60 s');
      return null;
    }
    await sleep(250);
  }
  const first = await d.badge();
  log(`quiet: first poll done, badge ${JSON.stringify(first.text)}`);
  if (first.text !== '') problems.push(`badge is ${JSON.stringify(first.text)} on an operational page (expected empty)`);
  // Align on the alarm: start counting half a period after a poll, so a window of N minutes holds
  // exactly N × (60 / period) scheduled polls however much the alarms jitter.
  const before = requests.length;
  try {
    await d.server.waitForRequest((r) => requests.indexOf(r) >= before && isStatus(r) && r.done, (PERIOD_S + 15) * 1000);
  } catch {
    broken.push(`no poll within ${PERIOD_S + 15} s after the first one (is the alarm set?)`);
    return null;
  }
  await sleep((PERIOD_S / 2) * 1000);
  d.server.clearRequests();
  const mark = meter.mark();
  const windowMs = quietMinutes * 60_000;
  log(
    `quiet: counting for ${quietMinutes} min (no interaction${idleStopS ? `, worker stopped after ${idleStopS} s idle` : ''}` +
      `${opt['wake-probes'] ? ', a no-op message wakes it mid-cycle once a minute' : ''})`,
  );
  let seen = 0;
  let lastPollAt = mark.at - (PERIOD_S / 2) * 1000;
  const probes = [];
  const endAt = mark.at + windowMs;
  while (Date.now() < endAt) {
    await sleep(Math.min(250, endAt - Date.now()));
    for (; seen < requests.length && requests[seen].done; seen++) {
      const r = requests[seen];
      if (isStatus(r) && r.path === SUMMARY_PATH) lastPollAt = r.at;
      log(`  ${r.host}${r.path} → ${r.status ?? 'no answer'} ${r.bytes} B${r.ifNoneMatch ? '' : ' (no If-None-Match)'}`);
    }
    // Wake probe: a worker started by something other than the alarm (a message, a storage event)
    // half a period after a poll must not poll again. Every other period, only when it is stopped.
    const sincePoll = Date.now() - lastPollAt;
    const due =
      opt['wake-probes'] &&
      sincePoll >= (PERIOD_S / 2 - 1) * 1000 &&
      sincePoll < (PERIOD_S / 2 + 1) * 1000 &&
      endAt - Date.now() > 10_000 &&
      !probes.some((p) => p.at > lastPollAt) &&
      Date.now() - (probes.at(-1)?.at ?? 0) > 50_000;
    if (due && !d.isServiceWorkerRunning()) {
      const at = Date.now();
      await d.extensionEval(() => globalThis.chrome.runtime.sendMessage({ type: 'bench-noop' }).catch(() => null)).catch(() => null);
      await sleep(1000);
      const woke = d.isServiceWorkerRunning() || (stopper?.count('wake', at) ?? 0) > 0;
      probes.push({ at, woke });
      log(`  wake probe: no-op message ${(sincePoll / 1000) | 0} s after the last poll → worker ${woke ? 'started' : 'did not start'}`);
    }
  }
  for (const p of probes) {
    // Up to just before the next scheduled poll (half a period after the probe).
    p.requests = requests.filter((r) => isStatus(r) && r.at >= p.at && r.at < p.at + (PERIOD_S / 2 - 2) * 1000).length;
    if (p.requests) problems.push(`quiet phase: waking the worker mid-cycle (no-op message) cost ${p.requests} request(s)`);
  }
  const wire = meter.since(mark);
  const reqs = requests.filter((r) => r.at >= mark.at && r.at < endAt);
  const status = reqs.filter(isStatus);
  const summary = status.filter((r) => r.path === SUMMARY_PATH);
  const other = requests.filter((r) => !isStatus(r));
  const not304 = status.filter((r) => r.status !== 304);
  const noInm = summary.filter((r) => !r.ifNoneMatch);
  const responseBytes = status.reduce((n, r) => n + r.bytes, 0);
  const gaps = summary.slice(1).map((r, i) => r.at - summary[i].at);
  const close = gaps.filter((g) => g < 10_000);
  const perHour = 60 / quietMinutes;
  const result = {
    minutes: quietMinutes,
    requests: status.length,
    summaryRequests: summary.length,
    not304: not304.map((r) => `${r.host}${r.path} ${r.status}`),
    withoutIfNoneMatch: noInm.length,
    requestsPerHour: status.length * perHour,
    responseBytes,
    responseBytesPerMinute: responseBytes / quietMinutes,
    responseBytesPerHour: responseBytes * perHour,
    meanResponseBytes: status.length ? responseBytes / status.length : null,
    requestHeadBytesPerMinute: wire.requestBytes / quietMinutes,
    tcpBytesPerMinute: (wire.tcpIn + wire.tcpOut) / quietMinutes,
    tcpInPerMinute: wire.tcpIn / quietMinutes,
    tcpOutPerMinute: wire.tcpOut / quietMinutes,
    tlsHandshakes: wire.handshakes,
    gapsS: stats(gaps.map((g) => g / 1000)),
    closePairs: close.length,
    workerStops: stopper ? stopper.count('stop', mark.at) : 0,
    workerWakes: stopper ? stopper.count('wake', mark.at) : 0,
    wakeProbes: probes.length,
    wakeProbesThatWoke: probes.filter((p) => p.woke).length,
    wakeProbeRequests: probes.reduce((n, p) => n + p.requests, 0),
  };
  if (!summary.length) broken.push(`no request at all during ${quietMinutes} quiet minute(s): polling stopped`);
  if (not304.length)
    problems.push(`quiet phase: ${not304.length} request(s) were not 304 while nothing changed: ${result.not304.join(', ')}`);
  if (noInm.length) problems.push(`quiet phase: ${noInm.length} summary request(s) without If-None-Match`);
  if (close.length) problems.push(`quiet phase: ${close.length} pair(s) of requests < 10 s apart (duplicate poll, e.g. on worker wake?)`);
  if (other.length)
    problems.push(`quiet phase: ${other.length} request(s) to other hosts (${[...new Set(other.map((r) => r.host))].join(', ')})`);
  const expected = (60 / PERIOD_S) * quietMinutes;
  if (summary.length > expected + 1) problems.push(`quiet phase: ${summary.length} polls in ${quietMinutes} min, expected ${expected}`);
  if (summary.length && summary.length < expected - 1)
    problems.push(`quiet phase: only ${summary.length} polls in ${quietMinutes} min, expected ${expected} (alarm late or skipped?)`);
  return result;
}

// ── 3. latency phase ─────────────────────────────────────────────────────────────────────────────
async function latencyPhase(d) {
  const samples = [];
  let current = (await d.badge()).text;
  for (let i = 0; i < rounds; i++) {
    const kind = i % 2 === 0 ? 'open' : 'clear';
    // Anywhere in the poll cycle and the CDN's refresh cycle.
    const waitMs = Math.round(random() * (PERIOD_S + (opt.cdn ? CDN_MAX_AGE_S : 0)) * 1000);
    log(`round ${i + 1}/${rounds} (${kind}): switching in ${s1(waitMs)}`);
    await sleep(waitMs);
    const payload = kind === 'open' ? multipleModels() : recovered();
    const before = d.server.requests.length;
    d.server.setSummary(payload);
    const t0 = Date.now();
    const nextAlarm = await d
      .extensionEval(async (names) => {
        const times = (await globalThis.chrome.alarms.getAll()).filter((a) => names.includes(a.name)).map((a) => a.scheduledTime);
        return times.length ? Math.min(...times) : null;
      }, ALARM_NAMES)
      .catch(() => null);
    const nextAlarmMs = nextAlarm === null ? null : nextAlarm - t0;
    const wanted = (text) => (kind === 'open' ? text !== '' && text !== '?' : text === '');
    let seen = null;
    let lastRead = t0;
    const others = new Set();
    while (Date.now() - t0 < BADGE_TIMEOUT_MS) {
      const readAt = Date.now();
      const b = await d.badge();
      if (wanted(b.text)) {
        seen = { text: b.text, at: readAt, prev: lastRead };
        break;
      }
      if (b.text !== current) others.add(b.text);
      lastRead = readAt;
      await sleep(Math.max(0, 250 - (Date.now() - readAt)));
    }
    const fresh = d.server.requests.slice(before).find((r) => isStatus(r) && r.path === SUMMARY_PATH && r.status === 200);
    if (!seen) {
      broken.push(
        `round ${i + 1} (${kind}): badge did not change within ${BADGE_TIMEOUT_MS / 1000} s ` +
          `(still ${JSON.stringify(current)}; fresh 200 served: ${fresh ? 'yes' : 'no'})`,
      );
      log(`  ✖ badge did not change within ${BADGE_TIMEOUT_MS / 1000} s`);
      samples.push({ round: i + 1, kind, ms: null });
      break;
    }
    const sample = {
      round: i + 1,
      kind,
      ms: seen.at - t0,
      text: seen.text,
      nextAlarmMs,
      pollMs: fresh ? fresh.at - t0 : null,
      applyMs: fresh ? seen.at - fresh.at : null,
      reqStart: before,
    };
    samples.push(sample);
    if (kind === 'open' && seen.text !== 'ALL')
      problems.push(`round ${i + 1}: incident badge is ${JSON.stringify(seen.text)}, expected "ALL"`);
    if (others.size)
      problems.push(`round ${i + 1} (${kind}): badge showed ${[...others].map((t) => JSON.stringify(t)).join(', ')} on the way`);
    if (sample.pollMs !== null && sample.pollMs > (PERIOD_S + (opt.cdn ? CDN_MAX_AGE_S : 0)) * 1000 + 5_000) {
      problems.push(`round ${i + 1} (${kind}): the first poll after the switch came ${s1(sample.pollMs)} later (more than one period)`);
    }
    log(
      `  badge ${JSON.stringify(current)} → ${JSON.stringify(seen.text)} after ${s1(sample.ms)} ` +
        `(next alarm was due in ${s1(nextAlarmMs)}; fresh poll at +${s1(sample.pollMs)}, badge ${sample.applyMs ?? '?'} ms later; ` +
        `requests so far: ${d.server.requests
          .slice(before)
          .filter(isStatus)
          .map((r) => `${r.path.split('/').pop()} ${r.status}`)
          .join(', ')})`,
    );
    current = seen.text;
  }
  const pick = (k) => samples.filter((s) => s.ms !== null && (!k || s.kind === k)).map((s) => s.ms / 1000);
  // What each switch cost besides the scheduled polls, counted up to the next switch (requests
  // made after the badge changed, such as incidents.json on an all-clear, included).
  await sleep(2_000);
  const { requests } = d.server;
  samples.forEach((s, i) => {
    const upTo = samples[i + 1]?.reqStart ?? requests.length;
    const reqs = requests.slice(s.reqStart, upTo).filter(isStatus);
    const fresh = reqs.filter((r) => r.path === SUMMARY_PATH && r.status !== 304);
    const extra = reqs.filter((r) => r.path !== SUMMARY_PATH);
    s.freshBytes = fresh.reduce((n, r) => n + r.bytes, 0);
    s.extra = extra.map((r) => ({ path: r.path, status: r.status, bytes: r.bytes, ifNoneMatch: !!r.ifNoneMatch }));
  });
  const ok = samples.filter((s) => s.ms !== null);
  return {
    samples,
    open: stats(pick('open')),
    clear: stats(pick('clear')),
    all: stats(pick()),
    // What the extension adds on top of waiting for its alarm: poll arrival → badge seen.
    apply: stats(ok.map((s) => s.applyMs).filter((x) => x !== null)),
    // Switch → next scheduled alarm, the part of the latency that is pure alarm phase.
    alarmWait: stats(ok.map((s) => s.nextAlarmMs).filter((x) => x !== null)),
  };
}

// ── 4. history page ──────────────────────────────────────────────────────────────────────────────
/**
 * A fresh browser whose fake page serves a full 90-day incidents.json (the synthetic history, ~80
 * incidents): the install fill stores the archive; then the history page is opened `historyOpens`
 * times, each time in a new tab, reading the page's own timings from navigation start: the
 * `history-drawn` mark the page sets once its bars are in the DOM, and the first contentful paint
 * (the page paints nothing before its data is read, so this is when the bars first show).
 */
async function historyPhase() {
  // An older build measured with --extension has no history page.
  if (EXTENSION_DIR) return null;
  if (!historyOpens) return null;
  const summary = operational();
  const list = { page: summary.page, ...syntheticNinetyDayIncidents({ now: Date.now() }) };
  log(`history: ${list.incidents.length} incidents over 90 days served as incidents.json; waiting for the install fill`);
  const d = await startDriver('chromium', { summary, build: 'prod', serverOptions: { incidents: list } });
  try {
    const deadline = Date.now() + 60_000;
    let stored = null;
    while (!stored?.archive?.listedAt) {
      if (Date.now() > deadline) {
        broken.push('history: the archive was not filled within 60 s of install');
        return null;
      }
      await sleep(250);
      stored = await d.extensionEval(async () => (await chrome.storage.local.get('archive')).archive ?? null);
    }
    const bytesInUse = await d.extensionEval(() => chrome.storage.local.getBytesInUse('archive'));
    const jsonBytes = Buffer.byteLength(JSON.stringify(stored));
    const incidents = stored.archive.incidents.length;
    log(`history: archive stored, ${incidents} incidents, ${kb(bytesInUse)} in storage.local (JSON ${kb(jsonBytes)})`);
    const opens = [];
    for (let i = 0; i < historyOpens; i++) {
      const page = await d.openExtensionPage('history.html');
      const timing = await page
        .waitForFunction(() => performance.getEntriesByName('history-drawn').length > 0, null, { timeout: 30_000 })
        // The paint entry lands a frame or more after the mark.
        .then(() =>
          page.waitForFunction(() => performance.getEntriesByType('paint').length > 0, null, { timeout: 10_000 }).catch(() => null),
        )
        .then(() =>
          page.evaluate(() => ({
            fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
            drawn: performance.getEntriesByName('history-drawn')[0].startTime,
            dcl: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null,
            cells: document.querySelectorAll('td.day').length,
          })),
        )
        .catch((e) => ({ error: e.message }));
      await page.close();
      if (timing.error) {
        broken.push(`history: the page did not draw its bars (${timing.error})`);
        return null;
      }
      opens.push(timing);
      log(
        `  open ${i + 1}: bars in the DOM ${timing.drawn.toFixed(0)} ms, first contentful paint ${timing.fcp?.toFixed(0) ?? '—'} ms ` +
          `(${timing.cells} day cells)`,
      );
    }
    return {
      incidents,
      bytesInUse,
      jsonBytes,
      opens,
      fcp: stats(opens.map((o) => o.fcp).filter((x) => x !== null)),
      drawn: stats(opens.map((o) => o.drawn)),
      cells: opens[0]?.cells ?? 0,
    };
  } finally {
    await d.close().catch(() => {});
  }
}

// ── 5. local-evidence phase ──────────────────────────────────────────────────────────────────────
// claude.ai's own API, scripted from a claude.ai tab as the E2E does (tests/e2e/scenario-evidence.mjs).
const EV_ORG = '0b1c2d3e-aaaa-4bbb-8ccc-123456789abc';
const EV_CHAT = '9f8e7d6c-1111-4222-8333-abcdefabcdef';
const EV_COMPLETION = `/api/organizations/${EV_ORG}/chat_conversations/${EV_CHAT}/completion`;
const EV_LIST = `/api/organizations/${EV_ORG}/chat_conversations?limit=30`;
/** The badge's text while Claude is failing for the user. */
const EV_CODE = EVIDENCE_CODE;
/** Good requests each round starts with (their write repaints a calm badge). */
const EV_WARMUP_OK = 2;
/**
 * The failing answer (1-based) that crosses the threshold after EV_WARMUP_OK good ones: the verdict
 * needs FAILING_MIN_COUNT Claude-side failures that are at least FAILING_MIN_SHARE of the requests.
 */
const EV_CROSSING = (() => {
  for (let k = FAILING_MIN_COUNT; k < 1_000; k++) if (k >= FAILING_MIN_SHARE * (k + EV_WARMUP_OK)) return k;
  throw new Error('lib/evidence/thresholds.ts: the failing threshold is never crossed after good requests');
})();
const pctOf = (share) => `${Math.round(share * 100)} %`;

/** One request made by claude.ai's page itself; resolves when it has completed (status or 'error'). */
function claudeRequest(page, { path = EV_COMPLETION, method = 'POST' } = {}) {
  return page.evaluate(
    ({ path, method }) =>
      fetch(path, { method, ...(method === 'POST' && { body: '{"prompt":"bench"}' }) }).then(
        async (r) => {
          await r.text();
          return r.status;
        },
        () => 'error',
      ),
    { path, method },
  );
}

/** Waits until the badge text satisfies `want`, reading every 100 ms; the time it was first seen, or null. */
async function badgeWhen(d, want, timeoutMs) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    const readAt = Date.now();
    if (want((await d.badge()).text)) return readAt;
    await sleep(Math.max(0, 100 - (Date.now() - readAt)));
  }
  return null;
}

/** Worker wake-ups (CDP running-status, through the idle stopper) and the share of time it ran, over `ms`. */
async function wakeWindow(d, stopper, ms, traffic) {
  const from = Date.now();
  let samples = 0;
  let running = 0;
  let requests = 0;
  const sampler = setInterval(() => {
    samples += 1;
    if (d.isServiceWorkerRunning()) running += 1;
  }, 250);
  try {
    while (Date.now() - from < ms) {
      const wait = traffic ? traffic() : ms;
      await sleep(Math.min(wait, Math.max(0, ms - (Date.now() - from))));
      if (traffic && Date.now() - from < ms) {
        requests += 1;
        void traffic.request().catch(() => null);
      }
    }
  } finally {
    clearInterval(sampler);
  }
  const minutes = (Date.now() - from) / 60_000;
  return {
    minutes,
    wakes: stopper ? stopper.count('wake', from) : null,
    wakesPerMinute: stopper ? stopper.count('wake', from) / minutes : null,
    runningShare: samples ? running / samples : null,
    requestsPerMinute: requests / minutes,
  };
}

async function evidencePhase(d, stopper) {
  log('evidence: opening a claude.ai tab (the fake app shell; its API answers as scripted)');
  d.server.setSummary(operational());
  d.server.setClaudeApi({ kind: 'http', status: 200 });
  const claude = await d.openPage(`${CLAUDE_ORIGIN}/`);
  const calm = await badgeWhen(d, (t) => t === '', 90_000);
  if (calm === null) {
    broken.push('evidence phase: the badge never became calm on an operational page');
    await claude.close();
    return null;
  }

  // a) Wake-ups: the same minutes with the tab open and idle, then busy (a request every 2–6 s,
  //    a message every ~20 s, like someone chatting while the app refreshes its lists).
  const idleStop = idleStopS ? `worker stopped after ${idleStopS} s without events, as Chrome's idle shutdown would` : 'never stopped';
  log(`evidence: ${EVIDENCE_MINUTES} min with the claude.ai tab idle (${idleStop})`);
  const idleTab = await wakeWindow(d, stopper, EVIDENCE_MINUTES * 60_000, null);
  log(`  idle tab: ${idleTab.wakes ?? '?'} wake-ups, worker running ${pct(idleTab.runningShare)} of the time`);
  log(`evidence: ${EVIDENCE_MINUTES} min with a busy claude.ai tab`);
  let n = 0;
  const busy = () => 2_000 + Math.round(random() * 4_000);
  busy.request = () => claudeRequest(claude, ++n % 5 === 0 ? {} : { path: EV_LIST, method: 'GET' });
  const busyTab = await wakeWindow(d, stopper, EVIDENCE_MINUTES * 60_000, busy);
  log(
    `  busy tab: ${busyTab.requestsPerMinute.toFixed(0)} requests/min → ${busyTab.wakes ?? '?'} wake-ups, ` +
      `worker running ${pct(busyTab.runningShare)} of the time`,
  );

  // b) Latency: from calm, claude.ai's requests start failing (529, one every 0.4–2.5 s, seeded, so
  //    the crossing lands anywhere in the coalesced write's 1.5 s); how long until the badge says
  //    so (EV_CODE), counted from the first failing answer and from the answer that crossed the threshold.
  //    Then recovery: 200s until the badge is calm again.
  const samples = [];
  for (let i = 0; i < EVIDENCE_ROUNDS; i++) {
    const cold = i % 2 === 1;
    // A fresh start: no stored evidence, a few good requests (whose write repaints the badge).
    await d.extensionEval(() => globalThis.chrome.storage.local.remove('evidence'));
    await sleep(2_000);
    d.server.setClaudeApi({ kind: 'http', status: 200 });
    for (let k = 0; k < EV_WARMUP_OK; k++) await claudeRequest(claude);
    if ((await badgeWhen(d, (t) => t === '', 30_000)) === null) {
      broken.push(`evidence round ${i + 1}: the badge did not start calm`);
      break;
    }
    await sleep(2_000); // the good requests' write is done
    if (cold) await d.stopServiceWorker();
    log(`evidence round ${i + 1}/${EVIDENCE_ROUNDS}: 529s from claude.ai (worker ${cold ? 'stopped' : 'running'})`);
    d.server.setClaudeApi({ kind: 'http', status: 529 });
    const answers = [];
    let seenAt = null;
    const watching = badgeWhen(d, (t) => t === EV_CODE, 60_000).then((at) => {
      seenAt = at;
    });
    const t0 = Date.now();
    while (seenAt === null && Date.now() - t0 < 60_000) {
      const status = await claudeRequest(claude);
      answers.push({ status, at: Date.now() });
      await sleep(400 + Math.round(random() * 2_100));
    }
    await watching;
    const firstAt = answers[0]?.at ?? null;
    const crossAt = answers[EV_CROSSING - 1]?.at ?? null;
    const round = {
      round: i + 1,
      cold,
      fromFirstMs: seenAt !== null && firstAt !== null ? seenAt - firstAt : null,
      fromThresholdMs: seenAt !== null && crossAt !== null ? seenAt - crossAt : null,
      failingRequests: answers.length,
      recoveryMs: null,
      recoveryRequests: null,
    };
    if (seenAt === null) {
      broken.push(`evidence round ${i + 1}: the badge never said ${EV_CODE} (60 s of 529s)`);
      samples.push(round);
      break;
    }
    // Recovery: the last RECOVERY_SPAN_MS need ≥ RECOVERY_MIN_OK OK and failures under RECOVERY_MAX_SHARE,
    // so a few times as many 200s.
    d.server.setClaudeApi({ kind: 'http', status: 200 });
    const r0 = Date.now();
    let ok = 0;
    let calmAt = null;
    const watchingCalm = badgeWhen(d, (t) => t === '', 90_000).then((at) => {
      calmAt = at;
    });
    while (calmAt === null && Date.now() - r0 < 90_000) {
      await claudeRequest(claude, { path: EV_LIST, method: 'GET' });
      ok += 1;
      await sleep(300);
    }
    await watchingCalm;
    round.recoveryMs = calmAt === null ? null : calmAt - r0;
    round.recoveryRequests = ok;
    log(
      `  badge ${EV_CODE} ${s1(round.fromThresholdMs)} after the threshold (${s1(round.fromFirstMs)} after the first 529, ` +
        `${answers.length} requests); calm again ${s1(round.recoveryMs)} after the 200s resumed (${ok} requests)`,
    );
    if (round.fromThresholdMs > TARGETS.evidenceAfterThresholdS * 1000)
      problems.push(
        `evidence round ${i + 1}: badge ${s1(round.fromThresholdMs)} after the threshold (target ≤ ${TARGETS.evidenceAfterThresholdS} s)`,
      );
    samples.push(round);
  }
  d.server.setClaudeApi({ kind: 'http', status: 200 });
  await claude.close();
  const ms = (k, filter = () => true) => stats(samples.filter((r) => r[k] !== null && filter(r)).map((r) => r[k] / 1000));
  return {
    idleStopS,
    idleTab,
    busyTab,
    rounds: samples,
    fromFirst: ms('fromFirstMs'),
    fromThreshold: ms('fromThresholdMs'),
    fromThresholdWarm: ms('fromThresholdMs', (r) => !r.cold),
    fromThresholdCold: ms('fromThresholdMs', (r) => r.cold),
    recovery: ms('recoveryMs'),
  };
}

const pct = (share) => (share == null ? '—' : `${Math.round(share * 100)} %`);

// ── 6. report ────────────────────────────────────────────────────────────────────────────────────
function latencyCell(st) {
  if (!st.n) return '—';
  const cdn = opt.cdn ? 'CDN included' : `+ ≤ ${CDN_MAX_AGE_S} s CDN: ≤ ${(st.max + CDN_MAX_AGE_S).toFixed(0)} s`;
  return `median ${st.median.toFixed(1)} s, worst ${st.max.toFixed(1)} s (n=${st.n}; ${cdn})`;
}
const verdict = (ok) => (ok ? 'within' : 'over');

function report({ env, quiet, latency, history, evidence, packed }) {
  console.log('\n━━ results');
  console.log(`Measured: ${env.extension}`);
  if (opt.cdn) {
    console.log(`Fake server: local HTTPS (HTTP/1.1, Node keep-alive 5 s) behind a modelled CDN (s-maxage=${CDN_MAX_AGE_S}: each`);
    console.log('change reaches clients 0–15 s late, as on the real page): the latencies below include the CDN.');
  } else {
    console.log("Fake server: local HTTPS (HTTP/1.1, Node keep-alive 5 s), no CDN (--no-cdn): the real page's CDN adds up to");
    console.log(`${CDN_MAX_AGE_S} s to each latency.`);
  }
  if (quiet) {
    console.log(
      `\nQuiet phase: operational page, no interaction, ${quiet.minutes} min` +
        (idleStopS
          ? `, worker stopped after ${idleStopS} s idle (${quiet.workerStops} stops, ${quiet.workerWakes} wakes)`
          : ', worker never stopped'),
    );
    console.log(
      `  requests to status hosts  ${quiet.requests} (${quiet.requests - quiet.not304.length}×304, ${quiet.not304.length} other) → ${quiet.requestsPerHour.toFixed(0)}/h`,
    );
    if (quiet.wakeProbes) {
      console.log(
        `  mid-cycle wake probes     ${quiet.wakeProbes} no-op message(s), worker started ${quiet.wakeProbesThatWoke}×, ` +
          `extra requests: ${quiet.wakeProbeRequests}`,
      );
    }
    console.log(
      `  gap between polls         ${quiet.gapsS.n ? `min ${quiet.gapsS.min.toFixed(1)} s, median ${quiet.gapsS.median.toFixed(1)} s, max ${quiet.gapsS.max.toFixed(1)} s` : '—'}`,
    );
    console.log(
      `  response bytes (HTTP)     ${kb(quiet.responseBytes)} total, ${kb(quiet.meanResponseBytes ?? 0)}/request → ${kb(quiet.responseBytesPerMinute)}/min, ${kb(quiet.responseBytesPerHour)}/h` +
        `   target ≤ ${kb(TARGETS.bytesPerMin)}/min: ${verdict(quiet.responseBytesPerMinute <= TARGETS.bytesPerMin)}`,
    );
    console.log(`  request heads (HTTP)      ${kb(quiet.requestHeadBytesPerMinute)}/min`);
    console.log(
      `  TCP incl. TLS, both ways  ${kb(quiet.tcpBytesPerMinute)}/min (in ${kb(quiet.tcpInPerMinute)}, out ${kb(quiet.tcpOutPerMinute)}; ` +
        `${quiet.tlsHandshakes} TLS handshakes — the fake server drops idle connections after 5 s, so each poll reconnects)`,
    );
  }
  if (latency) {
    console.log(`\nLatency phase: ${rounds} switches after random 0–${PERIOD_S} s waits (seed ${env.seed}), badge read every 250 ms`);
    for (const s of latency.samples) {
      console.log(
        `  #${s.round} ${s.kind.padEnd(5)} ${s.ms === null ? 'never' : s1(s.ms).padStart(7)}` +
          (s.ms === null
            ? ''
            : `  (alarm due in ${s1(s.nextAlarmMs)}, fresh poll +${s1(s.pollMs)}, badge +${s.applyMs} ms after it;` +
              ` summary ${kb(s.freshBytes)}${s.extra.map((r) => ` + ${r.path} ${r.status} ${kb(r.bytes)}${r.ifNoneMatch ? '' : ' unconditional'}`).join('')})`),
      );
    }
    for (const k of ['open', 'clear', 'all']) {
      const st = latency[k];
      if (!st.n) continue;
      console.log(
        `  ${k.padEnd(5)}  min ${st.min.toFixed(1)} s, median ${st.median.toFixed(1)} s, worst ${st.max.toFixed(1)} s` +
          `   target median ≤ ${TARGETS.latencyMedianS} s: ${verdict(st.median <= TARGETS.latencyMedianS)}, worst ≤ ${TARGETS.latencyWorstS} s: ${verdict(st.max <= TARGETS.latencyWorstS)}`,
      );
    }
  }
  const incidentFetches = latency?.samples.flatMap((s) => s.extra ?? []).filter((r) => r.path === INCIDENTS_PATH) ?? [];
  if (incidentFetches.length) {
    const fixture = path.join(FIXTURES_DIR, 'claude-incidents-2026-09-15-backfill.json');
    const real = fs.existsSync(fixture) ? fs.readFileSync(fixture) : null;
    const statuses = incidentFetches.map((r) => r.status).join(', ');
    console.log(
      `  ${incidentFetches.length} switch(es) also read ${INCIDENTS_PATH} (after the badge changed; conditional, with the archive's ETag: ${statuses}). The fake serves an empty list;` +
        (real ? ` the real one (50 incidents, captured) is ${kb(real.length)}, ${kb(zlib.gzipSync(real).length)} gzipped.` : ''),
    );
  }
  if (latency?.apply.n) {
    console.log(
      `  after the fresh poll: badge seen median ${latency.apply.median} ms, worst ${latency.apply.max} ms (badge read every 250 ms);` +
        ` the rest is waiting for the ${PERIOD_S} s alarm`,
    );
    console.log(
      `  a poll every ${PERIOD_S} s gives latencies uniform in 0–${PERIOD_S} s, plus the CDN's 0–${CDN_MAX_AGE_S} s: expect median ≈ ` +
        `${(PERIOD_S + CDN_MAX_AGE_S) / 2} s, worst ≈ ${PERIOD_S + CDN_MAX_AGE_S} s; ${rounds} samples only show where this run's random waits fell`,
    );
  }
  if (history) {
    console.log(
      `\nHistory page: a full 90-day archive (${history.incidents} incidents, ${history.cells} day cells drawn), opened ${history.opens.length} times`,
    );
    console.log(
      `  archive in storage.local  ${kb(history.bytesInUse)} (getBytesInUse('archive'); JSON ${kb(history.jsonBytes)}),` +
        ' written only when an incident resolves',
    );
    console.log(
      `  bars in the DOM           median ${history.drawn.median.toFixed(0)} ms, worst ${history.drawn.max.toFixed(0)} ms (from navigation start)`,
    );
    if (history.fcp.n)
      console.log(
        `  first contentful paint    median ${history.fcp.median.toFixed(0)} ms, worst ${history.fcp.max.toFixed(0)} ms (nothing is painted before the bars)`,
      );
  }
  if (evidence) {
    const r = (st) => (st.n ? `median ${st.median.toFixed(1)} s, worst ${st.max.toFixed(1)} s (n=${st.n})` : '—');
    console.log(
      `\nLocal evidence: a claude.ai tab whose API answers 529 (a request every 0.4–2.5 s); badge read every 100 ms;` +
        ` worker ${evidence.idleStopS ? `stopped after ${evidence.idleStopS} s without events` : 'never stopped'}`,
    );
    for (const x of evidence.rounds) {
      console.log(
        `  #${x.round} ${x.cold ? 'cold' : 'warm'}  badge ${EV_CODE} ${s1(x.fromThresholdMs)} after the threshold, ${s1(x.fromFirstMs)} after the first 529` +
          ` (${x.failingRequests} failing requests); calm ${s1(x.recoveryMs)} after 200s resumed (${x.recoveryRequests ?? '—'} requests)`,
      );
    }
    console.log(
      `  after the threshold   ${r(evidence.fromThreshold)}   target ≤ ${TARGETS.evidenceAfterThresholdS} s: ` +
        `${evidence.fromThreshold.n ? verdict(evidence.fromThreshold.max <= TARGETS.evidenceAfterThresholdS) : '—'}`,
    );
    console.log(
      `  after the first 529   ${r(evidence.fromFirst)} (the threshold needs ${FAILING_MIN_COUNT} failures, ≥ ${pctOf(FAILING_MIN_SHARE)} ` +
        `of the requests: ${EV_CROSSING - 1} more requests)`,
    );
    console.log(
      `  recovery              ${r(evidence.recovery)} (needs ≥ ${RECOVERY_MIN_OK} OK in the last ${RECOVERY_SPAN_MS / 60_000} min ` +
        `and under ${pctOf(RECOVERY_MAX_SHARE)} failures)`,
    );
    const w = (x) =>
      `${x.wakesPerMinute === null ? '?' : x.wakesPerMinute.toFixed(1)} wake-ups/min, worker running ${pct(x.runningShare)} of the time`;
    console.log(`  idle claude.ai tab    ${w(evidence.idleTab)} (the poll alarms alone)`);
    console.log(`  busy claude.ai tab    ${w(evidence.busyTab)}, ${evidence.busyTab.requestsPerMinute.toFixed(0)} API requests/min`);
  }
  console.log('\nPacked zips (.output)');
  if (!packed.length) console.log('  none (run without --no-build)');
  for (const z of packed)
    console.log(`  ${z.name.padEnd(36)} ${z.bytes.toLocaleString('en').padStart(9)} bytes (${(z.bytes / 1000).toFixed(1)} KB)`);

  if (problems.length || broken.length) {
    console.log('\nWorth a look');
    for (const p of broken) console.log(`  ✖ ${p}`);
    for (const p of problems) console.log(`  ⚠ ${p}`);
  }

  // Markdown for the README.
  const rows = [];
  if (quiet) {
    rows.push([
      'Requests while nothing changes',
      `${quiet.requestsPerHour.toFixed(0)} / h (${quiet.not304.length ? `${quiet.not304.length} not 304` : 'all 304'})`,
      '—',
    ]);
    rows.push([
      'Bytes while nothing changes (responses: status line + headers + body)',
      `${kb(quiet.responseBytesPerMinute)} / min (${kb(quiet.responseBytesPerHour)} / h)`,
      `≤ 1 KB / min`,
    ]);
    rows.push(['… plus request headers', `${kb(quiet.responseBytesPerMinute + quiet.requestHeadBytesPerMinute)} / min`, '—']);
  }
  if (latency) {
    rows.push([
      'Badge change after an incident opens',
      latencyCell(latency.open),
      `≤ ${TARGETS.latencyMedianS} s median, ≤ ${TARGETS.latencyWorstS} s worst`,
    ]);
    rows.push([
      'Badge change after the all-clear',
      latencyCell(latency.clear),
      `≤ ${TARGETS.latencyMedianS} s median, ≤ ${TARGETS.latencyWorstS} s worst`,
    ]);
    rows.push([
      'Badge change, all switches',
      latencyCell(latency.all),
      `≤ ${TARGETS.latencyMedianS} s median, ≤ ${TARGETS.latencyWorstS} s worst`,
    ]);
  }
  if (latency?.apply.n) {
    rows.push([
      '… of which after the poll that brought the change',
      `median ${(latency.apply.median / 1000).toFixed(2)} s, worst ${(latency.apply.max / 1000).toFixed(2)} s (badge read every 0.25 s)`,
      '—',
    ]);
  }
  if (history) {
    if (history.fcp.n)
      rows.push([
        'History page, first paint with its bars (full 90-day archive)',
        `median ${history.fcp.median.toFixed(0)} ms, worst ${history.fcp.max.toFixed(0)} ms (n=${history.fcp.n})`,
        '—',
      ]);
    rows.push([
      '… of which until the bars are in the DOM',
      `median ${history.drawn.median.toFixed(0)} ms, worst ${history.drawn.max.toFixed(0)} ms (${history.cells} day cells)`,
      '—',
    ]);
    rows.push(['Archive in storage (90 days)', `${kb(history.bytesInUse)} (${history.incidents} incidents)`, '—']);
  }
  if (evidence) {
    const cell = (st) => (st.n ? `median ${st.median.toFixed(1)} s, worst ${st.max.toFixed(1)} s (n=${st.n})` : '—');
    rows.push([
      `Badge says ${EV_CODE} after claude.ai's requests cross the failing threshold (local evidence)`,
      cell(evidence.fromThreshold),
      `≤ ${TARGETS.evidenceAfterThresholdS} s`,
    ]);
    rows.push(['… after the first failing request', cell(evidence.fromFirst), '—']);
    rows.push([
      'Service-worker wake-ups per minute, busy claude.ai tab',
      `${evidence.busyTab.wakesPerMinute?.toFixed(1) ?? '?'} (idle tab ${evidence.idleTab.wakesPerMinute?.toFixed(1) ?? '?'}); worker running ${pct(evidence.busyTab.runningShare)} (idle tab ${pct(evidence.idleTab.runningShare)})`,
      '—',
    ]);
  }
  for (const z of packed.filter((x) => !x.name.endsWith('-sources.zip'))) {
    const target = z.name.match(/-(\w+)\.zip$/)?.[1] ?? z.name;
    rows.push([`Packed size (${target} zip)`, `${(z.bytes / 1000).toFixed(1)} KB`, '—']);
  }
  console.log('\n━━ Markdown (for the README)\n');
  console.log('| Measure | Measured | Target |');
  console.log('| --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log(
    `\n${env.chromium}, ${env.when}; \`npm run bench\` (${quiet?.minutes ?? 0} quiet min, ${latency?.samples.length ?? 0} switches` +
      `${idleStopS ? `, worker stopped after ${idleStopS} s idle` : ''}). Local fake status page ` +
      (opt.cdn
        ? `behind a modelled CDN (s-maxage=${CDN_MAX_AGE_S}): latencies include it. `
        : `without a CDN: the real page's CDN (s-maxage=${CDN_MAX_AGE_S}) adds up to ${CDN_MAX_AGE_S} s to each latency. `) +
      '1 KB = 1000 bytes.\n',
  );
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────────
async function main() {
  buildIfNeeded();
  const packed = zips();
  const backgroundHash = fileHash(path.join(EXTENSION_DIR ?? CHROME_DIR, 'background.js'));
  let chromium = 'Chromium';
  try {
    chromium = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {}
  const env = {
    chromium,
    when: new Date().toISOString().slice(0, 10),
    seed,
    idleStopS,
    extension: EXTENSION_DIR ?? '.output/chrome-mv3 (this build)',
  };
  log(`${chromium}; quiet ${quietMinutes} min, ${rounds} rounds, seed ${seed}`);

  const d = await startDriver('chromium', {
    summary: operational(),
    build: EXTENSION_DIR ?? 'prod',
    serverOptions: opt.cdn ? { cdn: { sMaxAgeSec: CDN_MAX_AGE_S } } : {},
  });
  const meter = wireMeter(d.server);
  let stopper = null;
  const cleanup = async () => {
    stopper?.stop();
    await d.close().catch(() => {});
  };
  process.once('SIGINT', () => {
    cleanup().finally(() => process.exit(130));
  });
  let quiet = null;
  let latency = null;
  let evidence = null;
  try {
    if (idleStopS > 0)
      stopper = idleStopper(d, {
        idleMs: idleStopS * 1000,
        alarmNames: ALARM_NAMES,
        log: (m) => {
          if (process.env.BENCH_VERBOSE) log(m);
        },
      });
    if (!opt['evidence-only']) {
      quiet = await quietPhase(d, meter, stopper);
      if (quiet) latency = await latencyPhase(d);
    }
    // An older build measured with --extension has no local evidence.
    if (opt.evidence && !EXTENSION_DIR && (opt['evidence-only'] || latency)) evidence = await evidencePhase(d, stopper);
    if (latency && stopper) {
      const wakes = stopper.count('wake');
      log(`worker: ${stopper.count('stop')} idle stops, ${wakes} wakes over the run`);
    }
  } catch (e) {
    broken.push(`run failed: ${e.stack ?? e.message}`);
  } finally {
    await cleanup();
  }
  let history = null;
  try {
    if (!opt['evidence-only']) history = await historyPhase();
  } catch (e) {
    broken.push(`history phase failed: ${e.stack ?? e.message}`);
  }
  if (fileHash(path.join(EXTENSION_DIR ?? CHROME_DIR, 'background.js')) !== backgroundHash) {
    problems.push(
      '.output/chrome-mv3/background.js changed during the run (someone rebuilt): a restarted worker may have run the new build',
    );
  }

  report({ env, quiet, latency, history, evidence, packed });
  const round1 = (x) => (x == null ? null : Math.round(x * 10) / 10);
  const lat = (st) => ({ n: st.n, medianS: round1(st.median), worstS: round1(st.max), minS: round1(st.min) });
  const json = {
    bench: 'claude-status',
    date: new Date().toISOString(),
    chromium,
    seed,
    idleStopS,
    cdn: opt.cdn,
    extension: env.extension,
    quiet: quiet && {
      minutes: quiet.minutes,
      requests: quiet.requests,
      not304: quiet.not304.length,
      requestsPerHour: Math.round(quiet.requestsPerHour),
      responseBytesPerMinute: Math.round(quiet.responseBytesPerMinute),
      responseBytesPerHour: Math.round(quiet.responseBytesPerHour),
      requestHeadBytesPerMinute: Math.round(quiet.requestHeadBytesPerMinute),
      tcpBytesPerMinute: Math.round(quiet.tcpBytesPerMinute),
      workerWakes: quiet.workerWakes,
      duplicatePolls: quiet.closePairs,
      wakeProbes: quiet.wakeProbes,
      wakeProbeRequests: quiet.wakeProbeRequests,
    },
    latency: latency && {
      samplesS: latency.samples.map((s) => ({
        kind: s.kind,
        s: s.ms === null ? null : round1(s.ms / 1000),
        bytes: (s.freshBytes ?? 0) + (s.extra ?? []).reduce((n, r) => n + r.bytes, 0),
        extra: (s.extra ?? []).map((r) => `${r.path} ${r.status}`),
      })),
      open: lat(latency.open),
      clear: lat(latency.clear),
      all: lat(latency.all),
      afterPollMs: { median: latency.apply.median, worst: latency.apply.max },
    },
    history: history && {
      incidents: history.incidents,
      archiveBytesInUse: history.bytesInUse,
      archiveJsonBytes: history.jsonBytes,
      firstContentfulPaintMs: history.fcp.n ? { median: Math.round(history.fcp.median), worst: Math.round(history.fcp.max) } : null,
      barsInDomMs: { median: Math.round(history.drawn.median), worst: Math.round(history.drawn.max) },
    },
    evidence: evidence && {
      idleStopS: evidence.idleStopS,
      afterThresholdS: lat(evidence.fromThreshold),
      afterFirstFailureS: lat(evidence.fromFirst),
      afterThresholdWarmS: lat(evidence.fromThresholdWarm),
      afterThresholdColdS: lat(evidence.fromThresholdCold),
      recoveryS: lat(evidence.recovery),
      wakesPerMinute: { idleTab: round1(evidence.idleTab.wakesPerMinute), busyTab: round1(evidence.busyTab.wakesPerMinute) },
      workerRunningShare: { idleTab: round1(evidence.idleTab.runningShare), busyTab: round1(evidence.busyTab.runningShare) },
      busyTabRequestsPerMinute: round1(evidence.busyTab.requestsPerMinute),
    },
    zips: Object.fromEntries(packed.map((z) => [z.name, z.bytes])),
    targets: {
      bytesPerMinute: TARGETS.bytesPerMin,
      latencyMedianS: TARGETS.latencyMedianS,
      latencyWorstS: TARGETS.latencyWorstS,
      evidenceAfterThresholdS: TARGETS.evidenceAfterThresholdS,
    },
    problems,
    broken,
  };
  if (opt.json) fs.writeFileSync(opt.json, `${JSON.stringify(json, null, 2)}\n`);
  console.log(JSON.stringify(json));
  process.exit(broken.length ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
