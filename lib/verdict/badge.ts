/**
 * The toolbar badge as a pure function of what we know. Honest by construction: it is only empty
 * (calm) when fresh data says nothing relevant is wrong, and grey whenever the data is not live.
 */
import { assess, type Assessment } from './assess';
import type { Level } from './level';
import { LEVEL_WORDS, ago, clock, componentShort, problemText, stepWord } from './describe';
import { modelBadgeText, modelLabel, type ModelRef } from '../models/ref';
import { scopeSummary, scopeWords } from './scope-summary';
import type { Prefs } from '../prefs';
import { freshnessOf, type StatusState } from '../statuspage/state';

export interface Badge {
  text: string;
  /** Background colour, #rrggbb. */
  color: string;
  /** Tooltip: what is wrong, in words, and how old the data is. */
  title: string;
}

export const BADGE_COLORS: Record<Level | 'unknown', string> = {
  operational: '#16a34a',
  maintenance: '#2563eb',
  minor: '#ca8a04',
  major: '#ea580c',
  critical: '#dc2626',
  unknown: '#6b7280',
};

export function badgeFor(state: StatusState, prefs: Prefs, now: number): Badge {
  const freshness = freshnessOf(state, now);
  const { snapshot } = state;
  if (!snapshot) {
    const why = state.problem ? problemText(state.problem) : 'Checking status.claude.com…';
    return { text: '?', color: BADGE_COLORS.unknown, title: `Claude Status: ${why}` };
  }
  const assessment = assess(snapshot, prefs);
  const lines = describe(assessment);
  const age = state.confirmedAt === null ? '' : `data from ${clock(state.confirmedAt)} (${ago(state.confirmedAt, now)})`;

  if (freshness !== 'live') {
    // Last known picture, marked as such: grey, never green, with the reason first.
    const why = state.problem ? problemText(state.problem) : 'No fresh data';
    const text = assessment.level === 'operational' ? '?' : shortText(assessment);
    return { text, color: BADGE_COLORS.unknown, title: [`Claude Status: ${why}`, `Last known (${age}):`, ...lines].join('\n') };
  }
  return {
    text: assessment.level === 'operational' ? '' : shortText(assessment),
    color: BADGE_COLORS[assessment.level],
    title: ['Claude Status', ...lines, `Checked: ${age}`].join('\n'),
  };
}

/** At most 4 characters: the model that is down, "2M", "ALL", a component, or "MNT". */
export function shortText(a: Assessment): string {
  const relevant = a.incidents.filter((i) => i.relevant);
  const top = relevant.filter((i) => i.level === a.level);
  const mine = uniqueModels(relevant.flatMap((i) => i.myAffected));
  if (mine.length) return modelsText(mine);
  if (relevant.some((i) => i.scope.broad)) return 'ALL';
  const models = uniqueModels(top.flatMap((i) => i.scope.affected));
  if (models.length) return modelsText(models);
  const components = top.flatMap((i) => i.components.filter((c) => c.status !== 'operational'));
  const named = components.length ? components : a.degraded;
  if (relevant.length === 0 && a.maintenanceNow.length) return 'MNT';
  if (named.length === 1 && named[0]) return componentShort(named[0].id, named[0].name);
  return relevant.length > 1 ? `${relevant.length}!` : '!';
}

function modelsText(models: ModelRef[]): string {
  return models.length === 1 && models[0] ? modelBadgeText(models[0]) : `${Math.min(models.length, 99)}M`;
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

function describe(a: Assessment): string[] {
  if (a.pageLevel === 'operational') return [LEVEL_WORDS.operational];
  const lines: string[] = [];
  for (const i of a.incidents) {
    const scope = scopeWords(scopeSummary(i.scope)) || i.components.map((c) => c.name).join(', ');
    const quiet = i.relevant ? '' : ' (not your models)';
    lines.push(`${LEVEL_WORDS[i.level]}${quiet}: ${i.incident.name} — ${stepWord(i.incident.status)}${scope ? ` · ${scope}` : ''}`);
  }
  for (const m of a.maintenanceNow) lines.push(`Maintenance in progress: ${m.name}`);
  if (!a.incidents.length && !a.maintenanceNow.length) {
    lines.push(...a.degraded.map((c) => `${c.name}: ${c.status.replace(/_/g, ' ')}`));
  }
  return lines;
}
