/**
 * What the user said about notifications from the popup or a notification's buttons: incidents
 * muted, everything snoozed. Per device (local storage), so kept apart from the synced settings.
 * Pure: the writes that store these go through the background's single writer.
 */

export interface Attention {
  muted: string[];
  snoozeUntil: number | null;
  /** When the snooze was set: a clock that later reads earlier than this has been set back. */
  snoozedAt?: number | null;
}

export const NO_ATTENTION: Attention = { muted: [], snoozeUntil: null, snoozedAt: null };

export const SNOOZE_HOUR_MS = 60 * 60_000;
/** The longest snooze offered ("until tomorrow" from early evening is ~15 h; a margin for DST). */
export const MAX_SNOOZE_MS = 36 * 60 * 60_000;
/** The most muted incidents kept (oldest forgotten first). */
const MAX_MUTED = 200;
/** Before this local hour, "until tomorrow" means this morning: the user is up late, not early. */
const NIGHT_ENDS_HOUR = 6;
/** "Tomorrow" starts at this local hour. */
const MORNING_HOUR = 8;

export function withMuted(attention: Attention, incidentId: string, muted: boolean): Attention {
  const others = attention.muted.filter((id) => id !== incidentId);
  return { ...attention, muted: muted ? [...others, incidentId].slice(-MAX_MUTED) : others };
}

export function withSnooze(attention: Attention, until: number | null, now: number): Attention {
  return { ...attention, snoozeUntil: until, snoozedAt: until === null ? null : now };
}

/**
 * Whether notifications are snoozed now. A stored time is trusted only if it makes sense: a snooze
 * longer than any we offer, or set "after" now (the clock was set back), has ended — hiding an
 * outage by mistake is worse than one notification too many.
 */
export function isSnoozed(attention: Attention, now: number): boolean {
  const { snoozeUntil, snoozedAt } = attention;
  if (snoozeUntil === null || now >= snoozeUntil) return false;
  if (snoozedAt != null && now < snoozedAt) return false;
  return snoozeUntil - now <= MAX_SNOOZE_MS;
}

/**
 * "Until tomorrow": 08:00 local time tomorrow, or this morning when pressed after midnight and
 * before 06:00 (someone up late means the coming morning). Local calendar arithmetic, so a DST
 * change in between still lands on 08:00.
 */
export function tomorrowMorning(now: number): number {
  const d = new Date(now);
  if (d.getHours() >= NIGHT_ENDS_HOUR) d.setDate(d.getDate() + 1);
  d.setHours(MORNING_HOUR, 0, 0, 0);
  return d.getTime();
}
