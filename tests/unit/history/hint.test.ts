import { describe, expect, it } from 'vitest';
import { EMPTY_ARCHIVE, archiveIncidents } from '../../../lib/history/archive';
import { HINT_MIN_NAMED, HINT_MIN_NAMED_ANY, historyHint } from '../../../lib/history/hint';
import { buildHistory } from '../../../lib/history/view';
import { IncidentListSchema, type RawIncident } from '../../../lib/statuspage/schema';
import { syntheticNinetyDayIncidents } from '../../fixtures/synthetic-history.mjs';
import { DAY, HOUR, MIN, syntheticIncident } from './helpers';

const NOW = Date.parse('2026-11-02T12:00:00Z');
const iso = (t: number) => new Date(t).toISOString();

/** Synthetic: a resolved incident `title` that started `agoMs` before NOW and lasted `forMs`. */
function incident(id: string, title: string, agoMs: number, forMs = 30 * MIN): RawIncident {
  const start = NOW - agoMs;
  return syntheticIncident({ id, name: title }, [
    { id: `${id}a`, at: iso(start), body: `${title}.` },
    { id: `${id}b`, at: iso(start + forMs), status: 'resolved', body: 'This incident has been resolved.' },
  ]);
}

const archiveOf = (incidents: RawIncident[]) => archiveIncidents(EMPTY_ARCHIVE, incidents, NOW, { complete: true });

describe('the popup’s history hint', () => {
  it('counts what the history page counts: its 7-day “naming it” tally, in any zone, at any moment', () => {
    const raw = IncidentListSchema.parse(syntheticNinetyDayIncidents({ now: NOW })).incidents;
    const archive = archiveOf(raw);
    let compared = 0;
    for (const zone of ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Chatham']) {
      for (const now of [NOW, NOW + 9 * HOUR, NOW + 3 * DAY + 17 * HOUR]) {
        for (const m of buildHistory(archive, now, zone).models) {
          const hint = historyHint(archive, now, zone, [m.key]);
          const expected = m.windows[7].named.incidents;
          expect(hint?.incidents ?? 0, `${m.key} ${zone} ${iso(now)}`).toBe(expected >= HINT_MIN_NAMED ? expected : 0);
          compared += expected >= HINT_MIN_NAMED ? 1 : 0;
        }
      }
    }
    expect(compared).toBeGreaterThan(5); // the fixture has models named twice in a week
  });

  it('a model I follow: twice in the week is worth a line, once is not', () => {
    const twice = archiveOf([
      incident('h1', 'Elevated errors on Claude Haiku 4.5', 2 * DAY),
      incident('h2', 'Elevated errors on Claude Haiku 4.5', 5 * DAY),
    ]);
    expect(historyHint(twice, NOW, 'UTC', ['haiku-4.5'])).toEqual({ key: 'haiku-4.5', incidents: 2 });
    const once = archiveOf([
      incident('h1', 'Elevated errors on Claude Haiku 4.5', 2 * DAY),
      incident('h2', 'Elevated errors on Claude Haiku 4.5', 9 * DAY),
    ]);
    expect(historyHint(once, NOW, 'UTC', ['haiku-4.5'])).toBeNull();
    // Not mine: no line about it, however often.
    expect(historyHint(twice, NOW, 'UTC', ['opus-5'])).toBeNull();
  });

  it('following every model: a line only from three incidents naming one model', () => {
    const names = (n: number) =>
      Array.from({ length: n }, (_, i) => incident(`s${i}`, 'Elevated errors on Claude Sonnet 5', (i + 1) * DAY));
    expect(historyHint(archiveOf(names(HINT_MIN_NAMED_ANY - 1)), NOW, 'UTC', [])).toBeNull();
    expect(historyHint(archiveOf(names(HINT_MIN_NAMED_ANY)), NOW, 'UTC', [])).toEqual({ key: 'sonnet-5', incidents: 3 });
  });

  it('"multiple models" incidents never make a line: they are not about my model', () => {
    const broad = archiveOf(Array.from({ length: 5 }, (_, i) => incident(`b${i}`, 'Elevated errors for multiple models', (i + 1) * DAY)));
    expect(historyHint(broad, NOW, 'UTC', ['haiku-4.5'])).toBeNull();
    expect(historyHint(broad, NOW, 'UTC', [])).toBeNull();
  });

  it('a long incident that began before the week and lasted into it counts; one that ended before it does not', () => {
    const archive = archiveOf([
      incident('l1', 'Degraded performance on Claude Opus 5', 8 * DAY, 2 * DAY), // into the week
      incident('l2', 'Degraded performance on Claude Opus 5', 3 * DAY),
      incident('l3', 'Degraded performance on Claude Opus 5', 12 * DAY, DAY), // over before it
    ]);
    expect(historyHint(archive, NOW, 'UTC', ['opus-5'])).toEqual({ key: 'opus-5', incidents: 2 });
  });

  it('of several of my models, the one with most incidents; on a tie, the one I listed first', () => {
    const archive = archiveOf([
      incident('a1', 'Elevated errors on Claude Haiku 4.5', 1 * DAY),
      incident('a2', 'Elevated errors on Claude Haiku 4.5', 2 * DAY),
      incident('b1', 'Elevated errors on Claude Opus 5', 3 * DAY),
      incident('b2', 'Elevated errors on Claude Opus 5', 4 * DAY),
    ]);
    expect(historyHint(archive, NOW, 'UTC', ['opus-5', 'haiku-4.5'])).toEqual({ key: 'opus-5', incidents: 2 });
    expect(historyHint(archive, NOW, 'UTC', ['haiku-4.5', 'opus-5'])).toEqual({ key: 'haiku-4.5', incidents: 2 });
    const merged = archiveIncidents(archive, [incident('a3', 'Elevated errors on Claude Haiku 4.5', 5 * DAY)], NOW);
    expect(historyHint(merged, NOW, 'UTC', ['opus-5', 'haiku-4.5'])).toEqual({ key: 'haiku-4.5', incidents: 3 });
  });

  it('nothing from an empty archive, from a clock set back before every incident, or from an unknown zone’s oddities', () => {
    expect(historyHint(EMPTY_ARCHIVE, NOW, 'UTC', [])).toBeNull();
    const archive = archiveOf([
      incident('h1', 'Elevated errors on Claude Haiku 4.5', DAY),
      incident('h2', 'Elevated errors on Claude Haiku 4.5', 2 * DAY),
    ]);
    expect(historyHint(archive, NOW - 30 * DAY, 'UTC', ['haiku-4.5'])).toBeNull();
    expect(historyHint(archive, NOW, 'Nowhere/Else', ['haiku-4.5'])).toEqual({ key: 'haiku-4.5', incidents: 2 });
  });

  it('stays cheap on a full archive: 1,000 incidents over three years', () => {
    const many = Array.from({ length: 1000 }, (_, i) => incident(`m${i}`, 'Elevated errors on Claude Sonnet 5', i * DAY + HOUR));
    const archive = archiveIncidents(EMPTY_ARCHIVE, many, NOW, { complete: true });
    expect(archive.incidents).toHaveLength(1000);
    const started = performance.now();
    for (let i = 0; i < 10; i++) expect(historyHint(archive, NOW, 'Europe/Berlin', ['sonnet-5'])?.incidents).toBe(7);
    // Generous: the machine is shared.
    expect((performance.now() - started) / 10).toBeLessThan(100);
  });
});
