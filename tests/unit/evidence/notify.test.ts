import { describe, expect, it } from 'vitest';
import { NO_ATTENTION, isSnoozed } from '../../../lib/attention/attention';
import { DEFAULT_PREFS, type Prefs } from '../../../lib/prefs';
import { NO_EVIDENCE_NOTES, decideEvidenceNotes, type EvidenceNoteMemory } from '../../../lib/evidence/notify';
import type { EvidenceKind, EvidenceVerdict } from '../../../lib/evidence/verdict';
import { evidenceNoteText } from '../../../lib/evidence/words';

const T0 = new Date(2026, 10, 25, 14, 0, 0).getTime(); // 14:00 local time
const MIN = 60_000;

function verdict(kind: EvidenceKind, crossedAt: number | null, recoveredAt: number | null = null): EvidenceVerdict {
  return {
    kind,
    counts: { failed: 5, total: 7, messagesFailed: 4, spanMinutes: 5, mostly: 529 },
    crossedAt,
    recoveredAt,
    leadMs: null,
    otherSitesLoad: null,
  };
}

function run(steps: Array<{ v: EvidenceVerdict; now?: number; prefs?: Partial<Prefs>; snoozeUntil?: number | null }>) {
  let memory: EvidenceNoteMemory = NO_EVIDENCE_NOTES;
  const told: string[] = [];
  for (const step of steps) {
    const d = decideEvidenceNotes(memory, {
      verdict: step.v,
      prefs: { ...DEFAULT_PREFS, ...step.prefs },
      attention: { ...NO_ATTENTION, snoozeUntil: step.snoozeUntil ?? null },
      now: step.now ?? T0,
    });
    memory = d.memory;
    told.push(...d.notes.map((n) => n.kind));
  }
  return { told, memory };
}

describe('evidence notifications', () => {
  it('once when failures cross while the page is calm, once when they recover', () => {
    const { told } = run([
      { v: verdict('none', null) },
      { v: verdict('claude-failing-unconfirmed', T0) },
      { v: verdict('claude-failing-unconfirmed', T0) },
      { v: verdict('claude-failing-unconfirmed', T0) },
      { v: verdict('none', T0, T0 + 5 * MIN) },
      { v: verdict('none', T0, T0 + 5 * MIN) },
    ]);
    expect(told).toEqual(['claude-failing', 'recovered']);
  });

  it('the note carries the counts and the episode, not words', () => {
    const d = decideEvidenceNotes(NO_EVIDENCE_NOTES, {
      verdict: verdict('claude-failing-unconfirmed', T0),
      prefs: DEFAULT_PREFS,
      attention: NO_ATTENTION,
      now: T0,
    });
    expect(d.notes).toEqual([
      {
        kind: 'claude-failing',
        id: `evidence|claude-failing|${T0}`,
        counts: { failed: 5, total: 7, messagesFailed: 4, spanMinutes: 5, mostly: 529 },
        crossedAt: T0,
        recoveredAt: null,
      },
    ]);
    // The words come from the locale file (evidence.*), through lib/evidence/words.ts.
    expect(evidenceNoteText(d.notes[0]!)).toEqual({
      title: "Claude is failing for you; the status page doesn't say so yet",
      message: '5 of 7 requests failed in the last 5 min, mostly 529 overloaded',
    });
  });

  it('nothing when the page already reports it (confirmed), and no "recovered" for an episode never told', () => {
    const { told } = run([{ v: verdict('confirmed', T0) }, { v: verdict('working-for-you', T0, T0 + 5 * MIN) }]);
    expect(told).toEqual([]);
  });

  it('a restarted worker (memory from storage) never repeats either note', () => {
    const first = run([{ v: verdict('claude-failing-unconfirmed', T0) }, { v: verdict('none', T0, T0 + MIN) }]);
    expect(first.told).toEqual(['claude-failing', 'recovered']);
    const again = decideEvidenceNotes(JSON.parse(JSON.stringify(first.memory)), {
      verdict: verdict('none', T0, T0 + MIN),
      prefs: DEFAULT_PREFS,
      attention: NO_ATTENTION,
      now: T0 + 2 * MIN,
    });
    expect(again.notes).toEqual([]);
  });

  it('a second episode is told again', () => {
    const { told } = run([
      { v: verdict('claude-failing-unconfirmed', T0) },
      { v: verdict('none', T0, T0 + 5 * MIN) },
      { v: verdict('claude-failing-unconfirmed', T0 + 30 * MIN) },
    ]);
    expect(told).toEqual(['claude-failing', 'recovered', 'claude-failing']);
  });

  it.each([
    ['notifications off', { prefs: { notify: false } }],
    ['local evidence off', { prefs: { localEvidence: false } }],
    ['snoozed', { snoozeUntil: T0 + 60 * MIN }],
    ['quiet hours', { prefs: { quietHours: { start: 13 * 60, end: 15 * 60 } } }],
  ] as const)('%s: passed over, not saved for later, and no recovery note for it', (_, silence) => {
    const { told } = run([
      { v: verdict('claude-failing-unconfirmed', T0), ...silence },
      { v: verdict('claude-failing-unconfirmed', T0), now: T0 + 2 * 60 * MIN },
      { v: verdict('none', T0, T0 + 3 * 60 * MIN), now: T0 + 3 * 60 * MIN },
    ]);
    expect(told).toEqual([]);
  });

  it('a snooze that has ended does not silence', () => {
    const { told } = run([{ v: verdict('claude-failing-unconfirmed', T0), snoozeUntil: T0 - 1 }]);
    expect(told).toEqual(['claude-failing']);
  });

  it('recovery falling in quiet hours is passed over', () => {
    const { told } = run([
      { v: verdict('claude-failing-unconfirmed', T0) },
      { v: verdict('none', T0, T0 + MIN), prefs: { quietHours: { start: 13 * 60, end: 15 * 60 } } },
      { v: verdict('none', T0, T0 + MIN), now: T0 + 2 * 60 * MIN },
    ]);
    expect(told).toEqual(['claude-failing']);
  });

  it('a snooze stored by a clock since set back is over for these notes too, as for incident notes and the popup', () => {
    // Snoozed for an hour while the clock read two days ahead; the clock is then put right.
    const ahead = T0 + 48 * 60 * MIN;
    const attention = { muted: [], snoozedAt: ahead, snoozeUntil: ahead + 60 * MIN };
    expect(isSnoozed(attention, T0)).toBe(false);
    const d = decideEvidenceNotes(NO_EVIDENCE_NOTES, {
      verdict: verdict('claude-failing-unconfirmed', T0),
      prefs: DEFAULT_PREFS,
      attention,
      now: T0,
    });
    expect(d.notes.map((n) => n.kind)).toEqual(['claude-failing']);
  });
});
