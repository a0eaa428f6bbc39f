/**
 * The classifier over real webRequest details captured from Chromium 156 and Firefox ESR 153
 * (tests/fixtures/evidence/SOURCES.md): what each browser really hands the listener, field names,
 * error strings and all.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyRequest, type Outcome } from '../../../lib/evidence/classify';
import { observedFrom } from '../../../lib/polling/evidence';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/evidence');
const CAPTURES = {
  chromium: 'chromium-156-webrequest-details.json',
  firefox: 'firefox-esr-153-webrequest-details.json',
} as const;

type Captured = Record<string, any> & { event: string; url: string; type: string };
const load = (name: string): Captured[] => JSON.parse(fs.readFileSync(path.join(DIR, name), 'utf8'));

/** What the issue asks for each captured request, written from its fields directly. */
function expected(e: Captured): Outcome {
  const origin = e.initiator ?? (typeof e.originUrl === 'string' ? e.originUrl.split('/').slice(0, 3).join('/') : undefined);
  const pathname = new URL(e.url).pathname;
  if (e.type === 'main_frame') {
    if (e.event === 'onBeforeRedirect') return String(e.redirectUrl).endsWith('/app-unavailable-in-region') ? 'region' : 'ignored';
    return pathname === '/app-unavailable-in-region' ? 'region' : 'ok';
  }
  if (e.type !== 'xmlhttprequest' || origin !== 'https://claude.ai') return 'ignored';
  if (e.error) return 'claude'; // the scenario's only network error is a TCP reset
  const challenged = (e.responseHeaders ?? []).some((h: any) => h.name.toLowerCase() === 'cf-mitigated');
  if (challenged) return 'auth';
  const byStatus: Record<number, Outcome> = {
    200: 'ok',
    401: 'auth',
    403: 'auth',
    429: 'limit',
    500: 'claude',
    503: 'claude',
    529: 'claude',
  };
  const outcome = byStatus[e.statusCode];
  if (!outcome) throw new Error(`the scenario never scripts status ${e.statusCode}`);
  return outcome;
}

describe.each(Object.entries(CAPTURES))('%s: every captured event', (browser, file) => {
  const events = load(file);

  it('was captured (the fixture is not empty and covers every class)', () => {
    expect(events.length).toBeGreaterThan(40);
    const outcomes = new Set(events.map((e) => classifyRequest(observedFrom(e)).outcome));
    expect([...outcomes].sort()).toEqual(['auth', 'claude', 'ignored', 'limit', 'ok', 'region']);
  });

  it.each(events.map((e, i) => [i, e.event, e.type, e.statusCode ?? e.error, e] as const))('#%i %s %s %s', (_, __, ___, ____, e) => {
    const c = classifyRequest(observedFrom(e));
    expect(c.outcome).toBe(expected(e));
    expect(JSON.stringify(c)).not.toMatch(/0b1c2d3e|9f8e7d6c|claude\.ai|NS_|ERR_/);
  });

  it(`reads ${browser}'s reset string as a reset`, () => {
    const resets = events.filter((e) => e.event === 'onErrorOccurred');
    expect(resets.length).toBeGreaterThan(0);
    for (const e of resets) expect(classifyRequest(observedFrom(e))).toEqual({ endpoint: 'completion', outcome: 'claude', code: 'reset' });
  });

  it('sees the challenge header, the region redirect and the API called from other origins', () => {
    const codes = events.map((e) => classifyRequest(observedFrom(e)).code);
    expect(codes).toContain('challenge');
    expect(codes).toContain('region');
    const foreign = events.filter((e) => e.statusCode === 529 && expected(e) === 'ignored');
    expect(foreign.length).toBeGreaterThanOrEqual(6); // 3 from status.claude.com's page, 3 from an extension page
  });
});
