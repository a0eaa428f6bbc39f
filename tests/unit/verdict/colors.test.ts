/** The badge's white text stays readable on every badge colour (WCAG AA: 4.5:1 for text). */
import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, BADGE_TEXT_COLOR } from '../../../lib/verdict/colors';

/** WCAG 2 relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('badge colours', () => {
  it('computes contrast as WCAG does (black on white is 21:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
  it.each(Object.entries(BADGE_COLORS))('%s (%s): white text at least 4.5:1', (_level, hex) => {
    expect(contrast(BADGE_TEXT_COLOR, hex)).toBeGreaterThanOrEqual(4.5);
  });
  it('each state has its own colour (the evidence purple is not an outage colour)', () => {
    expect(new Set(Object.values(BADGE_COLORS)).size).toBe(Object.keys(BADGE_COLORS).length);
  });
});
