/** What the claude.ai banner shows: pure, so each rule is tested without a page. */
import type { AssessedIncident, Assessment } from './assess';
import type { MaintenanceState } from '../statuspage/snapshot';
import { modelCovers, modelMatches, type ModelRef } from '../models/ref';

export type BannerKind =
  /** Minor, not about the user's models: a thin strip. */
  | 'quiet'
  /** Major or critical, or about one of the user's models. */
  | 'loud'
  | 'maintenance';

/** The model picked on claude.ai, when the banner could read it, and whether the shown incident is about it. */
export interface InUse {
  model: ModelRef;
  affected: boolean;
}

export type BannerContent =
  | {
      kind: 'quiet' | 'loud';
      item: AssessedIncident;
      fingerprint: string;
      more: number;
      /** Set when the model in use is known and the incident is about models (not for a claude.ai log-in incident). */
      inUse: InUse | null;
    }
  | { kind: 'maintenance'; maintenance: MaintenanceState; fingerprint: string; more: 0 };

/**
 * Identifies what the user dismissed: a new update or a change of impact makes it a different
 * banner, which shows again.
 */
export function fingerprintOf(item: AssessedIncident): string {
  return `${item.incident.updates[0]?.id ?? 'none'}|${item.incident.impact}`;
}

/** Does this incident concern `model`: named as affected now, or left inside a broad ("multiple models") incident. */
export function concernsModel(item: AssessedIncident, model: ModelRef): boolean {
  const { scope } = item;
  if (scope.affected.some((m) => modelMatches(model, m))) return true;
  return scope.broad && !scope.excluded.some((e) => modelCovers(e, model));
}

/** The page names models in it (or says "multiple models"): an incident whose loudness the model in use decides. */
function isAboutModels(item: AssessedIncident): boolean {
  const { scope } = item;
  return scope.broad || scope.affected.length > 0 || scope.recovering.length > 0 || scope.excluded.length > 0;
}

/**
 * `inUse`: the model picked on claude.ai, when the content script could read it for certain (else
 * null, and the banner is exactly what it was without it). With it, an incident about that model is
 * shown first and loud (even when the user follows other models: it is the one they are using), and
 * an incident about other models only is a quiet strip (even when major). Incidents about no model
 * (claude.ai itself, the Console) keep their usual loudness.
 */
export function bannerFor(assessment: Assessment, dismissed: Record<string, string>, inUse: ModelRef | null = null): BannerContent | null {
  const hitsInUse = (i: AssessedIncident) => inUse !== null && isAboutModels(i) && concernsModel(i, inUse);
  const shown = assessment.incidents.filter((i) => (i.relevant || hitsInUse(i)) && dismissed[i.incident.id] !== fingerprintOf(i));
  const loud = (i: AssessedIncident) =>
    inUse && isAboutModels(i) ? hitsInUse(i) : i.level === 'major' || i.level === 'critical' || i.myAffected.length > 0;
  const top = shown.find(hitsInUse) ?? shown.find(loud) ?? shown[0];
  if (top) {
    return {
      kind: loud(top) ? 'loud' : 'quiet',
      item: top,
      fingerprint: fingerprintOf(top),
      more: shown.length - 1,
      inUse: inUse && isAboutModels(top) ? { model: inUse, affected: hitsInUse(top) } : null,
    };
  }
  const maintenance = assessment.maintenanceNow.find((m) => dismissed[m.id] !== `${m.updates[0]?.id ?? 'none'}|maintenance`);
  if (maintenance) {
    return { kind: 'maintenance', maintenance, fingerprint: `${maintenance.updates[0]?.id ?? 'none'}|maintenance`, more: 0 };
  }
  return null;
}
