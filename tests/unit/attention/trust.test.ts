/**
 * Notifications that are always right (issue "Never calm while my model is down"): a resolution is
 * told once and only when real, a reopened incident is news again, whoever was told hears how it
 * ends, sleep gives one notification per incident, and no stored time from a clock that has since
 * been set back can silence anything for long.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSnoozed, NO_ATTENTION, tomorrowMorning, withSnooze } from '../../../lib/attention/attention';
import {
  CONFIRM_MS,
  type Closing,
  decideNotifications,
  EMPTY_MEMORY,
  HOLD_MS,
  type Note,
  type NotifyMemory,
} from '../../../lib/attention/notify';
import { isolate } from '../../../lib/format';
import { DEFAULT_PREFS, inQuietHours, type Prefs } from '../../../lib/prefs';
import { normaliseSummary } from '../../../lib/statuspage/normalise';
import { SummarySchema } from '../../../lib/statuspage/schema';
import type { Snapshot } from '../../../lib/statuspage/snapshot';
import { INCIDENTS_BACKFILL, loadFixture, SUMMARY_OPERATIONAL } from '../../fixtures';

const operational = loadFixture(SUMMARY_OPERATIONAL);
const backfill = loadFixture(INCIDENTS_BACKFILL).incidents as any[];
const T0 = Date.parse('2026-09-22T10:00:00Z');

/** Synthetic: the real major "multiple models" incident's shape, with the updates given (newest first). */
function summaryWith(incident: any | null): Snapshot {
  return normaliseSummary(SummarySchema.parse({ ...operational, incidents: incident ? [incident] : [] }));
}

function incident(id: string, name: string, impact: string, updates: Array<{ id: string; status: string; body: string; at: number }>) {
  return {
    id,
    name,
    status: updates[0]!.status,
    impact,
    created_at: new Date(updates.at(-1)!.at).toISOString(),
    started_at: new Date(updates.at(-1)!.at).toISOString(),
    components: [],
    incident_updates: updates.map((u) => ({
      id: u.id,
      status: u.status,
      body: u.body,
      created_at: new Date(u.at).toISOString(),
      display_at: new Date(u.at).toISOString(),
      affected_components: null,
    })),
  };
}

interface Poll {
  at: number;
  snapshot: Snapshot;
  closing?: Record<string, Closing>;
}

function run(polls: Poll[], prefs: Partial<Prefs> = {}, memory: NotifyMemory = primed()) {
  const notes: Note[] = [];
  for (const p of polls) {
    const r = decideNotifications(JSON.parse(JSON.stringify(memory)), {
      snapshot: p.snapshot,
      prefs: { ...DEFAULT_PREFS, ...prefs },
      attention: NO_ATTENTION,
      now: p.at,
      ...(p.closing && { closing: p.closing }),
    });
    memory = r.memory;
    notes.push(...r.notes);
  }
  return { notes, memory };
}

function primed(): NotifyMemory {
  return decideNotifications(EMPTY_MEMORY, { snapshot: summaryWith(null), prefs: DEFAULT_PREFS, attention: NO_ATTENTION, now: T0 - 60_000 })
    .memory;
}

const NAME = 'Elevated errors on Claude Opus 5 and Claude Sonnet 5';
const opening = {
  id: 'synthu1',
  status: 'investigating',
  body: 'We are investigating elevated errors on Claude Opus 5 and Claude Sonnet 5.',
  at: T0,
};
const major = (updates = [opening]) => incident('synthinc1', NAME, 'major', updates);

describe('a resolution is told once, and only when real', () => {
  it('an older CDN copy that drops the incident for one poll tells nothing; the real resolution is told once', () => {
    const open = summaryWith(major());
    const gone = summaryWith(null);
    const { notes } = run([
      { at: T0 + 1_000, snapshot: open },
      { at: T0 + 21_000, snapshot: gone }, // an older copy: incidents.json was not reachable
      { at: T0 + 31_000, snapshot: open }, // back: no resolution was told
      { at: T0 + 600_000, snapshot: gone, closing: { synthinc1: { resolved: true } } },
      { at: T0 + 620_000, snapshot: gone },
    ]);
    expect(notes.map((n) => n.id)).toEqual(['cs|synthinc1|synthu1', 'cs|synthinc1|resolved-synthu1']);
  });

  it('without incidents.json, absence on a poll at least CONFIRM_MS later confirms it', () => {
    const { notes } = run([
      { at: T0 + 1_000, snapshot: summaryWith(major()) },
      { at: T0 + 60_000, snapshot: summaryWith(null) },
      { at: T0 + 60_000 + CONFIRM_MS - 1, snapshot: summaryWith(null) },
    ]);
    expect(notes.map((n) => n.id)).toEqual(['cs|synthinc1|synthu1']);
    const later = run([
      { at: T0 + 1_000, snapshot: summaryWith(major()) },
      { at: T0 + 60_000, snapshot: summaryWith(null) },
      { at: T0 + 60_000 + CONFIRM_MS, snapshot: summaryWith(null) },
    ]);
    expect(later.notes.map((n) => n.title)).toEqual([`Major incident: ${isolate(NAME)}`, `Resolved: ${isolate(NAME)}`]);
  });

  it('incidents.json saying it is still open keeps it open', () => {
    const { notes } = run([
      { at: T0 + 1_000, snapshot: summaryWith(major()) },
      { at: T0 + 60_000, snapshot: summaryWith(null), closing: { synthinc1: { resolved: false } } },
    ]);
    expect(notes.map((n) => n.id)).toEqual(['cs|synthinc1|synthu1']);
  });

  it('a reopened incident is announced again, and its second resolution is told', () => {
    const reopen = {
      id: 'synthu3',
      status: 'investigating',
      body: 'We are seeing elevated errors on Claude Opus 5 again.',
      at: T0 + 3_600_000,
    };
    const resolved = { id: 'synthu2', status: 'resolved', body: 'This incident has been resolved.', at: T0 + 600_000 };
    const { notes } = run([
      { at: T0 + 1_000, snapshot: summaryWith(major()) },
      { at: T0 + 600_000, snapshot: summaryWith(null), closing: { synthinc1: { resolved: true } } },
      { at: reopen.at + 1_000, snapshot: summaryWith(major([reopen, resolved, opening])) },
      { at: reopen.at + 600_000, snapshot: summaryWith(null), closing: { synthinc1: { resolved: true } } },
    ]);
    expect(notes.map((n) => n.id)).toEqual([
      'cs|synthinc1|synthu1',
      'cs|synthinc1|resolved-synthu1',
      'cs|synthinc1|synthu3',
      'cs|synthinc1|resolved-synthu3',
    ]);
  });
});

describe('whoever was told an incident concerned them is told how it ends', () => {
  const narrowed = {
    id: 'synthu2',
    status: 'identified',
    body: 'Claude Opus 5 has recovered. We are still seeing elevated errors on Claude Sonnet 5.',
    at: T0 + 300_000,
  };

  it('a user of Opus 5 hears the update that says Opus 5 recovered, and the resolution', () => {
    const { notes } = run(
      [
        { at: T0 + 1_000, snapshot: summaryWith(major()) },
        { at: narrowed.at + 1_000, snapshot: summaryWith(major([narrowed, opening])) },
        { at: T0 + 900_000, snapshot: summaryWith(null), closing: { synthinc1: { resolved: true } } },
      ],
      { myModels: ['opus-5'] },
    );
    expect(notes.map((n) => n.title)).toEqual([
      `Major incident: ${isolate(NAME)}`,
      `Opus 5 working again: ${isolate(NAME)}`,
      `Resolved: ${isolate(NAME)}`,
    ]);
  });

  it('narrowed away without recovery words ("limited to Sonnet 5"): an Opus 5 user still hears the later updates and the end', () => {
    const limited = { id: 'synthu2', status: 'identified', body: 'The issue is limited to Claude Sonnet 5.', at: T0 + 300_000 };
    const fixing = {
      id: 'synthu3',
      status: 'monitoring',
      body: 'A fix has been implemented and we are monitoring the results.',
      at: T0 + 600_000,
    };
    const { notes } = run(
      [
        { at: T0 + 1_000, snapshot: summaryWith(major()) },
        { at: limited.at + 1_000, snapshot: summaryWith(major([limited, opening])) },
        { at: fixing.at + 1_000, snapshot: summaryWith(major([fixing, limited, opening])) },
        { at: T0 + 900_000, snapshot: summaryWith(null), closing: { synthinc1: { resolved: true } } },
      ],
      { myModels: ['opus-5'] },
    );
    const titles = notes.map((n) => n.title);
    expect(titles[0]).toBe(`Major incident: ${isolate(NAME)}`);
    expect(titles.at(-1)).toBe(`Resolved: ${isolate(NAME)}`);
    // Each update after the narrowing reached them: nothing went quiet between "told" and "resolved".
    expect(notes.map((n) => n.id)).toEqual(expect.arrayContaining([`cs|synthinc1|synthu2`, `cs|synthinc1|synthu3`]));
  });

  it('after the recovery update, a further update and the resolution still reach the Opus 5 user', () => {
    const later = { id: 'synthu3', status: 'monitoring', body: 'We are monitoring the fix for Claude Sonnet 5.', at: T0 + 600_000 };
    const { notes } = run(
      [
        { at: T0 + 1_000, snapshot: summaryWith(major()) },
        { at: narrowed.at + 1_000, snapshot: summaryWith(major([narrowed, opening])) },
        { at: later.at + 1_000, snapshot: summaryWith(major([later, narrowed, opening])) },
        { at: T0 + 900_000, snapshot: summaryWith(null), closing: { synthinc1: { resolved: true } } },
      ],
      { myModels: ['opus-5'] },
    );
    expect(notes.map((n) => n.id)).toContain('cs|synthinc1|synthu3');
    expect(notes.at(-1)!.title).toBe(`Resolved: ${isolate(NAME)}`);
  });

  it('a user of Haiku 4.5 (never told) hears nothing about it', () => {
    const { notes } = run(
      [
        { at: T0 + 1_000, snapshot: summaryWith(major()) },
        { at: narrowed.at + 1_000, snapshot: summaryWith(major([narrowed, opening])) },
        { at: T0 + 900_000, snapshot: summaryWith(null), closing: { synthinc1: { resolved: true } } },
      ],
      { myModels: ['haiku-4.5'] },
    );
    expect(notes).toEqual([]);
  });
});

describe('after sleep or a closed browser', () => {
  it('an incident first seen with many updates gives one notification with the latest state', () => {
    const raw = structuredClone(backfill.find((i) => i.id === 'vgz5psbjmt1h'));
    const open = raw.incident_updates.filter((u: any) => u.status !== 'resolved');
    raw.incident_updates = open;
    raw.status = open[0].status;
    const { notes } = run([{ at: Date.parse(open[0].display_at) + 3_600_000, snapshot: summaryWith(raw) }]);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.id).toBe(`cs|vgz5psbjmt1h|${open[0].id}`);
    expect(notes[0]!.message).toContain(`The latest of ${open.length} new updates:`);
  });
});

describe('timers survive clock jumps, sleep and DST', () => {
  // A zone with DST (Berlin: 29 March and 25 October 2026), whatever the machine's own zone is.
  const machineZone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Europe/Berlin';
  });
  afterAll(() => {
    if (machineZone === undefined) delete process.env.TZ;
    else process.env.TZ = machineZone;
  });

  it('a held minor incident whose hold "started" tomorrow (clock set back a day) is told after one hold, not a day', () => {
    const minor = incident('synthmin', 'Elevated errors on Claude Haiku 4.5', 'minor', [
      { id: 'synthm1', status: 'investigating', body: 'We are investigating elevated errors on Claude Haiku 4.5.', at: T0 },
    ]);
    const first = run([{ at: T0 + 86_400_000, snapshot: summaryWith(minor) }]); // the clock was a day ahead
    expect(first.notes).toEqual([]);
    const back = run([{ at: T0 + 1_000, snapshot: summaryWith(minor) }], {}, first.memory); // set back: hold restarts now
    expect(back.notes).toEqual([]);
    const later = run([{ at: T0 + 1_000 + HOLD_MS, snapshot: summaryWith(minor) }], {}, back.memory);
    expect(later.notes.map((n) => n.id)).toEqual(['cs|synthmin|synthm1']);
  });

  it('a snooze set by a clock that has since gone back is over; one longer than any offered is not trusted', () => {
    const snoozed = withSnooze(NO_ATTENTION, T0 + 3_600_000, T0);
    expect(isSnoozed(snoozed, T0 + 60_000)).toBe(true);
    expect(isSnoozed(snoozed, T0 + 3_600_000)).toBe(false);
    expect(isSnoozed(snoozed, T0 - 86_400_000), 'clock set back a day').toBe(false);
    expect(isSnoozed({ muted: [], snoozeUntil: T0 + 7 * 86_400_000 }, T0), 'a week: not a snooze we offer').toBe(false);
  });

  it('"until tomorrow" pressed after midnight means this morning', () => {
    const local = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min).getTime();
    expect(tomorrowMorning(local(2026, 11, 30, 1, 30))).toBe(local(2026, 11, 30, 8));
    expect(tomorrowMorning(local(2026, 11, 30, 5, 59))).toBe(local(2026, 11, 30, 8));
    expect(tomorrowMorning(local(2026, 11, 30, 6, 0))).toBe(local(2026, 12, 1, 8));
    expect(tomorrowMorning(local(2026, 11, 30, 23, 0))).toBe(local(2026, 12, 1, 8));
    // Across a DST change it still lands on 08:00 local: 9 h later in spring, 11 h in autumn.
    expect(new Date(2026, 2, 29, 12).getTimezoneOffset(), 'the zone really changes').not.toBe(
      new Date(2026, 2, 28, 12).getTimezoneOffset(),
    );
    expect(tomorrowMorning(local(2026, 3, 28, 22, 0)) - local(2026, 3, 28, 22, 0)).toBe(9 * 3_600_000);
    expect(tomorrowMorning(local(2026, 10, 24, 22, 0)) - local(2026, 10, 24, 22, 0)).toBe(11 * 3_600_000);
  });

  it('quiet hours follow the local clock, across midnight', () => {
    const quiet = { start: 22 * 60, end: 7 * 60 };
    expect(inQuietHours(quiet, new Date(2026, 2, 29, 23, 30))).toBe(true);
    expect(inQuietHours(quiet, new Date(2026, 2, 29, 6, 59))).toBe(true);
    expect(inQuietHours(quiet, new Date(2026, 2, 29, 7, 0))).toBe(false);
    expect(inQuietHours(quiet, new Date(2026, 2, 29, 12, 0))).toBe(false);
    // The night the clocks go forward (02:00 → 03:00) still ends at 07:00.
    expect(inQuietHours(quiet, new Date(Date.UTC(2026, 2, 29, 4, 59)))).toBe(true); // 06:59 CEST
    expect(inQuietHours(quiet, new Date(Date.UTC(2026, 2, 29, 5, 0)))).toBe(false); // 07:00 CEST
  });
});
