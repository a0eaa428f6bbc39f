/**
 * "What can I use instead?": when a model the user cares about is down, the models known to be
 * working right now, best first. Pure; the lead words it in the popup.
 *
 * Working means: named by the page in recent incidents or chosen by the user (a version, not a bare
 * family: "Opus" alone says nothing about which Opus works), and right now not affected by any open
 * incident, not recovering, and left out of every broad incident (an incident about all/many models
 * covers every model it does not explicitly exclude). Down means: a chosen model an incident names
 * as affected, or one a broad incident does not leave out; with no models chosen, every model named
 * as affected, and any broad incident.
 * @module
 */
import type { Assessment } from '../verdict/assess';
import { modelCovers, modelKey, modelMatches, parseModelKey, type ModelRef } from '../models/ref';

export interface WorkingModelsInput {
  /** {@link assess}'s result for the current snapshot. */
  assessment: Assessment;
  /** Model keys the page has named recently (`seenModelsItem` keys) and the user's own `prefs.myModels`. */
  known: readonly string[];
  /** The user's chosen models (`prefs.myModels`); empty: they care about every model. */
  chosen: readonly string[];
}

/** How close an alternative is to the models that are down. */
export type AlternativeTier = 'same-family' | 'neighbour' | 'other';

export interface WorkingModel {
  model: ModelRef;
  key: string;
  tier: AlternativeTier;
  /** One of the user's chosen models. */
  mine: boolean;
}

export interface AlternativeModels {
  /** What the user cares about that is down now: their chosen models (or, with none chosen, the named models) that are
   *  affected. May be empty while `broad` (an incident about unnamed models). */
  down: ModelRef[];
  /** Known models working now, best first: same family (newest version first), the neighbouring tier (Opus ↔ Sonnet ↔
   *  Haiku), then the rest (other families last). While `broad`, only models a broad incident explicitly leaves out. */
  working: WorkingModel[];
  /** An incident about all / many / unnamed models concerns the user's models: switching models may not help. */
  broad: boolean;
}

/** The tiers, largest first; a family not here (Mythos, Fable, a new one) is far from every other. */
const TIERS = ['opus', 'sonnet', 'haiku'];

/** 0 same family, 1 neighbouring tier, 2 another tier, 3 a family off the ladder. */
function distance(candidate: ModelRef, down: ModelRef): number {
  const [a, b] = [candidate.family.toLowerCase(), down.family.toLowerCase()];
  if (a === b) return 0;
  const [i, j] = [TIERS.indexOf(a), TIERS.indexOf(b)];
  if (i < 0 || j < 0) return 3;
  return Math.abs(i - j) === 1 ? 1 : 2;
}

/** Newer first: `5.5` before `5.1` before `5` before `4.8`. */
function compareVersionsDesc(a: string | null, b: string | null): number {
  const parts = (v: string | null) => (v ?? '').split('.').map((p) => Number.parseInt(p, 10) || 0);
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pb[i] ?? -1) - (pa[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

/** Tier ladder order (Opus, Sonnet, Haiku), then other families alphabetically. */
function familyOrder(a: ModelRef, b: ModelRef): number {
  const [i, j] = [TIERS.indexOf(a.family.toLowerCase()), TIERS.indexOf(b.family.toLowerCase())];
  if (i !== j) return (i < 0 ? TIERS.length : i) - (j < 0 ? TIERS.length : j);
  return a.family.toLowerCase().localeCompare(b.family.toLowerCase());
}

const parseAll = (keys: readonly string[]) =>
  (Array.isArray(keys) ? keys : []).flatMap((k) => {
    const m = typeof k === 'string' ? parseModelKey(k) : null;
    return m ? [m] : [];
  });

/**
 * The models to suggest while one the user cares about is down; null when nothing they care about is affected (the
 * popup stays calm).
 */
export function workingModels(input: WorkingModelsInput): AlternativeModels | null {
  const incidents = input.assessment.incidents;
  const chosen = parseAll(input.chosen);
  const down = new Map<string, ModelRef>();
  const addDown = (m: ModelRef) => void (down.has(modelKey(m)) || down.set(modelKey(m), m));
  let broad = false;
  for (const { scope } of incidents) {
    const leftOut = (m: ModelRef) => scope.excluded.some((e) => modelCovers(e, m));
    if (!chosen.length) {
      scope.affected.forEach(addDown);
      broad ||= scope.broad;
      continue;
    }
    for (const m of scope.affected) if (chosen.some((c) => modelMatches(c, m))) addDown(m);
    if (!scope.broad) continue;
    const hit = chosen.filter((c) => !leftOut(c));
    broad ||= hit.length > 0;
    for (const c of hit) if (!scope.affected.some((m) => modelMatches(c, m))) addDown(c);
  }
  if (!down.size && !broad) return null;

  const isWorking = (m: ModelRef) =>
    incidents.every(
      ({ scope }) =>
        !scope.affected.some((a) => modelMatches(m, a)) &&
        !scope.recovering.some((r) => modelMatches(m, r)) &&
        (!scope.broad || scope.excluded.some((e) => modelCovers(e, m))),
    );
  const candidates = new Map<string, ModelRef>();
  const excludedFromBroad = incidents.flatMap(({ scope }) => (scope.broad ? scope.excluded : []));
  for (const m of [...chosen, ...parseAll(input.known), ...excludedFromBroad]) {
    if (m.version !== null && !candidates.has(modelKey(m))) candidates.set(modelKey(m), m);
  }
  const downModels = [...down.values()];
  const reference = downModels.length ? downModels : chosen;
  const rank = (m: ModelRef) => (reference.length ? Math.min(...reference.map((d) => distance(m, d))) : 2);
  const working = [...candidates.values()]
    .filter(isWorking)
    .map((model) => ({ model, key: modelKey(model), rank: rank(model), mine: chosen.some((c) => modelCovers(c, model)) }))
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        familyOrder(a.model, b.model) ||
        compareVersionsDesc(a.model.version, b.model.version) ||
        Number(a.model.qualifier !== null) - Number(b.model.qualifier !== null) ||
        a.key.localeCompare(b.key),
    )
    .map(
      ({ model, key, rank: r, mine }): WorkingModel => ({
        model,
        key,
        tier: r === 0 ? 'same-family' : r === 1 ? 'neighbour' : 'other',
        mine,
      }),
    );
  return { down: downModels, working, broad };
}

/**
 * {@link workingModels} for the models `chosen` (the user's, or the one in use on claude.ai), the known
 * ones being those the page named lately plus the user's own and the chosen: popup, tooltip and
 * banner ask it the same way.
 */
export function workingModelsFor(
  assessment: Assessment,
  chosen: readonly string[],
  seen: readonly string[],
  myModels: readonly string[],
): AlternativeModels | null {
  return workingModels({ assessment, known: [...seen, ...myModels, ...chosen], chosen });
}
