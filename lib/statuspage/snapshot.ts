/**
 * The project's own picture of the status page: what the popup, the badge and the claude.ai banner
 * render. Built by `normaliseSummary` (normalise.ts) from a validated payload; plain data, safe to store.
 */
import type { IncidentScope } from '../models/scope';
import type { ComponentStatus, Impact, IncidentStatus } from './schema';

import { STATUS_PAGE_ORIGIN } from './hosts';

export { STATUS_PAGE_ORIGIN };

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
  /**
   * Which models it affects now, read from its text by the background when the snapshot is made
   * (models/scope.ts), so the popup and the claude.ai content script never load the text parser.
   */
  scope: IncidentScope;
}

export interface MaintenanceState extends IncidentState {
  scheduledFor: number | null;
  scheduledUntil: number | null;
}

/** A maintenance that is running now: in progress, or done and being verified. */
export const isMaintenanceRunning = (m: MaintenanceState) => m.status === 'in_progress' || m.status === 'verifying';

export interface Snapshot {
  /** `page.updated_at` (epoch ms) of the payload: an older copy must never replace a newer one. */
  pageUpdatedAt: number | null;
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

export function toMs(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** Cuts untrusted text to `max` characters, never through a surrogate pair. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  // Never keep half of a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(s.charAt(end - 1))) end -= 1;
  return `${s.slice(0, end)}…`;
}
