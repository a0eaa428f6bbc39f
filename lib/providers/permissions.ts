/**
 * The optional host permission each provider needs, with `browser.permissions` injected. Requesting
 * must happen inside the user's click in the options page: call {@link requestProviderPermission}
 * synchronously from the handler, with no `await` before it (browsers drop the gesture otherwise).
 */
import { PROVIDER_INFO as PROVIDERS, type ProviderId } from './catalog';

export interface PermissionsApi {
  contains(permissions: { origins: string[] }): Promise<boolean>;
  request(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
}

export function providerOrigins(id: ProviderId): string[] {
  return [...PROVIDERS[id].origins];
}

/** For `pollProviders`' `hasOrigins`: a failed check counts as not granted. */
export function originsChecker(api: PermissionsApi): (origins: readonly string[]) => Promise<boolean> {
  return (origins) => api.contains({ origins: [...origins] }).catch(() => false);
}

export function hasProviderPermission(api: PermissionsApi, id: ProviderId): Promise<boolean> {
  return originsChecker(api)(PROVIDERS[id].origins);
}

/** Shows the browser's prompt; resolves false when the user declines or the browser refuses. */
export function requestProviderPermission(api: PermissionsApi, id: ProviderId): Promise<boolean> {
  try {
    return api.request({ origins: providerOrigins(id) }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

/** Gives back the hosts of a provider turned off, except those another provider still on needs. */
export async function removeProviderPermission(api: PermissionsApi, id: ProviderId, stillOn: readonly ProviderId[]): Promise<boolean> {
  const kept = new Set(stillOn.filter((other) => other !== id).flatMap(providerOrigins));
  const origins = providerOrigins(id).filter((o) => !kept.has(o));
  if (origins.length === 0) return true;
  return api.remove({ origins }).catch(() => false);
}
