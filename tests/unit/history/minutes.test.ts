import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Archive, type ArchivedIncident, EMPTY_ARCHIVE, archiveIncidents } from '../../../lib/history/archive';
import {
  type RankedSpan,
  componentPieces,
  incidentDuration,
  incidentTimeline,
  minutesIn,
  modelInvolvement,
  modelPieces,
  pageDowntimeMs,
  recentVsUsual,
  timelines,
  unionByRank,
} from '../../../lib/history/minutes';
import { loadFixture } from '../../fixtures';
import { CAPTURE_NOW, DAY, HOUR, MIN, at, realArchive, realIncident, syntheticIncident } from './helpers';

const NAMED = (r: number) => r > 3;
const BROAD = (r: number) => r <= 3;
const EVER = [0, Number.MAX_SAFE_INTEGER] as const;

/** Named and broad minutes of one model over everything in `archive`. */
function modelMs(archive: Archive, key: string, now = CAPTURE_NOW) {
  const pieces = modelPieces(timelines(archive, now), key);
  return { named: minutesIn(pieces, ...EVER, NAMED), broad: minutesIn(pieces, ...EVER, BROAD) };
}
const only = (...ids: string[]) => archiveIncidents(EMPTY_ARCHIVE, ids.map(realIncident), CAPTURE_NOW);
const nothing = { degraded: 0, partial: 0, major: 0 };

describe('hand counts over real incidents', () => {
  it('"Elevated errors for Claude Sonnet 5" (288w7p4hk1l1)', () => {
    // Updates (display_at): investigating 12:37:31.934, claude.ai/API/Code/Cowork → partial_outage, Sonnet 5 named;
    //                       monitoring    12:47:15.690, all four → operational, Sonnet 5 still named;
    //                       resolved      12:56:26.632.
    // Sonnet 5, partial:  12:37:31.934 → 12:47:15.690 =  9 min 43.756 s =   583,756 ms
    //           degraded: 12:47:15.690 → 12:56:26.632 =  9 min 10.942 s =   550,942 ms (named while monitoring, components fine)
    // claude.ai, partial: 12:37:31.934 → 12:47:15.690 =                       583,756 ms, nothing after
    // Duration: started_at 12:37:31.757 → resolved 12:56:26.632 = 18 min 54.875 s = 1,134,875 ms; open 1,134,698 ms.
    const archive = only('288w7p4hk1l1');
    expect(modelMs(archive, 'sonnet-5')).toEqual({ named: { degraded: 550_942, partial: 583_756, major: 0 }, broad: nothing });
    const all = timelines(archive, CAPTURE_NOW);
    expect(minutesIn(componentPieces(all, 'rwppv331jlwc'), ...EVER)).toEqual({ degraded: 0, partial: 583_756, major: 0 });
    expect(incidentDuration(all[0]!, CAPTURE_NOW)).toEqual({
      start: at('2026-09-03T12:37:31.757Z'),
      end: at('2026-09-03T12:56:26.632Z'),
      spanMs: 1_134_875,
      openMs: 1_134_698,
    });
  });

  it('"Degraded performance for Claude Opus 5 and Claude Haiku 4.5" (hkcw95k7r0f4)', () => {
    // identified 09:42:37.541, all four → degraded_performance; monitoring 10:33:56.680 → operational; resolved 11:02:18.264.
    // Opus 5 and Haiku 4.5, degraded: 09:42:37.541 → 11:02:18.264 = 1 h 19 min 40.723 s = 4,780,723 ms.
    // claude.ai, degraded: 09:42:37.541 → 10:33:56.680 = 51 min 19.139 s = 3,079,139 ms; the page's bar counts none of it.
    const archive = only('hkcw95k7r0f4');
    for (const key of ['opus-5', 'haiku-4.5']) expect(modelMs(archive, key).named).toEqual({ degraded: 4_780_723, partial: 0, major: 0 });
    const claudeAi = minutesIn(componentPieces(timelines(archive, CAPTURE_NOW), 'rwppv331jlwc'), ...EVER);
    expect(claudeAi).toEqual({ degraded: 3_079_139, partial: 0, major: 0 });
    expect(pageDowntimeMs(claudeAi)).toBe(0);
  });

  it('"Elevated errors for multiple models" (461yvfrzpwtt): broad first, then named, and a narrowing lasts', () => {
    // Components partial_outage throughout (13:26:04.371 → resolved 16:23:12.052).
    // Scope: 13:26:04.371 "multiple models", naming Mythos 5.1, Fable 5.1, Opus 5 (broad)
    //        13:50:26.915 "exhaustive list": + Mythos 5, Fable 5, Opus 4.8, Opus 4.6 (not broad)
    //        15:25:20.192 "only Opus 4.8 and Opus 5"
    //        16:06:42.637 "fix deployed for Mythos 5.1, Fable 5.1, Opus 5": the title still says "multiple
    //        models", but the scope was bounded by an exhaustive list and a plain list of models does not
    //        widen it again (models/scope.ts), so it stays named, not broad.
    // Opus 4.6: broad  13:26:04.371 → 13:50:26.915 = 24 min 22.544 s = 1,462,544 ms
    //           named  13:50:26.915 → 15:25:20.192 = 1 h 34 min 53.277 s = 5,693,277 ms
    // Opus 5:   named the whole time: 13:26:04.371 → 16:23:12.052 = 2 h 57 min 7.681 s = 10,627,681 ms
    // Sonnet 5: never named, broad in the first stretch only: 1,462,544 ms.
    const archive = only('461yvfrzpwtt');
    expect(modelMs(archive, 'opus-4.6')).toEqual({ named: { ...nothing, partial: 5_693_277 }, broad: { ...nothing, partial: 1_462_544 } });
    expect(modelMs(archive, 'opus-5')).toEqual({ named: { ...nothing, partial: 10_627_681 }, broad: nothing });
    expect(modelMs(archive, 'sonnet-5')).toEqual({ named: nothing, broad: { ...nothing, partial: 1_462_544 } });
    const t = timelines(archive, CAPTURE_NOW)[0]!;
    expect([modelInvolvement(t, 'opus-4.6'), modelInvolvement(t, 'sonnet-5')]).toEqual(['named', 'broad']);
  });

  it('"Elevated errors for Claude Fable 5" (hdynq1pc0fn8) crosses midnight UTC', () => {
    // 23:57:16.632 → claude.ai partial, Fable 5 named; 00:21:20.192 claude.ai → operational; resolved 00:27:36.893.
    // Fable 5 partial 23:57:16.632 → 00:21:20.192 = 24 min 3.560 s = 1,443,560 ms; then degraded to 00:27:36.893 = 376,701 ms.
    expect(modelMs(only('hdynq1pc0fn8'), 'fable-5').named).toEqual({ degraded: 376_701, partial: 1_443_560, major: 0 });
  });

  it('an incident posted already resolved concerned the models it named, for no minutes (1019wwb67615)', () => {
    const archive = only('1019wwb67615');
    const t = timelines(archive, CAPTURE_NOW)[0]!;
    expect(modelInvolvement(t, 'sonnet-4.6')).toBe('named');
    expect(modelInvolvement(t, 'opus-5')).toBeNull();
    expect(modelMs(archive, 'sonnet-4.6').named).toEqual(nothing);
    expect(incidentDuration(t, CAPTURE_NOW)).toMatchObject({ spanMs: 0, openMs: 0 });
  });
});

describe('rules on synthetic variants', () => {
  it('two incidents at once count once, at the worse of the two', () => {
    const twin = { ...realIncident('288w7p4hk1l1'), id: 'twin288' };
    const twice = archiveIncidents(only('288w7p4hk1l1'), [twin], CAPTURE_NOW);
    expect(twice.incidents).toHaveLength(2);
    expect(modelMs(twice, 'sonnet-5')).toEqual(modelMs(only('288w7p4hk1l1'), 'sonnet-5'));

    const worse = syntheticIncident({ id: 'worse1', name: 'Errors on Claude Sonnet 5' }, [
      {
        id: 'w1',
        at: '2026-09-03T12:40:00Z',
        body: 'Errors on Claude Sonnet 5.',
        components: [['k8w3r06qmzrp', 'partial_outage', 'major_outage']],
      },
      { id: 'w2', at: '2026-09-03T12:45:00Z', status: 'resolved', components: [['k8w3r06qmzrp', 'major_outage', 'operational']] },
    ]);
    const both = archiveIncidents(only('288w7p4hk1l1'), [worse], CAPTURE_NOW);
    // 12:40–12:45 is major (5 min) inside the partial stretch: partial loses exactly those 5 minutes.
    expect(modelMs(both, 'sonnet-5').named).toEqual({ degraded: 550_942, partial: 583_756 - 5 * MIN, major: 5 * MIN });
  });

  it('a reopened incident counts again from its reopening, not the quiet gap', () => {
    const raw = realIncident('288w7p4hk1l1');
    const reopen = {
      id: 'reopen1',
      status: 'investigating' as const,
      body: 'Elevated errors on Claude Sonnet 5 again.',
      created_at: '2026-09-03T13:16:26.632Z',
      display_at: '2026-09-03T13:16:26.632Z',
      affected_components: null,
    };
    const close = {
      ...reopen,
      id: 'close2',
      status: 'resolved' as const,
      created_at: '2026-09-03T13:46:26.632Z',
      display_at: '2026-09-03T13:46:26.632Z',
    };
    const archive = archiveIncidents(EMPTY_ARCHIVE, [{ ...raw, incident_updates: [close, reopen, ...raw.incident_updates!] }], CAPTURE_NOW);
    // 1,134,698 ms as before, plus 13:16:26.632 → 13:46:26.632 = 30 min, degraded (no component data after the reopening).
    expect(modelMs(archive, 'sonnet-5').named).toEqual({ degraded: 550_942 + 30 * MIN, partial: 583_756, major: 0 });
    const d = incidentDuration(timelines(archive, CAPTURE_NOW)[0]!, CAPTURE_NOW);
    expect(d).toMatchObject({ start: at('2026-09-03T12:37:31.757Z'), end: at('2026-09-03T13:46:26.632Z'), openMs: 1_134_698 + 30 * MIN });
  });

  it('an incident in a status we do not know stops counting at its last update instead of growing with every view', () => {
    // A status the page may invent one day: the schema reads it as 'unknown'.
    const quantum = 'quantum_flux' as never;
    const odd = syntheticIncident({ id: 'odd1', name: 'Elevated errors on Claude Opus 5', status: quantum }, [
      {
        id: 'q1',
        at: '2026-09-15T10:22:10Z',
        body: 'Errors on Claude Opus 5.',
        components: [['k8w3r06qmzrp', 'operational', 'major_outage']],
      },
      { id: 'q2', at: '2026-09-15T11:22:10Z', status: quantum },
    ]);
    const archive = archiveIncidents(EMPTY_ARCHIVE, [odd], CAPTURE_NOW);
    expect(archive.incidents[0]!.status).toBe('unknown');
    expect(modelMs(archive, 'opus-5', CAPTURE_NOW + 5 * HOUR).named).toEqual({ ...nothing, major: HOUR });
    expect(incidentDuration(timelines(archive, CAPTURE_NOW)[0]!, CAPTURE_NOW)).toMatchObject({
      end: at('2026-09-15T11:22:10Z'),
      spanMs: HOUR,
    });
  });

  it('excluded models count nothing, the rest of a broad incident counts as broad', () => {
    const excluding: ArchivedIncident = {
      id: 'except1',
      name: 'Elevated errors on all models except Opus 5',
      impact: 'major',
      status: 'resolved',
      createdAt: at('2026-09-01T10:00:00Z'),
      startedAt: at('2026-09-01T10:00:00Z'),
      resolvedAt: at('2026-09-01T11:00:00Z'),
      updates: [
        {
          id: 'e1',
          status: 'investigating',
          at: at('2026-09-01T10:00:00Z'),
          components: [],
          scope: { affected: [], broad: true, excluded: ['opus-5'] },
        },
        {
          id: 'e2',
          status: 'resolved',
          at: at('2026-09-01T11:00:00Z'),
          components: [],
          scope: { affected: [], broad: false, excluded: [] },
        },
      ],
      models: { named: ['opus-5'], broad: true },
      summary: '',
    };
    const archive: Archive = { ...EMPTY_ARCHIVE, incidents: [excluding] };
    const t = incidentTimeline(excluding, CAPTURE_NOW);
    expect(modelInvolvement(t, 'opus-5')).toBeNull();
    expect(modelMs(archive, 'opus-5')).toEqual({ named: nothing, broad: nothing });
    // No component data: impact major reads as partial.
    expect(modelMs(archive, 'haiku-4.5')).toEqual({ named: nothing, broad: { ...nothing, partial: HOUR } });
  });

  it('an open incident counts up to now; a clock set back before it counts nothing and nothing negative', () => {
    const open = syntheticIncident({ id: 'open1', name: 'Elevated errors on Claude Opus 5', status: 'investigating' }, [
      {
        id: 'o1',
        at: '2026-09-15T11:22:10Z',
        body: 'Errors on Claude Opus 5.',
        components: [['k8w3r06qmzrp', 'operational', 'major_outage']],
      },
    ]);
    const archive = archiveIncidents(EMPTY_ARCHIVE, [open], CAPTURE_NOW);
    expect(modelMs(archive, 'opus-5').named).toEqual({ ...nothing, major: HOUR });
    expect(modelMs(archive, 'opus-5', CAPTURE_NOW + 30 * MIN).named).toEqual({ ...nothing, major: HOUR + 30 * MIN });
    const before = modelMs(archive, 'opus-5', CAPTURE_NOW - 2 * HOUR);
    expect(before.named).toEqual(nothing);
    const d = incidentDuration(timelines(archive, CAPTURE_NOW - 2 * HOUR)[0]!, CAPTURE_NOW - 2 * HOUR);
    expect(d.spanMs).toBeGreaterThanOrEqual(0);
    expect(d.openMs).toBeGreaterThanOrEqual(0);
  });
});

describe('component minutes against the status page’s own bars', () => {
  // The page's 90-day bars as it served them on 2026-08-22 (tests/fixtures/statuspage/claude-uptime-inline-2026-08-22.json):
  // per component and UTC day, seconds of partial (p) and major (m) outage. Days 2026-07-23 → 2026-08-21 are fully
  // covered by the incidents capture (its oldest incident started 2026-07-22).
  const page = loadFixture<Record<string, { days: Array<{ date: string; outages: { p?: number; m?: number } }> }>>(
    'claude-uptime-inline-2026-08-22.json',
  );
  const all = timelines(realArchive(), CAPTURE_NOW);

  it('reproduces the page’s partial and major seconds on every day but two the page edited afterwards', () => {
    const differences: string[] = [];
    let compared = 0;
    for (const [id, { days }] of Object.entries(page)) {
      const pieces = componentPieces(all, id);
      for (const { date, outages } of days.filter((d) => d.date >= '2026-07-23' && d.date <= '2026-08-21')) {
        const from = at(`${date}T00:00:00Z`);
        const ours = minutesIn(pieces, from, from + DAY);
        const [p, m] = [Math.round(ours.partial / 1000), Math.round(ours.major / 1000)];
        compared += 1;
        if (Math.abs(p - (outages.p ?? 0)) > 2 || Math.abs(m - (outages.m ?? 0)) > 2) differences.push(`${id} ${date}`);
      }
    }
    expect(compared).toBe(6 * 30);
    // The page's component history for these two days was edited after the fact: on 2026-08-13 it shows 12,315 s of
    // partial outage for claude.ai and 6,300 s for the others, while j160kkjmm2n1's transitions give 5,690 s; on
    // 2026-08-14 it shows 1,440 s for the API where 005ym4vzrq2w's transitions give 5,256 s.
    expect(differences).toEqual([
      'rwppv331jlwc 2026-08-13',
      'k8w3r06qmzrp 2026-08-13',
      'k8w3r06qmzrp 2026-08-14',
      'yyzkbfz2thpt 2026-08-13',
      'yyzkbfz2thpt 2026-08-14',
      'bpp5gb3hpjcl 2026-08-13',
      'bpp5gb3hpjcl 2026-08-14',
    ]);
  });
});

describe('union of spans', () => {
  it('is disjoint, sorted, and as long as the brute-force union, each piece at the highest rank over it', () => {
    const span = fc.record({
      start: fc.integer({ min: 0, max: 60 }),
      length: fc.integer({ min: 0, max: 30 }),
      rank: fc.integer({ min: 1, max: 6 }),
    });
    fc.assert(
      fc.property(fc.array(span, { maxLength: 12 }), (raw) => {
        const spans: RankedSpan[] = raw.map((s) => ({ start: s.start, end: s.start + s.length, rank: s.rank }));
        const pieces = unionByRank(spans);
        const ordered = pieces.every((p, i) => p.end > p.start && (i === 0 || p.start >= pieces[i - 1]!.end));
        const wrong = Array.from({ length: 95 }, (_, t) => t).filter((t) => {
          const top = Math.max(0, ...spans.filter((s) => s.start <= t && t < s.end).map((s) => s.rank));
          return (pieces.find((p) => p.start <= t && t < p.end)?.rank ?? 0) !== top;
        });
        return ordered && wrong.length === 0;
      }),
      { seed: 20_261_130, numRuns: 300 },
    );
  });
});

describe('right now vs usual', () => {
  it.each([
    // last 30, count over 90, covered days → usual per 30 days, trend
    [3, 9, 90, 3, 'usual'],
    [6, 9, 90, 3, 'more'], // 6 ≥ 3 + max(2, 1.5)
    [4, 9, 90, 3, 'usual'],
    [5, 9, 90, 3, 'more'], // the margin is reached exactly
    [0, 12, 90, 4, 'fewer'], // 0 ≤ 4 − 2
    [10, 30, 90, 10, 'usual'], // needs 15 for "more"
    [16, 30, 90, 10, 'more'],
    [4, 8, 60, 4, 'usual'], // 60 covered days: 8 × 30 / 60
  ] as const)('%i in 30 days against %i in 90 (%i days covered): usual %d, %s', (last30, count90, covered, usual, trend) => {
    expect(recentVsUsual(last30, count90, covered)).toEqual({ last30, usual30: usual, coveredDays: covered, trend });
  });

  it('says nothing with less than 60 days of history', () => {
    expect(recentVsUsual(5, 5, 59)).toEqual({ last30: 5, usual30: null, coveredDays: 59, trend: null });
  });
});
