/**
 * The popup's first lines: is my model / my surface working, since when, what is the latest. Pure,
 * so every case (first minute, offline, stale, incidents that are not mine) is tested without a page.
 */
import { formatAgo, formatClock, formatDuration, formatList, isolate } from '../format';
import { i18n } from '../i18n';
import { modelLabel, modelMatches, parseModelKey } from '../models/ref';
import type { Prefs } from '../prefs';
import { freshnessOf, type Freshness, type StatusState } from '../statuspage/state';
import type { AssessedIncident, Assessment } from './assess';
import { componentStatusWord } from './badge';
import { levelWord, problemWords, scopeText, stepWord } from './describe';
import { type Level, levelRank } from './level';
import type { EvidenceSummary } from './evidence';

export interface Headline {
  /**
   * Colour of the headline's dot: a level, 'unknown' (grey) whenever the data is not live, or
   * 'evidence' (purple) while the user's own requests fail and the page shows nothing for them.
   */
  tone: Level | 'unknown' | 'evidence';
  freshness: Freshness;
  title: string;
  /** Further lines, most important first (since when, the latest word, what to do). */
  lines: string[];
}

/** Incidents in the order the popup shows them: the user's first, then by severity, then newest. */
export function incidentOrder(a: AssessedIncident, b: AssessedIncident): number {
  return Number(b.relevant) - Number(a.relevant) || levelRank(b.level) - levelRank(a.level) || b.incident.startedAt - a.incident.startedAt;
}

/**
 * `evidence` is what the user's own claude.ai requests say (lib/evidence/words.ts: evidenceSummary):
 * while Claude fails for them, the headline says so instead of a calm "All systems operational",
 * and says what the page says on the next line.
 */
export function headlineFor(
  state: StatusState,
  assessment: Assessment | null,
  prefs: Prefs,
  now: number,
  evidence: EvidenceSummary | null = null,
): Headline {
  const headline = pageHeadline(state, assessment, prefs, now);
  // Calm for the user, live or last known (or nothing known yet): the user's evidence comes first.
  const calm = assessment === null || coreHeadline(assessment, prefs, now).tone === 'operational';
  if (!evidence?.failing || !calm) return headline;
  return {
    tone: 'evidence',
    freshness: headline.freshness,
    title: evidence.title,
    lines: [i18n.t('evidence.pageSays', { what: headline.title }), ...headline.lines],
  };
}

function pageHeadline(state: StatusState, assessment: Assessment | null, prefs: Prefs, now: number): Headline {
  const freshness = freshnessOf(state, now);
  const problem = state.problem ? problemWords(state.problem) : null;
  const problemLines = problem ? [problem.summary, problem.advice] : [];
  if (!assessment) {
    if (!problem) return { tone: 'unknown', freshness, title: i18n.t('headline.checking'), lines: [i18n.t('headline.checkingDetail')] };
    return { tone: 'unknown', freshness, title: i18n.t('headline.unknown'), lines: problemLines };
  }
  const live = freshness === 'live';
  const core = coreHeadline(assessment, prefs, now);
  if (live) return { ...core, freshness };
  const age = state.confirmedAt !== null && state.confirmedAt <= now ? formatAgo(state.confirmedAt, now) : '';
  const stale = age ? i18n.t('headline.lastConfirmed', { ago: age }) : i18n.t('headline.notConfirmed');
  return {
    tone: 'unknown',
    freshness,
    title: i18n.t('headline.lastKnown', { title: core.title }),
    lines: [...(problem ? problemLines : [i18n.t('headline.staleDetail')]), stale, ...core.lines],
  };
}

function coreHeadline(a: Assessment, prefs: Prefs, now: number): { tone: Level; title: string; lines: string[] } {
  const mine = prefs.myModels.map(parseModelKey).filter((m) => m !== null);
  const relevant = a.incidents.filter((i) => i.relevant).sort(incidentOrder);
  const others = a.incidents.filter((i) => !i.relevant);
  const top = relevant[0];
  if (top) {
    const myAffected = relevant.flatMap((i) => i.myAffected);
    const what = myAffected.length
      ? i18n.t('headline.yourModels', { models: formatList([...new Set(myAffected.map(modelLabel))]) })
      : scopeText(top.scope, top.components);
    const latest = top.incident.updates[0];
    const lines = [
      i18n.t('headline.since', {
        name: isolate(top.incident.name),
        step: stepWord(top.incident.status),
        clock: formatClock(top.incident.startedAt),
        duration: formatDuration(now - top.incident.startedAt),
      }),
      ...(latest ? [i18n.t('headline.latest', { ago: formatAgo(latest.at, now), body: isolate(firstLine(latest.body)) })] : []),
      ...(relevant.length > 1 ? [i18n.t('headline.moreIncidents', relevant.length - 1)] : []),
    ];
    return { tone: a.level, title: what ? i18n.t('headline.levelWhat', { level: levelWord(a.level), what }) : levelWord(a.level), lines };
  }
  if (a.unexplained.length && a.level !== 'operational') {
    const c = a.unexplained[0]!;
    return {
      tone: a.level,
      title: i18n.t('headline.componentDown', { status: componentStatusWord(c.status), component: c.name }),
      lines: [i18n.t('headline.noIncidentYet')],
    };
  }
  if (a.maintenanceNow.length && a.level === 'maintenance') {
    return { tone: 'maintenance', title: i18n.t('headline.maintenance', { name: isolate(a.maintenanceNow[0]!.name) }), lines: [] };
  }
  const yours = mine.length ? [i18n.t('headline.yoursWorking', { models: formatList(mine.map(modelLabel)) })] : [];
  if (others.length) {
    // Incidents about other models only: calm for this user, and said so.
    const affectsMine = others.some((i) => i.scope.affected.some((m) => mine.some((c) => modelMatches(c, m))));
    return {
      tone: 'operational',
      title: i18n.t('headline.yourModelsWorking'),
      lines: [...(affectsMine ? [] : yours), i18n.t('headline.otherIncidents', others.length)],
    };
  }
  return { tone: 'operational', title: levelWord('operational'), lines: yours };
}

/** The first line of an update, short: the popup's card has the rest. */
function firstLine(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > 140 ? `${flat.slice(0, 139)}…` : flat;
}
