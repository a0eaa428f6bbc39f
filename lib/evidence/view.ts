/**
 * The stored verdict as the surfaces may show it, checked without zod (the claude.ai content script
 * reads it too, and must stay small): a known kind and finite counts, or nothing. With the setting
 * off, nothing, whatever is still stored (the background clears it soon after).
 */
import { EVIDENCE_KINDS, type EvidenceKind } from './kinds';
import type { EvidenceVerdict } from './verdict';

/** A failure code as stored: an HTTP status or a short class name (state.ts keeps the same rule). */
const CODE = /^(?:[1-5]\d\d|[a-z]{1,12})$/;

const count = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 1e9;
const time = (t: unknown): t is number | null => t === null || (typeof t === 'number' && Number.isFinite(t));

export function shownVerdict(stored: unknown, localEvidence: boolean): EvidenceVerdict | null {
  if (!localEvidence || typeof stored !== 'object' || stored === null) return null;
  const v = (stored as { verdict?: unknown }).verdict as Partial<EvidenceVerdict> | undefined;
  if (typeof v !== 'object' || v === null || !(EVIDENCE_KINDS as readonly string[]).includes(v.kind as string)) return null;
  const c = v.counts;
  if (typeof c !== 'object' || c === null) return null;
  if (![c.failed, c.total, c.messagesFailed, c.spanMinutes].every(count) || c.failed > c.total || c.spanMinutes < 1) return null;
  const mostly = typeof c.mostly === 'number' || typeof c.mostly === 'string' ? (CODE.test(String(c.mostly)) ? c.mostly : null) : null;
  if (!time(v.crossedAt) || !time(v.recoveredAt) || !time(v.leadMs)) return null;
  return {
    kind: v.kind as EvidenceKind,
    counts: { failed: c.failed, total: c.total, messagesFailed: c.messagesFailed, spanMinutes: c.spanMinutes, mostly },
    crossedAt: v.crossedAt ?? null,
    recoveredAt: v.recoveredAt ?? null,
    leadMs: v.leadMs ?? null,
    otherSitesLoad: typeof v.otherSitesLoad === 'boolean' ? v.otherSitesLoad : null,
  };
}
