// Throwaway CA + leaf certificate for the fake status.claude.com / claude.ai server.
// A CA + leaf pair (not a single self-signed cert) is required: Firefox profiles and Chromium's
// NSS db only accept a trusted *CA* issuing the server cert (see docs/e2e-in-real-browsers.md §4).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVED_HOSTS, STATUS_HOST } from './hosts.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Default output folder (gitignored). */
export const DEFAULT_CERTS_DIR = path.resolve(here, '../.certs');
/** Names the leaf certificate is valid for: every host the fake server serves (the other providers'
 *  status hosts too: scenario-alternatives.mjs), from the extension's own lists (hosts.mjs).
 *  A cached leaf that lacks one of them is regenerated (isFresh). */
export const CERT_HOSTS = [...SERVED_HOSTS, 'localhost', '127.0.0.1'];

const FILES = { caKey: 'ca.key', caPem: 'ca.pem', keyPem: 'leaf.key', certPem: 'leaf.pem' };

/**
 * @typedef {{ caPem: string, keyPem: string, certPem: string, dir: string,
 *             caPath: string, keyPath: string, certPath: string }} Certs
 */

/**
 * Make (or reuse) the throwaway CA and leaf. Synchronous; idempotent: regenerates everything when a
 * file is missing, either cert expires within a day, or the leaf lacks one of CERT_HOSTS.
 * @param {string} [dir] output folder, default tests/e2e/.certs
 * @returns {Certs} PEM strings (caPem, keyPem = leaf key, certPem = leaf cert) and their paths
 */
export function ensureCerts(dir = DEFAULT_CERTS_DIR) {
  fs.mkdirSync(dir, { recursive: true });
  const p = Object.fromEntries(Object.entries(FILES).map(([k, f]) => [k, path.join(dir, f)]));
  withLock(path.join(dir, '.lock'), () => {
    if (!isFresh(p)) generate(dir, p);
  });
  return {
    dir,
    caPem: fs.readFileSync(p.caPem, 'utf8'),
    keyPem: fs.readFileSync(p.keyPem, 'utf8'),
    certPem: fs.readFileSync(p.certPem, 'utf8'),
    caPath: p.caPem,
    keyPath: p.keyPem,
    certPath: p.certPem,
  };
}

function openssl(args, cwd) {
  return execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
}

function isFresh(p) {
  if (!Object.values(p).every((f) => fs.existsSync(f))) return false;
  try {
    for (const cert of [p.caPem, p.certPem]) openssl(['x509', '-checkend', '86400', '-noout', '-in', cert]);
    const text = openssl(['x509', '-noout', '-ext', 'subjectAltName', '-in', p.certPem]);
    return CERT_HOSTS.every((h) => text.includes(h));
  } catch {
    return false; // -checkend exits 1 when expiring
  }
}

function generate(dir, p) {
  const tmp = fs.mkdtempSync(path.join(dir, '.gen-'));
  try {
    const san = CERT_HOSTS.map((h) => (/^[\d.]+$/.test(h) ? `IP:${h}` : `DNS:${h}`)).join(',');
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    openssl(
      [
        'req',
        '-x509',
        ...ec,
        '-keyout',
        'ca.key',
        '-out',
        'ca.pem',
        '-days',
        '365',
        '-subj',
        '/CN=Claude Status E2E throwaway CA',
        '-addext',
        'basicConstraints=critical,CA:TRUE',
        '-addext',
        'keyUsage=critical,keyCertSign,cRLSign',
      ],
      tmp,
    );
    openssl(['req', ...ec, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', `/CN=${STATUS_HOST}`], tmp);
    fs.writeFileSync(
      path.join(tmp, 'leaf.ext'),
      [
        'basicConstraints=critical,CA:FALSE',
        'keyUsage=critical,digitalSignature,keyEncipherment',
        'extendedKeyUsage=serverAuth',
        `subjectAltName=${san}`,
      ].join('\n'),
    );
    openssl(
      [
        'x509',
        '-req',
        '-in',
        'leaf.csr',
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-out',
        'leaf.pem',
        '-days',
        '90',
        '-extfile',
        'leaf.ext',
      ],
      tmp,
    );
    // Leaf first, CA last: a reader that sees ca.pem also sees the matching leaf.
    for (const k of ['keyPem', 'certPem', 'caKey', 'caPem']) fs.renameSync(path.join(tmp, FILES[k]), p[k]);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Cross-process lock (node --test runs files in parallel): mkdir is atomic. Stale after 30 s. */
function withLock(lockDir, fn) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      const age = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 30_000 || Date.now() > deadline) fs.rmSync(lockDir, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}
