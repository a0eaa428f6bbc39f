/** What the claude.ai banner shows: pure, so each rule is tested without a page. */
import type { AssessedIncident, Assessment } from './assess';
import type { MaintenanceState } from '../statuspage/snapshot';

export type BannerKind =
  /** Minor, not about the user's models: a thin strip. */
  | 'quiet'
  /** Major or critical, or about one of the user's models. */
  | 'loud'
  | 'maintenance';

export type BannerContent =
  | { kind: 'quiet' | 'loud'; item: AssessedIncident; fingerprint: string; more: number }
  | { kind: 'maintenance'; maintenance: MaintenanceState; fingerprint: string; more: 0 };

/**
 * Identifies what the user dismissed: a new update or a change of impact makes it a different
 * banner, which shows again.
 */
export function fingerprintOf(item: AssessedIncident): string {
  return `${item.incident.updates[0]?.id ?? 'none'}|${item.incident.impact}`;
}

export function bannerFor(assessment: Assessment, dismissed: Record<string, string>): BannerContent | null {
  const shown = assessment.incidents.filter((i) => i.relevant && dismissed[i.incident.id] !== fingerprintOf(i));
  const loud = (i: AssessedIncident) => i.level === 'major' || i.level === 'critical' || i.myAffected.length > 0;
  const top = shown.find(loud) ?? shown[0];
  if (top) return { kind: loud(top) ? 'loud' : 'quiet', item: top, fingerprint: fingerprintOf(top), more: shown.length - 1 };
  const maintenance = assessment.maintenanceNow.find((m) => dismissed[m.id] !== `${m.updates[0]?.id ?? 'none'}|maintenance`);
  if (maintenance) {
    return { kind: 'maintenance', maintenance, fingerprint: `${maintenance.updates[0]?.id ?? 'none'}|maintenance`, more: 0 };
  }
  return null;
}
