import { describe, expect, it } from 'vitest';
import { formatPercent, isolate } from '../../../lib/format';
import { EMPTY_ARCHIVE, archiveIncidents } from '../../../lib/history/archive';
import type { DayCell, ModelDayCell } from '../../../lib/history/days';
import { noMinutes, recentVsUsual } from '../../../lib/history/minutes';
import {
  archivedModels,
  componentRows,
  dayLabel,
  dayTooltip,
  exportFileName,
  legendItems,
  modelRows,
  severityParts,
  tallyTime,
  trendText,
  uptimeText,
} from '../../../lib/history/present';
import { buildHistory } from '../../../lib/history/view';
import { CAPTURE_NOW, DAY, HOUR, MIN, realArchive, syntheticIncident } from './helpers';

const START = Date.parse('2026-09-03T00:00:00Z'); // a Thursday
const ms = (over: Partial<ReturnType<typeof noMinutes>>) => ({ ...noMinutes(), ...over });
const cell = (over: Partial<DayCell>): DayCell => ({
  key: '2026-09-03',
  start: START,
  end: START + DAY,
  ms: noMinutes(),
  level: 'none',
  incidents: [],
  ...over,
});
const modelCell = (over: Partial<ModelDayCell>): ModelDayCell => ({
  ...cell({}),
  broadMs: noMinutes(),
  broadLevel: 'none',
  broadIncidents: [],
  ...over,
});

describe('a day’s screen-reader name (also its tooltip’s first line and the text beside a focused bar)', () => {
  it('a quiet covered day, and a day before the archive begins', () => {
    expect(dayLabel(cell({}), 'UTC')).toBe('Thu, Sep 3: no incidents');
    expect(dayLabel(cell({ level: 'no-data' }), 'UTC')).toBe('Thu, Sep 3: no data (before the archive begins)');
  });

  it('a surface’s day: the incidents, then the time by severity, worst first', () => {
    const day = cell({ incidents: ['a', 'b'], level: 'moderate', ms: ms({ degraded: 10 * MIN, partial: 45 * MIN }) });
    expect(dayLabel(day, 'UTC')).toBe('Thu, Sep 3: 2 incidents, 45 min partial outage, and 10 min degraded performance');
    expect(dayLabel(cell({ incidents: ['a'], ms: ms({ major: 2 * HOUR + 5 * MIN }) }), 'UTC')).toBe(
      'Thu, Sep 3: 1 incident and 2 hr 5 min major outage',
    );
  });

  it('a model’s day keeps the incidents naming it apart from those about multiple models, each with its own time', () => {
    const day = modelCell({
      incidents: ['n1', 'b1', 'b2'],
      ms: ms({ partial: 45 * MIN }),
      broadIncidents: ['b1', 'b2'],
      broadMs: ms({ degraded: 3 * HOUR }),
      level: 'moderate',
      broadLevel: 'degraded',
    });
    expect(dayLabel(day, 'UTC')).toBe(
      'Thu, Sep 3: 1 incident naming it, 45 min partial outage, and 2 incidents about multiple models (3 hr degraded performance)',
    );
    expect(dayLabel(modelCell({ incidents: ['b1'], broadIncidents: ['b1'] }), 'UTC')).toBe('Thu, Sep 3: 1 incident about multiple models');
  });

  it('the day is the one of the zone asked for, not the machine’s', () => {
    const late = cell({ start: Date.parse('2026-09-03T22:00:00Z') }); // Friday already in Berlin
    expect(dayLabel(late, 'Europe/Berlin')).toMatch(/^Fri, Sep 4:/);
    expect(dayLabel(late, 'America/Los_Angeles')).toMatch(/^Thu, Sep 3:/);
  });

  it('stretches under a minute are left out rather than read as "0 min"', () => {
    expect(severityParts(ms({ degraded: 59_999, major: 60_000 }))).toEqual(['1 min major outage']);
    expect(dayLabel(cell({ incidents: ['a'], ms: ms({ degraded: 30_000 }) }), 'UTC')).toBe('Thu, Sep 3: 1 incident');
  });
});

describe('a day’s tooltip', () => {
  it('one line per incident, names isolated so hostile text cannot turn the line around', () => {
    const names = new Map([
      ['a', { name: '\u202Eevil name', impact: 'major' as const }],
      ['b', { name: 'Errors on Claude Opus 5', impact: 'none' as const }],
    ]);
    const tip = dayTooltip(cell({ incidents: ['a', 'b', 'gone'] }), 'UTC', names).split('\n');
    expect(tip).toEqual([
      'Thu, Sep 3: 3 incidents',
      `• ${isolate('\u202Eevil name')} (Major)`,
      `• ${isolate('Errors on Claude Opus 5')} (No impact)`,
    ]);
  });
});

describe('tallies, trend, uptime, legend, file name', () => {
  it('time: the total, and how much of it was outage', () => {
    expect(tallyTime(noMinutes())).toEqual({ total: '0 min', outage: null });
    expect(tallyTime(ms({ degraded: 2 * HOUR }))).toEqual({ total: '2 hr', outage: null });
    expect(tallyTime(ms({ degraded: HOUR, partial: 20 * MIN, major: 10 * MIN }))).toEqual({
      total: '1 hr 30 min',
      outage: '30 min outage',
    });
    expect(tallyTime(ms({ partial: 50 * MIN, major: 53 * MIN }))).toEqual({ total: '1 hr 43 min', outage: 'all outage' });
  });

  it('right now vs usual, in words, or why there is no verdict', () => {
    expect(trendText(recentVsUsual(9, 12, 90))).toBe('Last 30 days: more incidents than usual (9 against about 4).');
    expect(trendText(recentVsUsual(4, 13, 90))).toBe('Last 30 days: about as many incidents as usual (4 against about 4.3).');
    expect(trendText(recentVsUsual(0, 30, 90))).toBe('Last 30 days: fewer incidents than usual (0 against about 10).');
    expect(trendText(recentVsUsual(3, 3, 56))).toBe('Too little history to say what is usual: that needs 60 covered days (56 so far).');
    expect(trendText(recentVsUsual(0, 0, 1))).toBe('Too little history to say what is usual: that needs 60 covered days (1 so far).');
  });

  it('official uptime as the page prints it: two decimals, cut rather than rounded up', () => {
    expect(uptimeText({ ninety: 99.44, thirty: 100 })).toBe('Status page figure: 99.44% uptime over 90 days, 100% over 30 days.');
    expect(formatPercent(99.999)).toBe('99.99%');
    expect(formatPercent(0.9944)).toBe('0.99%');
  });

  it('the legend names every level, with the page’s colour stops as bounds', () => {
    expect(legendItems().map((i) => `${i.level}: ${i.text}`)).toEqual([
      'none: No incident',
      'degraded: Degraded performance only',
      'minor: Outage under 20 min',
      'moderate: Outage 20 min to 33 min',
      'serious: Outage 33 min to 1 hr',
      'severe: Outage 1 hr or more',
      'no-data: No data',
    ]);
  });

  it('exports are named after the local day', () => {
    const lateUtc = Date.parse('2026-09-03T23:30:00Z');
    expect(exportFileName(lateUtc, 'Europe/Berlin', 'csv')).toBe('claude-status-history-2026-09-04.csv');
    expect(exportFileName(lateUtc, 'America/Los_Angeles', 'json')).toBe('claude-status-history-2026-09-03.json');
  });
});

describe('rows', () => {
  const archive = realArchive();

  it('the models the archive names, newest incident first, each once', () => {
    const keys = archivedModels(archive);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys[0]).toBe(archive.incidents.find((i) => i.models.named.length)!.models.named[0]);
  });

  it('my models first in my order, even with no incident; then those named in the 90 days; the rest on one line', () => {
    const history = buildHistory(archive, CAPTURE_NOW, 'UTC', { models: ['haiku-3', 'sonnet-5', ...archivedModels(archive)] });
    const { rows, quiet } = modelRows(history, ['haiku-3', 'sonnet-5']);
    expect(rows.slice(0, 2).map((m) => m.key)).toEqual(['haiku-3', 'sonnet-5']);
    expect(rows.slice(2).every((m) => m.windows[90].named.incidents > 0)).toBe(true);
    expect(quiet.every((k) => history.models.find((m) => m.key === k)!.windows[90].named.incidents === 0)).toBe(true);
    expect(new Set([...rows.map((m) => m.key), ...quiet])).toEqual(new Set(history.models.map((m) => m.key)));
  });

  it('every surface the summary lists, in its order, a clean bar for one no incident touched, then surfaces no longer listed', () => {
    const history = buildHistory(archive, CAPTURE_NOW, 'UTC');
    const live = [
      { id: 'zzzznewone12', name: 'Claude Brand New', status: 'operational' as const },
      { id: 'rwppv331jlwc', name: 'claude.ai', status: 'operational' as const },
    ];
    const rows = componentRows(history, live);
    expect(rows.slice(0, 2).map((r) => [r.id, r.label])).toEqual([
      ['zzzznewone12', 'Claude Brand New'],
      ['rwppv331jlwc', 'claude.ai'],
    ]);
    const fresh = rows[0]!;
    expect(fresh.windows[90]).toEqual({ incidents: 0, ms: noMinutes(), pageDowntimeMs: 0 });
    // Covered days are clean; days before the archive begins say nothing.
    expect(fresh.days.map((d) => d.level)).toEqual(history.days.map((d) => (d.end > archive.coveredSince! ? 'none' : 'no-data')));
    expect(fresh.recentVsUsual.trend).toBeNull(); // 56 covered days: no verdict, not even for a clean bar
    const others = rows.slice(2);
    expect(others.map((r) => r.id).sort()).toEqual(
      history.components
        .filter((c) => c.id !== 'rwppv331jlwc')
        .map((c) => c.id)
        .sort(),
    );
    expect(others.find((r) => r.id === '0qbwn08sd68x')!.label).toBe('Claude Console'); // the archive's name
  });

  it('a surface with no name anywhere is shown by its id', () => {
    const odd = syntheticIncident({ id: 'odd1', name: 'Something broke' }, [
      { id: 'o1', at: '2026-09-14T10:00:00Z', body: 'Broken.', components: [['abcdefabcdef', 'operational', 'major_outage']] },
      { id: 'o2', at: '2026-09-14T11:00:00Z', status: 'resolved', components: [['abcdefabcdef', 'major_outage', 'operational']] },
    ]);
    const bare = {
      ...odd,
      incident_updates: odd.incident_updates!.map((u) => ({
        ...u,
        affected_components: u.affected_components!.map((c) => ({ ...c, name: '' })),
      })),
    };
    const history = buildHistory(archiveIncidents(EMPTY_ARCHIVE, [bare], CAPTURE_NOW, { complete: true }), CAPTURE_NOW, 'UTC');
    expect(componentRows(history, []).map((r) => r.label)).toEqual(['Surface abcdefabcdef']);
  });
});
