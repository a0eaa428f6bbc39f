/**
 * Validated Statuspage payloads → the project's {@link Snapshot}: text capped, components keyed by
 * id with display labels, incidents sorted, and each incident's model scope read once, here in the
 * background, and stored with it.
 */
import { incidentScope } from '../models/scope';
import type { RawIncident, RawMaintenance, Summary } from './schema';
import { clip, componentLabel, type IncidentState, LIMITS, type MaintenanceState, type Snapshot, toMs } from './snapshot';

export function normaliseSummary(summary: Summary): Snapshot {
  const components = summary.components
    // Group rows are rollups of their children; hidden-until-degraded rows are hidden on the page too.
    .filter((c) => !c.group && !(c.only_show_if_degraded && c.status === 'operational'))
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
    .slice(0, LIMITS.items)
    .map((c) => ({ id: c.id, name: componentLabel(c.name), status: c.status }));

  const incidents = (summary.incidents ?? [])
    .filter((i) => i.status !== 'resolved' && i.status !== 'postmortem')
    .map(normaliseIncident)
    .sort((a, b) => b.startedAt - a.startedAt)
    .slice(0, LIMITS.items);

  const maintenances = (summary.scheduled_maintenances ?? [])
    .filter((m) => m.status === 'scheduled' || m.status === 'in_progress' || m.status === 'verifying')
    .map(normaliseMaintenance)
    .sort(byRunningThenStart)
    .slice(0, LIMITS.items);

  return {
    pageUpdatedAt: toMs(summary.page.updated_at),
    indicator: summary.status.indicator,
    description: clip(summary.status.description, LIMITS.name),
    components,
    incidents,
    maintenances,
  };
}

export function normaliseIncident(raw: RawIncident): IncidentState {
  const allUpdates = (raw.incident_updates ?? [])
    .map((u) => ({
      id: u.id,
      status: u.status,
      body: clip(u.body ?? '', LIMITS.body),
      at: toMs(u.display_at) ?? toMs(u.created_at) ?? 0,
    }))
    .sort((a, b) => b.at - a.at);
  const name = clip(raw.name, LIMITS.name);

  const componentIds = new Set((raw.components ?? []).map((c) => c.id));
  // `components` is sometimes empty while the updates list what changed (statuspage.md §10).
  for (const u of raw.incident_updates ?? []) for (const c of u.affected_components ?? []) componentIds.add(c.code);

  return {
    id: raw.id,
    name,
    status: raw.status,
    impact: raw.impact,
    startedAt: toMs(raw.started_at) ?? toMs(raw.created_at) ?? 0,
    componentIds: [...componentIds],
    // The popup shows the newest updates; the scope reads every one (a model named only in an
    // early update must still count).
    updates: allUpdates.slice(0, LIMITS.updatesPerIncident),
    scope: incidentScope({ name, status: raw.status, updates: allUpdates }),
  };
}

function normaliseMaintenance(raw: RawMaintenance): MaintenanceState {
  return {
    ...normaliseIncident(raw),
    scheduledFor: toMs(raw.scheduled_for),
    scheduledUntil: toMs(raw.scheduled_until),
  };
}

function byRunningThenStart(a: MaintenanceState, b: MaintenanceState): number {
  const running = (m: MaintenanceState) => (m.status === 'in_progress' || m.status === 'verifying' ? 0 : 1);
  return running(a) - running(b) || (a.scheduledFor ?? a.startedAt) - (b.scheduledFor ?? b.startedAt);
}
