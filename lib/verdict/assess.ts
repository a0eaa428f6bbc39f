/**
 * What is wrong right now, in the terms the badge, the popup and the banner all use. Pure: the same
 * snapshot and settings always give the same answer on every surface.
 */
import {
  type ComponentState,
  type IncidentState,
  isMaintenanceRunning,
  type MaintenanceState,
  type Snapshot,
} from '../statuspage/snapshot';
import { impactLevel, worst, type Level } from './level';
import type { IncidentScope } from '../models/scope';
import { modelCovers, modelMatches, parseModelKey, type ModelRef } from '../models/ref';
import { withDefaults, type Prefs } from '../prefs';

export interface AssessedIncident {
  incident: IncidentState;
  level: Level;
  scope: IncidentScope;
  /** Components the incident touches, as they stand now. */
  components: ComponentState[];
  /** Counts for the user: touches one of their models, is about many models (unless it leaves out every model they
   *  chose), or names no model. */
  relevant: boolean;
  /** Affected models the user chose (empty when they chose none). */
  myAffected: ModelRef[];
}

export interface Assessment {
  /** Worst level among what is relevant to the user. */
  level: Level;
  /** Worst level of the whole page, ignoring the user's models. */
  pageLevel: Level;
  incidents: AssessedIncident[];
  /** Components not operational (maintenance included). */
  degraded: ComponentState[];
  /**
   * Degraded components on the user's surfaces that count on their own: in partial or major outage
   * with no open incident naming them (the page is late, or set the status by hand), or any degraded
   * component while no incident is open at all. Never hidden because an unrelated incident is open.
   */
  unexplained: ComponentState[];
  maintenanceNow: MaintenanceState[];
  upcoming: MaintenanceState[];
}

function componentLevel(c: ComponentState): Level {
  switch (c.status) {
    case 'operational':
      return 'operational';
    case 'under_maintenance':
      return 'maintenance';
    case 'major_outage':
      return 'major';
    default:
      return 'minor';
  }
}

/**
 * Does an incident count for this user? Broad incidents ("all/multiple models") do, unless the page
 * leaves out every model the user chose ("all models except Opus 5" for an Opus 5 user; a user who
 * chose no models counts every broad incident). With models chosen, a model incident counts when it
 * names one of them; an incident that names no model (claude.ai log-in, say) counts unless the user
 * picked surfaces and it touches none of them.
 */
function isRelevant(
  prefs: Prefs,
  mine: ModelRef[],
  i: { scope: IncidentScope; named: boolean; myAffected: boolean; componentIds: string[] },
): boolean {
  if (i.myAffected) return true;
  if (i.scope.broad) return mine.length === 0 || !mine.every((chosen) => i.scope.excluded.some((left) => modelCovers(left, chosen)));
  if (i.named && prefs.myModels.length > 0) return false;
  if (i.named) return true;
  return prefs.myComponents.length === 0 || i.componentIds.length === 0 || i.componentIds.some((id) => prefs.myComponents.includes(id));
}

export function assess(snapshot: Snapshot, stored: Partial<Prefs>): Assessment {
  const prefs = withDefaults(stored);
  const mine = prefs.myModels.map(parseModelKey).filter((m): m is ModelRef => m !== null);
  const byId = new Map(snapshot.components.map((c) => [c.id, c]));

  const incidents = snapshot.incidents.map((incident): AssessedIncident => {
    const scope = incident.scope;
    const named = scope.affected.length > 0 || scope.recovering.length > 0 || scope.excluded.length > 0;
    const myAffected = scope.affected.filter((m) => mine.some((chosen) => modelMatches(chosen, m)));
    return {
      incident,
      level: impactLevel(incident.impact),
      scope,
      components: incident.componentIds.flatMap((id) => byId.get(id) ?? []),
      relevant: isRelevant(prefs, mine, { scope, named, myAffected: myAffected.length > 0, componentIds: incident.componentIds }),
      myAffected,
    };
  });

  const degraded = snapshot.components.filter((c) => c.status !== 'operational');
  const maintenanceNow = snapshot.maintenances.filter(isMaintenanceRunning);
  const upcoming = snapshot.maintenances.filter((m) => m.status === 'scheduled');
  const indicator: Level = snapshot.indicator === 'none' || snapshot.indicator === 'unknown' ? 'operational' : snapshot.indicator;
  const maintenance: Level[] = maintenanceNow.length ? ['maintenance'] : [];
  const pageLevel = worst([indicator, ...maintenance, ...degraded.map(componentLevel), ...incidents.map((i) => i.level)]);
  const relevantIncidents = incidents.filter((i) => i.relevant);
  const onMySurfaces = (c: ComponentState) => prefs.myComponents.length === 0 || prefs.myComponents.includes(c.id);
  const explained = new Set(incidents.flatMap((i) => i.incident.componentIds));
  const unexplained = degraded.filter(
    (c) =>
      onMySurfaces(c) && (!incidents.length || (!explained.has(c.id) && (c.status === 'partial_outage' || c.status === 'major_outage'))),
  );
  // With chosen models or surfaces, judge by what concerns the user: their incidents, and outages
  // that no incident explains (a degraded component named by an incident is that incident's).
  const level =
    mine.length === 0 && prefs.myComponents.length === 0
      ? pageLevel
      : worst([...maintenance, ...relevantIncidents.map((i) => i.level), ...unexplained.map(componentLevel)]);
  return { level, pageLevel, incidents, degraded, unexplained, maintenanceNow, upcoming };
}
