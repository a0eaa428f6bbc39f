/**
 * workingModels: which models to suggest while one the user cares about is down. Real incidents (tests/fixtures/
 * statuspage, SOURCES.md there) reopened as open incidents; the known models are the ones the page really named in the
 * 50 backfill incidents (what the worker stores in seenModelsItem).
 */
import { describe, expect, it } from 'vitest';
import { type AlternativeModels, workingModels } from '../../../lib/alternatives/models';
import { modelLabel } from '../../../lib/models/ref';
import { modelsMentioned } from '../../../lib/models/seen';
import { DEFAULT_PREFS } from '../../../lib/prefs';
import { SummarySchema } from '../../../lib/statuspage/schema';
import { normaliseIncident, normaliseSummary } from '../../../lib/statuspage/normalise';
import { assess } from '../../../lib/verdict/assess';
import {
  INCIDENTS_BACKFILL,
  SUMMARY_CONSOLE,
  SUMMARY_MULTIPLE_MODELS,
  SUMMARY_OPERATIONAL,
  loadFixture,
  syntheticSummaryWithIncident,
} from '../../fixtures';

const backfill = loadFixture(INCIDENTS_BACKFILL).incidents as any[];
/** Real: every model the last 50 incidents named. */
const SEEN = modelsMentioned(backfill.map(normaliseIncident));

/** workingModels for a payload and a user, with the known models as the worker would pass them (seen + mine). */
function alternatives(summary: unknown, chosen: string[], extraKnown: string[] = []): AlternativeModels | null {
  const assessment = assess(normaliseSummary(SummarySchema.parse(summary)), { ...DEFAULT_PREFS, myModels: chosen });
  return workingModels({ assessment, known: [...SEEN, ...extraKnown, ...chosen], chosen });
}
const view = (a: AlternativeModels | null) =>
  a && {
    down: a.down.map(modelLabel),
    working: a.working.map((w) => `${w.key}:${w.tier}${w.mine ? ':mine' : ''}`),
    broad: a.broad,
  };

/** Synthetic: the real multiple-models incident (7g1qpkyz5gxh) with one more update saying `body`. */
function multipleWithUpdate(body: string): any {
  const summary = structuredClone(loadFixture(SUMMARY_MULTIPLE_MODELS));
  const incident = summary.incidents[0];
  incident.incident_updates.unshift({
    ...incident.incident_updates[0],
    id: 'synthalt1',
    status: 'identified',
    body,
    display_at: '2026-09-22T01:05:00Z',
  });
  return summary;
}

/** Synthetic: the real zhk4v3yv1lsf incident up to its real update "Claude Opus 5 is operational. Claude Sonnet 5 is
 *  degraded." (as in model-board.test.ts). */
function opusRecoveredSonnetDegraded(): any {
  const raw = backfill.find((i) => i.id === 'zhk4v3yv1lsf');
  const narrowing = raw.incident_updates.find((u: any) => /Opus 5 is operational/.test(u.body));
  const summary = syntheticSummaryWithIncident('zhk4v3yv1lsf');
  summary.incidents[0].incident_updates = raw.incident_updates.slice(raw.incident_updates.indexOf(narrowing));
  return summary;
}

describe('the known models are the real ones', () => {
  it('the backfill names these models', () => {
    expect([...SEEN].sort()).toEqual(
      [
        'fable-5',
        'fable-5.1',
        'haiku-4.5',
        'mythos-5',
        'mythos-5.1',
        'opus-4.5',
        'opus-4.6',
        'opus-4.7',
        'opus-4.8',
        'opus-5',
        'sonnet-4.6',
        'sonnet-5',
      ].sort(),
    );
  });
});

describe('ranking: same family, then the neighbouring tier, then the rest', () => {
  // Real db1mh1r2zrn5 "Elevated errors on Haiku 4.5", reopened.
  const haiku = () => syntheticSummaryWithIncident('db1mh1r2zrn5');

  it('Haiku 4.5 down: Sonnet (neighbour), then Opus, then the families off the ladder, newest first', () => {
    expect(view(alternatives(haiku(), ['haiku-4.5']))).toEqual({
      down: ['Haiku 4.5'],
      working: [
        'sonnet-5:neighbour',
        'sonnet-4.6:neighbour',
        'opus-5:other',
        'opus-4.8:other',
        'opus-4.7:other',
        'opus-4.6:other',
        'opus-4.5:other',
        'fable-5.1:other',
        'fable-5:other',
        'mythos-5.1:other',
        'mythos-5:other',
      ],
      broad: false,
    });
  });

  it("the same family's other versions come first, newest first; the user's own are marked", () => {
    const a = view(alternatives(haiku(), ['haiku-4.5', 'haiku-3.5'], ['haiku-4']));
    expect(a?.working.slice(0, 3)).toEqual(['haiku-4:same-family', 'haiku-3.5:same-family:mine', 'sonnet-5:neighbour']);
  });

  it('a user watching all of Opus, Opus 5 down (real lhqp09kxq7pb): the other Opus versions, theirs, first', () => {
    expect(view(alternatives(syntheticSummaryWithIncident('lhqp09kxq7pb'), ['opus']))?.working.slice(0, 5)).toEqual([
      'opus-4.8:same-family:mine',
      'opus-4.7:same-family:mine',
      'opus-4.6:same-family:mine',
      'opus-4.5:same-family:mine',
      'sonnet-5:neighbour',
    ]);
  });

  it('unknown families are far: Mythos 5.1 down (real 6304r9jjhj34) → Mythos 5, then the ladder, then other families', () => {
    expect(view(alternatives(syntheticSummaryWithIncident('6304r9jjhj34'), ['mythos-5.1'], ['nova-6']))).toEqual({
      down: ['Mythos 5.1'],
      working: [
        'mythos-5:same-family',
        'opus-5:other',
        'opus-4.8:other',
        'opus-4.7:other',
        'opus-4.6:other',
        'opus-4.5:other',
        'sonnet-5:other',
        'sonnet-4.6:other',
        'haiku-4.5:other',
        'fable-5:other', // Fable 5.1 is down too
        'nova-6:other',
      ],
      broad: false,
    });
  });

  it('with no models chosen, ranks against every named model that is down', () => {
    const a = view(alternatives(haiku(), []));
    expect(a?.down).toEqual(['Haiku 4.5']);
    expect(a?.working[0]).toBe('sonnet-5:neighbour');
  });
});

describe('what counts as working', () => {
  it('a recovering model is not suggested: Sonnet 5 down while Opus 5 "is operational" again (real zhk4v3yv1lsf)', () => {
    const a = view(alternatives(opusRecoveredSonnetDegraded(), ['sonnet-5']));
    expect(a?.down).toEqual(['Sonnet 5']);
    expect(a?.working).not.toContain('opus-5:neighbour');
    expect(a?.working.slice(0, 6)).toEqual([
      'sonnet-4.6:same-family',
      'opus-4.8:neighbour',
      'opus-4.7:neighbour',
      'opus-4.6:neighbour',
      'opus-4.5:neighbour',
      'haiku-4.5:neighbour',
    ]);
  });

  it('nothing for a user whose model recovered: the popup stays calm', () => {
    expect(alternatives(opusRecoveredSonnetDegraded(), ['opus-5'])).toBeNull();
  });

  it('a Fast variant of a down model is not suggested; a working one is, after its plain model', () => {
    const opus5 = view(alternatives(syntheticSummaryWithIncident('lhqp09kxq7pb'), ['opus-5'], ['opus-5-fast', 'opus-4.8-fast']));
    expect(opus5?.working).not.toContain('opus-5-fast:same-family');
    expect(opus5?.working.slice(0, 2)).toEqual(['opus-4.8:same-family', 'opus-4.8-fast:same-family']);
  });

  it('family-only, malformed and duplicate keys are never suggested', () => {
    const a = workingModels({
      assessment: assess(normaliseSummary(SummarySchema.parse(syntheticSummaryWithIncident('db1mh1r2zrn5'))), DEFAULT_PREFS),
      known: ['opus', 'sonnet', '', 'not a key!', '__proto__', 'constructor', 'OPUS-4.8', 'opus-4.8', 'haiku-4.5'],
      chosen: ['haiku-4.5'],
    });
    expect(a?.working.map((w) => w.key)).toEqual(['opus-4.8']);
  });
});

describe('broad incidents: switching models may not help', () => {
  it('the real "Elevated errors for multiple models": broad, nothing to suggest, whichever model the user chose', () => {
    const summary = loadFixture(SUMMARY_MULTIPLE_MODELS);
    expect(view(alternatives(summary, ['opus-5']))).toEqual({ down: ['Opus 5'], working: [], broad: true });
    // Sonnet 5 is not named, but "multiple models" does not leave it out.
    expect(view(alternatives(summary, ['sonnet-5']))).toEqual({ down: ['Sonnet 5'], working: [], broad: true });
    expect(view(alternatives(summary, []))).toEqual({ down: ['Mythos 5.1', 'Fable 5.1', 'Opus 5'], working: [], broad: true });
  });

  it('a broad incident with exclusions suggests only the excluded models', () => {
    const summary = multipleWithUpdate('We are seeing elevated errors on all models except Claude Opus 5 and Claude Sonnet 5.');
    expect(view(alternatives(summary, ['mythos-5.1']))).toEqual({
      down: ['Mythos 5.1'],
      working: ['opus-5:other', 'sonnet-5:other'],
      broad: true,
    });
    expect(view(alternatives(summary, []))).toEqual({
      down: ['Mythos 5.1', 'Fable 5.1'],
      working: ['opus-5:other', 'sonnet-5:other'],
      broad: true,
    });
    // An excluded model the page never named before is suggested too.
    const fresh = multipleWithUpdate('We are seeing elevated errors on all models except Claude Haiku 3.');
    expect(view(alternatives(fresh, ['opus-5']))?.working).toEqual(['haiku-3:other']);
  });

  it('the user of an excluded model is not down: nothing to suggest', () => {
    const summary = multipleWithUpdate('We are seeing elevated errors on all models except Claude Opus 5 and Claude Sonnet 5.');
    expect(alternatives(summary, ['opus-5'])).toBeNull();
  });

  it('a broad incident that leaves the user out still rules out the models it covers', () => {
    // Real lhqp09kxq7pb "Elevated errors on Claude Opus 5" plus a synthetic broad incident that leaves out Opus 5 and Sonnet 5.
    const summary = syntheticSummaryWithIncident('lhqp09kxq7pb');
    const other = structuredClone(summary.incidents[0]);
    other.id = 'synthbroad1';
    other.name = 'Elevated errors on all models except Claude Opus 5 and Claude Sonnet 5';
    other.incident_updates[0] = { ...other.incident_updates[0], id: 'synthbroadu1', body: 'We are currently investigating this issue.' };
    summary.incidents.push(other);
    expect(view(alternatives(summary, ['opus-5']))).toEqual({ down: ['Opus 5'], working: ['sonnet-5:neighbour'], broad: false });
  });
});

describe('null when nothing the user cares about is affected', () => {
  it.each<[string, () => unknown, string[]]>([
    ['operational page, models chosen', () => loadFixture(SUMMARY_OPERATIONAL), ['opus-5']],
    ['operational page, none chosen', () => loadFixture(SUMMARY_OPERATIONAL), []],
    ['the real Console incident names no model', () => loadFixture(SUMMARY_CONSOLE), ['opus-5']],
    ['the real Console incident, none chosen', () => loadFixture(SUMMARY_CONSOLE), []],
    ['Haiku 4.5 down, the user works with Opus 5', () => syntheticSummaryWithIncident('db1mh1r2zrn5'), ['opus-5']],
  ])('%s', (_case, summary, chosen) => {
    expect(alternatives(summary(), chosen)).toBeNull();
  });
});
