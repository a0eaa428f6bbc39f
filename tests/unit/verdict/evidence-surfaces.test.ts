/**
 * The badge and the popup's headline with the user's own evidence passed in: precedence between
 * a posted incident, "failing for you", the user's-side verdicts, and stale or missing data.
 */
import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, badgeFor } from '../../../lib/verdict/badge';
import { headlineFor } from '../../../lib/verdict/headline';
import { assess } from '../../../lib/verdict/assess';
import { SummarySchema } from '../../../lib/statuspage/schema';
import { normaliseSummary } from '../../../lib/statuspage/normalise';
import { EMPTY_STATE, STALE_AFTER_MS, type StatusState } from '../../../lib/statuspage/state';
import { DEFAULT_PREFS, type Prefs } from '../../../lib/prefs';
import { evidenceSummary } from '../../../lib/evidence/words';
import type { EvidenceCounts, EvidenceKind, EvidenceVerdict } from '../../../lib/evidence/verdict';
import { EVIDENCE_CODE } from '../../../lib/verdict/evidence';
import {
  MAINTENANCES,
  SUMMARY_CONSOLE,
  SUMMARY_MULTIPLE_MODELS,
  SUMMARY_OPERATIONAL,
  loadFixture,
  syntheticSummaryWithIncident,
} from '../../fixtures';

const NOW = Date.parse('2026-11-25T10:00:00Z');
const MIN = 60_000;

function live(summary: unknown): StatusState {
  return {
    ...EMPTY_STATE,
    snapshot: normaliseSummary(SummarySchema.parse(summary)),
    source: 'https://status.claude.com',
    confirmedAt: NOW,
    checkedAt: NOW,
  };
}

function words(kind: EvidenceKind, counts: Partial<EvidenceCounts> = {}, more: Partial<EvidenceVerdict> = {}) {
  return evidenceSummary({
    kind,
    counts: { failed: 5, total: 7, messagesFailed: 5, spanMinutes: 5, mostly: 529, ...counts },
    crossedAt: NOW - MIN,
    recoveredAt: null,
    leadMs: null,
    otherSitesLoad: null,
    ...more,
  });
}

const calm = () => live(loadFixture(SUMMARY_OPERATIONAL));
const incident = () => live(loadFixture(SUMMARY_MULTIPLE_MODELS));
const mine = (...myModels: string[]): Prefs => ({ ...DEFAULT_PREFS, myModels });
const FAILING = "Claude is failing for you; the status page doesn't say so yet";

describe('badge with local evidence', () => {
  it('failing while the page is calm: ERR in purple, the verdict and counts first, what the page says after', () => {
    const b = badgeFor(calm(), DEFAULT_PREFS, NOW, words('claude-failing-unconfirmed'));
    expect(b.text).toBe(EVIDENCE_CODE);
    expect(b.color).toBe(BADGE_COLORS.evidence);
    const lines = b.title.split('\n');
    expect(lines[0]).toBe(`Claude Status: ${FAILING}`);
    expect(lines[1]).toBe('ERR = your own claude.ai requests are failing (your evidence, not an official incident)');
    expect(lines[2]).toBe('5 of 7 requests failed in the last 5 min, mostly 529 overloaded');
    expect(lines[3]).toBe('Status page: All systems operational');
    expect(lines.at(-1)).toMatch(/^Checked /);
  });

  it('purple is not any incident colour: evidence never looks like a posted outage', () => {
    const levels = ['minor', 'major', 'critical', 'maintenance', 'operational', 'unknown'] as const;
    for (const level of levels) expect(BADGE_COLORS.evidence).not.toBe(BADGE_COLORS[level]);
  });

  it('a posted incident wins the colour and code; the tooltip adds "you\'re affected"', () => {
    const plain = badgeFor(incident(), DEFAULT_PREFS, NOW);
    const b = badgeFor(incident(), DEFAULT_PREFS, NOW, words('confirmed', {}, { leadMs: 6 * MIN }));
    expect(b.text).toBe(plain.text);
    expect(b.text).toBe('ALL');
    expect(b.color).toBe(BADGE_COLORS.major);
    expect(b.title).toContain("You're affected: your own requests are failing too");
    expect(b.title).toContain('5 of 7 requests failed in the last 5 min, mostly 529 overloaded');
    expect(b.title).toContain('You saw errors 6 min before the status page posted it');
    expect(b.title.split('\n').at(-1)).toMatch(/^Checked /);
  });

  it('a posted incident and the requests succeed: "working for you so far" in the tooltip', () => {
    const b = badgeFor(incident(), DEFAULT_PREFS, NOW, words('working-for-you', { failed: 0, total: 12, mostly: null }));
    expect(b).toMatchObject({ text: 'ALL', color: BADGE_COLORS.major });
    expect(b.title).toContain('Working for you so far');
    expect(b.title).toContain('None of your 12 requests in the last 5 min failed');
  });

  it('an incident about another surface only (not claude.ai): it keeps its code, and the tooltip says Claude fails for you', () => {
    // The real platform.claude.com incident: claude.ai is not in it, so for claude.ai the page is calm.
    const b = badgeFor(live(loadFixture(SUMMARY_CONSOLE)), DEFAULT_PREFS, NOW, words('claude-failing-unconfirmed'));
    expect(b.text).toBe('CON');
    expect(b.color).toBe(BADGE_COLORS.major);
    expect(b.title).toContain(FAILING);
  });

  it('failing during a maintenance of another surface: ERR, never MNT (the maintenance does not explain it)', () => {
    // A real maintenance (claude.ai and Console), moved to Claude for Government only and in progress.
    const summary = loadFixture(SUMMARY_OPERATIONAL);
    const gov = summary.components.find((c: { name: string }) => c.name === 'Claude for Government');
    gov.status = 'under_maintenance';
    const real = loadFixture(MAINTENANCES).scheduled_maintenances[1];
    summary.scheduled_maintenances = [{ ...real, id: 'synthmaint', status: 'in_progress', components: [gov] }];
    expect(badgeFor(live(summary), DEFAULT_PREFS, NOW).text).toBe('MNT');
    const b = badgeFor(live(summary), DEFAULT_PREFS, NOW, words('claude-failing-unconfirmed'));
    expect(b).toMatchObject({ text: EVIDENCE_CODE, color: BADGE_COLORS.evidence });
    expect(b.title.split('\n')[0]).toBe(`Claude Status: ${FAILING}`);
    expect(b.title).toContain(real.name);
  });

  it('confirmed by an incident the user’s settings leave out: never calm, ERR with "you\'re affected"', () => {
    // The real "Elevated errors on Haiku 4.5" (linked to claude.ai), reopened; the user follows Opus 5 only,
    // so the page's badge would be empty.
    const s = live(syntheticSummaryWithIncident('db1mh1r2zrn5'));
    expect(badgeFor(s, mine('opus-5'), NOW).text).toBe('');
    const b = badgeFor(s, mine('opus-5'), NOW, words('confirmed'));
    expect(b).toMatchObject({ text: EVIDENCE_CODE, color: BADGE_COLORS.evidence });
    expect(b.title.split('\n')[0]).toBe("Claude Status: You're affected: your own requests are failing too");
  });

  it('the user’s side (limit, sign-in, region, connection): a tooltip line only, never a colour', () => {
    const cases: Array<[EvidenceKind, Partial<EvidenceCounts>, string]> = [
      ['usage-limit', { failed: 3, total: 4, mostly: 429 }, "You've reached a usage limit"],
      ['sign-in', { failed: 3, total: 3, mostly: 401 }, 'Sign in to claude.ai again'],
      ['region', { failed: 1, total: 1, mostly: 'region' }, "Claude isn't available in your region"],
      ['connection', { failed: 3, total: 3, mostly: 'dns' }, 'Your connection looks down'],
    ];
    for (const [kind, counts, line] of cases) {
      const onCalm = badgeFor(calm(), DEFAULT_PREFS, NOW, words(kind, counts));
      expect(onCalm, kind).toMatchObject({ text: '', color: BADGE_COLORS.operational });
      expect(onCalm.title, kind).toContain(line);
      expect(onCalm.title, kind).not.toMatch(/failing for you/);
      const onIncident = badgeFor(incident(), DEFAULT_PREFS, NOW, words(kind, counts));
      expect(onIncident, kind).toMatchObject({ text: 'ALL', color: BADGE_COLORS.major });
      expect(onIncident.title, kind).toContain(line);
    }
  });

  it('stale calm data and failing requests: ERR (the evidence is fresh), with the reason the page data is old', () => {
    const state = { ...calm(), problem: { kind: 'http' as const, detail: 'HTTP 503' } };
    const b = badgeFor(state, DEFAULT_PREFS, NOW + 2 * MIN, words('claude-failing-unconfirmed'));
    expect(b).toMatchObject({ text: EVIDENCE_CODE, color: BADGE_COLORS.evidence });
    expect(b.title).toContain('HTTP 503');
    expect(b.title).toMatch(/Last known, from/);
    const old = badgeFor(calm(), DEFAULT_PREFS, NOW + STALE_AFTER_MS + 1, words('claude-failing-unconfirmed'));
    expect(old.text).toBe(EVIDENCE_CODE);
  });

  it('stale data with an incident: the last known code stays grey, the evidence is in the tooltip', () => {
    const state = { ...incident(), problem: { kind: 'timeout' as const, detail: 'no answer within 10 s' } };
    const b = badgeFor(state, DEFAULT_PREFS, NOW + 2 * MIN, words('confirmed'));
    expect(b).toMatchObject({ text: 'ALL', color: BADGE_COLORS.unknown });
    expect(b.title).toContain("You're affected");
  });

  it('nothing known from the page yet and requests failing: ERR, not "?"', () => {
    const b = badgeFor(EMPTY_STATE, DEFAULT_PREFS, NOW, words('claude-failing-unconfirmed'));
    expect(b).toMatchObject({ text: EVIDENCE_CODE, color: BADGE_COLORS.evidence });
    expect(b.title).toContain('Checking status.claude.com for the first time');
    expect(badgeFor(EMPTY_STATE, DEFAULT_PREFS, NOW, words('usage-limit', { mostly: 429 })).text).toBe('?');
  });

  it('no evidence (setting off, or nothing to say): the badge is exactly what it was', () => {
    for (const state of [calm(), incident(), EMPTY_STATE]) {
      expect(badgeFor(state, DEFAULT_PREFS, NOW, null)).toEqual(badgeFor(state, DEFAULT_PREFS, NOW));
    }
  });
});

describe('headline with local evidence', () => {
  const headline = (state: StatusState, e: ReturnType<typeof words>, prefs: Prefs = DEFAULT_PREFS, now = NOW) =>
    headlineFor(state, state.snapshot ? assess(state.snapshot, prefs) : null, prefs, now, e);

  it('never "All systems operational" while the user’s requests fail', () => {
    const h = headline(calm(), words('claude-failing-unconfirmed'));
    expect(h.title).toBe(FAILING);
    expect(h.tone).toBe('evidence');
    expect(h.lines[0]).toBe('Status page: All systems operational');
  });

  it('the page’s incident keeps the headline when it is the user’s', () => {
    const plain = headline(incident(), null);
    expect(headline(incident(), words('confirmed'))).toEqual(plain);
  });

  it('confirmed by an incident the user’s settings leave out: the evidence leads, the page’s calm for them follows', () => {
    const s = live(syntheticSummaryWithIncident('db1mh1r2zrn5'));
    const h = headline(s, words('confirmed'), mine('opus-5'));
    expect(h.tone).toBe('evidence');
    expect(h.title).toMatch(/^You're affected/);
    expect(h.lines[0]).toBe('Status page: Your models are working');
  });

  it('the user’s side and "working for you" leave the headline as the page has it', () => {
    for (const kind of ['usage-limit', 'sign-in', 'region', 'connection', 'working-for-you'] as const) {
      expect(headline(calm(), words(kind)), kind).toEqual(headline(calm(), null));
    }
  });

  it('stale data: the evidence leads, the page line says last known', () => {
    const state = { ...calm(), problem: { kind: 'network' as const, detail: 'Failed to fetch' } };
    const h = headline(state, words('claude-failing-unconfirmed'), DEFAULT_PREFS, NOW + 2 * MIN);
    expect(h.title).toBe(FAILING);
    expect(h.lines[0]).toBe('Status page: All systems operational (last known)');
    expect(h.freshness).not.toBe('live');
  });

  it('before the first answer: the evidence leads', () => {
    const h = headline(EMPTY_STATE, words('claude-failing-unconfirmed'));
    expect(h.title).toBe(FAILING);
    expect(h.lines[0]).toBe('Status page: Checking status…');
  });
});
