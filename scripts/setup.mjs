// What `npm start` and `npm test` need before they can run, installed on demand. Plain Node, no
// dependencies: this runs before `npm ci` has put anything in node_modules.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BROWSERS = { chromium: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' };
const APT_PACKAGES = ['chromium', 'firefox-esr', 'libnss3-tools', 'openssl'];
const TOOLS = {
  chromium: BROWSERS.chromium,
  'firefox-esr': BROWSERS.firefox,
  'libnss3-tools': '/usr/bin/certutil',
  openssl: '/usr/bin/openssl',
};

/**
 * Environment whose PATH starts with node_modules/.bin: there `node` is the Node 22 that the `node`
 * npm package ships (WXT 0.21 and Vitest need 22; the machine may have 20).
 */
export function localEnv(extra = {}) {
  return { ...process.env, PATH: `${path.join(ROOT, 'node_modules/.bin')}${path.delimiter}${process.env.PATH}`, ...extra };
}

/** `npm ci` when node_modules is missing or older than package-lock.json. */
export function ensureDependencies() {
  const marker = path.join(ROOT, 'node_modules/.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  console.log('› npm ci (installing npm packages)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

/** Debian's chromium and firefox-esr (+ certutil, openssl for the test certificates). */
export function ensureBrowsers() {
  const missing = APT_PACKAGES.filter((p) => !fs.existsSync(TOOLS[p]));
  if (!missing.length) return;
  const root = process.getuid?.() === 0;
  if (!root || !fs.existsSync('/usr/bin/apt-get')) {
    console.error(`Missing ${missing.join(', ')}: install them (Debian: sudo apt-get install -y ${missing.join(' ')}) and run again.`);
    process.exit(1);
  }
  console.log(`› apt-get install ${missing.join(' ')}`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** Runs a command in the project root with node_modules/.bin first on PATH; exits on failure. */
export function run(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: localEnv(), ...opts });
  if (result.status !== 0) {
    console.error(`✖ ${cmd} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

/** A command's standard output, whatever its exit code (web-ext lint exits 1 on findings). */
export function output(cmd, args) {
  return spawnSync(cmd, args, { cwd: ROOT, env: localEnv(), encoding: 'utf8', maxBuffer: 64 << 20 }).stdout;
}
