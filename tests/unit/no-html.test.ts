/**
 * Text from the status pages and claude.ai is untrusted: our code never turns a string into HTML.
 * (The only innerHTML in the built bundles is Preact's own support for `dangerouslySetInnerHTML`,
 * which this test keeps unused; npm test's lint step accepts that one warning and no other.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sources = (dir: string): string[] =>
  fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    return e.isDirectory() ? sources(rel) : /\.(ts|tsx|html)$/.test(e.name) ? [rel] : [];
  });

describe('no HTML from strings', () => {
  const files = ['lib', 'components', 'entrypoints'].flatMap(sources);
  it('scans the sources', () => expect(files.length).toBeGreaterThan(30));
  it.each(files)('%s builds DOM from text only', (file) => {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    expect(
      text.match(/innerHTML|outerHTML|dangerouslySetInnerHTML|insertAdjacentHTML|document\.write|createContextualFragment/g) ?? [],
    ).toEqual([]);
  });
});
