/**
 * Badge colours, one per level. White badge text must stay readable on each (WCAG AA, ≥ 4.5:1),
 * so every colour is a dark shade; `tests/unit/verdict/colors.test.ts` checks the ratios. This
 * file imports nothing, so the E2E harness and the bench import it directly instead of copying.
 */
export const BADGE_COLORS = {
  operational: '#15803d',
  maintenance: '#1d4ed8',
  minor: '#a16207',
  major: '#c2410c',
  critical: '#b91c1c',
  /** No fresh data, or the data could not be read: never green. */
  unknown: '#4b5563',
  /** The user's own requests fail while the page is calm: evidence, not an official incident. */
  evidence: '#7e22ce',
} as const;

export const BADGE_TEXT_COLOR = '#ffffff';
