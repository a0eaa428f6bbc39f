#!/usr/bin/env node
// What each bundle is made of: builds the Chromium target with source maps (`--mode analyze`, into
// .output/chrome-mv3-analyze; the production build is untouched) and prints, per entry, its size,
// gzipped size and the modules that take the most bytes. The content script is loaded on every
// claude.ai page, so it comes first: `npm run bundle-report [-- --top 20]`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { ROOT, localEnv } from './setup.mjs';

const require = createRequire(import.meta.url);
const { SourceMapConsumer } = require('source-map-js');
const OUT = path.join(ROOT, '.output', 'chrome-mv3-analyze');
const topArg = process.argv.indexOf('--top');
const TOP = topArg > 0 ? Number(process.argv[topArg + 1]) : 12;

// The build's own output is noise here, but its errors are not.
execFileSync('wxt', ['build', '--mode', 'analyze'], {
  cwd: ROOT,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: localEnv({ BUNDLE_SOURCEMAP: '1' }),
});

/** Bytes of generated code per source module (npm packages grouped by package name). */
function modulesOf(file) {
  const code = fs.readFileSync(file, 'utf8');
  const lines = code.split('\n');
  const consumer = new SourceMapConsumer(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')));
  const sizes = new Map();
  let prev = null;
  const add = (m, len) => {
    const source = (m.source ?? '(unmapped)').replace(/.*node_modules\/(@[^/]+\/[^/]+|[^/]+)\/.*/, 'npm: $1').replace(/^(\.\.\/)+/, '');
    sizes.set(source, (sizes.get(source) ?? 0) + len);
  };
  consumer.eachMapping((m) => {
    if (prev)
      add(
        prev,
        m.generatedLine === prev.generatedLine
          ? m.generatedColumn - prev.generatedColumn
          : lines[prev.generatedLine - 1].length - prev.generatedColumn,
      );
    prev = m;
  });
  if (prev) add(prev, lines[prev.generatedLine - 1].length - prev.generatedColumn);
  return { bytes: Buffer.byteLength(code), gzip: zlib.gzipSync(code).length, modules: [...sizes].sort((a, b) => b[1] - a[1]) };
}

const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
const entries = [
  'content-scripts/claude.js',
  'background.js',
  ...fs
    .readdirSync(path.join(OUT, 'chunks'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `chunks/${f}`),
];
for (const entry of entries) {
  const { bytes, gzip, modules } = modulesOf(path.join(OUT, entry));
  console.log(`\n${entry}  ${kb(bytes)} (${kb(gzip)} gzipped)`);
  for (const [source, size] of modules.slice(0, TOP)) console.log(`  ${kb(size).padStart(9)}  ${source}`);
}
