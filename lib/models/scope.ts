/**
 * Which models an incident affects now: the title and every update name models; the updates,
 * replayed oldest to newest, decide which are still down, which recovered, and whether the incident
 * is broad. Pure; never throws.
 * @module
 */
import { extractModels, extractNormalised, normalise } from './extract';
import { modelKey, type ModelRef } from './ref';

export interface IncidentScope {
  /** Down now. */
  affected: ModelRef[];
  /** Named in the incident but no longer affected. Never also in `affected`. */
  recovering: ModelRef[];
  /** The incident currently concerns several, all or unnamed models. */
  broad: boolean;
  /** When broad: the models the page says are not affected ("all models except Opus 5"). */
  excluded: ModelRef[];
}

type Verdict = 'affected' | 'recovering';
/** What one update body says: verdicts on the models it names, and on the incident's other models. */
interface Reading {
  named: Map<string, Verdict>;
  others: Verdict | null; // set by "except", "only", "the rest of the models"
  narrowing: boolean; // "only", "except", "remaining", "exhaustive list": the update bounds the scope
  additive: boolean; // "Haiku 4.5 is also returning errors": models not named keep their earlier state
  allRecovered: boolean; // "the errors are back to baseline", naming no model
  broad: boolean;
}

/** A clause saying its models are fine again. Not "recover"/"recovery" alone ("working to recover Opus 5",
 *  "monitoring for recovery"), nor "resolved the issue" ("monitoring to ensure it has resolved the issue"). */
const RECOVERED = new RegExp(
  [
    String.raw`\b(?:is|are)\s+(?:now\s+|fully\s+|again\s+)*(?:operational|healthy)\b`,
    String.raw`\b(?:has|have)\s+(?:now\s+|fully\s+)*(?:stabili[sz]ed|been\s+resolved|been\s+mitigated)\b`,
    String.raw`\brecovered\b|\boperating\s+normally\b|\bresolved\s+for\b`,
    String.raw`\b(?:back|return(?:ed|ing|s)?)\s+to\s+(?:normal|baseline)\b`,
    String.raw`\bno\s+longer\s+(?:affected|impacted|degraded|elevated|seeing|experiencing|returning|showing)\b`,
    String.raw`\b(?:seen|seeing)\s+(?:[\w']+\s+){0,4}?(?:recover\w*|stabili[sz]\w*)`, // "seen success rates recover"
  ].join('|'),
  'i',
);
/** "has not recovered", "hasn't returned to normal", "is yet to be resolved". */
const NOT_RECOVERED = new RegExp(
  String.raw`(?:\bnot|n't|\byet\s+to|\bnever)\s+(?:(?:fully|yet|been|be|now)\s+)*` +
    String.raw`(?:recovered|operational|back|returned|resolved|stabili[sz]ed)\b`,
  'i',
);
/** A recovery that names no model is not global when it hedges ("recovery across most models"). */
const PARTIAL = /\b(?:most|some|partial(?:ly)?|remaining|still|except|only|several|many)\b/i;
const EXCEPT = /\b(?:except(?:\s+for)?|other\s+than|apart\s+from|excluding)\b/i;
const ONLY = /\b(?:only|remaining|exhaustive|complete\s+list|full\s+list)\b/i;
const REST = /\b(?:the\s+rest|all\s+(?:other\s+|remaining\s+)?models|every\s+other|(?:other|remaining)\s+models)\b/i;
const ADDITIVE = /\b(?:also|additionally|as\s+well|in\s+addition)\b/i;
/** Sentences and contrasting clauses ("Opus 5 errors are back to baseline but Sonnet 5's errors are up"). A dot ends
 *  a sentence only before whitespace, so "4.5" and "claude.ai" stay whole. (?<=\S) tries once per run of spaces. */
const CLAUSE_BREAK = /[.!?;](?=\s|$)|\n\s*\n|(?<=\S),?\s+(?:but|however|whereas|while)\b/i;

function readUpdate(body: unknown): Reading {
  const text = normalise(body);
  const whole = extractNormalised(text);
  const r: Reading = {
    named: new Map(),
    others: null,
    narrowing: false,
    additive: ADDITIVE.test(text),
    allRecovered: !whole.models.length && RECOVERED.test(text) && !NOT_RECOVERED.test(text) && !PARTIAL.test(text),
    broad: whole.broad,
  };
  const mark = (models: ModelRef[], v: Verdict) => {
    for (const m of models) if (r.named.get(modelKey(m)) !== 'affected') r.named.set(modelKey(m), v); // affected wins
  };
  for (const clause of text.split(CLAUSE_BREAK)) {
    const polarity: Verdict = RECOVERED.test(clause) && !NOT_RECOVERED.test(clause) ? 'recovering' : 'affected';
    const except = EXCEPT.exec(clause);
    const models = extractNormalised(clause).models;
    if (except) {
      // "All models except Opus 5 have recovered": the exceptions get the opposite of what is said of the rest.
      mark(extractNormalised(clause.slice(0, except.index)).models, polarity);
      const exceptions = extractNormalised(clause.slice(except.index + except[0].length)).models;
      mark(exceptions, polarity === 'affected' ? 'recovering' : 'affected');
      [r.others, r.narrowing] = [polarity, true];
    } else if (models.length && polarity === 'affected' && ONLY.test(clause)) {
      // "The only affected models right now are Opus 4.8 and Opus 5."
      mark(models, 'affected');
      [r.others, r.narrowing] = ['recovering', true];
    } else if (!models.length && REST.test(clause)) {
      // "The rest of the models have recovered to baseline error rate."
      [r.others, r.narrowing] = [polarity, r.narrowing || polarity === 'recovering'];
    } else {
      mark(models, polarity);
    }
  }
  return r;
}

/** Verdicts after update `r`, given those after the update before it (`earlier`). */
function applyUpdate(r: Reading, keys: string[], titleOnly: Set<string>, earlier: Map<string, Verdict>) {
  const all = (v: Verdict) => new Map(keys.map((k) => [k, v]));
  if (r.allRecovered) return all('recovering');
  // Naming no model: "back to errors across all models" puts everything down again; "A fix has been implemented and
  // we are monitoring the results" changes nothing (before any narrowing, that is: every model named is down).
  if (!r.named.size) return r.broad ? all('affected') : earlier;
  const namesAffected = [...r.named.values()].includes('affected');
  return new Map(
    keys.map((k): [string, Verdict] => {
      const said = r.named.get(k) ?? r.others;
      if (said) return [k, said];
      // Titles are edited after updates are posted; a model only the title names is dropped only explicitly.
      if (titleOnly.has(k)) return [k, 'affected'];
      // "X is also failing", "X is operational", "X and other models": silent on the rest, which stay as they were.
      if (r.additive || r.broad || !namesAffected) return [k, earlier.get(k) ?? 'affected'];
      return [k, 'recovering']; // a plain list of affected models replaces the earlier one
    }),
  );
}

/**
 * Which models an incident affects now. The title and all bodies give the models ever named (in order of first
 * mention: title, then updates oldest first); the updates, replayed oldest to newest, decide which are still down:
 * - an update naming no model changes nothing ("A fix has been implemented and we are monitoring the results"; with
 *   no earlier narrowing, every model named is down); "back to errors across all models" puts all down again; an
 *   unhedged recovery ("the errors are back to baseline") recovers all;
 * - an update naming models: per clause, "X is operational / has recovered / back to baseline" → X recovering,
 *   otherwise X affected. "All models except X have recovered", "The only affected models right now are X and Y" and
 *   "The rest of the models have recovered" also decide for the models not named. Otherwise models not named recover
 *   when the update lists affected models, and stay as they were when it says "also", "and other models", or only
 *   lists recoveries. A model named only in the title stays affected unless dropped explicitly.
 * A resolved or postmortem incident has nothing affected and is not broad. `broad`: the title, the newest update or
 * the newest model-naming update speaks of several/all/other models, and that update does not bound the scope.
 * `status` may be omitted: then the newest update's own status is used.
 */
export function incidentScope(input: {
  name: string;
  status?: string;
  updates: ReadonlyArray<{ body: string; status?: string }>;
}): IncidentScope {
  const updates = Array.isArray(input?.updates) ? input.updates : [];
  const title = extractModels(input?.name);
  const bodies = updates.map((u) => extractModels(u?.body));
  const byKey = new Map<string, ModelRef>();
  for (const m of [title, ...[...bodies].reverse()].flatMap((x) => x.models)) {
    if (!byKey.has(modelKey(m))) byKey.set(modelKey(m), m);
  }
  const models = [...byKey.values()];
  const rawStatus: unknown = input?.status ?? updates[0]?.status;
  const status = typeof rawStatus === 'string' ? rawStatus.toLowerCase() : '';
  if (status === 'resolved' || status === 'postmortem' || status === 'completed') {
    return { affected: [], recovering: models, broad: false, excluded: [] };
  }
  const inBodies = new Set(bodies.flatMap((b) => b.models.map(modelKey)));
  const titleOnly = new Set(title.models.map(modelKey).filter((k) => !inBodies.has(k)));
  const readings = updates.map((u) => readUpdate(u?.body));
  const keys = [...byKey.keys()];
  let verdicts = new Map<string, Verdict>(keys.map((k) => [k, 'affected']));
  for (let i = readings.length - 1; i >= 0; i--) verdicts = applyUpdate(readings[i]!, keys, titleOnly, verdicts);
  const newest = readings[0];
  const naming = readings.find((r) => r.named.size);
  const broad = !newest?.allRecovered && (title.broad || !!newest?.broad || !!naming?.broad) && !naming?.narrowing;
  return {
    affected: models.filter((m) => verdicts.get(modelKey(m)) === 'affected'),
    recovering: models.filter((m) => verdicts.get(modelKey(m)) !== 'affected'),
    broad,
    excluded: [],
  };
}
