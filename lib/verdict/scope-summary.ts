/**
 * What an incident is about, in one shape for every surface that words it (badge tooltip, popup
 * card, banner, notifications, Copy status), so none of them claims a model the page left out is
 * affected. `scopeText` in describe.ts is the one place that turns it into words.
 */
import type { IncidentScope } from '../models/scope';
import type { ModelRef } from '../models/ref';

export type ScopeSummary =
  /** The named models down now; `andOthers` when the incident is also about models it does not name. */
  | { kind: 'models'; models: ModelRef[]; andOthers: boolean }
  /** All / many / unnamed models, minus `except` ("all models except Opus 5"; empty: "multiple models"). */
  | { kind: 'broad'; except: ModelRef[] }
  /** No model (a claude.ai or Console incident): surfaces word it by its components. */
  | { kind: 'none' };

/**
 * Named affected models first; but a broad incident that leaves models out is summed up by its
 * exclusion ("all models except Opus 5" says more than the one or two models it happens to name).
 */
export function scopeSummary(scope: IncidentScope): ScopeSummary {
  const excluded = scope.excluded ?? [];
  if (scope.broad && (excluded.length > 0 || scope.affected.length === 0)) return { kind: 'broad', except: excluded };
  if (scope.affected.length) return { kind: 'models', models: scope.affected, andOthers: scope.broad };
  return { kind: 'none' };
}
