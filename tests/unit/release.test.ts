/**
 * What a store release carries besides code: a CHANGELOG entry for the version the packages are
 * named after, and a privacy policy that names every host the extension may talk to.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_PROVIDER_ORIGINS } from '../../lib/providers/origins';
import { SOURCES } from '../../lib/statuspage/hosts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

describe('release documents', () => {
  it("the CHANGELOG's newest entry is package.json's version", () => {
    const { version } = JSON.parse(read('package.json')) as { version: string };
    const newest = read('CHANGELOG.md').match(/^## (\d+\.\d+\.\d+)\b/m)?.[1];
    expect(newest).toBe(version);
  });

  it('PRIVACY.md names every host the extension may fetch from or observe', () => {
    const privacy = read('PRIVACY.md');
    const hosts = [...SOURCES, ...ALL_PROVIDER_ORIGINS.map((o) => o.replace(/\/\*$/, '')), 'https://claude.ai'].map((o) => new URL(o).host);
    expect(hosts.length).toBeGreaterThan(4);
    for (const host of hosts) expect(privacy, host).toContain(host);
  });

  it('the README gives every manifest permission its reason', () => {
    const readme = read('README.md');
    for (const permission of ['storage', 'alarms', 'notifications', 'webRequest']) expect(readme).toContain(`| \`${permission}\``);
  });
});
