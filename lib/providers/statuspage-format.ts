/**
 * Statuspage-format providers: Atlassian Statuspage (GitHub) and incident.io's Statuspage-compatible
 * `/api/v2/summary.json` (OpenAI). Both validate with the Claude page's own schema
 * (lib/statuspage/schema.ts); they differ in what links an incident to the parts we watch.
 */
import type { ComponentStatus, Impact, Summary } from '../statuspage/schema';
import { normaliseIncident } from '../statuspage/normalise';
import { clip, componentLabel } from '../statuspage/snapshot';
import { PROVIDER_LIMITS, type ProviderIncident, type ProviderLevel, type ProviderSnapshot, worstProviderLevel } from './level';

export interface StatuspageWatch {
  /** Component ids that matter, in display order (ids are stable; names change). */
  componentIds: readonly string[];
  /**
   * Atlassian incidents name their components (or their updates do); incident.io's v2 incidents
   * name none, so there every open incident on the page counts.
   */
  incidentsNameComponents: boolean;
  /** Also counts an incident whose title matches, for incidents opened before components are linked. */
  incidentTitle?: RegExp;
}

export function componentLevel(status: ComponentStatus): ProviderLevel {
  switch (status) {
    case 'operational':
      return 'operational';
    case 'under_maintenance':
      return 'maintenance';
    case 'degraded_performance':
    case 'partial_outage':
      return 'degraded';
    case 'major_outage':
      return 'outage';
    default:
      return 'unknown';
  }
}

/** An open incident is never operational, whatever impact it declares (`none` exists). */
export function impactLevel(impact: Impact): ProviderLevel {
  if (impact === 'major' || impact === 'critical') return 'outage';
  if (impact === 'maintenance') return 'maintenance';
  return 'degraded';
}

const CLOSED = new Set(['resolved', 'postmortem', 'completed']);
const RUNNING_MAINTENANCE = new Set(['in_progress', 'verifying']);

/** `origin` is the provider's status host, e.g. `https://www.githubstatus.com`; every link points there. */
export function normaliseStatuspageSummary(summary: Summary, origin: string, watch: StatuspageWatch): ProviderSnapshot {
  const watched = new Set(watch.componentIds);
  const byId = new Map(summary.components.filter((c) => watched.has(c.id)).map((c) => [c.id, c]));
  const components = watch.componentIds
    .flatMap((id) => {
      const c = byId.get(id);
      return c ? [{ id, name: componentLabel(c.name), level: componentLevel(c.status) }] : [];
    })
    .slice(0, PROVIDER_LIMITS.components);

  const concerns = (name: string, componentIds: string[]) =>
    !watch.incidentsNameComponents || componentIds.some((id) => watched.has(id)) || (watch.incidentTitle?.test(name) ?? false);

  const incidents: ProviderIncident[] = [];
  const seen = new Set<string>();
  const add = (raw: Parameters<typeof normaliseIncident>[0], level: ProviderLevel) => {
    if (seen.has(raw.id)) return;
    const incident = normaliseIncident(raw);
    if (!concerns(raw.name, incident.componentIds)) return;
    seen.add(raw.id);
    incidents.push({
      id: raw.id,
      name: clip(incident.name, PROVIDER_LIMITS.name),
      level,
      startedAt: incident.startedAt,
      url: `${origin}/incidents/${encodeURIComponent(raw.id)}`,
    });
  };
  for (const raw of summary.incidents ?? []) if (!CLOSED.has(raw.status)) add(raw, impactLevel(raw.impact));
  for (const raw of summary.scheduled_maintenances ?? []) if (RUNNING_MAINTENANCE.has(raw.status)) add(raw, 'maintenance');
  incidents.sort((a, b) => b.startedAt - a.startedAt);

  // No watched component on the page at all: the layout changed, so nothing says they are fine.
  const partsLevel = components.length === 0 ? 'unknown' : worstProviderLevel(components.map((c) => c.level));
  return {
    level: worstProviderLevel([partsLevel, ...incidents.map((i) => i.level)]),
    incidents: incidents.slice(0, PROVIDER_LIMITS.incidents),
    components,
  };
}
