/**
 * The local-evidence verdict in words, one pure function per surface (popup section, badge tooltip
 * and headline, claude.ai banner, notifications), all built from the same pieces, so every surface
 * says the same thing. Counts and durations through lib/format.ts; the words in locales/ (`evidence.*`).
 *
 * Never "Claude is down": a usage limit, a sign-in, the region page and the user's own connection
 * are said as such, and "failing for you" is the user's evidence, not an official incident.
 */
import { formatDuration, formatNumber } from '../format';
import { i18n } from '../i18n';
import type { EvidenceSummary } from '../verdict/evidence';
import type { EvidenceNote } from './notify';
import type { EvidenceCounts, EvidenceVerdict } from './verdict';
// The verdict's threshold from the import-free module: verdict.ts must not load in the content script.
import { FAILING_MIN_COUNT } from './thresholds';

/** How the popup colours the section: purple evidence, an incident confirmed, fine for you, or the user's side. */
export type EvidenceTone = 'evidence' | 'affected' | 'working' | 'yours';

export interface EvidenceWords {
  tone: EvidenceTone;
  /** Claude is failing for the user (unconfirmed or confirmed by the page). */
  failing: boolean;
  title: string;
  /** What it means, and what (if anything) the user can do. */
  detail: string;
  /** "5 of 7 requests failed in the last 5 min, mostly 529 overloaded"; null when counts say nothing. */
  counts: string | null;
  /** "You saw errors 6 min before the status page posted it"; null unless the page posted after the user saw it. */
  lead: string | null;
}

/**
 * Claude is failing for the user, whatever the page says: over the threshold while the page is calm,
 * or confirmed by the page with as many Claude-side failures as the threshold asks (a single failed
 * request during an incident is "you're affected", but not enough to colour a badge on its own).
 */
export function isFailing(v: EvidenceVerdict): boolean {
  return v.kind === 'claude-failing-unconfirmed' || (v.kind === 'confirmed' && v.counts.failed >= FAILING_MIN_COUNT);
}

/** The popup's section: the verdict, what it means, the counts and the lead time. Null when there is nothing to say. */
export function evidenceWords(v: EvidenceVerdict): EvidenceWords | null {
  const counts = countsLine(v);
  const lead = leadLine(v.leadMs);
  const words = (tone: EvidenceTone, title: string, detail: string): EvidenceWords => ({
    tone,
    failing: isFailing(v),
    title,
    detail,
    counts,
    lead,
  });
  switch (v.kind) {
    case 'claude-failing-unconfirmed':
      return words('evidence', i18n.t('evidence.title.failing'), i18n.t('evidence.detail.failing'));
    case 'confirmed':
      return words('affected', i18n.t('evidence.title.affected'), i18n.t('evidence.detail.affected'));
    case 'working-for-you':
      return words('working', i18n.t('evidence.title.working'), i18n.t('evidence.detail.working'));
    case 'usage-limit':
      return words('yours', i18n.t('evidence.title.limit'), i18n.t('evidence.detail.limit'));
    case 'sign-in':
      return v.counts.mostly === 'challenge'
        ? words('yours', i18n.t('evidence.title.challenge'), i18n.t('evidence.detail.challenge'))
        : words('yours', i18n.t('evidence.title.signIn'), i18n.t('evidence.detail.signIn'));
    case 'region':
      return words('yours', i18n.t('evidence.title.region'), i18n.t('evidence.detail.region'));
    case 'connection':
      return words(
        'yours',
        i18n.t('evidence.title.connection'),
        v.otherSitesLoad === true ? i18n.t('evidence.detail.connectionClaude') : i18n.t('evidence.detail.connectionAll'),
      );
    case 'none':
      return null;
  }
}

/** The badge tooltip and the popup's headline: the verdict, then its counts and lead time. */
export function evidenceSummary(v: EvidenceVerdict): EvidenceSummary | null {
  const words = evidenceWords(v);
  if (!words) return null;
  return { failing: words.failing, title: words.title, lines: [words.counts, words.lead].filter((l) => l !== null) };
}

export interface EvidenceBanner {
  /** `failing`: the page shows nothing; `affected`: it does, but no incident banner is shown for it. */
  kind: 'failing' | 'affected';
  /** "Claude is failing for you:" */
  what: string;
  /** "the status page doesn't say so yet" */
  detail: string;
  counts: string | null;
}

/**
 * The claude.ai banner of its own, for Claude failing for the user when no incident banner shows
 * (the page is calm, or its incident is one the user's settings leave out). The user's-side kinds
 * get none: claude.ai itself says "usage limit" or "sign in", and a banner would repeat it.
 */
export function evidenceBanner(v: EvidenceVerdict): EvidenceBanner | null {
  const counts = countsLine(v);
  if (v.kind === 'claude-failing-unconfirmed') {
    return { kind: 'failing', what: i18n.t('evidence.banner.failing'), detail: i18n.t('evidence.banner.failingDetail'), counts };
  }
  if (v.kind === 'confirmed' && isFailing(v)) {
    return { kind: 'affected', what: i18n.t('evidence.banner.affected'), detail: i18n.t('evidence.banner.affectedDetail'), counts };
  }
  return null;
}

/** A few words added to an incident's banner: does it hit this user? */
export function evidenceBannerNote(v: EvidenceVerdict): string | null {
  if (v.kind === 'confirmed') return i18n.t('evidence.banner.noteAffected');
  if (v.kind === 'working-for-you') return i18n.t('evidence.banner.noteWorking');
  return null;
}

/** The two notifications: failing while the page is calm, and working again. */
export function evidenceNoteText(note: EvidenceNote): { title: string; message: string } {
  if (note.kind === 'recovered') {
    return { title: i18n.t('evidence.notify.recoveredTitle'), message: i18n.t('evidence.notify.recoveredMessage') };
  }
  return { title: i18n.t('evidence.title.failing'), message: claudeCounts(note.counts) };
}

/** The counts in words, for the kind's own kind of failure. */
export function countsLine(v: EvidenceVerdict): string | null {
  const c = v.counts;
  if (c.total <= 0) return null;
  switch (v.kind) {
    case 'claude-failing-unconfirmed':
    case 'confirmed':
      return claudeCounts(c);
    case 'working-for-you':
      return c.failed > 0 ? claudeCounts(c) : i18n.t('evidence.counts.noneFailed', c.total, numbers(c));
    case 'usage-limit':
      return c.failed > 0 ? i18n.t('evidence.counts.limit', c.total, numbers(c)) : null;
    case 'sign-in':
      return c.failed > 0 ? withCause(i18n.t('evidence.counts.auth', c.total, numbers(c)), c) : null;
    case 'connection':
      return c.failed > 0 ? withCause(i18n.t('evidence.counts.connection', c.total, numbers(c)), c) : null;
    default:
      return null;
  }
}

function claudeCounts(c: EvidenceCounts): string {
  return withCause(i18n.t('evidence.counts.claude', c.total, numbers(c)), c);
}

function numbers(c: EvidenceCounts): { failed: string; total: string; span: string } {
  return { failed: formatNumber(c.failed), total: formatNumber(c.total), span: formatDuration(c.spanMinutes * 60_000) };
}

/** ", mostly 529 overloaded" when more than one failure has a known code. */
function withCause(counts: string, c: EvidenceCounts): string {
  const cause = c.failed > 1 && c.mostly !== null ? causeWord(c.mostly) : null;
  return cause ? i18n.t('evidence.mostly', { counts, cause }) : counts;
}

/** A stored failure code in words: "529 overloaded", "dropped connections", "HTTP 599"; null if unknown. */
export function causeWord(code: number | string): string | null {
  switch (String(code)) {
    case '529':
      return i18n.t('evidence.cause.529');
    case '500':
      return i18n.t('evidence.cause.500');
    case '502':
      return i18n.t('evidence.cause.502');
    case '503':
      return i18n.t('evidence.cause.503');
    case '504':
      return i18n.t('evidence.cause.504');
    case '429':
      return i18n.t('evidence.cause.429');
    case '401':
      return i18n.t('evidence.cause.401');
    case '403':
      return i18n.t('evidence.cause.403');
    case 'timeout':
      return i18n.t('evidence.cause.timeout');
    case 'reset':
      return i18n.t('evidence.cause.reset');
    case 'refused':
      return i18n.t('evidence.cause.refused');
    case 'protocol':
      return i18n.t('evidence.cause.protocol');
    case 'challenge':
      return i18n.t('evidence.cause.challenge');
    case 'offline':
      return i18n.t('evidence.cause.offline');
    case 'dns':
      return i18n.t('evidence.cause.dns');
    case 'proxy':
      return i18n.t('evidence.cause.proxy');
    case 'tls':
      return i18n.t('evidence.cause.tls');
    case 'network':
      return i18n.t('evidence.cause.network');
    default:
      return /^[1-5]\d\d$/.test(String(code)) ? i18n.t('evidence.cause.http', { code: String(code) }) : null;
  }
}

/** "You saw errors 6 min before the status page posted it" (durations under a minute said as such). */
export function leadLine(leadMs: number | null): string | null {
  if (leadMs === null || !Number.isFinite(leadMs) || leadMs <= 0) return null;
  return leadMs < 60_000 ? i18n.t('evidence.leadUnderMinute') : i18n.t('evidence.lead', { duration: formatDuration(leadMs) });
}
