/**
 * Rows of the popup's model board: every model an active incident mentions, with its state now.
 * A model named by several incidents appears once, under its worst state and incident.
 */
import type { Assessment, AssessedIncident } from './assess';
import { levelRank } from './level';
import { modelKey, modelLabel, modelMatches, parseModelKey, type ModelRef } from '../models/ref';

export interface ModelRow {
  key: string;
  label: string;
  state: 'affected' | 'recovering';
  /** The incident that puts the model on the board. */
  item: AssessedIncident;
  /** One of the user's models. */
  mine: boolean;
}

/** An incident about all / many / unnamed models: one row for "the rest". */
export interface BroadRow {
  item: AssessedIncident;
  /** The models the page leaves out of it ("all models except Opus 5"); empty: "multiple models". */
  except: ModelRef[];
}

export interface ModelBoard {
  rows: ModelRow[];
  /** Incidents about "multiple/all models" that name no model (or more than they name). */
  broad: BroadRow[];
}

export function modelBoard(assessment: Assessment, myModels: string[]): ModelBoard {
  const mine = myModels.map(parseModelKey).filter((m): m is ModelRef => m !== null);
  const rows = new Map<string, ModelRow>();
  const consider = (model: ModelRef, state: ModelRow['state'], item: AssessedIncident) => {
    const key = modelKey(model);
    const row: ModelRow = { key, label: modelLabel(model), state, item, mine: mine.some((m) => modelMatches(m, model)) };
    const existing = rows.get(key);
    if (!existing || outranks(row, existing)) rows.set(key, row);
  };
  for (const item of assessment.incidents) {
    for (const m of item.scope.affected) consider(m, 'affected', item);
    for (const m of item.scope.recovering) consider(m, 'recovering', item);
  }
  const sorted = [...rows.values()].sort(
    (a, b) => Number(b.mine) - Number(a.mine) || Number(a.state === 'recovering') - Number(b.state === 'recovering'),
  );
  const broad = assessment.incidents.filter((i) => i.scope.broad).map((item) => ({ item, except: item.scope.excluded }));
  return { rows: sorted, broad };
}

function outranks(a: ModelRow, b: ModelRow): boolean {
  if (a.state !== b.state) return a.state === 'affected';
  return levelRank(a.item.level) > levelRank(b.item.level);
}
