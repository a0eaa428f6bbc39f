/** Words and short labels shared by the badge, the popup, the banner and notifications. */
import { formatList } from '../format';
import { i18n } from '../i18n';
import { modelLabel } from '../models/ref';
import type { IncidentScope } from '../models/scope';
import { scopeSummary } from './scope-summary';
import { COMPONENT_IDS } from '../statuspage/components';
import type { ComponentState } from '../statuspage/snapshot';
import type { PollProblem } from '../statuspage/fetch-json';
import type { IncidentStatus } from '../statuspage/schema';
import type { Level } from './level';

/** "All systems operational", "Major incident", … */
export function levelWord(level: Level): string {
  switch (level) {
    case 'operational':
      return i18n.t('level.operational');
    case 'maintenance':
      return i18n.t('level.maintenance');
    case 'minor':
      return i18n.t('level.minor');
    case 'major':
      return i18n.t('level.major');
    case 'critical':
      return i18n.t('level.critical');
  }
}

/** One word for a pill: "Minor", "Major", "Critical", "Maintenance". */
export function levelPill(level: Level): string {
  switch (level) {
    case 'critical':
      return i18n.t('levelPill.critical');
    case 'major':
      return i18n.t('levelPill.major');
    case 'maintenance':
      return i18n.t('levelPill.maintenance');
    default:
      return i18n.t('levelPill.minor');
  }
}

/** The incident's step: "Investigating", "Identified", "Monitoring", "Resolved", … */
export function stepWord(status: IncidentStatus): string {
  switch (status) {
    case 'investigating':
      return i18n.t('step.investigating');
    case 'identified':
      return i18n.t('step.identified');
    case 'monitoring':
      return i18n.t('step.monitoring');
    case 'resolved':
    case 'postmortem':
      return i18n.t('step.resolved');
    case 'scheduled':
      return i18n.t('step.scheduled');
    case 'in_progress':
      return i18n.t('step.inProgress');
    case 'verifying':
      return i18n.t('step.verifying');
    case 'completed':
      return i18n.t('step.completed');
    default:
      return i18n.t('step.update');
  }
}

export interface ProblemWords {
  /** What happened, in plain words ("Can't reach the status page right now"). */
  summary: string;
  /** What it means for the user and what they can do, if anything. */
  advice: string;
  /** The technical detail ("HTTP 405", "Failed to fetch"), for whoever wants it. */
  detail: string;
}

/** Why the status is not live, in words a user understands, with what happens next. */
export function problemWords(problem: PollProblem): ProblemWords {
  const detail = problem.detail;
  switch (problem.kind) {
    case 'offline':
      return { summary: i18n.t('problem.offline.summary'), advice: i18n.t('problem.offline.advice'), detail };
    case 'blocked':
      return { summary: i18n.t('problem.blocked.summary'), advice: i18n.t('problem.blocked.advice'), detail };
    case 'invalid':
      return { summary: i18n.t('problem.invalid.summary'), advice: i18n.t('problem.retrying'), detail };
    case 'redirect':
      return { summary: i18n.t('problem.redirect.summary'), advice: i18n.t('problem.retrying'), detail };
    case 'timeout':
      return { summary: i18n.t('problem.timeout.summary'), advice: i18n.t('problem.retrying'), detail };
    case 'http':
      return { summary: i18n.t('problem.http.summary'), advice: i18n.t('problem.retrying'), detail };
    default:
      return { summary: i18n.t('problem.network.summary'), advice: i18n.t('problem.network.advice'), detail };
  }
}

/** One line for plain-text surfaces (tooltip): "Can't reach the status page right now (HTTP 500)". */
export function problemLine(problem: PollProblem): string {
  const words = problemWords(problem);
  return words.detail ? i18n.t('problem.line', { summary: words.summary, detail: words.detail }) : words.summary;
}

/** Known component ids → badge abbreviations; other components use their label. */
const COMPONENT_SHORT: Readonly<Record<string, string>> = {
  [COMPONENT_IDS.claudeAi]: 'WEB',
  [COMPONENT_IDS.console]: 'CON',
  [COMPONENT_IDS.api]: 'API',
  [COMPONENT_IDS.claudeCode]: 'CODE',
  [COMPONENT_IDS.cowork]: 'CWK',
  [COMPONENT_IDS.government]: 'GOV',
};

export function componentShort(id: string, label: string): string {
  // Own keys only: an id such as "constructor" must not find Object.prototype's.
  if (Object.hasOwn(COMPONENT_SHORT, id)) return COMPONENT_SHORT[id]!;
  return (
    label
      .replace(/^Claude\s+/i, '')
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 4)
      .toUpperCase() || '!'
  );
}

/**
 * Which models (or surfaces) an incident is about now, in words: "Opus 5 and Haiku 4.5", "multiple
 * models", "Opus 5, Sonnet 5, and other models", "all models except Opus 5", or the components it
 * touches when it names no model. '' when there is nothing to say.
 */
export function scopeText(scope: IncidentScope, components: ComponentState[]): string {
  const summary = scopeSummary(scope);
  switch (summary.kind) {
    case 'broad':
      return summary.except.length
        ? i18n.t('scope.allExcept', { models: formatList(summary.except.map(modelLabel)) })
        : i18n.t('scope.multiple');
    case 'models': {
      const models = summary.models.map(modelLabel);
      return formatList(summary.andOthers ? [...models, i18n.t('scope.otherModels')] : models);
    }
    default:
      return formatList(components.map((c) => c.name));
  }
}
