import { describe, expect, it } from 'vitest';
import { EMPTY_ARCHIVE, archiveIncidents } from '../../../lib/history/archive';
import { SEVERITIES, type SeverityMs, totalMs } from '../../../lib/history/minutes';
import { WINDOWS, buildHistory } from '../../../lib/history/view';
import { syntheticNinetyDayIncidents } from '../../fixtures/synthetic-history.mjs';
import { IncidentListSchema } from '../../../lib/statuspage/schema';
import { CAPTURE_NOW, DAY, at, realArchive } from './helpers';

const none = { degraded: 0, partial: 0, major: 0 };
const sum = (cells: SeverityMs[]) => Object.fromEntries(SEVERITIES.map((s) => [s, cells.reduce((n, c) => n + c[s], 0)]));

describe('the history of the fixture window, against a hand count', () => {
  // At the capture (2026-09-15 12:22:10 UTC), in UTC: the last 30 days are 2026-08-17 00:00 → now.
  const history = buildHistory(realArchive(), CAPTURE_NOW, 'UTC');
  const sonnet = history.models.find((m) => m.key === 'sonnet-5')!;

  it('Sonnet 5, last 30 days: 4 incidents naming it, 3 broad ones, and their minutes', () => {
    // Named (the scope after some update listed Sonnet 5 as affected):
    //   zhk4v3yv1lsf 08-17 "Degraded performance for Claude Opus 5, Claude Sonnet 5": named from 13:56:41.229 to the
    //     resolution 15:29:25.545 (1 h 32 min 44.316 s), components degraded then operational → 5,564,316 ms degraded
    //   q7txxvbsftgq 08-18 "Degraded performance for multiple models": named only in its second update's scope,
    //     16:20:49.566 → 17:12:22.723 (51 min 33.157 s), degraded → 3,093,157 ms degraded
    //   ls6bn1x81m0w 09-02: 21:17:58.807 → 21:44:28.095, partial → 1,589,288 ms partial
    //   288w7p4hk1l1 09-03: 583,756 ms partial + 550,942 ms degraded (see minutes.test.ts)
    //   → degraded 5,564,316 + 3,093,157 + 550,942 = 9,208,415 ms; partial 1,589,288 + 583,756 = 2,173,044 ms.
    // Broad (spoke of models broadly, never named Sonnet 5):
    //   c0ncxxm2wd9r 08-20: 19:16:25.070 → 19:42:38.692, partial → 1,573,622 ms
    //   vgz5psbjmt1h 08-24: 05:06:39.640 → 08:30:47.615, partial → 12,247,975 ms
    //   461yvfrzpwtt 09-03: one broad stretch before its exhaustive list bounded it, partial → 1,462,544 ms
    //   and q7txxvbsftgq's broad stretches (16:20:22.385 → 16:20:49.566 and 17:12:22.723 → 19:01:45.447), degraded →
    //     27,181 + 6,562,724 = 6,589,905 ms; that incident counts as named, not broad, since it once named Sonnet 5.
    //   → partial 1,573,622 + 12,247,975 + 1,462,544 = 15,284,141 ms; degraded 6,589,905 ms.
    expect(sonnet.windows[30]).toEqual({
      named: { incidents: 4, ms: { degraded: 9_208_415, partial: 2_173_044, major: 0 } },
      broad: { incidents: 3, ms: { degraded: 6_589_905, partial: 15_284_141, major: 0 } },
    });
    expect(sonnet.incidents.slice(0, 7)).toEqual([
      { id: '461yvfrzpwtt', how: 'broad' },
      { id: '288w7p4hk1l1', how: 'named' },
      { id: 'ls6bn1x81m0w', how: 'named' },
      { id: 'vgz5psbjmt1h', how: 'broad' },
      { id: 'c0ncxxm2wd9r', how: 'broad' },
      { id: 'q7txxvbsftgq', how: 'named' },
      { id: 'zhk4v3yv1lsf', how: 'named' },
    ]);
  });

  it('Sonnet 5, last 7 days (09-09 → now): nothing', () => {
    expect(sonnet.windows[7]).toEqual({ named: { incidents: 0, ms: none }, broad: { incidents: 0, ms: none } });
  });

  it('the broad row, last 30 days: the four broad incidents, union of their broad stretches', () => {
    // The three above (partial, 15,284,141 ms) plus q7txxvbsftgq, whose scope was broad from 16:20:22.385 to
    // 19:01:45.447 all along, also while it named models: 2 h 41 min 23.062 s = 9,683,062 ms degraded.
    expect(history.broad.windows[30]).toEqual({ incidents: 4, ms: { degraded: 9_683_062, partial: 15_284_141, major: 0 } });
  });

  it('says no trend while the archive covers under 60 of the 90 days (the capture reaches back to 07-22)', () => {
    expect(history.coveredDays).toBe(56);
    expect(sonnet.recentVsUsual).toEqual({ last30: 4, usual30: null, coveredDays: 56, trend: null });
    const uncovered = sonnet.days.filter((d) => d.level === 'no-data').map((d) => d.key);
    expect([uncovered[0], uncovered.at(-1)]).toEqual(['2026-06-18', '2026-07-21']);
  });

  it('lists incidents newest first with their duration and link', () => {
    expect(history.incidents).toHaveLength(50);
    const sonnetRow = history.incidents.find((r) => r.id === '288w7p4hk1l1')!;
    expect(sonnetRow).toMatchObject({
      name: 'Elevated errors for Claude Sonnet 5',
      impact: 'major',
      url: 'https://status.claude.com/incidents/288w7p4hk1l1',
      spanMs: 1_134_875,
      models: ['sonnet-5'],
      broad: false,
      components: ['rwppv331jlwc', 'k8w3r06qmzrp', 'yyzkbfz2thpt', 'bpp5gb3hpjcl'],
    });
    const starts = history.incidents.map((r) => r.start);
    expect(starts).toEqual([...starts].sort((a, b) => b - a));
  });

  it('names components from the archive and counts the Console (0qbwn08sd68x) only when it was touched', () => {
    const consoleRow = history.components.find((c) => c.id === '0qbwn08sd68x')!;
    expect(consoleRow.name).toBe('Claude Console');
    expect(consoleRow.windows[30].incidents).toBeLessThan(history.components.find((c) => c.id === 'rwppv331jlwc')!.windows[30].incidents);
  });

  it('shows a model the user chose even if no incident named it: with its broad incidents', () => {
    const mine = buildHistory(realArchive(), CAPTURE_NOW, 'UTC', { models: ['haiku-3'] }).models.find((m) => m.key === 'haiku-3')!;
    expect(mine.windows[30].named.incidents).toBe(0);
    expect(mine.windows[30].broad.incidents).toBe(4);
  });
});

describe('consistency', () => {
  const archive = realArchive();

  it.each(['UTC', 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Kolkata', 'Pacific/Auckland'])(
    '%s: each window total is the sum of its last days on the bar',
    (zone) => {
      const history = buildHistory(archive, CAPTURE_NOW, zone);
      for (const n of WINDOWS) {
        for (const m of history.models) {
          expect(sum(m.days.slice(-n).map((d) => d.ms))).toEqual(m.windows[n].named.ms);
          expect(sum(m.days.slice(-n).map((d) => d.broadMs))).toEqual(m.windows[n].broad.ms);
        }
        for (const c of history.components) expect(sum(c.days.slice(-n).map((d) => d.ms))).toEqual(c.windows[n].ms);
        expect(sum(history.broad.days.slice(-n).map((d) => d.ms))).toEqual(history.broad.windows[n].ms);
      }
    },
  );

  it('the 90-day totals do not depend on the time zone far from the window edges', () => {
    const later = CAPTURE_NOW + 2 * DAY; // every incident well inside the window in every zone
    const totals = ['UTC', 'Pacific/Auckland', 'America/Los_Angeles'].map((z) =>
      buildHistory(archive, later, z).models.map((m) => [m.key, totalMs(m.windows[90].named.ms)]),
    );
    expect(totals[1]).toEqual(totals[0]);
    expect(totals[2]).toEqual(totals[0]);
  });

  it('a clock set back before every incident shows an empty history, nothing negative', () => {
    const history = buildHistory(archive, at('2026-01-01T00:00:00Z'), 'Europe/Berlin');
    expect(history.incidents).toEqual([]);
    expect(history.models).toEqual([]);
    expect(history.components).toEqual([]);
  });

  it('an unknown time zone reads as UTC', () => {
    expect(buildHistory(archive, CAPTURE_NOW, 'Nowhere/Else').timeZone).toBe('UTC');
  });
});

describe('a full 90-day synthetic archive', () => {
  const now = at('2026-11-02T12:00:00Z'); // the 90 days include Berlin's and Los Angeles' autumn DST switches
  const raw = IncidentListSchema.parse(syntheticNinetyDayIncidents({ now })).incidents;
  const archive = archiveIncidents(EMPTY_ARCHIVE, raw, now, { complete: true });

  it('covers the 90 days and gives every model a verdict against its usual rate', () => {
    const history = buildHistory(archive, now, 'Europe/Berlin');
    expect(history.coveredDays).toBe(90);
    expect(history.days.filter((d) => d.end - d.start === 25 * 3_600_000).map((d) => d.key)).toEqual(['2026-10-25']);
    for (const m of history.models) {
      expect(m.recentVsUsual.usual30).not.toBeNull();
      expect(m.recentVsUsual.trend).not.toBeNull();
      expect(m.days.every((d) => d.level !== 'no-data')).toBe(true);
    }
    const all = [
      ...history.models.flatMap((m) => m.days.flatMap((d) => [d.ms, d.broadMs])),
      ...history.components.flatMap((c) => c.days.map((d) => d.ms)),
    ];
    expect(all.every((ms) => SEVERITIES.every((s) => ms[s] >= 0 && ms[s] <= 25 * 3_600_000))).toBe(true);
  });
});
