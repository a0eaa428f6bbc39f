import { describe, expect, it } from 'vitest';
import { EMPTY_ARCHIVE, archiveIncidents } from '../../../lib/history/archive';
import { dayLevel } from '../../../lib/history/days';
import { totalMs } from '../../../lib/history/minutes';
import { buildHistory } from '../../../lib/history/view';
import { CAPTURE_NOW, HOUR, MIN, at, realIncident, syntheticIncident } from './helpers';

const S = 1000;
const none = { degraded: 0, partial: 0, major: 0 };

describe('day colour from the worst minutes of the day (the page’s stops at 1175, 2000 and 3600 weighted seconds)', () => {
  it.each([
    [none, 'none'],
    [{ ...none, degraded: 8 * HOUR }, 'degraded'], // the page would draw green
    [{ ...none, major: 1174 * S }, 'minor'],
    [{ ...none, major: 1175 * S }, 'moderate'],
    [{ ...none, partial: 3000 * S }, 'minor'], // 3000 s partial weighs 900 s
    [{ ...none, partial: 6666 * S }, 'moderate'],
    [{ ...none, major: 2000 * S }, 'serious'],
    [{ ...none, partial: 2000 * S, major: 3000 * S }, 'severe'],
    [{ ...none, major: 3600 * S }, 'severe'],
  ] as const)('%o → %s', (ms, level) => {
    expect(dayLevel(ms)).toBe(level);
  });

  it('an uncovered day without minutes claims nothing; one with minutes still shows them', () => {
    expect(dayLevel(none, false)).toBe('no-data');
    expect(dayLevel({ ...none, major: HOUR }, false)).toBe('severe');
  });
});

describe('bucketing into the user’s local days', () => {
  // "Elevated errors for Claude Fable 5" (hdynq1pc0fn8), alone in the archive: Fable 5 partial 2026-08-14 23:57:16.632 →
  // 2026-08-15 00:21:20.192 UTC (1,443,560 ms), then degraded (components fine, still named) to 00:27:36.893 (376,701 ms).
  const archive = archiveIncidents(EMPTY_ARCHIVE, [realIncident('hdynq1pc0fn8')], CAPTURE_NOW, { complete: true });
  const cells = (zone: string) =>
    Object.fromEntries(
      buildHistory(archive, CAPTURE_NOW, zone)
        .models.find((m) => m.key === 'fable-5')!
        .days.filter((d) => totalMs(d.ms) > 0)
        .map((d) => [d.key, d.ms]),
    );

  it('UTC splits it at midnight', () => {
    // 23:57:16.632 → 24:00 = 2 min 43.368 s; the rest on the 15th. (The page's own bar: claude.ai p=164 s and 1,280 s.)
    expect(cells('UTC')).toEqual({
      '2026-08-14': { ...none, partial: 163_368 },
      '2026-08-15': { degraded: 376_701, partial: 1_280_192, major: 0 },
    });
  });

  it.each([
    ['Europe/Berlin', '2026-08-15'], // 01:57 → 02:27 CEST
    ['Asia/Kolkata', '2026-08-15'], // 05:27 → 05:57 IST
    ['Pacific/Auckland', '2026-08-15'], // 11:57 → 12:27 NZST
    ['America/Los_Angeles', '2026-08-14'], // 16:57 → 17:27 PDT
  ])('%s puts it whole on %s', (zone, day) => {
    expect(cells(zone)).toEqual({ [day]: { degraded: 376_701, partial: 1_443_560, major: 0 } });
  });

  it('lists the incident in the tooltip of every day it touched, and only those', () => {
    const utc = buildHistory(archive, CAPTURE_NOW, 'UTC').models.find((m) => m.key === 'fable-5')!;
    expect(utc.days.filter((d) => d.incidents.length).map((d) => [d.key, d.incidents])).toEqual([
      ['2026-08-14', ['hdynq1pc0fn8']],
      ['2026-08-15', ['hdynq1pc0fn8']],
    ]);
  });
});

describe('DST switch days', () => {
  /** Synthetic: Opus 5 in partial outage on the API from `start` to `end` (UTC). */
  const outage = (id: string, start: string, end: string) =>
    syntheticIncident({ id, name: 'Elevated errors on Claude Opus 5', impact: 'major' }, [
      { id: `${id}a`, at: start, body: 'Errors on Claude Opus 5.', components: [['k8w3r06qmzrp', 'operational', 'partial_outage']] },
      { id: `${id}b`, at: end, status: 'resolved', components: [['k8w3r06qmzrp', 'partial_outage', 'operational']] },
    ]);

  it.each([
    // zone, outage (UTC), local day, its length, minutes on it
    ['Europe/Berlin', '2026-10-24T22:30:00Z', '2026-10-25T03:30:00Z', '2026-10-25', 25, 5 * HOUR], // 00:30 CEST → 04:30 CET
    ['Europe/Berlin', '2026-03-28T23:30:00Z', '2026-03-29T02:30:00Z', '2026-03-29', 23, 3 * HOUR], // 00:30 CET → 04:30 CEST
    ['America/Los_Angeles', '2026-11-01T07:30:00Z', '2026-11-01T12:30:00Z', '2026-11-01', 25, 5 * HOUR], // 00:30 PDT → 04:30 PST
    ['Pacific/Auckland', '2026-09-26T12:30:00Z', '2026-09-26T15:30:00Z', '2026-09-27', 23, 3 * HOUR], // 00:30 NZST → 04:30 NZDT
  ])('%s: an outage over the switch (%s → %s) lands whole on %s, a %i-hour day', (zone, start, end, key, hours, ms) => {
    const now = at(end) + 2 * 86_400_000;
    const archive = archiveIncidents(EMPTY_ARCHIVE, [outage('dst1', start, end)], now, { complete: true });
    const history = buildHistory(archive, now, zone);
    const day = history.components.find((c) => c.id === 'k8w3r06qmzrp')!.days.find((d) => d.key === key)!;
    expect((day.end - day.start) / HOUR).toBe(hours);
    expect(day.ms).toEqual({ ...none, partial: ms });
    expect(history.components[0]!.days.filter((d) => d.key !== key).every((d) => totalMs(d.ms) === 0)).toBe(true);
  });

  it('an outage at 01:30 on the night clocks go back counts its real minutes, not wall-clock ones', () => {
    // Los Angeles, 2026-11-01: 01:00–02:00 happens twice. 08:30 UTC (01:30 PDT) → 09:30 UTC (01:30 PST) is one real hour.
    const now = at('2026-11-02T12:00:00Z');
    const archive = archiveIncidents(EMPTY_ARCHIVE, [outage('fold1', '2026-11-01T08:30:00Z', '2026-11-01T09:30:00Z')], now);
    const day = buildHistory(archive, now, 'America/Los_Angeles').components[0]!.days.find((d) => d.key === '2026-11-01')!;
    expect(day.ms.partial).toBe(60 * MIN);
  });
});
