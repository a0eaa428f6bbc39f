// `npm test`: every test, from a fresh machine. Installs what is missing, then: Biome (format and
// lint), type check, unit tests, both builds, web-ext lint of the Firefox build, E2E in Chromium and Firefox.
import { ensureBrowsers, ensureDependencies, output, run } from './setup.mjs';

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
step('web-ext lint (Firefox build)');
const lint = JSON.parse(output('web-ext', ['lint', '--output', 'json', '-s', '.output/firefox-mv3']));
for (const m of [...lint.errors, ...lint.warnings]) console.log(`  ${m._type}: ${m.code} ${m.file ?? ''} ${m.message}`);
console.log(`  ${lint.summary.errors} errors, ${lint.summary.warnings} warnings`);
if (lint.summary.errors > 0) process.exit(1);
step('E2E in Chromium and Firefox');
run('node', ['--test', '--test-concurrency=1', 'tests/e2e/*.test.mjs']);
