/**
 * The history's work in the background, with fetch and the clock injected:
 * - the **one place that reads incidents.json**: `fill()`, a conditional GET with the archive's own
 *   ETag (history/fill.ts `refreshArchive`), the stored archive written only when it changed. The
 *   worker calls it at the first start (until one fill has succeeded), when an incident leaves the
 *   summary and when the settings page wants the models recent incidents named; never on a poll;
 * - what the worker reads from a fill: the closing words of incidents that left the summary and
 *   the models incidents named, from the fresh list or, after a 304, from the archive;
 * - the status page's official uptime, refreshed (at most every 6 hours) only when the history page
 *   asks for it.
 * @module
 */
import type { Closing } from '../attention/notify';
import { type RefreshResult, refreshArchive } from '../history/fill';
import { archivedModels } from '../history/archive';
import { refreshUptime } from '../history/uptime';
import { modelsMentioned } from '../models/seen';
import { normaliseIncident } from '../statuspage/normalise';
import type { IncidentStatus } from '../statuspage/schema';
import { archiveFillItem, archiveItem, statusItem, uptimeItem } from '../storage';
import { singleFlight } from './single-flight';

/** A first fill that failed is tried again at a worker start no sooner than this. */
export const FIRST_FILL_RETRY_MS = 30 * 60_000;

export interface HistoryDeps {
  fetch: typeof fetch;
  now: () => number;
}

/** What the page says is over: the same statuses the notifier always took as a confirmed resolution. */
const isResolved = (status: IncidentStatus) => status === 'resolved' || status === 'postmortem';

/**
 * incidents.json's word on incidents that left the summary. From the fresh list when the fill brought one (the
 * newest update's whole body); after a 304 from the archive, which holds that same list as last read (its newest
 * update's first sentence, all the notifier shows). Nothing after a failure, and nothing for an incident the list
 * does not hold: the notifier then waits for a second poll to confirm the resolution.
 */
export function closingFrom(result: RefreshResult, ids: readonly string[]): Record<string, Closing> {
  const wanted = new Set(ids);
  const closing: Record<string, Closing> = {};
  if (result.problem) return closing;
  if (result.incidents.length) {
    for (const raw of result.incidents) {
      if (!wanted.has(raw.id)) continue;
      const incident = normaliseIncident(raw);
      closing[raw.id] = { resolved: isResolved(incident.status), update: incident.updates[0] };
    }
    return closing;
  }
  for (const incident of result.archive.incidents) {
    if (!wanted.has(incident.id)) continue;
    const newest = incident.updates.at(-1);
    closing[incident.id] = {
      resolved: isResolved(incident.status),
      update: newest && { id: newest.id, status: newest.status, body: incident.summary, at: newest.at },
    };
  }
  return closing;
}

/** The models a fill tells of: those the fresh list's text names (as the settings page always learned them), then
 *  those the archive holds. Nothing after a failure. */
export function modelsFrom(result: RefreshResult): string[] {
  if (result.problem) return [];
  return [...new Set([...modelsMentioned(result.incidents.map(normaliseIncident)), ...archivedModels(result.archive)])];
}

export function createHistoryTasks(deps: HistoryDeps) {
  /** One conditional GET of incidents.json; concurrent callers share it. Never throws. */
  const fill = singleFlight(async (): Promise<RefreshResult> => {
    const [before, last] = await Promise.all([archiveItem.getValue(), archiveFillItem.getValue()]);
    const result = await refreshArchive(deps, before);
    // A write that fails (storage full) keeps the old archive and its ETag, so the next fill reads the list again.
    const stored = result.changed
      ? await archiveItem.setValue({ archive: result.archive, etag: result.etag }).then(
          () => true,
          (e: unknown) => {
            console.warn('[claude-status] archive not stored', e);
            return false;
          },
        )
      : true;
    const filled = last.filled || (stored ? result.archive : before.archive).listedAt !== null;
    await archiveFillItem.setValue({ attemptedAt: deps.now(), problem: result.problem?.detail ?? null, filled });
    return result;
  });

  /**
   * The install-time fill: only while no complete list was ever merged, and after a failed try not again within
   * FIRST_FILL_RETRY_MS (a page that keeps failing must not cost a large request at every worker start), unless
   * `retryNow` (someone is looking at the empty history page). Returns null when it did not fill.
   */
  async function fillIfNeverFilled(options: { retryNow?: boolean } = {}): Promise<RefreshResult | null> {
    // The small item first: at almost every start it says a fill succeeded, and the archive (up to 1.5 MB) stays unread.
    const last = await archiveFillItem.getValue();
    if (last.filled || (await archiveItem.getValue()).archive.listedAt !== null) return null;
    const now = deps.now();
    // An attempt "in the future" means the clock was set back: its age is unknown, so try.
    const recent = last.attemptedAt !== null && last.attemptedAt <= now && now - last.attemptedAt < FIRST_FILL_RETRY_MS;
    return recent && !options.retryNow ? null : fill();
  }

  /** The page's official uptime for the components the summary lists, when due (history/uptime.ts decides). */
  const refreshOfficialUptime = singleFlight(async (): Promise<void> => {
    const [cache, status] = await Promise.all([uptimeItem.getValue(), statusItem.getValue()]);
    const ids = status.snapshot?.components.map((c) => c.id) ?? [];
    const refreshed = await refreshUptime(deps, cache, ids);
    if (refreshed.changed) await uptimeItem.setValue(refreshed.cache);
  });

  return { fill, fillIfNeverFilled, refreshOfficialUptime };
}

export type HistoryTasks = ReturnType<typeof createHistoryTasks>;
