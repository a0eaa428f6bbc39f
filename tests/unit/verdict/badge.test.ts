import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, badgeFor } from '../../../lib/verdict/badge';
import { SummarySchema } from '../../../lib/statuspage/schema';
import { normaliseSummary } from '../../../lib/statuspage/normalise';
import { EMPTY_STATE, STALE_AFTER_MS, type StatusState } from '../../../lib/statuspage/state';
import { isolate } from '../../../lib/format';
import { DEFAULT_PREFS, type Prefs } from '../../../lib/prefs';
import {
  MAINTENANCES,
  SUMMARY_CONSOLE,
  SUMMARY_MULTIPLE_MODELS,
  SUMMARY_OPERATIONAL,
  loadFixture,
  syntheticSummaryWithIncident,
} from '../../fixtures';

const NOW = Date.parse('2026-11-25T10:00:00Z');

function live(summary: unknown): StatusState {
  return {
    ...EMPTY_STATE,
    snapshot: normaliseSummary(SummarySchema.parse(summary)),
    source: 'https://status.claude.com',
    confirmedAt: NOW,
    checkedAt: NOW,
  };
}
const badge = (state: StatusState, prefs: Prefs = DEFAULT_PREFS, now = NOW) => badgeFor(state, prefs, now);
const mine = (...myModels: string[]): Prefs => ({ ...DEFAULT_PREFS, myModels });
/** Synthetic: the real "Elevated errors on Haiku 4.5" incident (db1mh1r2zrn5), reopened. */
const haiku = () => syntheticSummaryWithIncident('db1mh1r2zrn5');

describe('badge while the data is live', () => {
  it('operational: no text, green, tooltip says so', () => {
    const b = badge(live(loadFixture(SUMMARY_OPERATIONAL)));
    expect(b).toMatchObject({ text: '', color: BADGE_COLORS.operational });
    expect(b.title).toContain('All systems operational');
    expect(b.title).toMatch(/Checked .* \(just now\)/);
  });

  it('"multiple models" incident: ALL in the major colour, incident and models in the tooltip', () => {
    const b = badge(live(loadFixture(SUMMARY_MULTIPLE_MODELS)));
    expect(b).toMatchObject({ text: 'ALL', color: BADGE_COLORS.major });
    expect(b.title).toContain(`Major incident: ${isolate('Elevated errors for multiple models')} — Investigating`);
    expect(b.title).toContain('Mythos 5.1');
    // The code is spelled out where the user sees it.
    expect(b.title).toContain('ALL = all or many models are affected');
  });

  it('single-model incident names the model', () => {
    const b = badge(live(haiku()));
    expect(b).toMatchObject({ text: 'H4.5', color: BADGE_COLORS.minor });
    expect(b.title).toContain('Haiku 4.5');
  });

  it('two named models: 2M, both in the tooltip', () => {
    // Synthetic: the real "Degraded performance for Claude Opus 5 and Claude Haiku 4.5" (hkcw95k7r0f4), reopened.
    const b = badge(live(syntheticSummaryWithIncident('hkcw95k7r0f4')));
    expect(b.text).toBe('2M');
    expect(b.title).toContain('2M = several models are affected: Opus 5, Haiku 4.5');
  });

  it('critical incident is red', () => {
    expect(badge(live(syntheticSummaryWithIncident('q2kg8n613kr3'))).color).toBe(BADGE_COLORS.critical);
  });

  it('component-only incident (platform.claude.com) names the component', () => {
    const b = badge(live(loadFixture(SUMMARY_CONSOLE)));
    expect(b.text).toBe('CON');
    expect(b.color).toBe(BADGE_COLORS.major);
    expect(b.title).toContain('Elevated errors on platform.claude.com');
  });

  it('maintenance in progress is blue MNT', () => {
    const summary = loadFixture(SUMMARY_OPERATIONAL);
    const m = { ...loadFixture(MAINTENANCES).scheduled_maintenances[0], id: 'synthetic3', status: 'in_progress' };
    summary.scheduled_maintenances = [m];
    summary.status.indicator = 'maintenance';
    const b = badge(live(summary));
    expect(b).toMatchObject({ text: 'MNT', color: BADGE_COLORS.maintenance });
    expect(b.title).toContain(`Maintenance in progress: ${isolate('Upgrades to Connector Auth Storage')}`);
    expect(b.title).toContain('MNT = maintenance in progress');
  });
});

describe('badge follows my models', () => {
  it('calm for a single-model incident about a model I do not use', () => {
    const b = badge(live(haiku()), mine('opus-5'));
    expect(b.text).toBe('');
    expect(b.title).toContain('(not your models)');
  });
  it('names my model when it is affected', () => {
    expect(badge(live(haiku()), mine('haiku-4.5')).text).toBe('H4.5');
    expect(badge(live(haiku()), mine('haiku')).text).toBe('H4.5');
  });
  it('"multiple models" always counts', () => {
    expect(badge(live(loadFixture(SUMMARY_MULTIPLE_MODELS)), mine('haiku-4.5')).text).toBe('ALL');
  });
  it('names my model inside a multiple-models incident when it is listed', () => {
    expect(badge(live(loadFixture(SUMMARY_MULTIPLE_MODELS)), mine('opus-5')).text).toBe('O5');
  });
  it('an incident about no model (console) still shows', () => {
    expect(badge(live(loadFixture(SUMMARY_CONSOLE)), mine('opus-5')).text).toBe('CON');
  });
});

describe('badge is never green unless the data is fresh', () => {
  it('before the first answer: grey ?', () => {
    expect(badge(EMPTY_STATE)).toMatchObject({ text: '?', color: BADGE_COLORS.unknown });
  });

  it('first poll failed: grey ?, the reason in the tooltip', () => {
    const b = badge({ ...EMPTY_STATE, checkedAt: NOW, problem: { kind: 'blocked', detail: 'HTTP 405' } });
    expect(b).toMatchObject({ text: '?', color: BADGE_COLORS.unknown });
    expect(b.title).toContain('HTTP 405');
  });

  it('operational data that failed to refresh: grey ?, not green', () => {
    const state = { ...live(loadFixture(SUMMARY_OPERATIONAL)), problem: { kind: 'network' as const, detail: 'Failed to fetch' } };
    const b = badge(state, DEFAULT_PREFS, NOW + 60_000);
    expect(b).toMatchObject({ text: '?', color: BADGE_COLORS.unknown });
    expect(b.title).toContain("Can't reach the status page right now. (Failed to fetch)");
    expect(b.title).toContain('Last known');
  });

  it('operational data older than three periods: grey ?', () => {
    expect(badge(live(loadFixture(SUMMARY_OPERATIONAL)), DEFAULT_PREFS, NOW + STALE_AFTER_MS + 1)).toMatchObject({
      text: '?',
      color: BADGE_COLORS.unknown,
    });
  });

  it('a known incident with failing polls keeps its text, greyed, marked as last known', () => {
    const state = { ...live(haiku()), problem: { kind: 'timeout' as const, detail: 'no answer within 10 s' } };
    const b = badge(state, DEFAULT_PREFS, NOW + 120_000);
    expect(b).toMatchObject({ text: 'H4.5', color: BADGE_COLORS.unknown });
    expect(b.title).toMatch(/Last known, from .* \(2 min\. ago\):/);
    expect(b.title).toContain('H4.5 = Haiku 4.5 is affected (last known)');
  });
});

describe('outages without an incident', () => {
  /** Synthetic: the operational summary with claude.ai in partial outage and no incident about it. */
  const claudeAiDown = (summary = loadFixture(SUMMARY_OPERATIONAL)) => {
    const s = structuredClone(summary);
    for (const c of s.components) if (c.id === 'rwppv331jlwc') c.status = 'partial_outage';
    s.status.indicator = 'minor';
    return s;
  };

  it('a surface in outage that no incident explains shows, whatever models were chosen', () => {
    const b = badge(live(claudeAiDown()), mine('opus-5'));
    expect(b).toMatchObject({ text: 'WEB', color: BADGE_COLORS.minor });
    expect(b.title).toContain('WEB = claude.ai is affected');
  });

  it('it is not hidden because an unrelated incident (Haiku 4.5 on the API only, not mine) is open', () => {
    const s = haiku();
    // Synthetic: the Haiku incident as if it named only the API, so nothing explains claude.ai.
    s.incidents[0].components = [{ id: 'k8w3r06qmzrp' }];
    for (const u of s.incidents[0].incident_updates) u.affected_components = null;
    const b = badge(live(claudeAiDown(s)), mine('opus-5'));
    expect(b.text).toBe('WEB');
    expect(b.title).toContain('claude.ai: Partial outage');
  });

  it("named by an open incident about another model, it is that incident's, not news of its own", () => {
    const s = claudeAiDown(haiku());
    expect(
      s.incidents[0].incident_updates.some((u: any) => u.affected_components?.some((c: any) => c.code === 'rwppv331jlwc')) ||
        s.incidents[0].components.some((c: any) => c.id === 'rwppv331jlwc'),
    ).toBe(true);
    expect(badge(live(s), mine('opus-5')).text).toBe('');
  });

  it('with surfaces chosen, it shows on those surfaces only', () => {
    expect(badge(live(claudeAiDown()), { ...DEFAULT_PREFS, myComponents: ['rwppv331jlwc'] }).text).toBe('WEB');
    expect(badge(live(claudeAiDown()), { ...DEFAULT_PREFS, myComponents: ['k8w3r06qmzrp'] }).text).toBe('');
  });
});

describe('every badge code is spelled out in its tooltip', () => {
  /** The real Console incident with its components taken off, and the page's components all operational. */
  function aboutNothingNamed(copies: number) {
    const summary = loadFixture(SUMMARY_CONSOLE);
    for (const c of summary.components) c.status = 'operational';
    const [incident] = summary.incidents;
    summary.incidents = Array.from({ length: copies }, (_, k) => ({
      ...incident,
      id: `synthnone${k}`,
      components: [],
      incident_updates: incident.incident_updates.map((u: any) => ({ ...u, affected_components: [] })),
    }));
    return summary;
  }

  it.each([
    ['?', () => EMPTY_STATE, '? = status unknown'],
    ['CON', () => live(loadFixture(SUMMARY_CONSOLE)), 'CON = Claude Console is affected'],
    ['!', () => live(aboutNothingNamed(1)), '! = an incident is open'],
    ['2!', () => live(aboutNothingNamed(2)), '2! = 2 incidents are open'],
    ['ALL', () => live(loadFixture(SUMMARY_MULTIPLE_MODELS)), 'ALL = all or many models are affected'],
    ['H4.5', () => live(haiku()), 'H4.5 = Haiku 4.5 is affected'],
  ])('%s', (code, state, meaning) => {
    const b = badge(state());
    expect(b.text).toBe(code);
    expect(b.title.split('\n')).toContain(meaning);
  });
});

describe('untrusted text cannot turn the tooltip around', () => {
  it('an unterminated right-to-left override in an incident name is closed before our words go on', () => {
    const s = haiku();
    s.incidents[0].name = 'Errors \u202Eon Haiku 4.5';
    const b = badge(live(s));
    const line = b.title.split('\n').find((l) => l.includes('Errors'))!;
    // FSI … PDI around the name: the PDI closes the override, so " — Investigating" reads normally.
    expect(line).toContain('\u2068Errors \u202Eon Haiku 4.5\u2069 — ');
  });
});
