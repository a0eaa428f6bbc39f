/**
 * The archive of every incident the extension has seen, kept compactly in local storage so the
 * history outlives incidents.json (which lists only the latest 50, about two months).
 *
 * Per incident it keeps what the history page needs and nothing else: no update bodies, only per
 * update its time, status, the component transitions it recorded and the model scope after it.
 * Merging is idempotent (the same payload twice changes nothing and returns the same object, so the
 * caller can skip the storage write), takes the newer state of a reopened incident, and clamps
 * times from an untrusted clock. Two caps, a count and a serialized size, evict the oldest first.
 * Pure; never throws on data that passed `IncidentSchema`.
 * @module
 */
import { extractModels } from '../models/extract';
import { modelKey, type ModelRef } from '../models/ref';
import { incidentScope } from '../models/scope';
import type { ComponentStatus, IncidentStatus, RawIncident } from '../statuspage/schema';
import { componentLabel } from '../statuspage/snapshot';
import type { Archive, ArchivedIncident, ArchivedTransition, ArchivedUpdate } from './stored';
import { EMPTY_ARCHIVE } from './stored';

/**
 * Caps. Real sizes (the 50 captured incidents): about 1.2 KB per incident serialized, and about one incident a
 * day, so 90 days is ~80–100 incidents (~90–120 KB). 1,000 incidents is roughly three years at that rate and
 * about 1.2 MB; 1.5 MB leaves room for wordier years and is 15% of the 10 MB chrome.storage.local gives without
 * `unlimitedStorage`, so the status snapshot and settings never compete with it. Every write of the item
 * serializes it whole, and it is written only when an incident resolves, so its size is no polling cost.
 */
export interface ArchiveLimits {
  maxIncidents: number;
  maxBytes: number;
  /** Characters of an incident name and of the summary sentence. */
  name: number;
  summary: number;
  /** Characters of an update body read for its models (bodies are not stored). */
  body: number;
  /** Updates kept per incident (the first and the newest): real incidents have at most 8. */
  updates: number;
  /** Component transitions per update (the page has 6 components). */
  transitions: number;
  /** Model keys per scope. */
  models: number;
}

export const ARCHIVE_LIMITS: ArchiveLimits = {
  maxIncidents: 1000,
  maxBytes: 1_500_000,
  name: 200,
  summary: 160,
  body: 1500,
  updates: 60,
  transitions: 12,
  models: 24,
};

export {
  type Archive,
  type ArchivedIncident,
  type ArchivedScope,
  type ArchivedTransition,
  type ArchivedUpdate,
  EMPTY_ARCHIVE,
} from './stored';

const CLOSED = new Set<IncidentStatus>(['resolved', 'postmortem', 'completed']);
export const isClosedStatus = (status: IncidentStatus) => CLOSED.has(status);

// ---- Untrusted text ----

/** Control, zero-width and bidi-override characters: invisible, and able to reorder what is displayed. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** One line of untrusted text: invisible characters dropped, whitespace collapsed, capped without splitting a pair. */
export function cleanLine(text: unknown, max: number): string {
  const line = (typeof text === 'string' ? text.slice(0, 4 * max) : '').replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(line.charAt(end - 1))) end -= 1;
  return `${line.slice(0, end)}…`;
}

/** "The issue has been resolved. Impact ended at 16:16 UTC." → "The issue has been resolved." */
function firstSentence(body: unknown, max: number): string {
  const text = typeof body === 'string' ? body.slice(0, 4 * max) : '';
  const end = /[.!?](?=\s|$)|\n\s*\n/.exec(text);
  return cleanLine(end ? text.slice(0, end.index + 1) : text, max);
}

// ---- Times ----

function toMs(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** A time from the page, never after `now`: a clock set wrong (ours or theirs) must not put incidents in the future. */
const notAfter = (t: number | null, now: number) => (t === null ? null : Math.min(t, now));

// ---- Compaction ----

const keysOf = (models: readonly ModelRef[], max: number) => [...new Set(models.map(modelKey))].slice(0, max);

/** Another branch adds `excluded` to IncidentScope; read it when present. */
const excludedOf = (scope: ReturnType<typeof incidentScope>): readonly ModelRef[] =>
  (scope as { excluded?: readonly ModelRef[] }).excluded ?? [];

interface Compacted {
  incident: ArchivedIncident;
  names: Array<[id: string, name: string, at: number]>;
}

/** The archived form of one validated incident, or null when it carries no usable time at all. */
export function compactIncident(raw: RawIncident, now: number, limits: ArchiveLimits = ARCHIVE_LIMITS): Compacted | null {
  const seenIds = new Set<string>();
  const timed = (raw.incident_updates ?? []).flatMap((u, index) => {
    const at = notAfter(toMs(u.display_at) ?? toMs(u.created_at), now);
    if (at === null || seenIds.has(u.id)) return [];
    seenIds.add(u.id);
    return [{ u, index, at }];
  });
  // Oldest first. The page lists updates newest first, so of two with the same time the later one in its list is older.
  timed.sort((a, b) => a.at - b.at || b.index - a.index);
  // A hostile list of thousands: keep the first update (the start) and the newest ones.
  const kept = timed.length > limits.updates ? [timed[0]!, ...timed.slice(timed.length - limits.updates + 1)] : timed;

  const title = extractModels(cleanLine(raw.name, limits.body));
  const names: Compacted['names'] = [];
  let lastScope: ReturnType<typeof incidentScope> | null = null;
  // Component statuses replayed so far: an update that restates one (old = new = what it already is) is dropped; it
  // changes nothing, and restatements were half the archive's size.
  const replayed = new Map<string, ComponentStatus>();
  const updates = kept.map(({ u, at }, k): ArchivedUpdate => {
    // The scope after this update: the updates up to it, newest first, as the scope reader expects.
    const upTo = kept
      .slice(0, k + 1)
      .reverse()
      .map((x) => ({ body: (x.u.body ?? '').slice(0, limits.body), status: x.u.status }));
    const scope = incidentScope({ name: raw.name.slice(0, limits.body), status: u.status, updates: upTo });
    lastScope = scope;
    const transitions = new Map<string, ArchivedTransition>();
    for (const c of u.affected_components ?? []) {
      const [from, to] = [c.old_status ?? 'unknown', c.new_status ?? 'unknown'];
      if (c.name) names.push([c.code, componentLabel(cleanLine(c.name, limits.name)), at]);
      if (from === to && replayed.get(c.code) === to) {
        transitions.delete(c.code);
        continue;
      }
      transitions.set(c.code, { id: c.code, from, to });
      replayed.set(c.code, to);
    }
    if (isClosedStatus(u.status)) for (const id of replayed.keys()) replayed.set(id, 'operational');
    return {
      id: u.id,
      status: u.status,
      at,
      components: [...transitions.values()].slice(0, limits.transitions),
      scope: {
        affected: keysOf(scope.affected, limits.models),
        broad: scope.broad,
        excluded: keysOf(excludedOf(scope), limits.models),
      },
    };
  });

  const declared = notAfter(toMs(raw.started_at) ?? toMs(raw.created_at), now);
  const first = updates[0]?.at ?? null;
  const startedAt = declared === null ? first : first === null ? declared : Math.min(declared, first);
  if (startedAt === null) return null;
  const final = lastScope as ReturnType<typeof incidentScope> | null;
  const named = final ? [...final.affected, ...final.recovering] : title.models;
  const newest = updates.at(-1);
  const newestRaw = kept.at(-1)?.u;
  return {
    incident: {
      id: raw.id,
      name: cleanLine(raw.name, limits.name),
      impact: raw.impact,
      status: raw.status,
      createdAt: notAfter(toMs(raw.created_at), now) ?? startedAt,
      startedAt,
      resolvedAt: isClosedStatus(raw.status) ? resolutionTime(updates, notAfter(toMs(raw.resolved_at), now), startedAt) : null,
      updates,
      models: { named: keysOf(named, limits.models), broad: title.broad || updates.some((u) => u.scope.broad) },
      summary: newest && newestRaw ? firstSentence(newestRaw.body, limits.summary) : '',
    },
    names,
  };
}

/** The newest resolving update (what the minutes count to), else `resolved_at`, else the last update; never before the start. */
function resolutionTime(updates: ArchivedUpdate[], resolvedAt: number | null, startedAt: number): number {
  const closing = updates.findLast((u) => isClosedStatus(u.status));
  return Math.max(startedAt, closing?.at ?? resolvedAt ?? updates.at(-1)?.at ?? startedAt);
}

// ---- Merging ----

const latestAt = (i: ArchivedIncident) => i.updates.at(-1)?.at ?? i.startedAt;

/**
 * One incident seen twice. Updates are merged by id (the fresher copy of an update wins); the incident's own fields
 * come from whichever copy has the newer latest update (the fresher fetch on a tie), so a reopened incident takes
 * its new status and a stale copy never undoes a resolution.
 */
function mergeIncident(old: ArchivedIncident, fresh: ArchivedIncident, limits: ArchiveLimits): ArchivedIncident {
  const byId = new Map(old.updates.map((u) => [u.id, u]));
  for (const u of fresh.updates) byId.set(u.id, u);
  const sorted = [...byId.values()].sort((a, b) => a.at - b.at);
  const updates = sorted.length > limits.updates ? [sorted[0]!, ...sorted.slice(sorted.length - limits.updates + 1)] : sorted;
  const newer = latestAt(fresh) >= latestAt(old) ? fresh : old;
  const startedAt = Math.min(newer.startedAt, updates[0]?.at ?? newer.startedAt);
  return {
    ...newer,
    startedAt,
    resolvedAt: isClosedStatus(newer.status) ? resolutionTime(updates, newer.resolvedAt, startedAt) : null,
    updates,
    models: {
      named: [...new Set([...newer.models.named, ...old.models.named, ...fresh.models.named])].slice(0, limits.models),
      broad: old.models.broad || fresh.models.broad,
    },
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export interface ArchiveOptions {
  /** The incidents are a complete list of the page's latest incidents (incidents.json): the archive is complete from
   *  the oldest of them on, and back to where it was complete before if this list reaches that far. */
  complete?: boolean;
  limits?: ArchiveLimits;
}

/**
 * Merges validated incidents (incidents.json, or the summary's open ones) into the archive at time `now`. Returns
 * the same `archive` object when nothing changed, so the caller can skip the storage write.
 */
export function archiveIncidents(
  archive: Archive,
  rawIncidents: readonly RawIncident[],
  now: number,
  options: ArchiveOptions = {},
): Archive {
  const limits = options.limits ?? ARCHIVE_LIMITS;
  const base = asArchive(archive);
  const incoming = new Map<string, ArchivedIncident>();
  const names: Compacted['names'] = [];
  for (const raw of rawIncidents) {
    const compacted = compactIncident(raw, now, limits);
    if (!compacted) continue;
    const twin = incoming.get(raw.id);
    incoming.set(raw.id, twin ? mergeIncident(twin, compacted.incident, limits) : compacted.incident);
    names.push(...compacted.names);
  }

  const byId = new Map(base.incidents.map((i) => [i.id, i]));
  for (const [id, fresh] of incoming) {
    const old = byId.get(id);
    const merged = old ? mergeIncident(old, fresh, limits) : fresh;
    if (!old || !same(old, merged)) byId.set(id, merged);
  }

  const componentNames = { ...base.componentNames };
  for (const [id, name, at] of names) {
    const known = Object.hasOwn(componentNames, id) ? componentNames[id] : undefined;
    if (!known || at > known.at || (at === known.at && name !== known.name)) componentNames[id] = { name, at };
  }

  let { coveredSince, listedAt } = base;
  if (options.complete) {
    const starts = [...incoming.values()].map((i) => i.startedAt);
    const oldest = starts.length ? Math.min(...starts) : now;
    // Continuous with the last complete list when this one reaches back to when that one was read.
    const continuous = coveredSince !== null && listedAt !== null && oldest <= listedAt;
    coveredSince = continuous ? Math.min(coveredSince!, oldest) : oldest;
    listedAt = now;
  }
  const next = withinCaps({ incidents: [...byId.values()], componentNames, coveredSince, listedAt }, limits);
  return sameArchive(base, next) ? base : next;
}

const byNewestStart = (a: ArchivedIncident, b: ArchivedIncident) => b.startedAt - a.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const encoder = new TextEncoder();
/** Bytes of the JSON text storage keeps (UTF-8). */
export const serializedBytes = (value: unknown) => encoder.encode(JSON.stringify(value)).length;

/** Newest first, then the oldest evicted until both caps hold; coverage moves past what was evicted. */
function withinCaps(archive: Archive, limits: ArchiveLimits): Archive {
  const sorted = [...archive.incidents].sort(byNewestStart);
  const referenced = new Set(sorted.flatMap((i) => i.updates.flatMap((u) => u.components.map((c) => c.id))));
  const componentNames = Object.fromEntries(Object.entries(archive.componentNames).filter(([id]) => referenced.has(id)));
  let bytes = serializedBytes({ ...archive, incidents: [], componentNames });
  let kept = 0;
  for (const incident of sorted) {
    const size = serializedBytes(incident) + 1; // and its comma
    if (kept >= limits.maxIncidents || bytes + size > limits.maxBytes) break;
    bytes += size;
    kept += 1;
  }
  const evicted = sorted[kept];
  const coveredSince = evicted ? Math.max(archive.coveredSince ?? Number.NEGATIVE_INFINITY, evicted.startedAt + 1) : archive.coveredSince;
  return { incidents: sorted.slice(0, kept), componentNames, coveredSince, listedAt: archive.listedAt };
}

function sameArchive(a: Archive, b: Archive): boolean {
  return (
    a.coveredSince === b.coveredSince &&
    a.listedAt === b.listedAt &&
    a.incidents.length === b.incidents.length &&
    a.incidents.every((incident, i) => incident === b.incidents[i]) &&
    same(a.componentNames, b.componentNames)
  );
}

// ---- Stored data ----

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

function looksArchived(x: any): x is ArchivedIncident {
  return (
    !!x &&
    typeof x.id === 'string' &&
    typeof x.name === 'string' &&
    isNumber(x.startedAt) &&
    (x.resolvedAt === null || isNumber(x.resolvedAt)) &&
    Array.isArray(x.updates) &&
    x.updates.every((u: any) => !!u && isNumber(u.at) && Array.isArray(u.components) && !!u.scope && Array.isArray(u.scope.affected)) &&
    !!x.models &&
    Array.isArray(x.models.named)
  );
}

/** A stored value as an Archive: anything malformed (an older shape, a corrupted write) is dropped, never thrown. */
export function asArchive(stored: unknown): Archive {
  const x = stored as Partial<Archive> | null | undefined;
  if (!x || typeof x !== 'object' || !Array.isArray(x.incidents)) return EMPTY_ARCHIVE;
  const incidents = x.incidents.filter(looksArchived);
  const names = x.componentNames && typeof x.componentNames === 'object' ? x.componentNames : {};
  const componentNames = Object.fromEntries(Object.entries(names).filter(([, v]) => !!v && typeof v.name === 'string' && isNumber(v.at)));
  const coveredSince = isNumber(x.coveredSince) ? x.coveredSince : null;
  const listedAt = isNumber(x.listedAt) ? x.listedAt : null;
  const clean = incidents.length === x.incidents.length && Object.keys(componentNames).length === Object.keys(names).length;
  return clean && coveredSince === x.coveredSince && listedAt === x.listedAt
    ? (x as Archive)
    : { incidents, componentNames, coveredSince, listedAt };
}

/** Every model the archived incidents named, newest incident first (the page shows them besides the user's). */
export function archivedModels(archive: Archive): string[] {
  return [...new Set(archive.incidents.flatMap((i) => i.models.named))];
}
