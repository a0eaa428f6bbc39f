import { describe, expect, it } from 'vitest';
import { NO_ATTENTION, type Attention } from '../../../lib/attention/attention';
import {
  CONFIRM_MS,
  type Closing,
  EMPTY_MEMORY,
  HOLD_MS,
  MAINTENANCE_LEAD_MS,
  decideNotifications,
  firstSentence,
  noteUrl,
  type Note,
  type NotifyMemory,
} from '../../../lib/attention/notify';
import { isolate } from '../../../lib/format';
import { DEFAULT_PREFS, type Prefs } from '../../../lib/prefs';
import { SummarySchema } from '../../../lib/statuspage/schema';
import { normaliseIncident, normaliseSummary } from '../../../lib/statuspage/normalise';
import type { Snapshot } from '../../../lib/statuspage/snapshot';
import { POLL_PERIOD_MS } from '../../../lib/statuspage/state';
import { INCIDENTS_BACKFILL, MAINTENANCES, SUMMARY_MULTIPLE_MODELS, SUMMARY_OPERATIONAL, loadFixture } from '../../fixtures';

const backfill = loadFixture(INCIDENTS_BACKFILL).incidents as any[];
const operational = loadFixture(SUMMARY_OPERATIONAL);

interface Step {
  at: number;
  snapshot: Snapshot;
  closing: Record<string, Closing | undefined>;
}

/** Each distinct summary is parsed once: replays differ only in time and memory. */
const parsed = new Map<unknown, Snapshot>();
function snapshotOf(summary: unknown): Snapshot {
  let snap = parsed.get(summary);
  if (!snap) parsed.set(summary, (snap = normaliseSummary(SummarySchema.parse(summary))));
  return snap;
}

/**
 * One real incident as the extension would have seen it: when each update is published, the
 * summary shows the incident with the updates so far (or no incident once resolved, with
 * incidents.json confirming it). Between updates the extension polls every 20 s; the replay samples
 * the polls that can change anything: the first after an update, the first after the anti-flap
 * hold, and the last before the next update.
 */
function timeline(raw: any, { confirmByIncidentsJson = true } = {}): Step[] {
  const updates = [...raw.incident_updates].sort((a, b) => Date.parse(a.display_at) - Date.parse(b.display_at));
  const steps: Step[] = [];
  updates.forEach((u, k) => {
    const at = Date.parse(u.display_at);
    const done = u.status === 'resolved' || u.status === 'postmortem';
    const incident = { ...raw, status: u.status, incident_updates: updates.slice(0, k + 1).reverse() };
    const summary = { ...operational, incidents: done ? [] : [incident] };
    const update = normaliseIncident(incident).updates[0];
    const closing = done && confirmByIncidentsJson ? { [raw.id]: { resolved: true, update } } : {};
    const snapshot = snapshotOf(summary);
    steps.push({ at, snapshot, closing });
    const next = updates[k + 1] ? Date.parse(updates[k + 1].display_at) : at + 5 * 60_000;
    const idle = new Set([at + POLL_PERIOD_MS, at + HOLD_MS + POLL_PERIOD_MS, at + CONFIRM_MS + POLL_PERIOD_MS, next - POLL_PERIOD_MS]);
    for (const t of [...idle].sort((x, y) => x - y)) if (t > at && t < next) steps.push({ at: t, snapshot, closing });
  });
  return steps;
}

function replay(steps: Step[], memory: NotifyMemory, prefs: Prefs = DEFAULT_PREFS, attention: Attention = NO_ATTENTION) {
  const notes: Note[] = [];
  for (const step of steps) {
    // Through JSON, as storage would: nothing survives that storage would not keep.
    const result = decideNotifications(JSON.parse(JSON.stringify(memory)), {
      snapshot: step.snapshot,
      prefs,
      attention,
      now: step.at,
      closing: step.closing,
    });
    memory = result.memory;
    notes.push(...result.notes);
  }
  return { notes, memory };
}

/** Primed on an operational page, as after install on a calm day. */
function primed(): NotifyMemory {
  return decideNotifications(EMPTY_MEMORY, {
    snapshot: normaliseSummary(SummarySchema.parse(operational)),
    prefs: DEFAULT_PREFS,
    attention: NO_ATTENTION,
    now: 0,
  }).memory;
}

/** Incidents that were open at some point (not posted after the fact as already resolved). */
const seenOpen = backfill.filter((i) => {
  const first = [...i.incident_updates].sort((a: any, b: any) => Date.parse(a.display_at) - Date.parse(b.display_at))[0];
  return first.status !== 'resolved';
});

function heldBlip(raw: any): boolean {
  const times = raw.incident_updates.map((u: any) => Date.parse(u.display_at));
  return raw.impact !== 'major' && raw.impact !== 'critical' && Math.max(...times) - Math.min(...times) < HOLD_MS;
}

describe('notifications over every real incident, replayed update by update', () => {
  it('has real timelines to replay', () => expect(seenOpen.length).toBeGreaterThan(40));

  it.each(seenOpen.map((i) => [i.id, i.name, i]))('%s %s: one notification per update, resolution included', (_id, _name, raw) => {
    const { notes } = replay(timeline(raw), primed());
    const ids = notes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    if (heldBlip(raw)) {
      expect(notes.map((n) => n.title)).toEqual([`Opened and resolved: ${isolate(raw.name)}`]);
      return;
    }
    const at = (u: any) => Date.parse(u.display_at);
    const ordered = [...raw.incident_updates].sort((a: any, b: any) => at(a) - at(b));
    const open = ordered.filter((u: any) => u.status !== 'resolved' && u.status !== 'postmortem');
    // A minor incident waits out the anti-flap hold; what was posted meanwhile is told once, as its
    // latest state. Every update after that is told on its own, then exactly one resolution.
    const minor = raw.impact !== 'major' && raw.impact !== 'critical';
    const holdEnds = minor ? at(open[0]) + HOLD_MS + POLL_PERIOD_MS : at(open[0]);
    const duringHold = open.filter((u: any) => at(u) <= holdEnds);
    const expected = [
      `cs|${raw.id}|${duringHold.at(-1).id}`,
      ...open.filter((u: any) => at(u) > holdEnds).map((u: any) => `cs|${raw.id}|${u.id}`),
      `cs|${raw.id}|resolved-${open.at(-1).id}`,
    ];
    expect([...ids].sort()).toEqual([...expected].sort());
    for (const n of notes) expect(n.url).toBe(`https://status.claude.com/incidents/${raw.id}`);
  });

  it('replaying the same timelines after a restart notifies nothing again', () => {
    for (const raw of seenOpen) {
      const steps = timeline(raw);
      const first = replay(steps, primed());
      expect(replay(steps, first.memory).notes, raw.id).toEqual([]);
    }
  });

  it('a restart in the middle of an incident neither repeats nor loses a notification', () => {
    for (const raw of seenOpen.slice(0, 20)) {
      const steps = timeline(raw);
      const straight = replay(steps, primed()).notes.map((n) => n.id);
      const cut = Math.floor(steps.length / 2);
      const before = replay(steps.slice(0, cut), primed());
      const after = replay(steps.slice(cut), JSON.parse(JSON.stringify(before.memory)));
      expect(
        [...before.notes, ...after.notes].map((n) => n.id),
        raw.id,
      ).toEqual(straight);
    }
  });
});

describe('what is told, and what is not', () => {
  const multiple = () => normaliseSummary(SummarySchema.parse(loadFixture(SUMMARY_MULTIPLE_MODELS)));
  const run = (
    memory: NotifyMemory,
    prefs: Partial<Prefs> = {},
    attention: Attention = NO_ATTENTION,
    now = Date.parse('2026-09-22T01:00:00Z'),
  ) => decideNotifications(memory, { snapshot: multiple(), prefs: { ...DEFAULT_PREFS, ...prefs }, attention, now });

  it('first run: an incident already open is a baseline, not news', () => {
    const first = run(EMPTY_MEMORY);
    expect(first.notes).toEqual([]);
    expect(first.memory.primed).toBe(true);
    expect(run(first.memory).notes).toEqual([]);
  });

  it('a new major incident is told at once, with its models and first sentence', () => {
    const { notes } = run(primed());
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      id: 'cs|7g1qpkyz5gxh|wc6fvw33hdr3',
      title: `Major incident: ${isolate('Elevated errors for multiple models')}`,
      url: 'https://status.claude.com/incidents/7g1qpkyz5gxh',
    });
    expect(notes[0]!.message).toBe(
      `Investigating · Mythos 5.1, Fable 5.1, Opus 5, and other models\n${isolate('We are investigating elevated errors on requests to Claude Mythos 5.1, Claude Fable 5.1, and Claude Opus 5.')}`,
    );
  });

  it.each<[string, Partial<Prefs>, Attention]>([
    ['notifications off', { notify: false }, NO_ATTENTION],
    ['only critical', { notifyMinLevel: 'critical' }, NO_ATTENTION],
    ['muted incident', {}, { muted: ['7g1qpkyz5gxh'], snoozeUntil: null }],
    ['snoozed', {}, { muted: [], snoozeUntil: Date.parse('2026-09-22T02:00:00Z') }],
    ['quiet hours', { quietHours: { start: 0, end: 24 * 60 - 1 } }, NO_ATTENTION],
  ])('%s: nothing, and nothing later for the same update', (_what, prefs, attention) => {
    const silenced = run(primed(), prefs, attention);
    expect(silenced.notes).toEqual([]);
    expect(run(silenced.memory).notes).toEqual([]);
  });

  it('"multiple models" counts even for a user of another model', () => {
    expect(run(primed(), { myModels: ['sonnet-4.6'] }).notes).toHaveLength(1);
  });

  it('a single-model incident about another model is not told', () => {
    const raw = backfill.find((i) => i.id === 'db1mh1r2zrn5');
    const { notes } = replay(timeline(raw), primed(), { ...DEFAULT_PREFS, myModels: ['opus-5'] });
    expect(notes).toEqual([]);
  });

  it('anti-flap: a minor blip gives one notification; a major one is never held', () => {
    const raw = structuredClone(backfill.find((i) => i.id === 'db1mh1r2zrn5'));
    const t0 = Date.parse(raw.incident_updates.at(-1).display_at);
    // Synthetic: the real opening update, then a resolution 40 s later.
    const opening = raw.incident_updates.at(-1);
    raw.incident_updates = [
      {
        ...opening,
        id: 'synthres1',
        status: 'resolved',
        display_at: new Date(t0 + 40_000).toISOString(),
        body: 'This incident has been resolved.',
      },
      opening,
    ];
    expect(replay(timeline(raw), primed()).notes.map((n) => n.title)).toEqual([
      `Opened and resolved: ${isolate('Elevated errors on Haiku 4.5')}`,
    ]);
    const blip = replay(timeline(raw), primed());
    expect(replay(timeline(raw), blip.memory).notes, 'a blip replayed is not told again').toEqual([]);
    raw.impact = 'major';
    expect(replay(timeline(raw), primed()).notes.map((n) => n.title)).toEqual([
      `Major incident: ${isolate('Elevated errors on Haiku 4.5')}`,
      `Resolved: ${isolate('Elevated errors on Haiku 4.5')}`,
    ]);
  });
});

describe('maintenance reminders under clock jumps and sleep', () => {
  const HOUR = 60 * 60_000;
  // A real maintenance ("Scheduled maintenance for Claude.ai and Anthropic Console"), scheduled for START.
  const START = Date.parse('2026-12-01T01:00:00Z');
  const real = loadFixture(MAINTENANCES).scheduled_maintenances[1];
  const page = (status: 'scheduled' | 'in_progress') =>
    snapshotOf({
      ...operational,
      scheduled_maintenances: [
        {
          ...real,
          id: 'synthmaint',
          status,
          scheduled_for: new Date(START).toISOString(),
          scheduled_until: new Date(START + HOUR).toISOString(),
        },
      ],
    });
  /** Polls at these times (the clock as the machine reads it), through storage as JSON. */
  function polls(times: Array<[number, 'scheduled' | 'in_progress']>) {
    let memory = primed();
    const told: Array<[number, string]> = [];
    for (const [now, status] of times) {
      const result = decideNotifications(JSON.parse(JSON.stringify(memory)), {
        snapshot: page(status),
        prefs: { ...DEFAULT_PREFS, notifyMaintenance: true },
        attention: NO_ATTENTION,
        now,
      });
      memory = result.memory;
      for (const n of result.notes) told.push([now, n.id]);
    }
    return told;
  }

  it('one "soon" reminder within the hour before, one "started" when it runs, each once', () => {
    const told = polls([
      [START - 2 * HOUR, 'scheduled'],
      [START - MAINTENANCE_LEAD_MS + 60_000, 'scheduled'],
      [START - 10 * 60_000, 'scheduled'],
      [START + 60_000, 'in_progress'],
      [START + 5 * 60_000, 'in_progress'],
    ]);
    expect(told).toEqual([
      [START - MAINTENANCE_LEAD_MS + 60_000, 'cs|synthmaint|maintenance-soon'],
      [START + 60_000, 'cs|synthmaint|maintenance-start'],
    ]);
  });

  it('the clock set back a day and forward again: no second reminder, no reminder a day early', () => {
    const told = polls([
      [START - 30 * 60_000, 'scheduled'],
      [START - 30 * 60_000 - 24 * HOUR, 'scheduled'], // set back a day: it is not "soon" then
      [START - 20 * 60_000, 'scheduled'], // the clock fixed again
      [START + 60_000, 'in_progress'],
    ]);
    expect(told.map(([, id]) => id)).toEqual(['cs|synthmaint|maintenance-soon', 'cs|synthmaint|maintenance-start']);
  });

  it('asleep through the whole hour before: no stale "in 40 min" on waking, only "started"', () => {
    const told = polls([
      [START - 3 * HOUR, 'scheduled'],
      [START + 10 * 60_000, 'in_progress'], // the machine wakes after the start
    ]);
    expect(told).toEqual([[START + 10 * 60_000, 'cs|synthmaint|maintenance-start']]);
  });

  it('the clock set forward past its start while the page still says scheduled: nothing said that is not so', () => {
    const told = polls([[START + 2 * HOUR, 'scheduled']]);
    expect(told).toEqual([]);
  });
});

describe('helpers', () => {
  it('first sentence, shortened', () => {
    expect(firstSentence('We are investigating. More soon.')).toBe('We are investigating.');
    expect(firstSentence('Errors on 4.5 models. Next.')).toBe('Errors on 4.5 models.');
    expect(firstSentence('x'.repeat(300))).toHaveLength(180);
  });
  it('a notification id leads only to the status page', () => {
    expect(noteUrl('cs|7g1qpkyz5gxh|resolved')).toBe('https://status.claude.com/incidents/7g1qpkyz5gxh');
    expect(noteUrl('cs|javascript:alert(1)|x')).toBeNull();
    expect(noteUrl('other')).toBeNull();
  });
});
