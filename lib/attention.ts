/** Muting and snoozing, from the popup and from notification buttons. */
import { attentionItem } from './storage';

export const SNOOZE_HOUR_MS = 60 * 60_000;

export async function muteIncident(incidentId: string): Promise<void> {
  const attention = await attentionItem.getValue();
  if (!attention.muted.includes(incidentId)) {
    await attentionItem.setValue({ ...attention, muted: [...attention.muted, incidentId].slice(-200) });
  }
}

export async function unmuteIncident(incidentId: string): Promise<void> {
  const attention = await attentionItem.getValue();
  await attentionItem.setValue({ ...attention, muted: attention.muted.filter((id) => id !== incidentId) });
}

export async function snoozeUntil(until: number | null): Promise<void> {
  await attentionItem.setValue({ ...(await attentionItem.getValue()), snoozeUntil: until });
}

/** Tomorrow at 08:00 local time. */
export function tomorrowMorning(now: number): number {
  const d = new Date(now);
  d.setDate(d.getDate() + 1);
  d.setHours(8, 0, 0, 0);
  return d.getTime();
}
