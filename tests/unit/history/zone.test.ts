import { describe, expect, it } from 'vitest';
import { addDays, dayKeyAt, dayStart, lastDays, offsetAt, validTimeZone } from '../../../lib/history/zone';
import { HOUR, at } from './helpers';

const ZONES = ['UTC', 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Kolkata', 'Pacific/Auckland', 'Pacific/Chatham', 'America/Santiago'];

describe('local days in a given time zone (never the machine zone)', () => {
  it('puts one instant on the day each zone calls it', () => {
    // 2026-09-03 23:30 UTC: still the 3rd in UTC and Los Angeles (16:30 PDT), already the 4th in Berlin (01:30 CEST),
    // Kolkata (05:00 IST) and Auckland (11:30 NZST).
    const t = at('2026-09-03T23:30:00Z');
    expect(ZONES.slice(0, 5).map((z) => dayKeyAt(t, z))).toEqual(['2026-09-03', '2026-09-03', '2026-09-04', '2026-09-04', '2026-09-04']);
  });

  it.each([
    // zone, day, its first instant in UTC, its length in hours
    ['UTC', '2026-09-03', '2026-09-03T00:00:00Z', 24],
    ['Asia/Kolkata', '2026-09-03', '2026-09-02T18:30:00Z', 24], // +05:30, no DST
    ['Pacific/Chatham', '2026-07-01', '2026-06-30T11:15:00Z', 24], // +12:45 in winter
    ['America/Los_Angeles', '2026-03-08', '2026-03-08T08:00:00Z', 23], // clocks forward 02:00 → 03:00
    ['America/Los_Angeles', '2026-11-01', '2026-11-01T07:00:00Z', 25], // clocks back 02:00 → 01:00
    ['Europe/Berlin', '2026-03-29', '2026-03-28T23:00:00Z', 23],
    ['Europe/Berlin', '2026-10-25', '2026-10-24T22:00:00Z', 25],
    ['Pacific/Auckland', '2026-09-27', '2026-09-26T12:00:00Z', 23], // NZST +12 → NZDT +13
    ['Pacific/Auckland', '2026-04-05', '2026-04-04T11:00:00Z', 25], // NZDT +13 → NZST +12
    // Chile moves its clocks at midnight: 2026-09-06 has no 00:00 and starts at 01:00 (-03), 04:00 UTC.
    ['America/Santiago', '2026-09-06', '2026-09-06T04:00:00Z', 23],
    ['America/Santiago', '2026-04-04', '2026-04-04T03:00:00Z', 25],
  ])('%s: %s starts at %s and lasts %i hours', (zone, key, startIso, hours) => {
    const start = dayStart(key, zone);
    expect(new Date(start).toISOString()).toBe(new Date(at(startIso)).toISOString());
    expect((dayStart(addDays(key, 1), zone) - start) / HOUR).toBe(hours);
    expect(dayKeyAt(start, zone)).toBe(key);
    expect(dayKeyAt(start - 1, zone)).toBe(addDays(key, -1));
  });

  it('gives offsets with their sign, including half and three-quarter hours', () => {
    const t = at('2026-07-01T12:00:00Z');
    expect(['America/Los_Angeles', 'Europe/Berlin', 'Asia/Kolkata', 'Pacific/Chatham', 'UTC'].map((z) => offsetAt(t, z) / 60_000)).toEqual([
      -420, 120, 330, 765, 0,
    ]);
  });

  it.each(ZONES)('%s: the last 90 days are contiguous local days ending today, across every DST switch of a year', (zone) => {
    for (const nowIso of ['2026-03-30T12:00:00Z', '2026-11-02T06:00:00Z', '2026-09-06T05:00:00Z', '2026-04-05T10:00:00Z']) {
      const now = at(nowIso);
      const days = lastDays(now, 90, zone);
      expect(days).toHaveLength(90);
      expect(days.at(-1)!.key).toBe(dayKeyAt(now, zone));
      expect(days.at(-1)!.start <= now && now < days.at(-1)!.end).toBe(true);
      days.forEach((d, i) => {
        expect(dayKeyAt(d.start, zone)).toBe(d.key);
        expect(dayKeyAt(d.end - 1, zone)).toBe(d.key);
        if (i) expect(d.start).toBe(days[i - 1]!.end);
        if (i) expect(d.key).toBe(addDays(days[i - 1]!.key, 1));
        expect((d.end - d.start) / HOUR).toBeGreaterThanOrEqual(23);
        expect((d.end - d.start) / HOUR).toBeLessThanOrEqual(25);
      });
    }
  });

  it('reads an unknown or missing zone as UTC instead of throwing', () => {
    expect(validTimeZone('Mars/Olympus_Mons')).toBe('UTC');
    expect(validTimeZone('')).toBe('UTC');
    expect(validTimeZone(undefined)).toBe('UTC');
    expect(validTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(lastDays(at('2026-09-03T23:30:00Z'), 1, 'Not/AZone')[0]!.key).toBe('2026-09-03');
  });

  it('steps calendar days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});
