/**
 * The extension speaks the browser's language: words from that language's file, dates, durations
 * and lists from Intl in it, and incident text exactly as the page wrote it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatAgo, formatClock, formatDuration } from '../../../lib/format';
import { formatLocale, i18n } from '../../../lib/i18n';
import { normaliseSummary } from '../../../lib/statuspage/normalise';
import { SummarySchema } from '../../../lib/statuspage/schema';
import { EMPTY_STATE } from '../../../lib/statuspage/state';
import { badgeFor } from '../../../lib/verdict/badge';
import { DEFAULT_PREFS } from '../../../lib/prefs';
import { SUMMARY_MULTIPLE_MODELS, loadFixture } from '../../fixtures';
import { loadMessages, useLocale } from '../setup/i18n';

const NOW = Date.parse('2026-09-22T01:09:00Z');
const live = () => ({
  ...EMPTY_STATE,
  snapshot: normaliseSummary(SummarySchema.parse(loadFixture(SUMMARY_MULTIPLE_MODELS))),
  confirmedAt: NOW,
  checkedAt: NOW,
});

afterEach(() => useLocale('en'));

describe.each(['de', 'fr', 'es', 'ja', 'pt_BR', 'ko'])('%s', (locale) => {
  it('the badge tooltip is in that language; the incident name stays as the page wrote it', () => {
    useLocale(locale);
    const words = loadMessages(locale);
    const title = badgeFor(live(), DEFAULT_PREFS, NOW).title;
    expect(title).toContain(words.level_major!.message);
    expect(title).not.toContain('Major incident');
    expect(title).toContain('Elevated errors for multiple models');
  });

  it('dates and durations come from Intl in that language', () => {
    useLocale(locale);
    expect(formatLocale().replace('-', '_')).toBe(locale);
    expect(formatDuration(65 * 60_000)).toBe(
      new Intl.ListFormat(formatLocale(), { type: 'unit', style: 'narrow' }).format([
        new Intl.NumberFormat(formatLocale(), { style: 'unit', unit: 'hour', unitDisplay: 'short' }).format(1),
        new Intl.NumberFormat(formatLocale(), { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(5),
      ]),
    );
  });

  it('"3 min ago", "just now" and clock times are that language\'s own, not English', () => {
    useLocale('en');
    const english = [formatAgo(NOW - 3 * 60_000, NOW), formatAgo(NOW - 2 * 3_600_000, NOW), formatClock(NOW)];
    useLocale(locale);
    const words = loadMessages(locale);
    const ago = formatAgo(NOW - 3 * 60_000, NOW);
    expect(ago).toBe(new Intl.RelativeTimeFormat(formatLocale(), { numeric: 'always', style: 'short' }).format(-3, 'minute'));
    expect(ago).toContain('3');
    expect(ago).not.toBe(english[0]);
    expect(formatAgo(NOW - 2 * 3_600_000, NOW)).not.toBe(english[1]);
    expect(formatAgo(NOW, NOW)).toBe(words.time_justNow!.message);
    expect(formatAgo(NOW, NOW)).not.toBe('just now');
    // The clock follows the language's convention (German "1:09" where English says "1:09 AM").
    expect(formatClock(NOW)).toBe(new Intl.DateTimeFormat(formatLocale(), { hour: 'numeric', minute: '2-digit' }).format(NOW));
    expect(formatClock(NOW)).not.toBe(english[2]);
  });

  it('plurals pick the right form', () => {
    useLocale(locale);
    const one = i18n.t('popup.newUpdates', 1);
    const many = i18n.t('popup.newUpdates', 5);
    expect(one).toContain('1');
    expect(many).toContain('5');
  });
});
