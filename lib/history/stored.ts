/**
 * The shapes the history keeps in storage, with their empty values. Types only and two constants:
 * lib/storage.ts imports this, and everything that imports storage (the claude.ai content script
 * among them) must not pull the history code or the model parser in with it.
 */
import type { ComponentStatus, Impact, IncidentStatus } from '../statuspage/schema';

export interface ArchivedTransition {
  /** Component id. */
  id: string;
  from: ComponentStatus;
  to: ComponentStatus;
}

/** Which models the incident concerned right after an update, as `modelKey()` strings. */
export interface ArchivedScope {
  affected: string[];
  /** The incident spoke of several, all or unnamed models. */
  broad: boolean;
  /** Models the incident said were not affected ("all models except Opus 5"). */
  excluded: string[];
}

export interface ArchivedUpdate {
  id: string;
  status: IncidentStatus;
  /** `display_at` (the time the page shows), else `created_at`; epoch ms, never later than when it was archived. */
  at: number;
  components: ArchivedTransition[];
  scope: ArchivedScope;
}

export interface ArchivedIncident {
  id: string;
  name: string;
  impact: Impact;
  status: IncidentStatus;
  createdAt: number;
  /** `started_at` (else `created_at`), moved earlier to the first update when the page back-dated one. */
  startedAt: number;
  /** When it was resolved (the newest resolving update, else `resolved_at`); null while open. */
  resolvedAt: number | null;
  /** Oldest first. */
  updates: ArchivedUpdate[];
  /** Every model the incident named (title or any update) and whether it ever spoke of models broadly: what an
   *  incident posted already resolved, whose scopes are all empty, was about. */
  models: { named: string[]; broad: boolean };
  /** First sentence of the newest update, capped; '' when there is none. */
  summary: string;
}

export interface Archive {
  /** Newest start first. */
  incidents: ArchivedIncident[];
  /** Component id → its label in the newest update that named it (components can be renamed or removed). */
  componentNames: Record<string, { name: string; at: number }>;
  /** Since when the archive holds every incident the page published, as far as it can tell; null: unknown. */
  coveredSince: number | null;
  /** When a complete list (incidents.json) was last merged. */
  listedAt: number | null;
}

export const EMPTY_ARCHIVE: Archive = { incidents: [], componentNames: {}, coveredSince: null, listedAt: null };

export interface ArchiveState {
  archive: Archive;
  etag: string | null;
}

/** Official percentages of one component, as the page prints them. */
export interface ComponentUptime {
  ninety: number;
  thirty: number;
}

/** Component id → its official uptime. Components in doubt are absent. */
export type OfficialUptime = Record<string, ComponentUptime>;

export interface UptimeCache {
  /** The component ids the cached answer (and its ETag) is for. */
  ids: string[];
  etag: string | null;
  /** Last answer (200 or 304). */
  fetchedAt: number | null;
  /** Last attempt, answered or not. */
  checkedAt: number | null;
  uptime: OfficialUptime;
}

export const EMPTY_UPTIME: UptimeCache = { ids: [], etag: null, fetchedAt: null, checkedAt: null, uptime: {} };

/** The last attempt to fill the archive: when, and what went wrong (null: it was answered). */
export interface ArchiveFill {
  attemptedAt: number | null;
  /** The problem's short text ("HTTP 503", "timeout"), for the history page's empty state. */
  problem: string | null;
  /** A complete list was stored once: a worker start need not read the (large) archive to find out. */
  filled: boolean;
}

export const NO_FILL: ArchiveFill = { attemptedAt: null, problem: null, filled: false };
