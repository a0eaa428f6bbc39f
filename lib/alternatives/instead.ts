/**
 * "What can I use instead?" for every surface at once (popup, badge tooltip, claude.ai banner): the
 * working models, the surface line and the other providers that are operational, or nothing at all
 * while nothing the user cares about is affected (the popup stays calm). Pure; words.ts words it.
 * @module
 */
import { type ProviderId, watchedProviders } from '../providers/catalog';
import { operationalProviders, type ProvidersState } from '../providers/state';
import type { Prefs } from '../prefs';
import type { ComponentState } from '../statuspage/snapshot';
import type { Assessment } from '../verdict/assess';
import { type AlternativeModels, workingModelsFor } from './models';
import { type SurfaceLine, surfaceLine } from './surfaces';

export interface InsteadInput {
  assessment: Assessment;
  /** The snapshot's components, as they stand now. */
  components: readonly ComponentState[];
  prefs: Prefs;
  /** Model keys the page named recently (`seenModelsItem`). */
  seen: readonly string[];
  /** `providersItem`: other providers' status, for those the user turned on. */
  providers: ProvidersState;
  now: number;
  /** The user's own claude.ai requests fail (local evidence): claude.ai is not offered as the surface that works. */
  claudeAiFailing?: boolean;
}

export interface Instead {
  /** Null when no model the user cares about is affected. */
  models: AlternativeModels | null;
  /** Null when no surface the user cares about is down while another works. */
  surfaces: SurfaceLine | null;
  /** Null while every provider is off; else the ones live and operational now (maybe none). */
  providers: ProviderId[] | null;
}

export function insteadFor(input: InsteadInput): Instead | null {
  const { assessment, prefs } = input;
  const myModels = Array.isArray(prefs.myModels) ? prefs.myModels : [];
  const seen = Array.isArray(input.seen) ? input.seen : [];
  const models = workingModelsFor(assessment, myModels, seen, myModels);
  let surfaces = surfaceLine(input.components, assessment, input.claudeAiFailing ? ['claude.ai'] : []);
  // With surfaces chosen, only a surface of theirs being down is theirs to work around.
  const mine = Array.isArray(prefs.myComponents) ? prefs.myComponents : [];
  if (surfaces && mine.length && !surfaces.down.some((s) => mine.includes(s.id))) surfaces = null;
  if (!models && !surfaces) return null;
  const on = new Set(watchedProviders(prefs));
  const watched = Object.fromEntries(Object.entries(input.providers ?? {}).filter(([id]) => on.has(id as ProviderId))) as ProvidersState;
  return { models, surfaces, providers: on.size ? operationalProviders(watched, input.now) : null };
}
