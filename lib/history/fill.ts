/**
 * Fills the archive from incidents.json: one bounded, conditional GET with the archive's own ETag
 * (never the status poll's), validated, merged. Called at install and when an incident leaves the
 * summary, never on every poll. Never throws; a failure keeps the archive as it was.
 * @module
 */
import { fetchJson, type PollProblem } from '../statuspage/fetch-json';
import { IncidentListSchema, type RawIncident } from '../statuspage/schema';
import { INCIDENTS_PATH } from '../statuspage/hosts';
import { STATUS_PAGE_ORIGIN } from '../statuspage/snapshot';
import { archiveIncidents } from './archive';
import type { ArchiveState } from './stored';

export const INCIDENTS_URL = `${STATUS_PAGE_ORIGIN}${INCIDENTS_PATH}`;
/** incidents.json is ~300 KB for 50 incidents; 2 MB leaves room without letting a runaway body in. */
export const INCIDENTS_MAX_BYTES = 2 * 1024 * 1024;
export const INCIDENTS_TIMEOUT_MS = 15_000;

/** What `local:archive` stores: the archive and the ETag of the incidents.json it was last filled from. */
export type { ArchiveState } from './stored';

export interface RefreshResult extends ArchiveState {
  /** The validated incidents of a fresh response (for callers that want their closing words); [] otherwise. */
  incidents: RawIncident[];
  /** Why nothing was merged; null after a 200 or a 304. */
  problem: PollProblem | null;
  /** Whether the archive or the ETag differs from the state passed in: write the stored item only then. */
  changed: boolean;
}

export async function refreshArchive(deps: { fetch: typeof fetch; now: () => number }, state: ArchiveState): Promise<RefreshResult> {
  const unchanged = (problem: PollProblem | null): RefreshResult => ({ ...state, incidents: [], problem, changed: false });
  const outcome = await fetchJson({
    fetch: deps.fetch,
    url: INCIDENTS_URL,
    etag: state.etag,
    timeoutMs: INCIDENTS_TIMEOUT_MS,
    maxBytes: INCIDENTS_MAX_BYTES,
  });
  if (outcome.kind === 'not-modified') return unchanged(null);
  if (outcome.kind === 'failed') return unchanged(outcome.problem);
  const parsed = IncidentListSchema.safeParse(outcome.json);
  if (!parsed.success) return unchanged({ kind: 'invalid', detail: 'unexpected data in incidents.json' });
  const incidents = parsed.data.incidents;
  const archive = archiveIncidents(state.archive, incidents, deps.now(), { complete: true });
  const etag = outcome.etag;
  return { archive, etag, incidents, problem: null, changed: archive !== state.archive || etag !== state.etag };
}
