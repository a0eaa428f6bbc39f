/**
 * Shared inputs of the history tests: the real incidents.json capture (50 incidents, 2026-07-22 →
 * 2026-09-15) validated as the extension validates it, and small builders for synthetic variants.
 */
import { type Archive, EMPTY_ARCHIVE, archiveIncidents } from '../../../lib/history/archive';
import { IncidentListSchema, type RawIncident } from '../../../lib/statuspage/schema';
import { INCIDENTS_BACKFILL, loadFixture } from '../../fixtures';

/** When the capture was taken (its `_meta.retrieved_at`). */
export const CAPTURE_NOW = Date.parse('2026-09-15T12:22:10Z');

export const at = (iso: string) => Date.parse(iso);
export const MIN = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** The real incidents, parsed by IncidentListSchema (a fresh copy each call). */
export function realIncidents(): RawIncident[] {
  return IncidentListSchema.parse(loadFixture(INCIDENTS_BACKFILL)).incidents;
}

export function realIncident(id: string): RawIncident {
  const found = realIncidents().find((i) => i.id === id);
  if (!found) throw new Error(`no incident ${id} in the backfill`);
  return found;
}

/** The archive the install-time fill makes from the capture. */
export function realArchive(now = CAPTURE_NOW): Archive {
  return archiveIncidents(EMPTY_ARCHIVE, realIncidents(), now, { complete: true });
}

type RawUpdate = NonNullable<RawIncident['incident_updates']>[number];

/** Synthetic: an incident-shaped object, validated like a real one; updates are given oldest first. */
export function syntheticIncident(
  fields: Partial<Omit<RawIncident, 'incident_updates'>> & { id: string },
  updates: Array<Partial<RawUpdate> & { id: string; at: string; body?: string; components?: Array<[string, string, string]> }>,
): RawIncident {
  const first = updates[0]?.at ?? '2026-09-01T00:00:00Z';
  const last = updates.at(-1);
  const raw = {
    name: 'Synthetic incident',
    status: last?.status ?? 'resolved',
    impact: 'minor',
    created_at: first,
    started_at: first,
    resolved_at: last?.status === 'resolved' ? last.at : null,
    ...fields,
    incident_updates: [...updates].reverse().map((u) => ({
      id: u.id,
      status: u.status ?? 'investigating',
      body: u.body ?? '',
      created_at: u.at,
      display_at: u.display_at === undefined ? u.at : u.display_at,
      affected_components: u.components
        ? u.components.map(([code, old_status, new_status]) => ({ code, name: code, old_status, new_status }))
        : null,
    })),
  };
  return IncidentListSchema.parse({ incidents: [raw] }).incidents[0]!;
}
