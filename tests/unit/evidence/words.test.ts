import { describe, expect, it } from 'vitest';
import type { EvidenceCounts, EvidenceKind, EvidenceVerdict } from '../../../lib/evidence/verdict';
import {
  causeWord,
  countsLine,
  evidenceBanner,
  evidenceBannerNote,
  evidenceNoteText,
  evidenceSummary,
  evidenceWords,
  leadLine,
} from '../../../lib/evidence/words';
import { shownVerdict } from '../../../lib/evidence/view';
import { FAILING_MIN_COUNT } from '../../../lib/evidence/verdict';
import { isFailing } from '../../../lib/evidence/words';
import { NO_VERDICT } from '../../../lib/evidence/stored';

const MIN = 60_000;
const T0 = Date.parse('2026-11-25T10:00:00Z');

function v(kind: EvidenceKind, counts: Partial<EvidenceCounts> = {}, more: Partial<EvidenceVerdict> = {}): EvidenceVerdict {
  return {
    kind,
    counts: { failed: 5, total: 7, messagesFailed: 5, spanMinutes: 5, mostly: 529, ...counts },
    crossedAt: null,
    recoveredAt: null,
    leadMs: null,
    otherSitesLoad: null,
    ...more,
  };
}

const USER_SIDE: EvidenceKind[] = ['usage-limit', 'sign-in', 'region', 'connection'];

describe('the verdict in words, one function per surface', () => {
  it('failing while the page is calm: the issue’s words, with the counts', () => {
    const w = evidenceWords(v('claude-failing-unconfirmed', {}, { crossedAt: T0 }))!;
    expect(w).toMatchObject({
      tone: 'evidence',
      failing: true,
      title: "Claude is failing for you; the status page doesn't say so yet",
      counts: '5 of 7 requests failed in the last 5 min, mostly 529 overloaded',
      lead: null,
    });
    expect(w.detail).toMatch(/hasn't posted/);
  });

  it('the page reports it and the requests fail: "you\'re affected"', () => {
    const w = evidenceWords(v('confirmed', { mostly: 500 }))!;
    expect(w.tone).toBe('affected');
    expect(w.failing).toBe(true);
    expect(w.title).toMatch(/^You're affected/);
    expect(w.counts).toBe('5 of 7 requests failed in the last 5 min, mostly 500 server error');
  });

  it('the page reports it and the requests succeed: "working for you so far", and none failed said plainly', () => {
    const w = evidenceWords(v('working-for-you', { failed: 0, total: 12, mostly: null }))!;
    expect(w).toMatchObject({ tone: 'working', failing: false, title: 'Working for you so far' });
    expect(w.counts).toBe('None of your 12 requests in the last 5 min failed');
    expect(countsLine(v('working-for-you', { failed: 0, total: 1, mostly: null }))).toBe('Your only request in the last 5 min succeeded');
    expect(countsLine(v('working-for-you', { failed: 1, total: 9, mostly: 529 }))).toBe('1 of 9 requests failed in the last 5 min');
  });

  it('429: a usage limit', () => {
    const w = evidenceWords(v('usage-limit', { failed: 3, total: 4, mostly: 429 }))!;
    expect(w.title).toBe("You've reached a usage limit");
    expect(w.counts).toBe('3 of 4 requests hit a usage limit in the last 5 min');
    expect(w.detail).toMatch(/not an outage/);
  });

  it('401/403: sign in again; a Cloudflare challenge is a browser check, not "sign in"', () => {
    const signIn = evidenceWords(v('sign-in', { failed: 3, total: 3, mostly: 401 }))!;
    expect(signIn.title).toBe('Sign in to claude.ai again');
    expect(signIn.counts).toBe('3 of 3 requests were turned away in the last 5 min, mostly 401 not signed in');
    const check = evidenceWords(v('sign-in', { failed: 3, total: 3, mostly: 'challenge' }))!;
    expect(check.title).toBe('claude.ai wants to check your browser');
    expect(check.detail).toMatch(/signing in again won't help/);
    expect(check.counts).toMatch(/mostly a security check$/);
  });

  it('the region page: not available in your region, and no counts', () => {
    const w = evidenceWords(v('region', { failed: 1, total: 1, mostly: 'region' }))!;
    expect(w.title).toBe("Claude isn't available in your region");
    expect(w.counts).toBeNull();
  });

  it('network errors: your connection, told apart by whether other sites load', () => {
    const all = evidenceWords(v('connection', { failed: 4, total: 4, mostly: 'reset' }, { otherSitesLoad: false }))!;
    expect(all.title).toBe('Your connection looks down');
    expect(all.detail).toMatch(/Neither claude.ai nor the status page/);
    expect(all.counts).toBe("4 of 4 requests couldn't reach claude.ai in the last 5 min, mostly dropped connections");
    const onlyClaude = evidenceWords(v('connection', { failed: 3, total: 3, mostly: 'dns' }, { otherSitesLoad: true }))!;
    expect(onlyClaude.detail).toMatch(/while other sites load/);
    expect(onlyClaude.counts).toMatch(/mostly failed name lookups \(DNS\)$/);
  });

  it('the user’s side is never "Claude is failing" or "down", and never failing for the badge', () => {
    for (const kind of USER_SIDE) {
      const w = evidenceWords(v(kind, { mostly: null }))!;
      const text = `${w.title} ${w.detail} ${w.counts ?? ''}`;
      expect(text, kind).not.toMatch(/failing for you|Claude is down|is down/i);
      expect(w.failing, kind).toBe(false);
      expect(evidenceSummary(v(kind))?.failing, kind).toBe(false);
      expect(evidenceBanner(v(kind)), kind).toBeNull();
      expect(evidenceBannerNote(v(kind)), kind).toBeNull();
    }
  });

  it('nothing to say: no words on any surface', () => {
    expect(evidenceWords(NO_VERDICT)).toBeNull();
    expect(evidenceSummary(NO_VERDICT)).toBeNull();
    expect(evidenceBanner(NO_VERDICT)).toBeNull();
    expect(evidenceBannerNote(NO_VERDICT)).toBeNull();
  });

  it('every surface says the same verdict: popup title = tooltip title = notification title', () => {
    const failing = v('claude-failing-unconfirmed', {}, { crossedAt: T0, leadMs: 6 * MIN });
    const popup = evidenceWords(failing)!;
    const summary = evidenceSummary(failing)!;
    const note = evidenceNoteText({ kind: 'claude-failing', id: 'x', counts: failing.counts, crossedAt: T0, recoveredAt: null });
    expect(summary).toEqual({ failing: true, title: popup.title, lines: [popup.counts, popup.lead] });
    expect(note).toEqual({ title: popup.title, message: popup.counts });
    expect(evidenceBanner(failing)).toEqual({
      kind: 'failing',
      what: 'Claude is failing for you:',
      detail: "the status page doesn't say so yet",
      counts: popup.counts,
    });
  });
});

describe('failing, for the badge and headline', () => {
  it('confirmed by the page: failing only with as many failures as the threshold asks', () => {
    expect(isFailing(v('confirmed', { failed: FAILING_MIN_COUNT, total: FAILING_MIN_COUNT + 1 }))).toBe(true);
    expect(isFailing(v('confirmed', { failed: FAILING_MIN_COUNT - 1, total: FAILING_MIN_COUNT }))).toBe(false);
    const one = v('confirmed', { failed: 1, total: 1 });
    expect(isFailing(one)).toBe(false);
    expect(evidenceWords(one)?.title).toMatch(/^You're affected/); // still said in the popup
    expect(evidenceSummary(one)?.failing).toBe(false); // but no ERR over the user's own filter
    expect(evidenceBanner(one)).toBeNull();
    expect(evidenceBannerNote(one)).toBe("You're affected"); // on the incident's banner
  });

  it('failing while calm is always failing (the verdict only says so over the threshold)', () => {
    expect(isFailing(v('claude-failing-unconfirmed', { failed: 3, total: 3 }))).toBe(true);
  });
});

describe('counts', () => {
  it('singular and plural, numbers in the locale’s digits', () => {
    expect(countsLine(v('claude-failing-unconfirmed', { failed: 1, total: 1, mostly: 529 }))).toBe(
      '1 of 1 request failed in the last 5 min',
    );
    expect(countsLine(v('claude-failing-unconfirmed', { failed: 1200, total: 2400 }))).toBe(
      '1,200 of 2,400 requests failed in the last 5 min, mostly 529 overloaded',
    );
  });

  it('causes: known statuses and classes in words, any other 5xx as its number, unknown codes left out', () => {
    expect(causeWord(529)).toBe('529 overloaded');
    expect(causeWord(503)).toBe('503 unavailable');
    expect(causeWord(599)).toBe('HTTP 599');
    expect(causeWord('timeout')).toBe('timeouts');
    expect(causeWord('tls')).toBe('failed secure connections');
    expect(causeWord('weird')).toBeNull();
    expect(countsLine(v('claude-failing-unconfirmed', { mostly: 'weird' }))).toBe('5 of 7 requests failed in the last 5 min');
    expect(countsLine(v('claude-failing-unconfirmed', { mostly: null }))).toBe('5 of 7 requests failed in the last 5 min');
  });

  it('no requests counted: no counts line', () => {
    expect(countsLine(v('claude-failing-unconfirmed', { failed: 0, total: 0 }))).toBeNull();
    expect(countsLine(v('usage-limit', { failed: 0, total: 3 }))).toBeNull();
  });

  it('the notification for recovery', () => {
    expect(evidenceNoteText({ kind: 'recovered', id: 'x', counts: v('none').counts, crossedAt: T0, recoveredAt: T0 + MIN })).toEqual({
      title: 'Claude is working for you again',
      message: 'Your recent requests to claude.ai succeed.',
    });
  });
});

describe('the lead over the status page', () => {
  it('"you saw errors 6 min before the status page"', () => {
    expect(leadLine(6 * MIN)).toBe('You saw errors 6 min before the status page posted it');
    expect(leadLine(65 * MIN)).toBe('You saw errors 1 hr 5 min before the status page posted it');
    expect(leadLine(20_000)).toBe('You saw errors less than a minute before the status page posted it');
  });

  it('no lead (the page was first, or the value is nonsense): nothing', () => {
    for (const lead of [null, 0, -5 * MIN, Number.NaN, Number.POSITIVE_INFINITY]) expect(leadLine(lead)).toBeNull();
  });

  it('shown with the verdict once the page confirms it', () => {
    const w = evidenceWords(v('confirmed', {}, { crossedAt: T0, leadMs: 6 * MIN }))!;
    expect(w.lead).toBe('You saw errors 6 min before the status page posted it');
  });
});

describe('the banner', () => {
  it('failing while calm: its own banner; confirmed: "you\'re affected" (when no incident banner carries it)', () => {
    expect(evidenceBanner(v('claude-failing-unconfirmed'))?.kind).toBe('failing');
    expect(evidenceBanner(v('confirmed'))).toMatchObject({ kind: 'affected', what: "You're affected:" });
  });

  it('on an incident’s banner: a note for confirmed and working-for-you only', () => {
    expect(evidenceBannerNote(v('confirmed'))).toBe("You're affected");
    expect(evidenceBannerNote(v('working-for-you'))).toBe('Working for you so far');
    expect(evidenceBannerNote(v('claude-failing-unconfirmed'))).toBeNull();
  });
});

describe('the stored verdict as surfaces read it (no zod: the claude.ai content script reads it too)', () => {
  const stored = (verdict: unknown) => ({ window: { buckets: [], last: {} }, verdict });

  it('a good verdict comes through; the setting off hides it', () => {
    const good = v('claude-failing-unconfirmed', {}, { crossedAt: T0 });
    expect(shownVerdict(stored(good), true)).toEqual(good);
    expect(shownVerdict(stored(good), false)).toBeNull();
  });

  it('anything malformed is nothing, never a false alarm or a crash', () => {
    const good = v('claude-failing-unconfirmed');
    for (const bad of [
      null,
      'x',
      42,
      { verdict: null },
      stored({ ...good, kind: 'pwned' }),
      stored({ ...good, counts: null }),
      stored({ ...good, counts: { ...good.counts, failed: -1 } }),
      stored({ ...good, counts: { ...good.counts, failed: 9, total: 3 } }),
      stored({ ...good, counts: { ...good.counts, total: 1.5 } }),
      stored({ ...good, counts: { ...good.counts, spanMinutes: 0 } }),
      stored({ ...good, crossedAt: 'soon' }),
      stored({ ...good, leadMs: Number.NaN }),
    ]) {
      expect(shownVerdict(bad, true), JSON.stringify(bad)).toBeNull();
    }
  });

  it('a code that is not a status or a class name is dropped, not shown', () => {
    const hostile = v('claude-failing-unconfirmed', { mostly: '<img src=x onerror=alert(1)>' });
    expect(shownVerdict(stored(hostile), true)?.counts.mostly).toBeNull();
    expect(shownVerdict(stored(v('sign-in', { mostly: 'challenge' })), true)?.counts.mostly).toBe('challenge');
  });
});
