/**
 * The status page's own uptime percentages per component ("99.44 % uptime" under each 90-day bar),
 * read from the undocumented `/uptime_showcase?components=<ids>` JSON the page itself has fetched
 * since Statuspage made the bars lazy (September 2026; docs/statuspage.md §6). Its shape has changed
 * before, so it is read defensively: a component gets numbers only when its entry is exactly as
 * expected, and any doubt leaves that component without numbers, never with a wrong one. Fetched at
 * most every few hours, conditionally, bounded. Pure apart from the injected fetch.
 * @module
 */
import { z } from '../zod';
import { fetchJson, type PollProblem } from '../statuspage/fetch-json';
import { STATUS_PAGE_ORIGIN } from '../statuspage/snapshot';
import { type ComponentUptime, EMPTY_UPTIME, type OfficialUptime, type UptimeCache } from './stored';

export type { ComponentUptime, OfficialUptime, UptimeCache } from './stored';
export { EMPTY_UPTIME } from './stored';

const componentId = z.string().check(z.regex(/^[a-z0-9]{1,40}$/i));
const percent = z.number().check(z.gte(0), z.lte(100));
const ValueSchema = z.object({ component: componentId, ninety: percent, thirty: percent });

const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

/**
 * `{values: [{component, ninety, thirty, …}], timelines: {<id>: …}, …}` → percentages per component. A component
 * is left out when its entry is malformed (missing number, string, NaN, outside 0..100), when two entries for it
 * disagree, when it has no timeline (the page shows no bar for it), or when it was not asked for. Anything that is
 * not that shape at all gives nothing.
 */
export function parseUptimeShowcase(json: unknown, requested?: readonly string[]): OfficialUptime {
  if (!isObject(json) || !Array.isArray(json.values) || !isObject(json.timelines)) return {};
  const timelines = json.timelines;
  const asked = requested ? new Set(requested) : null;
  const found = new Map<string, ComponentUptime | 'doubt'>();
  for (const entry of json.values.slice(0, 500)) {
    const id = isObject(entry) && typeof entry.component === 'string' ? entry.component : null;
    if (id === null) continue;
    const parsed = ValueSchema.safeParse(entry);
    const value = parsed.success ? { ninety: parsed.data.ninety, thirty: parsed.data.thirty } : 'doubt';
    const before = found.get(id);
    const agrees =
      before === undefined || (before !== 'doubt' && value !== 'doubt' && before.ninety === value.ninety && before.thirty === value.thirty);
    found.set(id, agrees ? value : 'doubt');
  }
  const result: OfficialUptime = {};
  for (const [id, value] of found) {
    if (value === 'doubt' || (asked && !asked.has(id)) || !Object.hasOwn(timelines, id) || !isObject(timelines[id])) continue;
    result[id] = value;
  }
  return result;
}

// ---- Fetching, cached for hours ----

/** The page asks for at most 60 components at a time; Claude's page has 6. */
export const UPTIME_MAX_COMPONENTS = 60;
/** Percentages move slowly: ask again after 6 hours, after 1 hour when the last try failed. */
export const UPTIME_REFRESH_MS = 6 * 3_600_000;
export const UPTIME_RETRY_MS = 3_600_000;
/** Numbers older than a day are not shown. */
export const UPTIME_SHOW_MS = 24 * 3_600_000;
export const UPTIME_MAX_BYTES = 512 * 1024;
export const UPTIME_TIMEOUT_MS = 10_000;

export function uptimeUrl(ids: readonly string[]): string {
  return `${STATUS_PAGE_ORIGIN}/uptime_showcase?components=${ids.map(encodeURIComponent).join(',')}`;
}

const usableIds = (ids: readonly string[]) =>
  [...new Set(ids.filter((id) => componentId.safeParse(id).success))].sort().slice(0, UPTIME_MAX_COMPONENTS);
const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);
/** A time after `now` means the clock was set back since: its age is unknown, so treat it as old. */
const age = (t: number | null, now: number) => (t === null || t > now ? Number.POSITIVE_INFINITY : now - t);

export function isUptimeDue(cache: UptimeCache, componentIds: readonly string[], now: number): boolean {
  const ids = usableIds(componentIds);
  if (!ids.length) return false;
  if (!sameIds(ids, cache.ids)) return true;
  const answered = age(cache.fetchedAt, now) >= UPTIME_REFRESH_MS;
  return answered && age(cache.checkedAt, now) >= (cache.checkedAt === cache.fetchedAt ? UPTIME_REFRESH_MS : UPTIME_RETRY_MS);
}

/** The percentages to show now: none when the last answer is older than a day (or of unknown age). */
export function officialUptime(cache: UptimeCache, now: number): OfficialUptime {
  return age(cache.fetchedAt, now) < UPTIME_SHOW_MS ? cache.uptime : {};
}

export interface UptimeRefresh {
  cache: UptimeCache;
  problem: PollProblem | null;
  /** Write the stored cache only when this is true. */
  changed: boolean;
}

/** Asks the page for its uptime when due (else returns the cache untouched, without a request). */
export async function refreshUptime(
  deps: { fetch: typeof fetch; now: () => number },
  cache: UptimeCache,
  componentIds: readonly string[],
): Promise<UptimeRefresh> {
  const now = deps.now();
  if (!isUptimeDue(cache, componentIds, now)) return { cache, problem: null, changed: false };
  const ids = usableIds(componentIds);
  const base = sameIds(ids, cache.ids) ? cache : { ...EMPTY_UPTIME, ids };
  const outcome = await fetchJson({
    fetch: deps.fetch,
    url: uptimeUrl(ids),
    etag: base.etag,
    timeoutMs: UPTIME_TIMEOUT_MS,
    maxBytes: UPTIME_MAX_BYTES,
  });
  if (outcome.kind === 'not-modified') return { cache: { ...base, fetchedAt: now, checkedAt: now }, problem: null, changed: true };
  if (outcome.kind === 'failed') return { cache: { ...base, checkedAt: now }, problem: outcome.problem, changed: true };
  const uptime = parseUptimeShowcase(outcome.json, ids);
  if (!Object.keys(uptime).length) {
    // Nothing readable: keep what we had (it ages out by itself) and try again later.
    return { cache: { ...base, checkedAt: now }, problem: { kind: 'invalid', detail: 'no uptime figures in the answer' }, changed: true };
  }
  return { cache: { ids, etag: outcome.etag, fetchedAt: now, checkedAt: now, uptime }, problem: null, changed: true };
}
