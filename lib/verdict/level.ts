/** How bad something is: one scale for incidents, components and the whole page. Imports nothing. */

export const LEVELS = ['operational', 'maintenance', 'minor', 'major', 'critical'] as const;
export type Level = (typeof LEVELS)[number];

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

export function worst(levels: Level[]): Level {
  return levels.reduce<Level>((a, b) => (levelRank(b) > levelRank(a) ? b : a), 'operational');
}

/**
 * An open incident is never "operational", whatever its declared impact (impact `none` exists).
 * Takes the page's impact words (`none | minor | major | critical | maintenance | unknown`).
 */
export function impactLevel(impact: string): Level {
  return impact === 'major' || impact === 'critical' || impact === 'maintenance' ? impact : 'minor';
}
