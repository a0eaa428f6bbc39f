/**
 * What an incident is about, in one shape for every surface that words it (badge tooltip, popup
 * card, model board, banner, notifications, Copy status), so none of them claims a model the page
 * left out is affected. {@link scopeWords} is the only place that turns it into English.
 */
import type { IncidentScope } from '../models/scope';
import { modelLabel, type ModelRef } from '../models/ref';

export type ScopeSummary =
  /** The named models down now. */
  | { kind: 'models'; models: ModelRef[] }
  /** All / many / unnamed models, minus `except` ("all models except Opus 5"; empty: "multiple models"). */
  | { kind: 'broad'; except: ModelRef[] }
  /** No model (a claude.ai or Console incident): surfaces word it by its components. */
  | { kind: 'none' };

/**
 * Named affected models first, as before; but a broad incident that leaves models out is summed up by its
 * exclusion ("all models except Opus 5" says more than the one or two models it happens to name).
 */
export function scopeSummary(scope: IncidentScope): ScopeSummary {
  if (scope.broad && (scope.excluded.length > 0 || scope.affected.length === 0)) return { kind: 'broad', except: scope.excluded };
  if (scope.affected.length) return { kind: 'models', models: scope.affected };
  return { kind: 'none' };
}

/** English for a summary ('' for none): "Opus 5, Haiku 4.5", "multiple models", "all models except Opus 5".
 *  The one function to move to the locale file. */
export function scopeWords(summary: ScopeSummary): string {
  switch (summary.kind) {
    case 'models':
      return summary.models.map(modelLabel).join(', ');
    case 'broad':
      return summary.except.length ? `all models except ${summary.except.map(modelLabel).join(', ')}` : 'multiple models';
    default:
      return '';
  }
}
