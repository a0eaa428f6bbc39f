/**
 * The single writer of what the user changes: settings, mutes, snooze, banner dismissals. Every
 * page sends its change to the background (polling/messages.ts), which applies them here one at a
 * time to whatever is stored at that moment. So a mute from the popup and a snooze from a
 * notification button, or two settings windows, never overwrite one another.
 */
import { SNOOZE_HOUR_MS, tomorrowMorning, withMuted, withSnooze } from '../attention/attention';
import { applyPrefsPatch, type PatchError, type PrefsPatch, withDefaults } from '../prefs';
import { isProviderId } from '../providers/catalog';
import { attentionItem, dismissedItem, prefsItem } from '../storage';

export type SnoozePreset = 'hour' | 'tomorrow' | 'off';

/** Why a write did not happen; the page that asked says so where the user made the change. */
export type WriteError = PatchError | 'quota' | 'rate-limit' | 'failed';
export type WriteResult = { ok: true } | { ok: false; error: WriteError };

const OK: WriteResult = { ok: true };

/** Maps a storage error to what the user can be told (Chrome's and Firefox's wordings). */
export function storageError(error: unknown): WriteError {
  const text = error instanceof Error ? error.message : String(error);
  if (/MAX_WRITE_OPERATIONS|rate/i.test(text)) return 'rate-limit';
  if (/QUOTA|quota|too large|exceed/i.test(text)) return 'quota';
  return 'failed';
}

export function createWriter(deps: { now: () => number }) {
  let chain: Promise<unknown> = Promise.resolve();
  /** Runs writes one after another; a failed one does not block the next. */
  function serial(work: () => Promise<WriteResult>): Promise<WriteResult> {
    const run = chain.then(work, work).catch((error: unknown): WriteResult => ({ ok: false, error: storageError(error) }));
    chain = run;
    return run;
  }

  return {
    updatePrefs: (patch: PrefsPatch) =>
      serial(async () => {
        // Only providers this version knows can be turned on (each has its host and its reader).
        const known = patch.add?.providers && { ...patch, add: { ...patch.add, providers: patch.add.providers.filter(isProviderId) } };
        const next = applyPrefsPatch(withDefaults(await prefsItem.getValue()), known || patch);
        if ('error' in next) return { ok: false, error: next.error };
        await prefsItem.setValue(next); // a sync quota or rate error rejects: nothing changed
        return OK;
      }),
    mute: (incidentId: string, muted: boolean) =>
      serial(async () => {
        await attentionItem.setValue(withMuted(await attentionItem.getValue(), incidentId, muted));
        return OK;
      }),
    snooze: (preset: SnoozePreset) =>
      serial(async () => {
        const now = deps.now();
        const until = preset === 'off' ? null : preset === 'hour' ? now + SNOOZE_HOUR_MS : tomorrowMorning(now);
        await attentionItem.setValue(withSnooze(await attentionItem.getValue(), until, now));
        return OK;
      }),
    /** Remembers a dismissed banner, and forgets those of incidents no longer open. */
    dismissBanner: (incidentId: string, fingerprint: string, openIds: string[]) =>
      serial(async () => {
        const open = new Set(openIds);
        const kept = Object.entries(await dismissedItem.getValue()).filter(([id]) => open.has(id));
        await dismissedItem.setValue({ ...Object.fromEntries(kept), [incidentId]: fingerprint });
        return OK;
      }),
  };
}

export type Writer = ReturnType<typeof createWriter>;
