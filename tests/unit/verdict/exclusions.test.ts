/**
 * The verdict honours exclusions: a broad incident that leaves out every model the user chose is not theirs; a user of
 * any other model (or of none) sees it; no surface claims an excluded model is affected. Driven by the real
 * "Elevated errors for multiple models" summary (7g1qpkyz5gxh) with a synthetic update posted on top, or with a
 * synthetic title in the page's style.
 */
import { describe, expect, it } from 'vitest';
import { NO_ATTENTION } from '../../../lib/attention/attention';
import { EMPTY_MEMORY, decideNotifications } from '../../../lib/attention/notify';
import { modelFromUserText } from '../../../lib/models/extract';
import { modelCovers } from '../../../lib/models/ref';
import { incidentScope } from '../../../lib/models/scope';
import { DEFAULT_PREFS, type Prefs } from '../../../lib/prefs';
import { SummarySchema } from '../../../lib/statuspage/schema';
import { normaliseSummary } from '../../../lib/statuspage/normalise';
import { EMPTY_STATE, type StatusState } from '../../../lib/statuspage/state';
import { assess } from '../../../lib/verdict/assess';
import { badgeFor, shortText } from '../../../lib/verdict/badge';
import { bannerFor } from '../../../lib/verdict/banner';
import { modelBoard } from '../../../lib/verdict/model-board';
import { isolate } from '../../../lib/format';
import { scopeSummary } from '../../../lib/verdict/scope-summary';
import { scopeText } from '../../../lib/verdict/describe';
import { statusMarkdown } from '../../../lib/verdict/share';
import { SUMMARY_MULTIPLE_MODELS, SUMMARY_OPERATIONAL, loadFixture } from '../../fixtures';

const NOW = Date.parse('2026-09-22T01:09:30Z');

/** Synthetic: the real multiple-models incident with one more update (identified, 8 minutes in) saying `body`. */
function syntheticUpdate(body: string): any {
  const summary = structuredClone(loadFixture(SUMMARY_MULTIPLE_MODELS));
  const incident = summary.incidents[0];
  incident.incident_updates.unshift({
    ...incident.incident_updates[0],
    id: 'synthexcl1',
    status: 'identified',
    body,
    display_at: '2026-09-22T01:05:00Z',
    created_at: '2026-09-22T01:05:00Z',
  });
  incident.status = 'identified';
  return summary;
}

/** Synthetic: the real multiple-models incident retitled `name`, its one update replaced by a real body that names no
 *  model ("We are currently investigating this issue.", db1mh1r2zrn5). */
function syntheticTitle(name: string): any {
  const summary = structuredClone(loadFixture(SUMMARY_MULTIPLE_MODELS));
  summary.incidents[0].name = name;
  summary.incidents[0].incident_updates[0].body = 'We are currently investigating this issue.';
  return summary;
}

const snapshotOf = (summary: unknown) => normaliseSummary(SummarySchema.parse(summary));
const prefsFor = (myModels: string[]): Prefs => ({ ...DEFAULT_PREFS, myModels });
const live = (summary: unknown): StatusState => ({
  ...EMPTY_STATE,
  snapshot: snapshotOf(summary),
  source: 'https://status.claude.com',
  confirmedAt: NOW,
  checkedAt: NOW,
});

/** [case, payload, the user's models, counts for them, badge text]. */
const CASES: Array<[string, () => unknown, string[], boolean, string]> = [
  // "all models except Claude Opus 5" posted on the real incident, whose first update named Mythos 5.1, Fable 5.1, Opus 5.
  ['except: user of the excluded model', () => syntheticUpdate(EXCEPT_OPUS_5), ['opus-5'], false, ''],
  ['except: its Fast variant is excluded with it', () => syntheticUpdate(EXCEPT_OPUS_5), ['opus-5-fast'], false, ''],
  ['except: user of a model named as down', () => syntheticUpdate(EXCEPT_OPUS_5), ['mythos-5.1'], true, 'M5.1'],
  ['except: user of a model never named', () => syntheticUpdate(EXCEPT_OPUS_5), ['sonnet-4.6'], true, 'ALL'],
  ['except: a user watching all of Opus (Opus 4.8 may be down)', () => syntheticUpdate(EXCEPT_OPUS_5), ['opus'], true, 'ALL'],
  ['except: two models, one excluded', () => syntheticUpdate(EXCEPT_OPUS_5), ['opus-5', 'haiku-4.5'], true, 'ALL'],
  ['except: no models chosen', () => syntheticUpdate(EXCEPT_OPUS_5), [], true, 'ALL'],
  // "models other than"
  ['other than: excluded', () => syntheticUpdate('Elevated errors continue on models other than Claude Opus 5.'), ['opus-5'], false, ''],
  [
    'other than: another',
    () => syntheticUpdate('Elevated errors continue on models other than Claude Opus 5.'),
    ['haiku-4.5'],
    true,
    'ALL',
  ],
  // "non-Opus models": the whole family is left out.
  ['non-Opus: Opus 5', () => syntheticTitle('Elevated errors on non-Opus models'), ['opus-5'], false, ''],
  ['non-Opus: Opus 4.8', () => syntheticTitle('Elevated errors on non-Opus models'), ['opus-4.8'], false, ''],
  ['non-Opus: all of Opus', () => syntheticTitle('Elevated errors on non-Opus models'), ['opus'], false, ''],
  ['non-Opus: Sonnet 5', () => syntheticTitle('Elevated errors on non-Opus models'), ['sonnet-5'], true, 'ALL'],
  ['non-Opus: no models chosen', () => syntheticTitle('Elevated errors on non-Opus models'), [], true, 'ALL'],
  // "every model but"
  ['every model but: Haiku 4.5', () => syntheticTitle('Elevated errors on every model but Haiku 4.5'), ['haiku-4.5'], false, ''],
  ['every model but: all of Haiku', () => syntheticTitle('Elevated errors on every model but Haiku 4.5'), ['haiku'], true, 'ALL'],
  ['every model but: Opus 5', () => syntheticTitle('Elevated errors on every model but Haiku 4.5'), ['opus-5'], true, 'ALL'],
  // "apart from" two models: only a user of both (or either alone) is left out.
  [
    'apart from: both mine',
    () => syntheticTitle('Elevated errors on all models apart from Sonnet 5 and Opus 5'),
    ['sonnet-5', 'opus-5'],
    false,
    '',
  ],
  [
    'apart from: one of mine is not excluded',
    () => syntheticTitle('Elevated errors on all models apart from Sonnet 5 and Opus 5'),
    ['sonnet-5', 'haiku-4.5'],
    true,
    'ALL',
  ],
  // A Fast-mode exclusion leaves the plain model in.
  ['except Fast: plain Opus 5', () => syntheticTitle('Elevated errors on all models except Opus 5 Fast Mode'), ['opus-5'], true, 'ALL'],
  ['except Fast: Opus 5 Fast', () => syntheticTitle('Elevated errors on all models except Opus 5 Fast Mode'), ['opus-5-fast'], false, ''],
  // "X is not affected" in an update.
  ['not affected: Opus 5', () => syntheticUpdate('Claude Opus 5 is not affected.'), ['opus-5'], false, ''],
  ['not affected: Fable 5.1', () => syntheticUpdate('Claude Opus 5 is not affected.'), ['fable-5.1'], true, 'F5.1'],
  // Not exclusions: the real wording "All models except Opus 5 have recovered" keeps Opus 5 down and the rest calm.
  ['recovered except: Opus 5', () => syntheticUpdate(RECOVERED_EXCEPT_OPUS_5), ['opus-5'], true, 'O5'],
  ['recovered except: Mythos 5.1', () => syntheticUpdate(RECOVERED_EXCEPT_OPUS_5), ['mythos-5.1'], false, ''],
  ['recovered except: no models chosen', () => syntheticUpdate(RECOVERED_EXCEPT_OPUS_5), [], true, 'O5'],
  // A title about "Claude models" is broad: it counts for every model.
  ['Claude models: Opus 5', () => syntheticTitle('Elevated errors on Claude models'), ['opus-5'], true, 'ALL'],
  ['requests to Claude: Haiku 4.5', () => syntheticTitle('Errors on requests to Claude'), ['haiku-4.5'], true, 'ALL'],
];
const EXCEPT_OPUS_5 = 'We are seeing elevated errors on all models except Claude Opus 5.';
const RECOVERED_EXCEPT_OPUS_5 = "All models except Opus 5 have recovered. We're working to recover Opus 5 as well.";

describe('relevance and badge for every form', () => {
  it.each(CASES)('%s', (_case, payload, myModels, counts, text) => {
    const summary = payload();
    const assessment = assess(snapshotOf(summary), prefsFor(myModels));
    expect(assessment.incidents[0]!.relevant).toBe(counts);
    expect(assessment.level).toBe(counts ? 'major' : 'operational');
    const badge = badgeFor(live(summary), prefsFor(myModels), NOW);
    if (counts) expect(shortText(assessment)).toBe(text);
    expect(badge.text).toBe(text); // empty: calm
    const line = badge.title.split('\n').find((l) => l.startsWith('Major incident: '))!;
    expect(line.endsWith('(not your models)')).toBe(!counts);
    // The claude.ai banner follows the same verdict.
    expect(bannerFor(assessment, {}) !== null).toBe(counts);
  });
});

describe('no surface claims an excluded model is affected', () => {
  const summary = () => syntheticUpdate(EXCEPT_OPUS_5);

  it('the scope: Mythos 5.1 and Fable 5.1 down, Opus 5 excluded', () => {
    const s = assess(snapshotOf(summary()), DEFAULT_PREFS).incidents[0]!.scope;
    expect(s).toEqual(
      incidentScope({
        name: 'Elevated errors for multiple models',
        status: 'identified',
        updates: [{ body: EXCEPT_OPUS_5 }, { body: loadFixture(SUMMARY_MULTIPLE_MODELS).incidents[0].incident_updates[0].body }],
      }),
    );
    expect(s.excluded).toEqual([{ family: 'Opus', version: '5', qualifier: null }]);
    expect(s.affected.map((m) => m.family)).toEqual(['Mythos', 'Fable']);
  });

  it('badge tooltip: "all models except Opus 5"', () => {
    const { title } = badgeFor(live(summary()), DEFAULT_PREFS, NOW);
    expect(title).toContain(`Major incident: ${isolate('Elevated errors for multiple models')} — Identified · all models except Opus 5`);
  });

  it('model board: the broad row carries Opus 5 as its exception and no row says Opus 5 is down', () => {
    const board = modelBoard(assess(snapshotOf(summary()), prefsFor(['opus-5'])), ['opus-5']);
    expect(board.broad.map((b) => [b.item.incident.id, b.except])).toEqual([
      ['7g1qpkyz5gxh', [{ family: 'Opus', version: '5', qualifier: null }]],
    ]);
    expect(board.rows.map((r) => [r.label, r.state, r.mine])).toEqual([
      ['Mythos 5.1', 'affected', false],
      ['Fable 5.1', 'affected', false],
    ]);
  });

  it('Copy status: "Models: all models except Opus 5"', () => {
    const text = statusMarkdown(assess(snapshotOf(summary()), DEFAULT_PREFS), NOW, true);
    expect(text).toContain('  - Models: all models except Opus 5\n');
  });

  it('notifications: told to a Sonnet user with the exclusion, not to an Opus 5 user', () => {
    const primed = (prefs: Prefs) =>
      decideNotifications(EMPTY_MEMORY, { snapshot: snapshotOf(loadFixture(SUMMARY_OPERATIONAL)), prefs, attention: NO_ATTENTION, now: 0 })
        .memory;
    const notes = (myModels: string[]) =>
      decideNotifications(primed(prefsFor(myModels)), {
        snapshot: snapshotOf(summary()),
        prefs: prefsFor(myModels),
        attention: NO_ATTENTION,
        now: NOW,
      }).notes;
    // Both updates are new at once: one notification, with the latest state.
    const told = notes(['sonnet-5']);
    expect(told.map((n) => n.id)).toEqual(['cs|7g1qpkyz5gxh|synthexcl1']);
    expect(told[0]!.message).toBe(`Identified · all models except Opus 5\nThe latest of 2 new updates:\n${isolate(EXCEPT_OPUS_5)}`);
    expect(notes(['opus-5'])).toEqual([]);
  });
});

describe('scopeSummary and its one English wording', () => {
  const m = (text: string) => modelFromUserText(text)!;
  it.each<[string, Parameters<typeof scopeSummary>[0], ReturnType<typeof scopeSummary>, string]>([
    [
      'named models',
      { affected: [m('Opus 5'), m('Haiku 4.5')], recovering: [], broad: false, excluded: [] },
      { kind: 'models', models: [m('Opus 5'), m('Haiku 4.5')], andOthers: false },
      'Opus 5 and Haiku 4.5',
    ],
    [
      'broad, naming some: the names',
      { affected: [m('Opus 5')], recovering: [], broad: true, excluded: [] },
      { kind: 'models', models: [m('Opus 5')], andOthers: true },
      'Opus 5 and other models',
    ],
    [
      'broad, naming none',
      { affected: [], recovering: [m('Sonnet 5')], broad: true, excluded: [] },
      { kind: 'broad', except: [] },
      'multiple models',
    ],
    [
      'broad with exclusions: the exclusion',
      { affected: [m('Mythos 5.1')], recovering: [], broad: true, excluded: [m('Opus 5'), m('Opus')] },
      { kind: 'broad', except: [m('Opus 5'), m('Opus')] },
      'all models except Opus 5 and Opus',
    ],
    ['recovering only', { affected: [], recovering: [m('Opus 5')], broad: false, excluded: [] }, { kind: 'none' }, ''],
  ])('%s', (_case, scope, summary, words) => {
    expect(scopeSummary(scope)).toEqual(summary);
    expect(scopeText(scope, [])).toBe(words);
  });
});

describe('modelCovers: one-way, for exclusions', () => {
  const m = (text: string) => modelFromUserText(text)!;
  it.each<[string, string, boolean]>([
    ['Opus', 'Opus 5', true], // "non-Opus models" leaves out every Opus
    ['Opus 5', 'Opus', false], // "except Opus 5" does not leave out a user watching all of Opus
    ['Opus 5', 'Opus 5', true],
    ['Opus 5', 'Opus 5 Fast', true],
    ['Opus 5 Fast', 'Opus 5', false],
    ['Opus 5', 'Opus 4.8', false],
    ['Opus 5', 'Sonnet 5', false],
    ['Sonnet 4', 'Sonnet 4.0', true],
  ])('%s covers %s → %s', (outer, inner, expected) => {
    expect(modelCovers(m(outer), m(inner))).toBe(expected);
  });
});
