/**
 * The user's own evidence combined with the status page: one verdict that every surface shows the
 * same way. Pure: the window, the page's word, the clock and what was remembered go in; the verdict
 * (a kind and its counts, as data for the UI to word) and what to remember come out.
 *
 *   none ──(Claude-side ≥ 3 and ≥ 50 % of requests in 5 min)──▶ failing ──(last 2 min: ≥ 2 OK and
 *     ▲                                                           │  Claude-side < 20 %)──▶ recovered
 *     └──────────────────(no request at all for 5 min: faded)─────┘
 *
 * While failing, the kind is `claude-failing-unconfirmed` if the page reports nothing for claude.ai,
 * `confirmed` once it does. The two thresholds (in at 50 %, out below 20 % with OK requests) are the
 * hysteresis: a run that hovers around half failing stays "failing" instead of flapping.
 * User-side causes (region, usage limit, sign-in, connection) are never "Claude is failing".
 */
import { SERVER_SIDE_ERRORS, type CountedOutcome, type ErrorCode } from './classify';
import { RETENTION_MS, pruneWindow, summary, type EvidenceWindow, type Summary } from './window';
import type { PageIncident } from './page';
import { FAILING_MIN_COUNT, FAILING_MIN_SHARE, RECOVERY_MAX_SHARE, RECOVERY_MIN_OK, RECOVERY_SPAN_MS, SPAN_MS } from './thresholds';
import type { EvidenceKind } from './kinds';

export { FAILING_MIN_COUNT, FAILING_MIN_SHARE, RECOVERY_MAX_SHARE, RECOVERY_MIN_OK, RECOVERY_SPAN_MS, SPAN_MS };

export type { EvidenceKind };

export interface EvidenceCounts {
  /** Requests that failed in the way the kind is about (Claude-side for failing/confirmed). */
  failed: number;
  /** Requests counted in the span. */
  total: number;
  /** Of those, the user's messages (the completion endpoint) that failed that way. */
  messagesFailed: number;
  spanMinutes: number;
  /** The most frequent code among those failures: 529, 500, "timeout", "challenge", … */
  mostly: number | string | null;
}

export interface EvidenceVerdict {
  kind: EvidenceKind;
  counts: EvidenceCounts;
  /** When Claude-side failures first crossed the threshold, while remembered (null otherwise). */
  crossedAt: number | null;
  /** When they recovered, for the episode still remembered. */
  recoveredAt: number | null;
  /** How long before the page's matching incident the user saw the failures (ms); null when unknown or the page was first. */
  leadMs: number | null;
  /** For `connection`: whether other hosts (the status page) loaded meanwhile; null when unknown. */
  otherSitesLoad: boolean | null;
}

/** One run of Claude-side failures, remembered (in storage) until an hour after it crossed. */
export interface Episode {
  crossedAt: number;
  /** The page said nothing for claude.ai when the failures crossed: only then is there a lead time. */
  pageCalmAtCrossing: boolean;
  /** Ended: recovered (with OK requests) or faded (no requests at all); null while failing. */
  endedAt: number | null;
  recovered: boolean;
  /** When the page posted the first matching incident seen after the crossing. */
  pagePostedAt: number | null;
}

export interface VerdictInput {
  window: EvidenceWindow;
  now: number;
  /** The page reports something for claude.ai (page.ts: pageSaysClaudeAiAffected). */
  pageSaysClaudeAiAffected: boolean;
  /** The page's open incidents about claude.ai, with their posting times (page.ts: claudeAiIncidents). */
  pageIncidents: PageIncident[];
  /** navigator.onLine. */
  online: boolean;
  /** Whether the extension's own status polls get through (page.ts: statusPageReachable). */
  statusPageReachable: boolean | null;
  /** What was remembered from before (null at first). */
  episode: Episode | null;
}

const NO_COUNTS: EvidenceCounts = { failed: 0, total: 0, messagesFailed: 0, spanMinutes: SPAN_MS / 60_000, mostly: null };

export function evidenceVerdict(input: VerdictInput): { verdict: EvidenceVerdict; episode: Episode | null } {
  const { now } = input;
  const window = pruneWindow(input.window, now);
  const recent = summary(window, now, SPAN_MS);
  const latest = summary(window, now, RECOVERY_SPAN_MS);

  // The user's connection: browser offline, or the status page unreachable at the same time. Then
  // resets and timeouts are explained by the connection, and only HTTP 5xx answers count for Claude.
  const connectionDown = !input.online || input.statusPageReachable === false;
  const transport = transportFailures(recent);
  const claudeFailures = connectionDown ? recent.byOutcome.claude - transport : recent.byOutcome.claude;
  const claudeLatest = connectionDown ? latest.byOutcome.claude - transportFailures(latest) : latest.byOutcome.claude;

  let episode = trustedEpisode(input.episode, now);
  if (episode && episode.endedAt === null) {
    if (latest.byOutcome.ok >= RECOVERY_MIN_OK && claudeLatest < RECOVERY_MAX_SHARE * latest.total) {
      episode = { ...episode, endedAt: now, recovered: true };
    } else if (recent.total === 0) {
      episode = { ...episode, endedAt: now, recovered: false };
    }
  }
  // A new episode needs failures after the last one ended: the old ones stay in the 5-min span for
  // a while, and must not make a recovery "cross" again at once.
  const fresh = episode?.endedAt != null ? summary(window, now, Math.min(SPAN_MS, now - episode.endedAt)) : recent;
  const freshFailures = connectionDown ? fresh.byOutcome.claude - transportFailures(fresh) : fresh.byOutcome.claude;
  const crossing = freshFailures >= FAILING_MIN_COUNT && freshFailures >= FAILING_MIN_SHARE * fresh.total;
  if (crossing && (!episode || episode.endedAt !== null)) {
    episode = { crossedAt: now, pageCalmAtCrossing: !input.pageSaysClaudeAiAffected, endedAt: null, recovered: false, pagePostedAt: null };
  }
  if (episode?.pageCalmAtCrossing && episode.pagePostedAt === null && input.pageIncidents.length) {
    episode = { ...episode, pagePostedAt: Math.min(...input.pageIncidents.map((i) => i.postedAt)) };
  }
  const failing = episode !== null && episode.endedAt === null;

  const verdict = (kind: EvidenceKind, counts: EvidenceCounts, otherSitesLoad: boolean | null = null): EvidenceVerdict => ({
    kind,
    counts,
    crossedAt: episode?.crossedAt ?? null,
    recoveredAt: episode?.recovered ? episode.endedAt : null,
    leadMs: episode?.pagePostedAt != null && episode.pagePostedAt > episode.crossedAt ? episode.pagePostedAt - episode.crossedAt : null,
    otherSitesLoad,
  });
  const of = (outcome: CountedOutcome, failed = recent.byOutcome[outcome], only?: (code: string) => boolean): EvidenceCounts => ({
    failed,
    total: recent.total,
    messagesFailed: recent.completion[outcome],
    spanMinutes: recent.spanMinutes,
    mostly: mostFrequent(recent, outcome, only),
  });
  const share = (n: number) => recent.total > 0 && n >= FAILING_MIN_SHARE * recent.total;

  const last = window.last;
  if (recent.byOutcome.region > 0 && (last.region ?? 0) >= (last.ok ?? 0)) return { verdict: verdict('region', of('region')), episode };
  if (connectionDown && recent.byOutcome.connection + transport > 0) {
    const counts = { ...of('connection', recent.byOutcome.connection + transport), mostly: mostFrequentConnection(recent) };
    return { verdict: verdict('connection', counts, false), episode };
  }
  if (failing) {
    const counts = of('claude', claudeFailures, connectionDown ? (code) => !isTransport(code) : undefined);
    return { verdict: verdict(input.pageSaysClaudeAiAffected ? 'confirmed' : 'claude-failing-unconfirmed', counts), episode };
  }
  const { limit, auth, connection } = recent.byOutcome;
  if (recent.completion.limit > 0 || (limit >= 2 && share(limit))) return { verdict: verdict('usage-limit', of('limit')), episode };
  if (recent.completion.auth > 0 || (auth >= 2 && share(auth))) return { verdict: verdict('sign-in', of('auth')), episode };
  if (connection >= FAILING_MIN_COUNT && share(connection)) {
    return { verdict: verdict('connection', of('connection'), input.statusPageReachable), episode };
  }
  if (input.pageSaysClaudeAiAffected) {
    if (claudeFailures > 0 && claudeFailures >= recent.byOutcome.ok)
      return { verdict: verdict('confirmed', of('claude', claudeFailures)), episode };
    if (recent.byOutcome.ok > 0) return { verdict: verdict('working-for-you', of('claude', claudeFailures)), episode };
  }
  return { verdict: verdict('none', recent.total ? of('claude', claudeFailures) : NO_COUNTS), episode };
}

/** A remembered episode is only trusted if its times make sense now (clocks move both ways). */
function trustedEpisode(episode: Episode | null, now: number): Episode | null {
  if (!episode) return null;
  if (episode.crossedAt > now || (episode.endedAt !== null && episode.endedAt > now)) return null;
  if (now - episode.crossedAt > RETENTION_MS) {
    // Still failing after an hour: keep going, but with the crossing time an hour ago at most.
    return episode.endedAt === null ? { ...episode, crossedAt: now - RETENTION_MS, pageCalmAtCrossing: false } : null;
  }
  return episode;
}

function isTransport(code: string): boolean {
  return (SERVER_SIDE_ERRORS as readonly string[]).includes(code);
}

function transportFailures(s: Summary): number {
  return Object.entries(s.byCode).reduce((sum, [code, n]) => (isTransport(code) ? sum + n : sum), 0);
}

/** Which outcome a stored code belongs to (codes are stored without their outcome). */
export function outcomeOfCode(code: string): CountedOutcome | null {
  if (code === 'region') return 'region';
  if (code === 'challenge') return 'auth';
  if (/^\d{3}$/.test(code)) {
    const status = Number(code);
    if (status >= 500) return 'claude';
    if (status === 429) return 'limit';
    if (status === 401 || status === 403) return 'auth';
    return null;
  }
  if (isTransport(code)) return 'claude';
  const local: readonly ErrorCode[] = ['offline', 'dns', 'proxy', 'tls', 'network'];
  return (local as readonly string[]).includes(code) ? 'connection' : null;
}

function top(entries: Array<[string, number]>): number | string | null {
  let best: [string, number] | null = null;
  for (const entry of entries) if (entry[1] > 0 && (!best || entry[1] > best[1])) best = entry;
  if (!best) return null;
  return /^\d{3}$/.test(best[0]) ? Number(best[0]) : best[0];
}

function mostFrequent(s: Summary, outcome: CountedOutcome, only: (code: string) => boolean = () => true): number | string | null {
  return top(Object.entries(s.byCode).filter(([code]) => outcomeOfCode(code) === outcome && only(code)));
}

function mostFrequentConnection(s: Summary): number | string | null {
  return top(Object.entries(s.byCode).filter(([code]) => outcomeOfCode(code) === 'connection' || isTransport(code)));
}
