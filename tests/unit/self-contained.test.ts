/**
 * A clone must build and test on its own: no source, test, script or config may read or cite a file
 * outside the repository (the team's research folder beside it is not part of a user's clone), and
 * every document a comment cites must exist in the repository.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCANNED_DIRS = ['lib', 'entrypoints', 'components', 'tests', 'scripts', '.ci'];
const SCANNED_ROOT_FILES = ['package.json', 'wxt.config.ts', 'vitest.config.ts', 'tsconfig.json', 'biome.jsonc'];
const SOURCE = /\.(ts|tsx|mjs|js|json|jsonc|css|html|sh|yml)$|^run$/;
// Fixture payloads are data: they hold other projects' text, not our paths.
const SKIPPED = /^tests\/(fixtures|e2e\/artifacts|e2e\/\.certs)\//;

function filesUnder(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { withFileTypes: true }).flatMap((entry) => {
    const rel = path.posix.join(dir, entry.name);
    if (SKIPPED.test(`${rel}/`) || entry.name === 'node_modules') return [];
    if (entry.isDirectory()) return filesUnder(rel);
    return SOURCE.test(entry.name) ? [rel] : [];
  });
}

const files = [...SCANNED_DIRS.flatMap(filesUnder), ...SCANNED_ROOT_FILES.filter((f) => fs.existsSync(path.join(ROOT, f)))];

/**
 * The research folder beside the repository, by name, however the path is written: as one string
 * (a parent path, the folder's name, then docs, fixtures or hooks) or built from segments (path.join
 * with a parent segment, then the folder's name).
 */
function namesResearchFolder(text: string): boolean {
  return /\bshared\/(?:docs|fixtures|hooks)\b/.test(text) || /['"`]\.\.['"`]\s*,\s*['"`]shared['"`]/.test(text);
}

/** Relative paths in string literals and comments: '../x', "../../x", `../x`. */
const RELATIVE = /(?:['"`(\s]|^)((?:\.\.\/)+[\w.@-][^'"`\s),]*)/gm;

describe('the repository stands alone', () => {
  it('scans the sources', () => expect(files.length).toBeGreaterThan(40));

  it('catches a path to the research folder however it is written', () => {
    // Lines that must be caught, built here so that this file itself stays clean.
    const dots = '..';
    const folder = 'shared';
    expect(namesResearchFolder(`path.join(ROOT, '${dots}', '${folder}', 'fixtures')`)).toBe(true);
    expect(namesResearchFolder(`'${dots}/${dots}/${folder}/${'docs'}/statuspage.md'`)).toBe(true);
    expect(namesResearchFolder(`path.join(ROOT, 'tests', 'fixtures')`)).toBe(false);
  });

  it.each(files)('%s reads nothing outside the repository', (file) => {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const outside: string[] = [];
    for (const [, rel] of text.matchAll(RELATIVE)) {
      const target = path.resolve(path.dirname(path.join(ROOT, file)), rel!);
      if (target !== ROOT && !target.startsWith(ROOT + path.sep)) outside.push(rel!);
    }
    if (namesResearchFolder(text)) outside.push('the research folder beside the repository');
    if (/['"`]\/work\//.test(text)) outside.push('an absolute path under the machine folder');
    expect(outside).toEqual([]);
  });

  it('every docs/*.md a source cites exists in the repository', () => {
    const cited = new Set(
      files.flatMap((f) => [...fs.readFileSync(path.join(ROOT, f), 'utf8').matchAll(/\bdocs\/([\w-]+\.md)\b/g)].map((m) => m[1]!)),
    );
    expect(cited.size).toBeGreaterThan(0);
    for (const doc of cited) expect(fs.existsSync(path.join(ROOT, 'docs', doc)), `docs/${doc}`).toBe(true);
  });

  it.each(['statuspage', 'providers', 'evidence'])(
    'the %s fixtures the tests use are in the repository, with their provenance',
    (folder) => {
      const dir = path.join(ROOT, 'tests/fixtures', folder);
      const sources = fs.readFileSync(path.join(dir, 'SOURCES.md'), 'utf8');
      for (const name of fs.readdirSync(dir).filter((n) => n !== 'SOURCES.md')) expect(sources, name).toContain(`\`${name}\``);
    },
  );
});
