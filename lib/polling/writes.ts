/** Writes the user makes: muting and snoozing, from the popup and from notification buttons. */
import { attentionItem } from '../storage';
import { withMuted } from '../attention/attention';

export async function muteIncident(incidentId: string): Promise<void> {
  await attentionItem.setValue(withMuted(await attentionItem.getValue(), incidentId, true));
}

export async function unmuteIncident(incidentId: string): Promise<void> {
  await attentionItem.setValue(withMuted(await attentionItem.getValue(), incidentId, false));
}

export async function snoozeUntil(until: number | null): Promise<void> {
  await attentionItem.setValue({ ...(await attentionItem.getValue()), snoozeUntil: until });
}
