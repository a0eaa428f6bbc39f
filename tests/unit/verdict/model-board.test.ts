import { describe, expect, it } from 'vitest';
import { assess } from '../../../lib/verdict/assess';
import { modelBoard } from '../../../lib/verdict/model-board';
import { mergeSeen, modelsMentioned, sortModelKeys } from '../../../lib/models/seen';
import { SummarySchema } from '../../../lib/statuspage/schema';
import { normaliseIncident, normaliseSummary } from '../../../lib/statuspage/normalise';
import { DEFAULT_PREFS } from '../../../lib/prefs';
import { INCIDENTS_BACKFILL, SUMMARY_MULTIPLE_MODELS, loadFixture, syntheticSummaryWithIncident } from '../../fixtures';

const snapshotOf = (summary: unknown) => normaliseSummary(SummarySchema.parse(summary));

/** Synthetic: the real multiple-models summary plus the real Haiku 4.5 incident reopened. */
function bothIncidents() {
  const summary = loadFixture(SUMMARY_MULTIPLE_MODELS);
  summary.incidents.push(syntheticSummaryWithIncident('db1mh1r2zrn5').incidents[0]);
  return snapshotOf(summary);
}

describe('model board', () => {
  it('lists "multiple models", then every named model with the incident that names it', () => {
    const board = modelBoard(assess(bothIncidents(), DEFAULT_PREFS), []);
    expect(board.broad.map((b) => b.item.incident.name)).toEqual(['Elevated errors for multiple models']);
    expect(board.rows.map((r) => [r.label, r.state, r.item.incident.id])).toEqual([
      ['Mythos 5.1', 'affected', '7g1qpkyz5gxh'],
      ['Fable 5.1', 'affected', '7g1qpkyz5gxh'],
      ['Opus 5', 'affected', '7g1qpkyz5gxh'],
      ['Haiku 4.5', 'affected', 'db1mh1r2zrn5'],
    ]);
  });

  it('puts my models first and marks them', () => {
    const board = modelBoard(assess(bothIncidents(), { ...DEFAULT_PREFS, myModels: ['haiku-4.5'] }), ['haiku-4.5']);
    expect(board.rows[0]).toMatchObject({ label: 'Haiku 4.5', mine: true });
    expect(board.rows.filter((r) => r.mine)).toHaveLength(1);
  });

  it('shows recovered models as recovering, after the affected ones', () => {
    // Synthetic: the real zhk4v3yv1lsf incident ("Degraded performance for Claude Opus 5, Claude Sonnet 5")
    // with all its real updates; a later one says Opus 5 is operational and Sonnet 5 is degraded.
    const raw = loadFixture(INCIDENTS_BACKFILL).incidents.find((i: any) => i.id === 'zhk4v3yv1lsf');
    const narrowing = raw.incident_updates.find((u: any) => /Opus 5 is operational/i.test(u.body));
    expect(narrowing, 'the fixture has the narrowing update').toBeTruthy();
    const summary = syntheticSummaryWithIncident('zhk4v3yv1lsf');
    summary.incidents[0].incident_updates = [narrowing, ...raw.incident_updates.slice(raw.incident_updates.indexOf(narrowing) + 1)];
    const board = modelBoard(assess(snapshotOf(summary), DEFAULT_PREFS), []);
    expect(board.rows.map((r) => [r.label, r.state])).toEqual([
      ['Sonnet 5', 'affected'],
      ['Opus 5', 'recovering'],
    ]);
  });
});

describe('assessment relevance', () => {
  it('an incident naming only other models is not relevant; broad and model-less ones are', () => {
    const a = assess(bothIncidents(), { ...DEFAULT_PREFS, myModels: ['sonnet-4.6'] });
    expect(a.incidents.map((i) => [i.incident.id, i.relevant])).toEqual([
      ['7g1qpkyz5gxh', true],
      ['db1mh1r2zrn5', false],
    ]);
    expect(a.level).toBe('major');
  });

  it('with nobody chosen, everything counts', () => {
    expect(assess(bothIncidents(), DEFAULT_PREFS).incidents.every((i) => i.relevant)).toBe(true);
  });
});

describe('models seen in incident text (what settings offers)', () => {
  const incidents = loadFixture(INCIDENTS_BACKFILL).incidents.map(normaliseIncident);

  it('finds the real models of the last 50 incidents and no product names', () => {
    const keys = modelsMentioned(incidents);
    expect(keys).toEqual(expect.arrayContaining(['opus-5', 'opus-4.8', 'sonnet-5', 'sonnet-4.6', 'haiku-4.5', 'mythos-5.1', 'fable-5']));
    expect(keys.some((k) => /^(code|cowork|api|console|claude-code)/.test(k))).toBe(false);
  });

  it('sorts by family, newest version first', () => {
    expect(sortModelKeys(['opus-4.8', 'haiku-4.5', 'opus-5', 'opus', 'not a key!'])).toEqual(['haiku-4.5', 'opus-5', 'opus-4.8', 'opus']);
  });

  it('merges newest first, without duplicates, capped', () => {
    expect(mergeSeen(['a', 'b'], ['c', 'a'])).toEqual(['c', 'a', 'b']);
    expect(
      mergeSeen(
        [],
        Array.from({ length: 100 }, (_, i) => `m-${i}`),
      ),
    ).toHaveLength(60);
  });
});
