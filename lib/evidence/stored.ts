/**
 * The stored evidence's shape and its empty value, in a module that imports nothing that runs:
 * lib/storage.ts imports it, and the claude.ai content script (which imports storage) must not pull
 * the evidence code or zod in with it. Read stored values back through `readEvidenceState` (state.ts).
 */
import type { EvidenceNoteMemory } from './notify';
import type { Episode, EvidenceVerdict } from './verdict';
import type { EvidenceWindow } from './window';
import { SPAN_MS } from './thresholds';

export interface EvidenceState {
  window: EvidenceWindow;
  episode: Episode | null;
  verdict: EvidenceVerdict;
  notes: EvidenceNoteMemory;
  /** When the verdict was last worked out (epoch ms). */
  assessedAt: number | null;
}

export const NO_VERDICT: EvidenceVerdict = {
  kind: 'none',
  counts: { failed: 0, total: 0, messagesFailed: 0, spanMinutes: SPAN_MS / 60_000, mostly: null },
  crossedAt: null,
  recoveredAt: null,
  leadMs: null,
  otherSitesLoad: null,
};

export const EMPTY_EVIDENCE: EvidenceState = {
  window: { buckets: [], last: {} },
  episode: null,
  verdict: NO_VERDICT,
  notes: { failing: null, recovered: null, shown: null },
  assessedAt: null,
};
