/**
 * surfaceLine: "claude.ai is down; the API is working" and the reverse, from the page's components. Real summaries and
 * real incidents (tests/fixtures/statuspage, SOURCES.md there) reopened with the component states their first update
 * set; synthetic variants for the states no capture has.
 */
import { describe, expect, it } from 'vitest';
import { SURFACE_IDS, type SurfaceLine, surfaceLine } from '../../../lib/alternatives/surfaces';
import { DEFAULT_PREFS } from '../../../lib/prefs';
import { SummarySchema } from '../../../lib/statuspage/schema';
import { normaliseSummary } from '../../../lib/statuspage/normalise';
import { assess } from '../../../lib/verdict/assess';
import { SUMMARY_CONSOLE, SUMMARY_MULTIPLE_MODELS, SUMMARY_OPERATIONAL, loadFixture, syntheticSummaryWithIncident } from '../../fixtures';

function line(summary: unknown): SurfaceLine | null {
  const snapshot = normaliseSummary(SummarySchema.parse(summary));
  return surfaceLine(snapshot.components, assess(snapshot, DEFAULT_PREFS));
}
const view = (l: SurfaceLine | null) => l && { down: l.down.map((s) => s.surface), working: l.working.map((s) => s.surface), hint: l.hint };

/** Synthetic: a real backfill incident reopened, with the components as its first (oldest) update set them. */
function reopened(incidentId: string): any {
  const summary = syntheticSummaryWithIncident(incidentId);
  const set = new Map<string, string>(
    (summary.incidents[0].incident_updates[0].affected_components ?? []).map((a: any) => [a.code, a.new_status]),
  );
  for (const c of summary.components) c.status = set.get(c.id) ?? c.status;
  return summary;
}

/** Synthetic: the operational summary with some components set to a status, and no incident. */
function withStatuses(statuses: Record<string, string>): any {
  const summary = structuredClone(loadFixture(SUMMARY_OPERATIONAL));
  for (const c of summary.components) c.status = statuses[c.id] ?? c.status;
  return summary;
}

describe('one surface down, another working', () => {
  it('the real Console incident (degraded, with an incident): the API is working, and Claude Code', () => {
    expect(view(line(loadFixture(SUMMARY_CONSOLE)))).toEqual({ down: ['console'], working: ['api', 'claude-code'], hint: 'api-clients' });
  });

  it('real 9jrp5rtyzrf6 "Degraded performance on claude.ai": claude.ai down, API clients unaffected', () => {
    const l = line(reopened('9jrp5rtyzrf6'));
    expect(view(l)).toEqual({ down: ['claude.ai'], working: ['api', 'claude-code'], hint: 'api-clients' });
    expect(l?.working.map((s) => [s.id, s.name])).toEqual([
      ['k8w3r06qmzrp', 'Claude API'],
      ['yyzkbfz2thpt', 'Claude Code'],
    ]);
  });

  it('real 2pt83vlkk7x7 "Elevated latency on the Claude API for some users": the API down, claude.ai working', () => {
    expect(view(line(reopened('2pt83vlkk7x7')))).toEqual({ down: ['api', 'cowork'], working: ['claude.ai'], hint: 'claude-ai' });
  });

  it('the API down while the user’s own claude.ai requests fail: claude.ai is not offered (the popup and tooltip pass it)', () => {
    const snapshot = normaliseSummary(SummarySchema.parse(reopened('2pt83vlkk7x7')));
    const l = surfaceLine(snapshot.components, assess(snapshot, DEFAULT_PREFS), ['claude.ai']);
    expect(l?.working.map((s) => s.surface) ?? []).not.toContain('claude.ai');
  });

  it('real vr9tpk8w7zr8 "Elevated errors on Claude Code and Claude Cowork": the API works, Claude Code is not offered', () => {
    expect(view(line(reopened('vr9tpk8w7zr8')))).toEqual({ down: ['claude-code', 'cowork'], working: ['api'], hint: 'api-clients' });
  });

  it('synthetic: claude.ai and the API down, Claude Code up: Claude Code', () => {
    const summary = withStatuses({ [SURFACE_IDS['claude.ai']]: 'major_outage', [SURFACE_IDS.api]: 'partial_outage' });
    expect(view(line(summary))).toEqual({ down: ['claude.ai', 'api'], working: ['claude-code'], hint: 'claude-code' });
  });

  it('keys on ids: a renamed component is still found, under its new name', () => {
    const summary = withStatuses({ [SURFACE_IDS['claude.ai']]: 'major_outage' });
    summary.components.find((c: any) => c.id === SURFACE_IDS.api).name = 'Anthropic Developer API (api.anthropic.com)';
    expect(line(summary)?.working[0]).toEqual({ id: SURFACE_IDS.api, surface: 'api', name: 'Anthropic Developer API' });
  });
});

describe('null when there is no contrast to tell', () => {
  it.each<[string, () => unknown]>([
    ['all operational (real)', () => loadFixture(SUMMARY_OPERATIONAL)],
    // claude.ai, the API, Claude Code and Cowork all partial_outage; only the Console and Government work.
    ['the real multiple-models outage: nothing useful works', () => loadFixture(SUMMARY_MULTIPLE_MODELS)],
    [
      'degraded without an incident (a rollup the page has not cleared)',
      () => withStatuses({ [SURFACE_IDS['claude.ai']]: 'degraded_performance' }),
    ],
    ['under maintenance is not down', () => withStatuses({ [SURFACE_IDS.api]: 'under_maintenance' })],
    [
      'everything down but Government',
      () =>
        withStatuses(
          Object.fromEntries(
            Object.entries(SURFACE_IDS)
              .filter(([s]) => s !== 'government')
              .map(([, id]) => [id, 'major_outage']),
          ),
        ),
    ],
  ])('%s', (_case, summary) => {
    expect(line(summary())).toBeNull();
  });

  it('a major outage without an incident is down all the same', () => {
    expect(view(line(withStatuses({ [SURFACE_IDS['claude.ai']]: 'major_outage' })))?.hint).toBe('api-clients');
  });

  it('ignores components it does not know and odd input', () => {
    const summary = withStatuses({});
    summary.components.push({ ...summary.components[0], id: 'zzzzunknown1', name: 'Claude Nova Console', status: 'major_outage' });
    expect(line(summary)).toBeNull();
    const a = assess(normaliseSummary(SummarySchema.parse(loadFixture(SUMMARY_OPERATIONAL))), DEFAULT_PREFS);
    expect(surfaceLine([], a)).toBeNull();
    expect(surfaceLine(undefined as never, a)).toBeNull();
    expect(surfaceLine([{ id: 'constructor', name: 'x', status: 'major_outage' }], a)).toBeNull();
  });
});
