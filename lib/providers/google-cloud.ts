/**
 * Google Cloud's status feed (`status.cloud.google.com/incidents.json`): a JSON array of incidents
 * across all of Google Cloud, with no component states. A product's state is derived from which
 * open incidents name it; an incident is open while it has no `end`. See docs/providers.md.
 */
import { lenientEnum } from '../statuspage/schema';
import { clip, toMs } from '../statuspage/snapshot';
import { z } from '../zod';
import { PROVIDER_LIMITS, type ProviderIncident, type ProviderLevel, type ProviderSnapshot, worstProviderLevel } from './level';

export const GOOGLE_STATUS_ORIGIN = 'https://status.cloud.google.com';

/** Google's ids are 20-character base62 strings; incident links are built from them, so nothing else gets in. */
const googleId = z.string().check(z.regex(/^[A-Za-z0-9]{1,40}$/, 'not a Google status id'));
const time = z.nullish(z.string().check(z.maxLength(64)));
export const STATUS_IMPACTS = ['SERVICE_INFORMATION', 'SERVICE_DISRUPTION', 'SERVICE_OUTAGE'] as const;

export const GoogleIncidentSchema = z.object({
  id: googleId,
  external_desc: z.nullish(z.string()),
  begin: time,
  created: time,
  end: time,
  status_impact: z.nullish(lenientEnum(STATUS_IMPACTS)),
  affected_products: z.nullish(z.array(z.object({ id: googleId, title: z.nullish(z.string()), current_title: z.nullish(z.string()) }))),
});

/** The top level must be an array; each incident is checked on its own (see {@link normaliseGoogleIncidents}). */
export const GoogleIncidentsSchema = z.array(z.unknown()).check(z.maxLength(10_000));

export type GoogleIncident = z.infer<typeof GoogleIncidentSchema>;

export interface GoogleWatch {
  /** Product ids from `products.json`; stable while titles are being renamed ("Vertex Gemini API" → "Gemini on Agent Platform"). */
  products: ReadonlyArray<{ id: string; name: string }>;
}

function incidentLevel(incident: GoogleIncident): ProviderLevel {
  // An open incident is never operational, whatever it is filed as.
  return incident.status_impact === 'SERVICE_OUTAGE' ? 'outage' : 'degraded';
}

/**
 * One bad incident elsewhere in Google Cloud must not hide the products we watch, so incidents are
 * validated one by one and the invalid ones skipped, unless one of them names a watched product:
 * then we cannot tell whether it is open, and the rollup is `unknown`, never a green guess.
 */
export function normaliseGoogleIncidents(items: unknown[], watch: GoogleWatch): ProviderSnapshot {
  const watched = new Set(watch.products.map((p) => p.id));
  const open: GoogleIncident[] = [];
  let unreadable = false;
  for (const item of items) {
    const parsed = GoogleIncidentSchema.safeParse(item);
    if (!parsed.success) {
      unreadable ||= namesWatchedProduct(item, watched);
      continue;
    }
    const incident = parsed.data;
    if (incident.end) continue;
    if (!(incident.affected_products ?? []).some((p) => watched.has(p.id))) continue;
    open.push(incident);
  }

  const seen = new Set<string>();
  const incidents: ProviderIncident[] = open
    .filter((i) => !seen.has(i.id) && Boolean(seen.add(i.id)))
    .map((i) => ({
      id: i.id,
      // Empty when Google gave no description: the UI words that case.
      name: clip(i.external_desc?.trim() ?? '', PROVIDER_LIMITS.name),
      level: incidentLevel(i),
      startedAt: toMs(i.begin) ?? toMs(i.created) ?? 0,
      url: `${GOOGLE_STATUS_ORIGIN}/incidents/${encodeURIComponent(i.id)}`,
    }))
    .sort((a, b) => b.startedAt - a.startedAt);

  const components = watch.products.map((p) => ({
    id: p.id,
    name: p.name,
    level: worstProviderLevel(open.filter((i) => i.affected_products?.some((a) => a.id === p.id)).map(incidentLevel)),
  }));

  return {
    level: worstProviderLevel([unreadable ? 'unknown' : 'operational', ...components.map((c) => c.level)]),
    incidents: incidents.slice(0, PROVIDER_LIMITS.incidents),
    components,
  };
}

function namesWatchedProduct(item: unknown, watched: Set<string>): boolean {
  const products = typeof item === 'object' && item !== null ? (item as { affected_products?: unknown }).affected_products : null;
  return (
    Array.isArray(products) &&
    products.some((p) => typeof p === 'object' && p !== null && watched.has((p as { id?: unknown }).id as string))
  );
}
