/**
 * The user's own evidence ("is it me or them?") as the badge and the popup's headline take it:
 * already in words, because the words live a layer above (lib/evidence/words.ts) and this layer
 * never imports it. Imports nothing.
 */
export interface EvidenceSummary {
  /**
   * Claude is failing for the user (their own requests fail Claude-side). While true, the badge
   * and the headline are never calm.
   */
  failing: boolean;
  /** The verdict in words: "Claude is failing for you; the status page doesn't say so yet". */
  title: string;
  /** What follows it in the tooltip: the counts, the lead time. */
  lines: string[];
}

/** The badge's code for "failing for you while the page shows nothing for you" (purple). */
export const EVIDENCE_CODE = 'ERR';
