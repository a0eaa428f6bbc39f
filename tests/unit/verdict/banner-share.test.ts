import { isolate } from '../../../lib/format';
import { describe, expect, it } from 'vitest';
import { assess } from '../../../lib/verdict/assess';
import { bannerFor, fingerprintOf } from '../../../lib/verdict/banner';
import { statusMarkdown } from '../../../lib/verdict/share';
import { SummarySchema } from '../../../lib/statuspage/schema';
import { normaliseSummary } from '../../../lib/statuspage/normalise';
import { DEFAULT_PREFS } from '../../../lib/prefs';
import { MAINTENANCES, SUMMARY_MULTIPLE_MODELS, SUMMARY_OPERATIONAL, loadFixture, syntheticSummaryWithIncident } from '../../fixtures';

const assessed = (summary: unknown, myModels: string[] = []) =>
  assess(normaliseSummary(SummarySchema.parse(summary)), { ...DEFAULT_PREFS, myModels });
const NOW = Date.parse('2026-09-22T01:09:30Z');

describe('claude.ai banner content', () => {
  it('nothing when all is operational', () => {
    expect(bannerFor(assessed(loadFixture(SUMMARY_OPERATIONAL)), {})).toBeNull();
  });

  it('a major incident is loud; a minor one about other models is not shown to a user of another model', () => {
    expect(bannerFor(assessed(loadFixture(SUMMARY_MULTIPLE_MODELS)), {})).toMatchObject({ kind: 'loud', more: 0 });
    const haiku = syntheticSummaryWithIncident('db1mh1r2zrn5');
    expect(bannerFor(assessed(haiku), {})).toMatchObject({ kind: 'quiet' });
    expect(bannerFor(assessed(haiku, ['opus-5']), {})).toBeNull();
    expect(bannerFor(assessed(haiku, ['haiku-4.5']), {})).toMatchObject({ kind: 'loud' }); // my model: prominent
  });

  it('dismissed stays dismissed until a new update or a change of impact', () => {
    const summary = loadFixture(SUMMARY_MULTIPLE_MODELS);
    const content = bannerFor(assessed(summary), {})!;
    const dismissed = { '7g1qpkyz5gxh': content.fingerprint };
    expect(bannerFor(assessed(summary), dismissed)).toBeNull();
    const worse = structuredClone(summary);
    worse.incidents[0].impact = 'critical';
    expect(bannerFor(assessed(worse), dismissed)).toMatchObject({ kind: 'loud' });
    const updated = structuredClone(summary);
    updated.incidents[0].incident_updates.unshift({
      ...updated.incidents[0].incident_updates[0],
      id: 'synthnew1',
      display_at: '2026-09-22T01:30:00Z',
    });
    const back = bannerFor(assessed(updated), dismissed);
    expect(back && back.kind !== 'maintenance' && fingerprintOf(back.item)).toBe('synthnew1|major');
  });

  it('maintenance in progress gets its own calm banner', () => {
    const summary = loadFixture(SUMMARY_OPERATIONAL);
    summary.scheduled_maintenances = [{ ...loadFixture(MAINTENANCES).scheduled_maintenances[0], id: 'synthmaint', status: 'in_progress' }];
    expect(bannerFor(assessed(summary), {})).toMatchObject({ kind: 'maintenance' });
  });
});

describe('Copy status', () => {
  it('summarises the incident as Markdown with models, components, step, time and link', () => {
    expect(statusMarkdown(assessed(loadFixture(SUMMARY_MULTIPLE_MODELS)), NOW, true)).toBe(
      [
        '**Claude status** (2026-09-22 01:09 UTC)',
        `- **Major incident**: ${isolate('Elevated errors for multiple models')} — Investigating, for 12 min`,
        '  - Models: Mythos 5.1, Fable 5.1, Opus 5, and other models',
        '  - Components: claude.ai (Partial outage), Claude API (Partial outage), Claude Code (Partial outage), Claude Cowork (Partial outage)',
        '  - https://status.claude.com/incidents/7g1qpkyz5gxh',
      ].join('\n'),
    );
  });

  it('says when all is well, and when the data is not live', () => {
    expect(statusMarkdown(assessed(loadFixture(SUMMARY_OPERATIONAL)), NOW, false)).toBe(
      '**Claude status** (2026-09-22 01:09 UTC, last known data): All systems operational — https://status.claude.com',
    );
  });

  it('incident text cannot inject links or formatting', () => {
    const summary = loadFixture(SUMMARY_MULTIPLE_MODELS);
    summary.incidents[0].name = '[click](javascript:alert(1)) *bold*';
    expect(statusMarkdown(assessed(summary), NOW, true)).toContain('\\[click\\](javascript:alert(1)) \\*bold\\*');
  });
});
