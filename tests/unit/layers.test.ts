/**
 * The code's shape, guarded: imports point one way (down), there are no import cycles, `browser`
 * comes only from `wxt/browser`, and zod only through lib/zod.ts (which turns off its eval probe).
 * Layers, top to bottom (docs/architecture.md):
 *   entrypoints → components → lib/polling → lib/storage.ts → lib/{attention,evidence,alternatives,history}
 *   → lib/verdict → lib/{models,statuspage,providers} → lib/{prefs,zod} and lib/verdict/level.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const LAYERS: Array<[RegExp, number]> = [
  [/^entrypoints\//, 9],
  [/^components\//, 8],
  [/^lib\/polling\//, 7],
  [/^lib\/storage\.ts$/, 6],
  [/^lib\/(attention|evidence|alternatives|history)\//, 5],
  // The severity scale imports nothing; settings name their threshold on it.
  [/^lib\/verdict\/level\.ts$/, 1],
  [/^lib\/verdict\//, 4],
  [/^lib\/(models|statuspage|providers)\//, 3],
  [/^lib\/[\w-]+\.tsx?$/, 1],
];

function layerOf(file: string): number {
  const hit = LAYERS.find(([re]) => re.test(file));
  if (!hit) throw new Error(`${file} belongs to no layer: add its folder to LAYERS`);
  return hit[1];
}

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return sources(rel);
    return /\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

const files = ['lib', 'components', 'entrypoints'].flatMap(sources);

/** Relative imports of a file, resolved to repository paths (type-only imports included unless `runtimeOnly`). */
function importsOf(file: string, runtimeOnly = false): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(import|export)(\s+type\b)?[^'"]*?from\s+['"](\.[^'"]+)['"]/g)]
    .filter((m) => !(runtimeOnly && m[2]))
    .map((m) => m[3]!);
  return specs.flatMap((spec) => {
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    const found = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find(
      (c) => fs.existsSync(path.join(ROOT, c)) && fs.statSync(path.join(ROOT, c)).isFile(),
    );
    return found && /\.tsx?$/.test(found) ? [found] : [];
  });
}

const graph = new Map(files.map((f) => [f, importsOf(f)]));

describe('layers', () => {
  it('finds the sources and their imports', () => {
    expect(files.length).toBeGreaterThan(25);
    expect([...graph.values()].flat().length).toBeGreaterThan(50);
  });

  it('imports point down, never up', () => {
    const upward = [...graph].flatMap(([from, tos]) => tos.filter((to) => layerOf(to) > layerOf(from)).map((to) => `${from} → ${to}`));
    expect(upward).toEqual([]);
  });

  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') return void cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('the claude.ai content script (loaded on every claude.ai page) never loads the parser, zod, or history and provider code', () => {
    const seen = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const next of importsOf(file, true)) walk(next);
    };
    walk('entrypoints/claude.content/index.tsx');
    expect(seen.size).toBeGreaterThan(5);
    const heavy = [...seen].filter(
      (f) =>
        /^lib\/(models\/(extract|scope)|zod|statuspage\/(normalise|schema|fetch-json)|providers\/(?!origins)|polling\/(poll|worker))/.test(
          f,
        ) ||
        (/^lib\/history\//.test(f) && f !== 'lib/history/stored.ts'),
    );
    expect(heavy).toEqual([]);
  });

  it('browser comes only from wxt/browser and zod only through lib/zod.ts', () => {
    const bad = files.filter((f) => {
      const text = fs.readFileSync(path.join(ROOT, f), 'utf8');
      return /from\s+['"]webextension-polyfill['"]/.test(text) || (f !== 'lib/zod.ts' && /from\s+['"]zod(\/[\w-]+)?['"]/.test(text));
    });
    expect(bad).toEqual([]);
  });
});
