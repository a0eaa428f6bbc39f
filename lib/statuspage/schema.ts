/**
 * Zod schemas for the Statuspage v2 JSON we read (`summary.json`, `incidents.json`).
 *
 * They list only the fields we use: unknown extra fields are ignored, and an enum value we have not
 * seen (a new component status, say) becomes `'unknown'` instead of failing the whole payload.
 * See docs/statuspage.md §3 for the field reference.
 */
import { z } from '../zod';

export const COMPONENT_STATUSES = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'] as const;
export const IMPACTS = ['none', 'minor', 'major', 'critical', 'maintenance'] as const;
export const INCIDENT_STATUSES = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
  'postmortem',
  // maintenances reuse the incident shape with these
  'scheduled',
  'in_progress',
  'verifying',
  'completed',
] as const;

export type ComponentStatus = (typeof COMPONENT_STATUSES)[number] | 'unknown';
export type Impact = (typeof IMPACTS)[number] | 'unknown';
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number] | 'unknown';

/** A string enum that maps values we do not know to `'unknown'` rather than rejecting them. */
export function lenientEnum<const T extends readonly string[]>(values: T) {
  return z.pipe(
    z.string(),
    z.transform((s: string): T[number] | 'unknown' => ((values as readonly string[]).includes(s) ? s : 'unknown')),
  );
}

/** Statuspage ids are short lowercase codes; we build incident URLs from them, so nothing else gets in. */
const id = z.string().check(z.regex(/^[a-z0-9]{1,40}$/i, 'not a Statuspage id'));
const time = z.string().check(z.maxLength(64));
const optionalTime = z.nullish(time);
/** Text fields are untrusted and sometimes long: accept anything, the normaliser caps the length. */
const text = z.string();

export const ComponentSchema = z.object({
  id,
  name: text,
  status: lenientEnum(COMPONENT_STATUSES),
  position: z.nullish(z.number()),
  group: z.nullish(z.boolean()),
  only_show_if_degraded: z.nullish(z.boolean()),
});

const AffectedComponentSchema = z.object({
  code: id,
  name: z.nullish(text),
  /** The component's status before this update: with `new_status`, a transition (history/minutes.ts). */
  old_status: z.nullish(lenientEnum(COMPONENT_STATUSES)),
  new_status: z.nullish(lenientEnum(COMPONENT_STATUSES)),
});

const IncidentUpdateSchema = z.object({
  id,
  status: lenientEnum(INCIDENT_STATUSES),
  body: z.nullish(text),
  created_at: time,
  display_at: optionalTime,
  affected_components: z.nullish(z.array(AffectedComponentSchema)),
});

export const IncidentSchema = z.object({
  id,
  name: text,
  status: lenientEnum(INCIDENT_STATUSES),
  impact: lenientEnum(IMPACTS),
  created_at: time,
  updated_at: optionalTime,
  started_at: optionalTime,
  monitoring_at: optionalTime,
  resolved_at: optionalTime,
  components: z.nullish(z.array(z.pick(ComponentSchema, { id: true }))),
  incident_updates: z.nullish(z.array(IncidentUpdateSchema)),
});

export const MaintenanceSchema = z.extend(IncidentSchema, {
  scheduled_for: optionalTime,
  scheduled_until: optionalTime,
});

export const SummarySchema = z.object({
  page: z.object({ name: text, updated_at: optionalTime }),
  status: z.object({ indicator: lenientEnum(IMPACTS), description: text }),
  components: z.array(ComponentSchema),
  incidents: z.nullish(z.array(IncidentSchema)),
  scheduled_maintenances: z.nullish(z.array(MaintenanceSchema)),
});

export const IncidentListSchema = z.object({ incidents: z.array(IncidentSchema) });

export type Summary = z.infer<typeof SummarySchema>;
export type RawIncident = z.infer<typeof IncidentSchema>;
export type RawMaintenance = z.infer<typeof MaintenanceSchema>;
