/**
 * What the user said about notifications from the popup or a notification's buttons: incidents
 * muted, everything snoozed. Per device (local storage), so kept apart from the synced settings.
 * Pure: the writes that store these go through the background's single writer.
 */

export interface Attention {
  muted: string[];
  snoozeUntil: number | null;
}

export const NO_ATTENTION: Attention = { muted: [], snoozeUntil: null };

export const SNOOZE_HOUR_MS = 60 * 60_000;
/** The most muted incidents kept (oldest forgotten first). */
const MAX_MUTED = 200;

export function withMuted(attention: Attention, incidentId: string, muted: boolean): Attention {
  const others = attention.muted.filter((id) => id !== incidentId);
  return { ...attention, muted: muted ? [...others, incidentId].slice(-MAX_MUTED) : others };
}

/** Tomorrow at 08:00 local time. */
export function tomorrowMorning(now: number): number {
  const d = new Date(now);
  d.setDate(d.getDate() + 1);
  d.setHours(8, 0, 0, 0);
  return d.getTime();
}
