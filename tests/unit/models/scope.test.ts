/**
 * incidentScope: exclusions ("all models except Opus 5", "non-Opus models"), narrowing and widening after the title,
 * and titles about "Claude" without a model. Real incidents from tests/fixtures/statuspage (SOURCES.md there) with
 * synthetic updates written in the page's own style; more replays of real incidents are in extract.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { extractModels } from '../../../lib/models/extract';
import { incidentScope, type IncidentScope } from '../../../lib/models/scope';
import { modelLabel, type ModelRef } from '../../../lib/models/ref';
import { INCIDENTS_BACKFILL, SUMMARY_MULTIPLE_MODELS, loadFixture } from '../../fixtures';

type Update = { body: string; status: string };
type Incident = { id: string; name: string; status: string; incident_updates: Update[] };
const backfill = loadFixture<{ incidents: Incident[] }>(INCIDENTS_BACKFILL).incidents;
const byId = (id: string) => backfill.find((i) => i.id === id)!;
/** The real "Elevated errors for multiple models" incident open in the 2026-09-22 summary: its three real updates
 *  name Mythos 5.1, Fable 5.1 and Opus 5. */
const multiple = loadFixture<{ incidents: Incident[] }>(SUMMARY_MULTIPLE_MODELS).incidents[0]!;

const labels = (ms: ModelRef[]) => ms.map(modelLabel);
type Labels = { affected: string[]; recovering: string[]; broad: boolean; excluded: string[] };
const asLabels = (s: IncidentScope): Labels => ({
  affected: labels(s.affected),
  recovering: labels(s.recovering),
  broad: s.broad,
  excluded: labels(s.excluded),
});
/** A scope from a title and update bodies, newest first. */
const scope = (name: string, newestFirst: string[] = [], status = 'identified') =>
  asLabels(incidentScope({ name, status, updates: newestFirst.map((body) => ({ body })) }));
/** A real incident with synthetic updates posted on top of its real ones (newest first). */
const withUpdates = (incident: Incident, newestFirst: string[], upTo = 0) =>
  asLabels(
    incidentScope({
      name: incident.name,
      status: 'identified',
      updates: [...newestFirst.map((body) => ({ body, status: 'identified' })), ...incident.incident_updates.slice(upTo)],
    }),
  );

// ---- 1. Exclusions: all models minus the named ones ----

/** [text, models set apart]. Each is read both as a title and as an update to the real multiple-models incident. */
const EXCLUSIONS: Array<[string, string[]]> = [
  ['Elevated errors on models other than Claude Opus 5', ['Opus 5']],
  ['Elevated errors on Claude models other than Opus 5', ['Opus 5']],
  ['Elevated errors on non-Opus models', ['Opus']],
  ['Elevated errors on non-Opus 5 models', ['Opus 5']],
  ['Elevated errors on all models except Opus 5', ['Opus 5']],
  ['Elevated errors on all models except for Opus 5 and Haiku 4.5', ['Opus 5', 'Haiku 4.5']],
  ['Elevated errors on every model but Opus 5', ['Opus 5']],
  ['Elevated errors on every model but Claude Sonnet 5 and Claude Haiku 4.5', ['Sonnet 5', 'Haiku 4.5']],
  ['Elevated errors on all models apart from Sonnet 5', ['Sonnet 5']],
  ['Elevated errors on all models aside from Mythos/Fable 5.1', ['Mythos 5.1', 'Fable 5.1']],
  ['Elevated errors on all models excluding Haiku 4.5', ['Haiku 4.5']],
  ['Elevated errors on all Claude models with the exception of Haiku 4.5', ['Haiku 4.5']],
  ['Elevated errors on all models except Opus 4.6 Fast Mode', ['Opus 4.6 Fast']],
  ['Elevated errors on requests to all models except Claude Opus 5, which is operating normally', ['Opus 5']],
  ['ELEVATED ERRORS ON ALL MODELS EXCEPT OPUS 5', ['Opus 5']],
  ['Elevated errors except for Opus 5', ['Opus 5']],
];

describe('exclusions: the incident is about all models minus the named ones', () => {
  it.each(EXCLUSIONS)('title %j', (title, apart) => {
    expect(scope(title)).toEqual({ affected: [], recovering: [], broad: true, excluded: apart });
  });

  it.each(EXCLUSIONS)('update to the real multiple-models incident: %j', (body, apart) => {
    const s = withUpdates(multiple, [`We are seeing ${body.replace(/^Elevated/, 'elevated')}.`]);
    // The models the earlier real updates named stay down unless set apart (by name or by family).
    const setApart = (m: string) => apart.some((a) => m === a || m.startsWith(`${a} `));
    const named = ['Mythos 5.1', 'Fable 5.1', 'Opus 5'];
    expect(s.broad).toBe(true);
    expect(s.recovering).toEqual([]);
    expect(s.affected).toEqual(named.filter((m) => !setApart(m)));
    expect(new Set(s.excluded)).toEqual(new Set([...named.filter(setApart), ...apart]));
  });

  it('a family exclusion is the whole family, version null', () => {
    expect(incidentScope({ name: 'Elevated errors on non-Opus models', status: 'investigating', updates: [] }).excluded).toEqual([
      { family: 'Opus', version: null, qualifier: null },
    ]);
  });

  it('"X is not affected" / "unaffected" in a broad incident sets X apart', () => {
    const title = byId('q2kg8n613kr3').name; // real: "Elevated errors across all models"
    expect(title).toBe('Elevated errors across all models');
    for (const body of [
      'Claude Haiku 4.5 is not affected.',
      'Requests to Claude Haiku 4.5 are unaffected.',
      'Haiku 4.5 has not been impacted.',
      "Haiku 4.5 isn't affected.",
      'Opus 5 and Sonnet 5 are returning errors while Haiku 4.5 is not.',
    ]) {
      const s = scope(title, [body]);
      expect(s.broad, body).toBe(true);
      expect(s.excluded, body).toEqual(['Haiku 4.5']);
      expect(s.affected, body).not.toContain('Haiku 4.5');
    }
  });

  it('"…, but Opus 5 has recovered" after "all models" is a recovery, not an exclusion', () => {
    expect(scope('Elevated errors across all models', ['Errors continue on all models, but Opus 5 has recovered.'])).toEqual({
      affected: [],
      recovering: ['Opus 5'],
      broad: true,
      excluded: [],
    });
  });
});

describe('exceptions to a recovery are not exclusions: the polarity decides', () => {
  // Real: fsh2zzzl2c4l "All models except Opus 5 have recovered." (also replayed in extract.test.ts).
  it('the real "All models except Opus 5 have recovered": Opus 5 stays down, the rest recovered, not broad', () => {
    const incident = byId('fsh2zzzl2c4l');
    expect(incident.incident_updates[6]!.body).toMatch(/^All models except Opus 5 have recovered/);
    expect(withUpdates(incident, [], 6)).toEqual({ affected: ['Opus 5'], recovering: [], broad: false, excluded: [] });
  });

  it.each<[string, string, Labels]>([
    [
      'all models except Opus 5 have recovered',
      'all models except Opus 5 are returning errors',
      { affected: ['Opus 5'], recovering: ['Sonnet 5'], broad: false, excluded: [] },
    ],
    [
      'all models other than Opus 5 are operating normally',
      'models other than Opus 5 are seeing elevated errors',
      { affected: ['Opus 5'], recovering: ['Sonnet 5'], broad: false, excluded: [] },
    ],
    [
      'every model but Opus 5 is back to normal',
      'every model but Opus 5 is failing',
      { affected: ['Opus 5'], recovering: ['Sonnet 5'], broad: false, excluded: [] },
    ],
    [
      'all non-Opus models have recovered',
      'all non-Opus models are failing',
      { affected: ['Opus 5', 'Opus'], recovering: ['Sonnet 5'], broad: false, excluded: [] },
    ],
    [
      'all models apart from Opus 5 are unaffected',
      'all models apart from Opus 5 are affected',
      { affected: ['Opus 5'], recovering: ['Sonnet 5'], broad: false, excluded: [] },
    ],
  ])('"%s" vs "%s"', (recovery, failure, recoveryScope) => {
    const title = 'Elevated errors on Claude Opus 5 and Claude Sonnet 5';
    expect(scope(title, [`As of 7:32 UTC, ${recovery}.`])).toEqual(recoveryScope);
    const failing = scope(title, [`As of 7:32 UTC, ${failure}.`]);
    expect(failing.broad).toBe(true);
    expect(failing.affected).toEqual(['Sonnet 5']);
    expect(failing.excluded.some((m) => m.startsWith('Opus'))).toBe(true);
  });
});

describe('exclusions from a list of named models are narrow (not broad)', () => {
  it.each<[string, string[], Labels]>([
    [
      'Elevated errors on all Opus models except Opus 4.5',
      [],
      { affected: ['Opus'], recovering: ['Opus 4.5'], broad: false, excluded: [] },
    ],
    [
      'Elevated errors on Claude Opus 5 and Claude Sonnet 5',
      ['Opus 5 and Sonnet 5 are returning errors, but not Haiku 4.5.'],
      { affected: ['Opus 5', 'Sonnet 5'], recovering: ['Haiku 4.5'], broad: false, excluded: [] },
    ],
    [
      'Elevated errors on Claude Opus 5',
      ['Opus 5 is returning errors while Haiku 4.5 is not.'],
      { affected: ['Opus 5'], recovering: ['Haiku 4.5'], broad: false, excluded: [] },
    ],
    [
      'Elevated errors on Claude Opus 5',
      ['Requests to Claude Haiku 4.5 are unaffected.'],
      { affected: ['Opus 5'], recovering: ['Haiku 4.5'], broad: false, excluded: [] },
    ],
  ])('%j %j', (title, updates, expected) => {
    expect(scope(title, updates)).toEqual(expected);
  });
});

describe('exclusions over time', () => {
  const title = 'Elevated errors on all models except Haiku 4.5';
  it.each<[string, Labels]>([
    // Naming no model and not "all": the exclusion stands.
    [
      'We are continuing to investigate errors affecting multiple models.',
      { affected: [], recovering: [], broad: true, excluded: ['Haiku 4.5'] },
    ],
    [
      'A fix has been implemented and we are monitoring the results.',
      { affected: [], recovering: [], broad: true, excluded: ['Haiku 4.5'] },
    ],
    // "all models" takes it back.
    ['Errors are now affecting all models.', { affected: ['Haiku 4.5'], recovering: [], broad: true, excluded: [] }],
    [
      'As of 01:33 PT / 08:33 UTC we are back to errors across all models.',
      { affected: ['Haiku 4.5'], recovering: [], broad: true, excluded: [] },
    ],
    // Widening by name.
    ['Haiku 4.5 is now also returning errors.', { affected: ['Haiku 4.5'], recovering: [], broad: true, excluded: [] }],
    // A list of other models keeps the exclusion ("X and other models" or a plain list after a broad title).
    [
      'We are investigating elevated errors on requests to Claude Opus 5 and other Claude models.',
      { affected: ['Opus 5'], recovering: [], broad: true, excluded: ['Haiku 4.5'] },
    ],
    // Narrowing ends it: a set-apart model of a bounded incident is simply not affected.
    [
      'The only affected models right now are Opus 5 and Sonnet 5.',
      { affected: ['Opus 5', 'Sonnet 5'], recovering: ['Haiku 4.5'], broad: false, excluded: [] },
    ],
    // Recovery of everything ends it.
    [
      'As of 7:34 PST / 14:34 UTC the errors have returned to baseline.',
      { affected: [], recovering: ['Haiku 4.5'], broad: false, excluded: [] },
    ],
  ])('then %j', (update, expected) => {
    expect(scope(title, [update])).toEqual(expected);
  });

  it('a family exclusion survives a list of the models that are down', () => {
    expect(scope('Elevated errors on non-Opus models', ['We are investigating errors on Sonnet 5 and Haiku 4.5.'])).toEqual({
      affected: ['Sonnet 5', 'Haiku 4.5'],
      recovering: [],
      broad: true,
      excluded: ['Opus'],
    });
  });

  it('resolved or postmortem: nothing affected, nothing excluded', () => {
    for (const status of ['resolved', 'postmortem']) {
      expect(scope(title, ['This incident has been resolved.'], status)).toEqual({
        affected: [],
        recovering: ['Haiku 4.5'],
        broad: false,
        excluded: [],
      });
    }
  });
});

// ---- 2. Narrowing and widening after a broad title ----

describe('narrowing and widening after the title', () => {
  const manyModels = byId('bdr3fq2rkchr'); // real: "Elevated errors across many models"
  it('the real title is broad', () => {
    expect(manyModels.name).toBe('Elevated errors across many models');
    expect(scope(manyModels.name).broad).toBe(true);
  });

  it.each([
    'The issue is limited to Claude Opus 5 and Claude Sonnet 5.',
    'Errors are isolated to Claude Opus 5 and Claude Sonnet 5.',
    'The impact is confined to Opus 5 and Sonnet 5.',
    'The affected models are Opus 5 and Sonnet 5.',
    'Affected models: Opus 5, Sonnet 5.',
    'Errors are now only affecting Claude Opus 5 and Claude Sonnet 5.',
    'An exhaustive list of affected models: Opus 5, Sonnet 5.',
  ])('narrowed by %j', (update) => {
    expect(scope(manyModels.name, [update])).toEqual({ affected: ['Opus 5', 'Sonnet 5'], recovering: [], broad: false, excluded: [] });
  });

  const narrowed = 'The issue is limited to Claude Opus 5.';
  it.each<[string, Labels]>([
    // Still narrow: updates naming the same models, or none.
    [
      'A fix has been deployed for Claude Opus 5 and we are monitoring for recovery.',
      { affected: ['Opus 5'], recovering: [], broad: false, excluded: [] },
    ],
    ['We are continuing to work on a fix for this issue.', { affected: ['Opus 5'], recovering: [], broad: false, excluded: [] }],
    // Widened by name: the new model is added, still narrow.
    ['Haiku 4.5 is also returning errors.', { affected: ['Opus 5', 'Haiku 4.5'], recovering: [], broad: false, excluded: [] }],
    ['The issue is now affecting Claude Haiku 4.5.', { affected: ['Opus 5', 'Haiku 4.5'], recovering: [], broad: false, excluded: [] }],
    ['Errors have now spread to Claude Haiku 4.5.', { affected: ['Opus 5', 'Haiku 4.5'], recovering: [], broad: false, excluded: [] }],
    // Broad again.
    [
      'We are now seeing elevated errors on Claude Haiku 4.5 and other models.',
      { affected: ['Opus 5', 'Haiku 4.5'], recovering: [], broad: true, excluded: [] },
    ],
    ['Errors are now occurring across all products.', { affected: ['Opus 5'], recovering: [], broad: true, excluded: [] }],
    ['We are now seeing elevated errors on all models.', { affected: ['Opus 5'], recovering: [], broad: true, excluded: [] }],
    [
      'We are now seeing elevated errors on all models except Sonnet 5.',
      { affected: ['Opus 5'], recovering: [], broad: true, excluded: [] },
    ],
  ])(`after ${JSON.stringify(narrowed)}: %j`, (update, expected) => {
    expect(scope(manyModels.name, [update, narrowed])).toEqual(
      update.includes('except Sonnet 5') ? { ...expected, excluded: ['Sonnet 5'] } : expected,
    );
  });

  it('a plain list after a broad title keeps it broad: the real "multiple models" incident names three, others may be down', () => {
    expect(withUpdates(multiple, [])).toEqual({
      affected: ['Mythos 5.1', 'Fable 5.1', 'Opus 5'],
      recovering: [],
      broad: true,
      excluded: [],
    });
  });

  it('the real narrowing of 461yvfrzpwtt ("The only affected models right now …") lasts through its later updates', () => {
    const incident = byId('461yvfrzpwtt');
    expect(withUpdates(incident, [], 2).broad).toBe(false);
    // The real next update names three models without bounding words: still the bounded incident.
    expect(withUpdates(incident, [], 1)).toEqual({
      affected: ['Mythos 5.1', 'Fable 5.1', 'Opus 5'],
      recovering: ['Mythos 5', 'Fable 5', 'Opus 4.8', 'Opus 4.6'],
      broad: false,
      excluded: [],
    });
  });
});

// ---- 3. Titles about Claude without a model ----

describe('titles about "Claude" without a model are broad; product names never are', () => {
  it.each([
    'Elevated errors on Claude models',
    'Elevated errors on requests to Claude models',
    'Errors on requests to Claude',
    'Errors on requests to Claude.',
    'Degraded performance for Claude',
    'Elevated latency for Claude',
    'Elevated errors on Claude for some users',
    'Increased error rates affecting Claude and the API',
    'Elevated errors on claude models',
  ])('%j is broad about models', (title) => {
    expect(extractModels(title)).toEqual({ models: [], broad: true });
    expect(scope(title, [], 'investigating')).toEqual({ affected: [], recovering: [], broad: true, excluded: [] });
  });

  it.each([
    'Elevated errors on Claude Code',
    'Errors on requests to Claude Code',
    'Elevated errors on Claude for Government',
    'Degraded performance for Claude Cowork',
    'Elevated errors on claude.ai',
    'Errors on requests to the Claude API',
    'Elevated errors on the Claude app',
    'Degraded performance for Claude in Slack',
    'Errors on Claude for Microsoft Office 365',
    'Issues logging into Claude',
    'Issues logging into Claude.ai',
    'Service disruption on Claude services',
    'Elevated errors on Claude Code and Claude Cowork',
    'Degraded functionality for Claude Cowork on Windows',
    'Elevated errors on claude-code',
  ])('%j names no model and is not broad', (title) => {
    expect(extractModels(title)).toEqual({ models: [], broad: false });
  });

  it('a named model after "Claude" is a model, not "Claude" in general', () => {
    expect(scope('Errors on requests to Claude Opus 5', [], 'investigating')).toEqual({
      affected: ['Opus 5'],
      recovering: [],
      broad: false,
      excluded: [],
    });
  });
});

// ---- 4. Linear time, never throws ----

describe('pathological input', () => {
  it('returns correct results on 200 KB of repeated exclusion words', () => {
    const spaces = ' '.repeat(200_000);
    expect(scope(`${'non-'.repeat(50_000)}Opus models`).excluded).toEqual(['Opus']);
    expect(scope(`Errors on all models${spaces}except Opus 5`).excluded).toEqual(['Opus 5']);
    expect(scope(`Errors on every model${spaces}but Opus 5`).excluded).toEqual(['Opus 5']);
    expect(scope(`${'models but '.repeat(20_000)}Opus 5`).excluded).toEqual(['Opus 5']);
    expect(scope(`${'except '.repeat(30_000)}Opus 5`).excluded).toEqual(['Opus 5']);
    expect(scope(`Errors on all models except Opus 5${', which'.repeat(30_000)}`).excluded).toEqual(['Opus 5']);
    expect(scope(`${'to Claude '.repeat(20_000)}`).broad).toBe(true);
    expect(scope(`Opus 5 is${spaces}not${spaces}`, ['Opus 5 is not '.repeat(15_000)])).toEqual({
      affected: [],
      recovering: ['Opus 5'],
      broad: false,
      excluded: [],
    });
  });

  it('never throws on odd exclusion text', () => {
    for (const text of [
      'except',
      'non-',
      'non- models',
      'models but',
      'all models except , which',
      'except constructor 5',
      '\u0000non-\ud800 models',
    ]) {
      expect(() => incidentScope({ name: text, updates: [{ body: text }] })).not.toThrow();
    }
  });
});
