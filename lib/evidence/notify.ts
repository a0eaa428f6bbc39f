/**
 * The two desktop notifications local evidence may give: Claude-side failures crossed the threshold
 * while the page reports nothing for claude.ai, and later, those requests recovered. Each at most
 * once per episode (remembered in storage with the episode's crossing time), subject to the same
 * settings as every other notification: notifications on, not snoozed, not in quiet hours. One that
 * falls in a silenced moment is passed over, not saved for later (as for incident updates).
 * Pure: returns note data (kind and counts); the words are the UI's.
 */
import { inQuietHours, type Prefs } from '../prefs';
import { type Attention, isSnoozed } from '../attention/attention';
import type { EvidenceCounts, EvidenceVerdict } from './verdict';

export interface EvidenceNoteMemory {
  /** Crossing time of the episode whose "failing" note was decided (shown or passed over). */
  failing: number | null;
  /** Crossing time of the episode whose "recovered" note was decided. */
  recovered: number | null;
  /** Crossing time of the episode whose "failing" note was actually shown. */
  shown: number | null;
}

export const NO_EVIDENCE_NOTES: EvidenceNoteMemory = { failing: null, recovered: null, shown: null };

export interface EvidenceNote {
  kind: 'claude-failing' | 'recovered';
  /** Unique per episode and kind: `evidence|<kind>|<crossedAt>`. */
  id: string;
  counts: EvidenceCounts;
  crossedAt: number;
  recoveredAt: number | null;
}

export interface EvidenceNoteInput {
  verdict: EvidenceVerdict;
  prefs: Prefs;
  attention: Attention;
  now: number;
}

export function decideEvidenceNotes(
  memory: EvidenceNoteMemory,
  input: EvidenceNoteInput,
): { memory: EvidenceNoteMemory; notes: EvidenceNote[] } {
  const { verdict, prefs, attention, now } = input;
  const crossedAt = verdict.crossedAt;
  if (crossedAt === null) return { memory, notes: [] };
  const silenced = !prefs.notify || !prefs.localEvidence || isSnoozed(attention, now) || inQuietHours(prefs.quietHours, new Date(now));
  const notes: EvidenceNote[] = [];
  const next = { ...memory };
  const note = (kind: EvidenceNote['kind']): EvidenceNote => ({
    kind,
    id: `evidence|${kind}|${crossedAt}`,
    counts: verdict.counts,
    crossedAt,
    recoveredAt: verdict.recoveredAt,
  });

  if (verdict.kind === 'claude-failing-unconfirmed' && memory.failing !== crossedAt) {
    next.failing = crossedAt;
    if (!silenced) {
      notes.push(note('claude-failing'));
      next.shown = crossedAt;
    }
  }
  // Recovery is told only for an episode whose failure was told.
  if (verdict.recoveredAt !== null && memory.recovered !== crossedAt && next.shown === crossedAt) {
    next.recovered = crossedAt;
    if (!silenced) notes.push(note('recovered'));
  }
  return { memory: next, notes };
}
