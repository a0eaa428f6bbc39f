// `npm test`: every test, from a fresh machine. Installs what is missing, then: Biome (format and
// lint), type check, unit tests, both builds, web-ext lint of the Firefox build, E2E in Chromium and Firefox.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, ensureBrowsers, ensureDependencies, output, run } from './setup.mjs';

/**
 * A lint warning that comes from a bundled library, not our code, with the reason; null otherwise.
 * Today only Preact's own `dangerouslySetInnerHTML` support (which our code never uses: see
 * tests/unit/no-html.test.ts) assigns innerHTML.
 */
function thirdParty(m) {
  if (m.code !== 'UNSAFE_VAR_ASSIGNMENT' || !m.file) return null;
  const line = fs.readFileSync(path.join(ROOT, '.output/firefox-mv3', m.file), 'utf8').split('\n')[(m.line ?? 1) - 1] ?? '';
  const around = line.slice(Math.max(0, (m.column ?? 0) - 400), (m.column ?? 0) + 200);
  return /dangerouslySetInnerHTML/.test(around) && /__html/.test(around)
    ? "Preact's dangerouslySetInnerHTML support (unused by our code)"
    : null;
}

ensureDependencies();
ensureBrowsers();

const step = (name) => console.log(`\n━━ ${name}`);
step('format and lint (Biome)');
run('biome', ['check', '.']);
step('type check');
run('wxt', ['prepare']); // the message types come from locales/en.yml
run('tsc', ['--noEmit']);
step('unit tests');
run('vitest', ['run']);
step('build (chrome-mv3, firefox-mv3, and their E2E builds)');
run('wxt', ['build']);
run('wxt', ['build', '-b', 'firefox']);
// The E2E builds differ only in what import.meta.env.MODE === 'e2e' opens for the tests (docs/architecture.md).
run('wxt', ['build', '--mode', 'e2e']);
run('wxt', ['build', '-b', 'firefox', '--mode', 'e2e']);
step('web-ext lint (Firefox build): 0 errors, and no warning from our own code');
const lint = JSON.parse(output('web-ext', ['lint', '--output', 'json', '-s', '.output/firefox-mv3']));
const ours = [];
for (const m of [...lint.errors, ...lint.warnings]) {
  const why = m._type === 'warning' ? thirdParty(m) : null;
  console.log(`  ${m._type}: ${m.code} ${m.file ?? ''} ${m.message}${why ? ` — ${why}` : ''}`);
  if (!why) ours.push(m);
}
console.log(
  `  ${lint.summary.errors} errors, ${lint.summary.warnings} warnings (${lint.summary.warnings - (ours.length - lint.summary.errors)} in bundled libraries)`,
);
if (ours.length > 0) process.exit(1);
step('store packages (wxt zip)');
run('wxt', ['zip']);
run('wxt', ['zip', '-b', 'firefox']);
// The three packages the stores take, named after package.json's version (CHANGELOG.md says why).
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
for (const kind of ['chrome', 'firefox', 'sources']) {
  const zip = path.join(ROOT, '.output', `claude-status-${version}-${kind}.zip`);
  if (!fs.existsSync(zip) || fs.statSync(zip).size < 10_000) {
    console.error(`✖ missing or empty store package: ${path.relative(ROOT, zip)}`);
    process.exit(1);
  }
}
for (const f of fs
  .readdirSync(path.join(ROOT, '.output'))
  .filter((n) => n.endsWith('.zip'))
  .sort()) {
  console.log(`  ${f.padEnd(40)} ${(fs.statSync(path.join(ROOT, '.output', f)).size / 1000).toFixed(1)} KB`);
}
step('E2E in Chromium and Firefox');
run('node', ['--test', '--test-concurrency=1', 'tests/e2e/*.test.mjs']);
