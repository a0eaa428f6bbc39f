/**
 * The project's own picture of the status page: what the popup, the badge and the claude.ai banner
 * render. Built by {@link normaliseSummary} from a validated payload; plain data, safe to store.
 */
import type { ComponentStatus, Impact, IncidentStatus, RawIncident, RawMaintenance, Summary } from './schema';

export const STATUS_PAGE_ORIGIN = 'https://status.claude.com';

/** Caps on untrusted text: the popup and banner never have to lay out an unbounded string. */
export const LIMITS = { name: 200, body: 1500, updatesPerIncident: 25, items: 50 } as const;

export interface ComponentState {
  id: string;
  /** Display label: "Claude API (api.anthropic.com)" → "Claude API". */
  name: string;
  status: ComponentStatus;
}

export interface UpdateState {
  id: string;
  status: IncidentStatus;
  body: string;
  /** `display_at` (what the page shows; may be back-dated), epoch ms. */
  at: number;
}

export interface IncidentState {
  id: string;
  name: string;
  status: IncidentStatus;
  impact: Impact;
  startedAt: number;
  /** Ids of components the incident names or whose status its updates changed. */
  componentIds: string[];
  /** Newest first. */
  updates: UpdateState[];
}

export interface MaintenanceState extends IncidentState {
  scheduledFor: number | null;
  scheduledUntil: number | null;
}

export interface Snapshot {
  indicator: Impact;
  description: string;
  components: ComponentState[];
  /** Unresolved incidents, newest first. */
  incidents: IncidentState[];
  /** In progress first, then upcoming by start time. */
  maintenances: MaintenanceState[];
}

export function incidentUrl(id: string): string {
  return `${STATUS_PAGE_ORIGIN}/incidents/${encodeURIComponent(id)}`;
}

/** "Claude Console (platform.claude.com)" → "Claude Console". Names change; ids do not. */
export function componentLabel(name: string): string {
  // Plain string search, not a regex: a name of many spaces must not cost quadratic time.
  const trimmed = clip(name, 4 * LIMITS.name).trimEnd();
  const open = trimmed.endsWith(')') ? trimmed.lastIndexOf('(') : -1;
  const label = open > 0 && !trimmed.slice(open + 1, -1).includes(')') ? trimmed.slice(0, open).trimEnd() : trimmed;
  return clip(label || trimmed, LIMITS.name);
}

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
    indicator: summary.status.indicator,
    description: clip(summary.status.description, LIMITS.name),
    components,
    incidents,
    maintenances,
  };
}

export function normaliseIncident(raw: RawIncident): IncidentState {
  const updates = (raw.incident_updates ?? [])
    .map((u) => ({
      id: u.id,
      status: u.status,
      body: clip(u.body ?? '', LIMITS.body),
      at: toMs(u.display_at) ?? toMs(u.created_at) ?? 0,
    }))
    .sort((a, b) => b.at - a.at)
    .slice(0, LIMITS.updatesPerIncident);

  const componentIds = new Set((raw.components ?? []).map((c) => c.id));
  // `components` is sometimes empty while the updates list what changed (statuspage.md §10).
  for (const u of raw.incident_updates ?? []) for (const c of u.affected_components ?? []) componentIds.add(c.code);

  return {
    id: raw.id,
    name: clip(raw.name, LIMITS.name),
    status: raw.status,
    impact: raw.impact,
    startedAt: toMs(raw.started_at) ?? toMs(raw.created_at) ?? 0,
    componentIds: [...componentIds],
    updates,
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

export function toMs(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** Cuts untrusted text to `max` characters (with an ellipsis), never splitting a surrogate pair. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  // Never keep half of a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(s.charAt(end - 1))) end -= 1;
  return `${s.slice(0, end)}…`;
}
