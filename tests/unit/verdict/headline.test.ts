/**
 * The popup's first lines (its headline) in the first minute and when things go wrong: plain words
 * for what it waits for and what, if anything, the user can do; never a bare "Failed to fetch" or
 * "HTTP 405"; then, during incidents, the answer first: how bad, which models, since when, the latest.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS } from '../../../lib/prefs';
import type { ProblemKind } from '../../../lib/statuspage/fetch-json';
import { normaliseSummary } from '../../../lib/statuspage/normalise';
import { SummarySchema } from '../../../lib/statuspage/schema';
import { EMPTY_STATE, STALE_AFTER_MS, type StatusState } from '../../../lib/statuspage/state';
import { assess } from '../../../lib/verdict/assess';
import { headlineFor, incidentOrder } from '../../../lib/verdict/headline';
import { SUMMARY_CONSOLE, SUMMARY_MULTIPLE_MODELS, SUMMARY_OPERATIONAL, loadFixture, syntheticSummaryWithIncident } from '../../fixtures';

const NOW = Date.parse('2026-09-22T01:09:00Z');

function live(summary: object, at = NOW): StatusState {
  return { ...EMPTY_STATE, snapshot: normaliseSummary(SummarySchema.parse(summary)), confirmedAt: at, checkedAt: at };
}
const headline = (state: StatusState, now = NOW) =>
  headlineFor(state, state.snapshot ? assess(state.snapshot, DEFAULT_PREFS) : null, DEFAULT_PREFS, now);
const technical = /Failed to fetch|HTTP \d{3}|NetworkError|TypeError|AbortError/;

describe('the first minute: before any answer, and when none can be had', () => {
  it('just installed, nothing asked yet: says what it is waiting for', () => {
    const h = headline(EMPTY_STATE);
    expect(h.title).toBe('Checking status…');
    expect(h.lines).toEqual(['Waiting for the first answer from status.claude.com. This takes a few seconds.']);
    expect(h.tone).toBe('unknown');
  });

  it.each<[ProblemKind, string, RegExp, string]>([
    ['network', 'Failed to fetch', /^Can't reach the status page right now\.$/, 'keeps trying on its own'],
    ['offline', '', /^You're offline\.$/, 'as soon as your connection is back'],
    ['blocked', 'HTTP 405', /^The status page turned the request away\.$/, 'status.claude.com in a tab still works'],
    ['http', 'HTTP 500', /^The status page is having trouble \(server error\)\.$/, 'nothing for you to do'],
    ['timeout', 'Timed out after 10 s', /^The status page isn't answering\.$/, 'nothing for you to do'],
    ['invalid', 'Unexpected token <', /^The status page sent something Claude Status can't read\.$/, 'nothing for you to do'],
  ])('nothing ever known, %s (%j): "Status unknown", then plain words and what happens next', (kind, detail, summary, advice) => {
    const h = headline({ ...EMPTY_STATE, checkedAt: NOW, problem: { kind, detail } });
    expect(h.title).toBe('Status unknown');
    expect(h.lines[0]).toMatch(summary);
    expect(h.lines[1]).toContain(advice);
    // The technical detail is not the answer: the popup shows it apart, small, as "Technical detail".
    for (const line of [h.title, ...h.lines]) expect(line).not.toMatch(technical);
  });

  it('last known data with a failing page: "(last known)", why, how old, and the old answer after', () => {
    const old = live(loadFixture(SUMMARY_OPERATIONAL), NOW - 10 * 60_000);
    const h = headline({ ...old, checkedAt: NOW, problem: { kind: 'blocked', detail: 'HTTP 405' } });
    expect(h.title).toBe('All systems operational (last known)');
    expect(h.lines[0]).toBe('The status page turned the request away.');
    expect(h.lines).toContain('Last confirmed 10 min. ago; what follows may be out of date.');
    expect(h.tone).toBe('unknown');
  });

  it('stale without an error (the computer slept): says so, and never calls it live', () => {
    const old = live(loadFixture(SUMMARY_OPERATIONAL), NOW - STALE_AFTER_MS - 60_000);
    const h = headline(old);
    expect(h.title).toMatch(/\(last known\)$/);
    expect(h.lines[0]).toMatch(/computer may have been asleep/);
  });
});

describe('during incidents: the answer first', () => {
  it('the real "multiple models" incident: level and models, then since when, then the latest update', () => {
    const h = headline(live(loadFixture(SUMMARY_MULTIPLE_MODELS)));
    expect(h.title).toBe('Major incident: Mythos 5.1, Fable 5.1, Opus 5, and other models');
    // The incident's name is the page's text: isolated (FSI … PDI) for bidirectional text.
    expect(h.lines[0]).toMatch(/^\u2068Elevated errors for multiple models\u2069 · Investigating · since \d+:\d\d [AP]M \(\d+ min\)$/);
    expect(h.lines[1]).toMatch(/^Latest, \d+ min\. ago: .*We are investigating elevated errors/);
  });

  it('incidents are ordered by severity, then the newest: a minor one never sits above a major', () => {
    // The real Console incident (major) and the real Haiku 4.5 one (minor), opened later.
    const summary = syntheticSummaryWithIncident('db1mh1r2zrn5', 'investigating', 'minor');
    summary.incidents = [...summary.incidents, ...loadFixture(SUMMARY_CONSOLE).incidents];
    const a = assess(normaliseSummary(SummarySchema.parse(summary)), DEFAULT_PREFS);
    const levels = [...a.incidents].sort(incidentOrder).map((i) => i.level);
    expect(levels).toEqual(
      [...levels].sort((x, y) => ['critical', 'major', 'minor'].indexOf(x) - ['critical', 'major', 'minor'].indexOf(y)),
    );
    expect(levels[0]).toBe('major');
  });
});
