/**
 * The toolbar badge as a pure function of what we know. Honest by construction: it is only empty
 * (calm) when fresh data says nothing relevant is wrong, and grey whenever the data is not live.
 * The tooltip spells out the badge's code ("ALL = …") and says how old the data is.
 */
import { formatAgo, formatClock, isolate } from '../format';
import { i18n } from '../i18n';
import { modelBadgeText, modelLabel, type ModelRef } from '../models/ref';
import type { Prefs } from '../prefs';
import type { ComponentState } from '../statuspage/snapshot';
import { freshnessOf, type StatusState } from '../statuspage/state';
import { assess, type AssessedIncident, type Assessment } from './assess';
import { BADGE_COLORS } from './colors';
import { componentShort, levelWord, problemLine, scopeText, stepWord } from './describe';
import { EVIDENCE_CODE, type EvidenceSummary } from './evidence';

export { BADGE_COLORS };

export interface Badge {
  text: string;
  /** Background colour, #rrggbb. */
  color: string;
  /** Tooltip: what is wrong, in words, what the code means, and how old the data is. */
  title: string;
}

/** The badge's short code and what it stands for, in words. */
export interface BadgeCode {
  /** At most 4 characters: `O4.5`, `2M`, `ALL`, `WEB`, `MNT`, `3!`, `?`, or '' when calm. */
  text: string;
  /** "ALL = all models are affected"; '' when calm. */
  meaning: string;
}

/**
 * The badge for the stored status and, when local evidence is on, what the user's own claude.ai
 * requests say (`evidence`, worded by lib/evidence/words.ts: evidenceSummary). Precedence:
 *   - a posted incident (live) keeps its code and colour; the tooltip adds "you're affected" or
 *     "working for you so far";
 *   - Claude failing for the user while the badge would otherwise be calm (or only grey with
 *     nothing known) shows `ERR` in purple: never calm while the user's requests fail;
 *   - the user's-side verdicts (usage limit, sign-in, region, connection) are a tooltip line only:
 *     they are not an outage, claude.ai already says them, and grey means "data not fresh".
 * `instead` (lib/alternatives: insteadTooltipLine) is added to a live, non-calm tooltip only: a stale
 * "this works" could point to what went down since.
 */
export function badgeFor(state: StatusState, prefs: Prefs, now: number, evidence: EvidenceSummary | null = null, instead = ''): Badge {
  const freshness = freshnessOf(state, now);
  const { snapshot } = state;
  const title = (lines: string[]) => [i18n.t('badge.title', { what: lines[0] ?? '' }), ...lines.slice(1)].join('\n');
  const theirs = evidence ? [evidence.title, ...evidence.lines] : [];
  const failing = evidence?.failing === true;
  /** `ERR`: the user's evidence first, then what the page says. */
  const evidenceBadge = (page: string[]): Badge => ({
    text: EVIDENCE_CODE,
    color: BADGE_COLORS.evidence,
    title: title([evidence!.title, i18n.t('evidence.code'), ...evidence!.lines, ...page]),
  });
  if (!snapshot) {
    const why = state.problem ? problemLine(state.problem) : i18n.t('badge.firstCheck');
    if (failing) return evidenceBadge([why]);
    return { text: '?', color: BADGE_COLORS.unknown, title: title([why, i18n.t('code.unknown'), ...theirs]) };
  }
  const assessment = assess(snapshot, prefs);
  const code = badgeCode(assessment);
  const lines = describe(assessment);
  // Nothing the page posted explains the user's failures: calm, or only a maintenance (of another
  // surface: a claude.ai maintenance makes the verdict "confirmed", never "failing").
  const pageSilentForThem = !code.text || onlyMaintenance(assessment);
  const age =
    state.confirmedAt === null
      ? ''
      : i18n.t('badge.dataFrom', { clock: formatClock(state.confirmedAt), ago: formatAgo(state.confirmedAt, now) });

  if (freshness !== 'live') {
    // Last known picture, marked as such: grey, never green, with the reason first.
    const why = state.problem ? problemLine(state.problem) : i18n.t('badge.noFreshData');
    const text = code.text || '?';
    const meaning = code.text ? i18n.t('badge.lastKnownCode', { meaning: code.meaning }) : i18n.t('code.unknown');
    if (failing && pageSilentForThem) return evidenceBadge([why, i18n.t('badge.lastKnown', { age }), ...lines]);
    return { text, color: BADGE_COLORS.unknown, title: title([why, meaning, ...theirs, i18n.t('badge.lastKnown', { age }), ...lines]) };
  }
  if (failing && pageSilentForThem) {
    return evidenceBadge([i18n.t('evidence.pageSays', { what: lines[0] ?? '' }), ...lines.slice(1), i18n.t('badge.checked', { age })]);
  }
  return {
    text: code.text,
    color: code.text ? BADGE_COLORS[assessment.level] : BADGE_COLORS.operational,
    title: title([
      lines[0] ?? '',
      ...(code.meaning ? [code.meaning] : []),
      ...lines.slice(1),
      ...theirs,
      ...(instead && code.text ? [instead] : []),
      i18n.t('badge.checked', { age }),
    ]),
  };
}

/** What the badge shows, with its meaning: the user's model that is down, "2M", "ALL", a component, or "MNT". */
export function badgeCode(a: Assessment): BadgeCode {
  if (a.level === 'operational') return { text: '', meaning: '' };
  const relevant = a.incidents.filter((i) => i.relevant);
  const top = relevant.filter((i) => i.level === a.level);
  const mine = uniqueModels(relevant.flatMap((i) => i.myAffected));
  if (mine.length) return modelsCode(mine);
  if (relevant.some((i) => i.scope.broad)) return { text: 'ALL', meaning: i18n.t('code.all') };
  const models = uniqueModels(top.flatMap((i) => i.scope.affected));
  if (models.length) return modelsCode(models);
  const components = top.flatMap((i) => i.components.filter((c) => c.status !== 'operational'));
  const named: ComponentState[] = components.length ? components : a.unexplained.length ? a.unexplained : a.degraded;
  if (onlyMaintenance(a)) return { text: 'MNT', meaning: i18n.t('code.maintenance') };
  if (named.length === 1 && named[0]) {
    const text = componentShort(named[0].id, named[0].name);
    return { text, meaning: i18n.t('code.component', { code: text, component: named[0].name }) };
  }
  if (relevant.length > 1)
    return { text: `${relevant.length}!`, meaning: i18n.t('code.incidents', { code: `${relevant.length}!`, count: relevant.length }) };
  return { text: '!', meaning: i18n.t('code.incident') };
}

/** The badge says `MNT`: a maintenance in progress and no incident that is the user's. */
function onlyMaintenance(a: Assessment): boolean {
  return a.level !== 'operational' && a.maintenanceNow.length > 0 && !a.incidents.some((i) => i.relevant);
}

/** The badge text alone ('' when calm). */
export function shortText(a: Assessment): string {
  return badgeCode(a).text;
}

function modelsCode(models: ModelRef[]): BadgeCode {
  if (models.length === 1 && models[0]) {
    const text = modelBadgeText(models[0]);
    return { text, meaning: i18n.t('code.model', { code: text, model: modelLabel(models[0]) }) };
  }
  const text = `${Math.min(models.length, 99)}M`;
  return { text, meaning: i18n.t('code.models', { code: text, models: models.map(modelLabel).join(', ') }) };
}

function uniqueModels(models: ModelRef[]): ModelRef[] {
  const seen = new Set<string>();
  return models.filter((m) => {
    const label = modelLabel(m);
    if (seen.has(label)) return false;
    seen.add(label);
    return true;
  });
}

/** The headline, then one line per incident, maintenance and unexplained outage. */
function describe(a: Assessment): string[] {
  if (a.pageLevel === 'operational') return [levelWord('operational')];
  const lines: string[] = [levelWord(a.level === 'operational' ? a.pageLevel : a.level)];
  for (const i of a.incidents) lines.push(incidentLine(i));
  for (const m of a.maintenanceNow) lines.push(i18n.t('badge.maintenanceLine', { name: isolate(m.name) }));
  const listed = a.incidents.length ? a.unexplained : a.degraded;
  for (const c of listed) lines.push(i18n.t('badge.componentLine', { component: c.name, status: componentStatusWord(c.status) }));
  return lines;
}

function incidentLine(i: AssessedIncident): string {
  const scope = scopeText(i.scope, i.components);
  const line = i18n.t('badge.incidentLine', {
    level: levelWord(i.level),
    name: isolate(i.incident.name),
    step: stepWord(i.incident.status),
  });
  const withScope = scope ? i18n.t('badge.withScope', { line, scope }) : line;
  return i.relevant ? withScope : i18n.t('badge.notYours', { line: withScope });
}

export function componentStatusWord(status: ComponentState['status']): string {
  switch (status) {
    case 'operational':
      return i18n.t('component.operational');
    case 'under_maintenance':
      return i18n.t('component.maintenance');
    case 'degraded_performance':
      return i18n.t('component.degraded');
    case 'partial_outage':
      return i18n.t('component.partialOutage');
    case 'major_outage':
      return i18n.t('component.majorOutage');
    default:
      return i18n.t('component.unknown');
  }
}
