/**
 * The claude.ai banner when the model in use could be read from the page (issue 10, part 3): an
 * incident about that model is loud and first; one about other models only is a quiet strip; with
 * no reading, exactly today's banner. Real incidents (tests/fixtures/statuspage, SOURCES.md there).
 */
import { describe, expect, it } from 'vitest';
import { type ModelRef, parseModelKey } from '../../../lib/models/ref';
import { DEFAULT_PREFS } from '../../../lib/prefs';
import { normaliseSummary } from '../../../lib/statuspage/normalise';
import { SummarySchema } from '../../../lib/statuspage/schema';
import { assess } from '../../../lib/verdict/assess';
import { type BannerContent, bannerFor } from '../../../lib/verdict/banner';
import { INCIDENTS_BACKFILL, loadFixture, SUMMARY_MULTIPLE_MODELS, syntheticSummaryWithIncident } from '../../fixtures';

const assessed = (summary: unknown, myModels: string[] = []) =>
  assess(normaliseSummary(SummarySchema.parse(summary)), { ...DEFAULT_PREFS, myModels });
const model = (key: string): ModelRef => parseModelKey(key)!;
const view = (c: BannerContent | null) =>
  c && c.kind !== 'maintenance'
    ? { kind: c.kind, id: c.item.incident.id, inUse: c.inUse && `${c.inUse.model.family} ${c.inUse.model.version}: ${c.inUse.affected}` }
    : c;

/** Real: "Elevated errors on Haiku 4.5" (minor) as it opened. */
const haiku = () => syntheticSummaryWithIncident('db1mh1r2zrn5');

describe('banner with the model in use known', () => {
  it('no reading: exactly the banner of before', () => {
    for (const [summary, mine] of [
      [haiku(), []],
      [haiku(), ['haiku-4.5']],
      [haiku(), ['opus-5']],
      [loadFixture(SUMMARY_MULTIPLE_MODELS), []],
    ] as const) {
      const a = assessed(summary, [...mine]);
      expect(bannerFor(a, {}, null)).toEqual(bannerFor(a, {}));
    }
    expect(view(bannerFor(assessed(haiku()), {}))).toEqual({ kind: 'quiet', id: 'db1mh1r2zrn5', inUse: null });
  });

  it('using the affected model: loud, even for a minor incident', () => {
    expect(view(bannerFor(assessed(haiku()), {}, model('haiku-4.5')))).toEqual({
      kind: 'loud',
      id: 'db1mh1r2zrn5',
      inUse: 'Haiku 4.5: true',
    });
  });

  it('using another model: a quiet strip, even when the affected one is among my chosen models', () => {
    expect(view(bannerFor(assessed(haiku()), {}, model('opus-5')))).toEqual({ kind: 'quiet', id: 'db1mh1r2zrn5', inUse: 'Opus 5: false' });
    // Without the reading, Haiku 4.5 chosen makes it loud; the model in use says it is not this one.
    expect(bannerFor(assessed(haiku(), ['haiku-4.5']), {})?.kind).toBe('loud');
    expect(bannerFor(assessed(haiku(), ['haiku-4.5']), {}, model('opus-5'))?.kind).toBe('quiet');
  });

  it('the model in use counts even when I follow other models', () => {
    expect(bannerFor(assessed(haiku(), ['opus-5']), {})).toBeNull();
    expect(view(bannerFor(assessed(haiku(), ['opus-5']), {}, model('haiku-4.5')))).toEqual({
      kind: 'loud',
      id: 'db1mh1r2zrn5',
      inUse: 'Haiku 4.5: true',
    });
  });

  it('the real "multiple models" incident covers whatever model is in use', () => {
    expect(view(bannerFor(assessed(loadFixture(SUMMARY_MULTIPLE_MODELS)), {}, model('sonnet-4.6')))).toEqual({
      kind: 'loud',
      id: '7g1qpkyz5gxh',
      inUse: 'Sonnet 4.6: true',
    });
  });

  it('a broad incident that leaves the model in use out: quiet, and said so', () => {
    const summary = structuredClone(loadFixture(SUMMARY_MULTIPLE_MODELS));
    summary.incidents[0].name = 'Elevated errors for all models except Opus 5';
    summary.incidents[0].incident_updates[0].body = 'We are seeing elevated errors on all models except Claude Opus 5.';
    expect(view(bannerFor(assessed(summary), {}, model('opus-5')))).toEqual({ kind: 'quiet', id: '7g1qpkyz5gxh', inUse: 'Opus 5: false' });
    expect(bannerFor(assessed(summary), {}, model('sonnet-5'))?.kind).toBe('loud');
  });

  it('an incident about no model (a real claude.ai one) keeps its usual loudness', () => {
    const minor = syntheticSummaryWithIncident('9jrp5rtyzrf6');
    expect(view(bannerFor(assessed(minor), {}, model('opus-5')))).toEqual({ kind: 'quiet', id: '9jrp5rtyzrf6', inUse: null });
    const major = syntheticSummaryWithIncident('9jrp5rtyzrf6', 'investigating', 'major');
    expect(view(bannerFor(assessed(major), {}, model('opus-5')))).toEqual({ kind: 'loud', id: '9jrp5rtyzrf6', inUse: null });
  });

  it('the incident about the model in use comes first, before a major one about another', () => {
    const summary = loadFixture(SUMMARY_MULTIPLE_MODELS);
    const opus48 = structuredClone(loadFixture(INCIDENTS_BACKFILL).incidents.find((i: any) => i.id === '0lbk5m7mbqk5'));
    opus48.status = 'investigating';
    opus48.resolved_at = null;
    opus48.incident_updates = opus48.incident_updates.slice(-1);
    // The multiple-models one leaves Opus 4.8 out here, so only the Opus 4.8 incident is about it.
    summary.incidents[0].name = 'Elevated errors for all models except Opus 4.8';
    summary.incidents[0].incident_updates[0].body = 'Elevated errors on all models except Claude Opus 4.8.';
    summary.incidents.push(opus48);
    const content = bannerFor(assessed(summary), {}, model('opus-4.8'));
    expect(view(content)).toEqual({ kind: 'loud', id: '0lbk5m7mbqk5', inUse: 'Opus 4.8: true' });
    expect(content?.more).toBe(1);
  });

  it('a Fast variant in use is hit by an incident about its model', () => {
    const summary = syntheticSummaryWithIncident('kqjy03gs895j'); // "Degraded performance on Claude Opus 4.8"
    expect(bannerFor(assessed(summary), {}, model('opus-4.8-fast'))?.kind).toBe('loud');
    expect(bannerFor(assessed(summary), {}, model('opus-4.7'))?.kind).toBe('quiet');
  });

  it('dismissed stays dismissed whatever model is in use', () => {
    const a = assessed(haiku());
    const content = bannerFor(a, {}, model('haiku-4.5'))!;
    expect(bannerFor(a, { db1mh1r2zrn5: content.fingerprint }, model('haiku-4.5'))).toBeNull();
    expect(bannerFor(a, { db1mh1r2zrn5: content.fingerprint }, model('opus-5'))).toBeNull();
  });
});
