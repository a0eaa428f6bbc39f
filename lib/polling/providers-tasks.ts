/**
 * Other providers' status in the background (issue 10, part 4): one alarm a minute while at least
 * one provider is on (`pollProviders` decides which are due: every 5 or 15 minutes, backed off on
 * failure), results in `providersItem`. A provider turned off is dropped at once (its state, and no
 * request after that); one whose host permission was revoked is re-checked at once and shows
 * `problem.kind = 'permission'` without a request. No alarm and no storage at all while every
 * provider is off. The browser, the network and the clock are injected; background.ts wires it.
 */
import type { PermissionsApi } from '../providers/permissions';
import { originsChecker } from '../providers/permissions';
import { pollProviders, type ProviderPollDeps } from '../providers/poll';
import { PROVIDER_INFO as PROVIDERS, type ProviderId, watchedProviders } from '../providers/catalog';
import type { ProvidersState } from '../providers/state';
import { type Prefs, withDefaults } from '../prefs';
import { prefsItem, providersItem } from '../storage';
import { PROVIDERS_ALARM, PROVIDERS_ALARM_PERIOD_MINUTES } from './alarms';

export { PROVIDERS_ALARM, PROVIDERS_ALARM_PERIOD_MINUTES };

export interface AlarmsApi {
  get(name: string): Promise<{ name: string; periodInMinutes?: number } | undefined>;
  create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number }): Promise<void> | void;
  clear(name: string): Promise<boolean>;
}

export interface ProviderTasksDeps extends Omit<ProviderPollDeps, 'hasOrigins'> {
  alarms: AlarmsApi;
  permissions: PermissionsApi;
  /** After the stored state changed (the badge's tooltip names operational providers). */
  onChange?: () => Promise<void>;
}

/** The providers the user turned on, as stored (unknown ids from a newer or older version are ignored). */
async function enabledProviders(): Promise<ProviderId[]> {
  return [...new Set(watchedProviders(withDefaults(await prefsItem.getValue())))];
}

export function createProviderTasks(deps: ProviderTasksDeps) {
  const pollDeps: ProviderPollDeps = { ...deps, hasOrigins: originsChecker(deps.permissions) };
  /** Providers to check again now, whatever their schedule says (their permission changed). */
  const recheck = new Set<ProviderId>();

  async function pollOnce(): Promise<void> {
    const enabled = await enabledProviders();
    const before = await providersItem.getValue();
    const forced = [...recheck];
    recheck.clear();
    const state: ProvidersState = { ...before };
    for (const id of forced) {
      const s = state[id];
      if (s) state[id] = { ...s, retryAt: null };
    }
    const after = await pollProviders(pollDeps, state, enabled);
    // Turned off while its request was out: it stays off, and its state goes.
    const still = new Set(await enabledProviders());
    const kept = Object.fromEntries(Object.entries(after).filter(([id]) => still.has(id as ProviderId))) as ProvidersState;
    if (JSON.stringify(kept) === JSON.stringify(before)) return;
    await providersItem.setValue(kept);
    await deps.onChange?.();
  }

  // One poll at a time; a request made while one runs gets one more run after it (never a lost
  // change), and requests made while that one waits share it.
  let tail: Promise<void> = Promise.resolve();
  let queued: Promise<void> | null = null;
  function poll(): Promise<void> {
    if (queued) return queued;
    const run = tail.then(() => {
      queued = null;
      return pollOnce();
    });
    queued = run;
    tail = run.catch(() => undefined);
    return run;
  }

  /** The alarm exists exactly while a provider is on (re-created if the browser dropped it). */
  async function ensureAlarm(enabled: readonly ProviderId[]): Promise<void> {
    if (!enabled.length) {
      await deps.alarms.clear(PROVIDERS_ALARM);
      return;
    }
    const alarm = await deps.alarms.get(PROVIDERS_ALARM);
    if (alarm?.periodInMinutes === PROVIDERS_ALARM_PERIOD_MINUTES) return;
    await deps.alarms.create(PROVIDERS_ALARM, {
      delayInMinutes: PROVIDERS_ALARM_PERIOD_MINUTES,
      periodInMinutes: PROVIDERS_ALARM_PERIOD_MINUTES,
    });
  }

  /** At every worker start, and whenever the list of providers changes. */
  async function sync(): Promise<void> {
    await ensureAlarm(await enabledProviders());
    await poll();
  }

  /** Providers that need one of these host patterns. */
  const needing = (origins: readonly string[]) =>
    (Object.keys(PROVIDERS) as ProviderId[]).filter((id) => PROVIDERS[id].origins.some((o) => origins.includes(o)));

  return {
    start: sync,
    /** Each poll is cheap when nothing is due: storage only, no request. */
    async onAlarm(name: string): Promise<void> {
      if (name === PROVIDERS_ALARM) await poll();
    },
    /** Settings changed (any field): only a change of the providers list does anything. */
    async onPrefsChanged(next: Partial<Prefs> | null, previous: Partial<Prefs> | null): Promise<void> {
      if (JSON.stringify(next?.providers ?? []) === JSON.stringify(previous?.providers ?? [])) return;
      await sync();
    },
    /** Host permissions granted or revoked (from our settings page, or by the user in the browser's own UI). */
    async onPermissionsChanged(origins: readonly string[] | undefined): Promise<void> {
      const ids = needing(origins ?? []);
      if (!ids.length) return;
      for (const id of ids) recheck.add(id);
      await poll();
    },
    /** For tests: the poll under way (or a resolved promise). */
    idle: () => tail,
  };
}

export type ProviderTasks = ReturnType<typeof createProviderTasks>;
