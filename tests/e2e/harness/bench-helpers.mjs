// Measuring aids for scripts/bench.mjs, kept next to the harness they hook into. Nothing here
// asserts: these only count bytes, emulate Chrome's idle shutdown and summarise samples.
import { STATUS_HOSTS } from './fake-server.mjs';

/**
 * Byte counters on the fake server's sockets, below and above TLS.
 *   tcpIn / tcpOut: raw TCP bytes (TLS handshakes, records and alerts included), from the plain
 *     net.Socket that the https server accepts before TLS wraps it.
 *   requestBytes: HTTP request heads (request line + headers as received) to the status hosts.
 * The response side at HTTP level is already in the server's request log (`bytes`).
 * @param {{ server: import('node:https').Server }} fake the object startFakeServer() returns
 */
export function wireMeter(fake) {
  const open = new Set();
  let closedIn = 0;
  let closedOut = 0;
  let connections = 0;
  let handshakes = 0;
  /** @type {{ at: number, bytes: number }[]} */
  const requestHeads = [];
  fake.server.on('connection', (socket) => {
    connections += 1;
    open.add(socket);
    socket.once('close', () => {
      open.delete(socket);
      closedIn += socket.bytesRead;
      closedOut += socket.bytesWritten;
    });
  });
  fake.server.on('secureConnection', () => {
    handshakes += 1;
  });
  fake.server.on('request', (req) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    if (!STATUS_HOSTS.includes(host)) return;
    let head = `${req.method} ${req.url} HTTP/${req.httpVersion}\r\n`;
    for (let i = 0; i < req.rawHeaders.length; i += 2) head += `${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}\r\n`;
    requestHeads.push({ at: Date.now(), bytes: Buffer.byteLength(`${head}\r\n`) });
  });
  const totals = () => {
    let tcpIn = closedIn;
    let tcpOut = closedOut;
    for (const s of open) {
      tcpIn += s.bytesRead;
      tcpOut += s.bytesWritten;
    }
    return { at: Date.now(), tcpIn, tcpOut, connections, handshakes };
  };
  return {
    /** A mark to measure from. */
    mark: totals,
    /** Counts since `mark`. */
    since(mark) {
      const now = totals();
      const requestBytes = requestHeads.filter((r) => r.at >= mark.at).reduce((n, r) => n + r.bytes, 0);
      return {
        tcpIn: now.tcpIn - mark.tcpIn,
        tcpOut: now.tcpOut - mark.tcpOut,
        connections: now.connections - mark.connections,
        handshakes: now.handshakes - mark.handshakes,
        requestBytes,
      };
    },
    /** Sockets open right now (for "does the connection survive between polls?"). */
    openSockets: () => open.size,
  };
}

/**
 * Emulates Chrome's idle shutdown, which the attached Playwright debugger prevents (trap 3): stops
 * the extension's worker once it has run `idleMs` without a request to the fake server, so the next
 * alarm has to start it again. Never stops it while a request is in flight or within `alarmGuardMs`
 * of the next of `alarmNames` (a stop racing the alarm would lose a poll, which Chrome would not).
 * @param {import('../drivers.mjs').Driver & { isServiceWorkerRunning: () => boolean }} driver Chromium
 * @param {{ idleMs: number, alarmNames: readonly string[], alarmGuardMs?: number, tickMs?: number,
 *   log?: (msg: string) => void }} opts
 */
export function idleStopper(driver, { idleMs, alarmNames, alarmGuardMs = 3_000, tickMs = 250, log = () => {} }) {
  /** @type {{ type: 'wake' | 'stop', at: number }[]} */
  const events = [];
  let running = driver.isServiceWorkerRunning();
  let lastActivity = Date.now();
  let lastRequestCount = driver.server.requests.length;
  let busy = false;
  let stopped = false;
  const tick = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      const now = Date.now();
      const nowRunning = driver.isServiceWorkerRunning();
      if (nowRunning && !running) {
        events.push({ type: 'wake', at: now });
        lastActivity = now;
      }
      running = nowRunning;
      const reqs = driver.server.requests;
      if (reqs.length !== lastRequestCount || reqs.some((r) => !r.done)) {
        lastRequestCount = reqs.length;
        lastActivity = now;
      }
      if (!running || now - lastActivity < idleMs) return;
      const next = await driver
        .extensionEval(async (names) => {
          const times = (await globalThis.chrome.alarms.getAll()).filter((a) => names.includes(a.name)).map((a) => a.scheduledTime);
          return times.length ? Math.min(...times) : null;
        }, alarmNames)
        .catch(() => null);
      if (next !== null && next - Date.now() < alarmGuardMs) return;
      await driver.stopServiceWorker();
      running = false;
      events.push({ type: 'stop', at: Date.now() });
      log('worker stopped (idle)');
    } catch (e) {
      log(`idle stop failed: ${e.message}`);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(tick, tickMs);
  return {
    events,
    count: (type, fromMs = 0) => events.filter((e) => e.type === type && e.at >= fromMs).length,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}

/** Sorted copy, median (mean of the middle two), min, max, mean; nulls for an empty list. */
export function stats(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return { n: 0, min: null, median: null, max: null, mean: null };
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { n: v.length, min: v[0], median, max: v.at(-1), mean: v.reduce((a, b) => a + b, 0) / v.length };
}

/** Small seeded PRNG (mulberry32), so a run's waits can be replayed with --seed. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
