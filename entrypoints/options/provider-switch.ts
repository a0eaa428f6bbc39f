/**
 * Turning another provider on or off from the settings page. On: the browser's permission prompt
 * for that provider's status host must open inside the user's click, so the request starts
 * synchronously, before anything is awaited; the setting changes only once the host is granted.
 * Off: the setting goes first (the background stops polling it at once), then the host permission,
 * unless another provider still on needs the same host.
 */
import type { PermissionsApi } from '../../lib/providers/permissions';
import { removeProviderPermission, requestProviderPermission } from '../../lib/providers/permissions';
import type { ProviderId } from '../../lib/providers/catalog';
import type { PrefsPatch } from '../../lib/prefs';
import type { WriteError, WriteResult } from '../../lib/polling/writes';

export type SwitchOutcome = { ok: true } | { ok: false; error: 'refused' | WriteError };

export function turnProviderOn(
  api: PermissionsApi,
  id: ProviderId,
  stillOn: readonly ProviderId[],
  save: (patch: PrefsPatch) => Promise<WriteResult>,
): Promise<SwitchOutcome> {
  // No await before this line: browsers only show the prompt during the click.
  const asked = requestProviderPermission(api, id);
  return asked.then(async (granted): Promise<SwitchOutcome> => {
    if (!granted) return { ok: false, error: 'refused' };
    const saved = await save({ add: { providers: [id] } });
    if (saved.ok) return saved;
    // Not turned on after all: give the host back rather than hold it unused.
    await removeProviderPermission(api, id, stillOn);
    return saved;
  });
}

export async function turnProviderOff(
  api: PermissionsApi,
  id: ProviderId,
  stillOn: readonly ProviderId[],
  save: (patch: PrefsPatch) => Promise<WriteResult>,
): Promise<SwitchOutcome> {
  const saved = await save({ remove: { providers: [id] } });
  if (!saved.ok) return saved;
  await removeProviderPermission(api, id, stillOn);
  return saved;
}
