/**
 * The stored evidence (`local:evidence`): counts and times only. Read back through
 * {@link readEvidenceState}, which keeps only known keys and finite numbers, so a hand-edited or
 * older stored value can never carry anything else (or break the background).
 */
import { z } from '../zod';
import { COUNTED_OUTCOMES, ENDPOINTS } from './classify';
import { MAX_BUCKETS, MAX_COUNT, type EvidenceBucket, type EvidenceWindow, EMPTY_WINDOW, type OutcomeCounts } from './window';
import { EMPTY_EVIDENCE, type EvidenceState, NO_VERDICT } from './stored';
import { NO_EVIDENCE_NOTES } from './notify';
import { EVIDENCE_KINDS } from './kinds';

export { EMPTY_EVIDENCE, type EvidenceState, NO_VERDICT } from './stored';

const time = z.number().check(z.refine(Number.isFinite));
const count = z.number().check(z.refine((n) => Number.isInteger(n) && n > 0 && n <= MAX_COUNT));
/** Failure codes are HTTP statuses or short lowercase class names. */
const CODE = /^(?:[1-5]\d\d|[a-z]{1,12})$/;

const EpisodeSchema = z.object({
  crossedAt: time,
  pageCalmAtCrossing: z.boolean(),
  endedAt: z.nullable(time),
  recovered: z.boolean(),
  pagePostedAt: z.nullable(time),
});

const NotesSchema = z.object({ failing: z.nullable(time), recovered: z.nullable(time), shown: z.nullable(time) });

const VerdictSchema = z.object({
  kind: z.enum(EVIDENCE_KINDS),
  counts: z.object({
    failed: z.number(),
    total: z.number(),
    messagesFailed: z.number(),
    spanMinutes: z.number(),
    mostly: z.nullable(z.union([z.number(), z.string().check(z.regex(CODE))])),
  }),
  crossedAt: z.nullable(time),
  recoveredAt: z.nullable(time),
  leadMs: z.nullable(time),
  otherSitesLoad: z.nullable(z.boolean()),
});

function outcomeCounts(raw: unknown): OutcomeCounts {
  const counts: OutcomeCounts = {};
  if (typeof raw !== 'object' || raw === null) return counts;
  for (const outcome of COUNTED_OUTCOMES) {
    const n = count.safeParse((raw as Record<string, unknown>)[outcome]);
    if (n.success) counts[outcome] = n.data;
  }
  return counts;
}

function bucketOf(raw: unknown): EvidenceBucket | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { t, n, c } = raw as Record<string, unknown>;
  if (!time.safeParse(t).success) return null;
  const bucket: EvidenceBucket = { t: t as number, n: {}, c: {} };
  for (const endpoint of ENDPOINTS) {
    const counts = outcomeCounts((n as Record<string, unknown> | undefined)?.[endpoint]);
    if (Object.keys(counts).length) bucket.n[endpoint] = counts;
  }
  if (typeof c === 'object' && c !== null) {
    for (const [key, value] of Object.entries(c).slice(0, 64))
      if (CODE.test(key) && count.safeParse(value).success) bucket.c[key] = value as number;
  }
  return bucket;
}

export function readWindow(raw: unknown): EvidenceWindow {
  if (typeof raw !== 'object' || raw === null) return EMPTY_WINDOW;
  const { buckets, last } = raw as Record<string, unknown>;
  const list = Array.isArray(buckets) ? buckets.slice(-MAX_BUCKETS * 2).flatMap((b) => bucketOf(b) ?? []) : [];
  const seen = new Set<number>();
  const unique = list
    .filter((b) => !seen.has(b.t) && seen.add(b.t))
    .sort((a, b) => a.t - b.t)
    .slice(-MAX_BUCKETS);
  const lastSeen: OutcomeCounts = {};
  if (typeof last === 'object' && last !== null) {
    for (const outcome of COUNTED_OUTCOMES) {
      const at = time.safeParse((last as Record<string, unknown>)[outcome]);
      if (at.success) lastSeen[outcome] = at.data;
    }
  }
  return { buckets: unique, last: lastSeen };
}

/** The stored value as the code may use it: anything unexpected becomes the empty default. */
export function readEvidenceState(raw: unknown): EvidenceState {
  if (typeof raw !== 'object' || raw === null) return EMPTY_EVIDENCE;
  const r = raw as Record<string, unknown>;
  const episode = EpisodeSchema.safeParse(r.episode);
  const verdict = VerdictSchema.safeParse(r.verdict);
  const notes = NotesSchema.safeParse(r.notes);
  const assessedAt = time.safeParse(r.assessedAt);
  return {
    window: readWindow(r.window),
    episode: episode.success ? episode.data : null,
    verdict: verdict.success ? verdict.data : NO_VERDICT,
    notes: notes.success ? notes.data : NO_EVIDENCE_NOTES,
    assessedAt: assessedAt.success ? assessedAt.data : null,
  };
}
