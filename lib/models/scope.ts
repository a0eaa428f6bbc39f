/**
 * Which models an incident affects now: the title and every update name models; the title, then the
 * updates replayed oldest to newest, decide which are still down, which recovered, whether the
 * incident is broad (about all / many / unnamed models) and which models a broad incident leaves out.
 * Pure; never throws; linear in the input.
 *
 * Exclusions, and how they differ from exceptions to a recovery. A clause that sets some models
 * apart ("except", "except for", "other than", "apart from", "aside from", "excluding", "with the
 * exception of", "every model but Opus 5", "non-Opus models") is read by its polarity, i.e. by what
 * the clause says of the rest:
 * - the rest are down ("Elevated errors on all models except Haiku 4.5", "errors on models other than
 *   Claude Opus 5", "affecting every model but Opus 5", "errors on non-Opus models"): an **exclusion**.
 *   The incident is broad and the set-apart models are `excluded` (not affected). This needs the
 *   left side to be about models in general ("all models", "models", "every model", or nothing
 *   named); "all Opus models except Opus 4.5" sets 4.5 apart from the Opus models only (not broad).
 * - the rest recovered or are fine ("All models except Opus 5 have recovered", "All non-Opus models
 *   are operating normally"): an **exception to a recovery**. The set-apart models are the ones still
 *   affected, the rest recovered, and the update bounds the scope (not broad).
 * A model is also set apart by "Haiku 4.5 is not affected", "unaffected", "…, but not Haiku 4.5".
 * `excluded` is only ever non-empty while the incident is broad; a set-apart model of an incident
 * that is not broad (any more) counts as not affected, i.e. `recovering`.
 * @module
 */
import { FAMILY_START, MODEL_START, extractNormalised, normalise } from './extract';
import { modelKey, type ModelRef } from './ref';

export interface IncidentScope {
  /** Named models down now. */
  affected: ModelRef[];
  /** Named in the incident but not affected now (recovered, or set apart while the incident is not broad). Never also
   *  in `affected`. */
  recovering: ModelRef[];
  /** The incident currently concerns all, many or unnamed models. */
  broad: boolean;
  /** While `broad`: the models the page says are NOT affected ("all models except Opus 5" → Opus 5; "non-Opus models"
   *  → `{family: 'Opus', version: null}`). Empty when not broad; never also in `affected` or `recovering`. */
  excluded: ModelRef[];
}

/** What the page says of a model: down, fine again, or not part of the incident. */
type Verdict = 'affected' | 'recovering' | 'unaffected';
/** What one text (an update body, or the title) says: verdicts on the models it names, and on the incident's others. */
interface Reading {
  /** Every model the text names, in order of first mention. */
  models: ModelRef[];
  named: Map<string, Verdict>;
  others: Verdict | null; // set by "except", "only", "the rest of the models"
  narrowing: boolean; // "only", "except … have recovered", "limited to", "exhaustive list": the update bounds the scope
  additive: boolean; // "Haiku 4.5 is also returning errors": models not named keep their earlier state
  allRecovered: boolean; // "the errors are back to baseline", naming no model
  broad: boolean; // speaks of all / several / unnamed models (the scope is not bounded by it)
  everyModel: boolean; // "all models", "every model", "all products": nothing is left out
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
/** A clause saying its models were never part of the incident: "Haiku 4.5 is not affected", "unaffected", "not
 *  impacted", "Opus 5 is down while Haiku 4.5 is not", "…, but not Haiku 4.5" (the clause starts at "not"). */
const UNAFFECTED = new RegExp(
  String.raw`^\W*not\b|\bun(?:affected|impacted)\b|(?:\bnot|n't)\s+(?:been\s+|currently\s+)?(?:affected|impacted)\b` +
    String.raw`|\b(?:is|are|was|were)(?:\s+not|n't)\W*$`,
  'i',
);
/** A recovery that names no model is not global when it hedges ("recovery across most models"). */
const PARTIAL = /\b(?:most|some|partial(?:ly)?|remaining|still|except|only|several|many)\b/i;
/** The words that set models apart. "but" only right after "model(s)" and before a model name ("every model but Opus
 *  5"); the look-behind runs only where "but" matched, so it stays linear. */
const EXCEPT = new RegExp(
  String.raw`\b(?:except(?:\s+for)?|other\s+than|apart\s+from|aside\s+from|excluding|with\s+the\s+exception\s+of)\b` +
    String.raw`|\bbut\b(?<=\bmodels?\s+but)(?=\s+(?:not\s+)?(?:for\s+)?(?:the\s+)?${MODEL_START})`,
  'i',
);
/** "non-Opus models", "non-Claude Opus 5 models": group 1 is the model set apart. */
const NON = new RegExp(
  String.raw`\bnon-?\s*((?:Claude[\s-]+)?\p{L}+(?:[\s-]+v?\d{1,2}(?:\.\d+)*)?(?:[\s-]+fast(?:\s+mode)?)?)` +
    String.raw`(?=[\s-]+(?:Claude\s+)?models?\b)`,
  'iu',
);
/** "…except Opus 5, which has recovered": the relative clause speaks of the exceptions, not of the rest. */
const RELATIVE = /,\s*(?:which|who|where)\b/i;
/** The left side of "except" is about models in general when it ends in "models" not right after a model name
 *  ("all models", "other Claude models"; not "Opus models", "Claude 4 models"). Checked on a short tail only. */
const GENERIC_TAIL = /\bmodels?\s*,?\s*$/i;
const NAMED_TAIL = new RegExp(String.raw`(?:${FAMILY_START}[\p{L}\d.]*|fast|mode)\s+models?\s*,?\s*$`, 'iu');
const ONLY = /\b(?:only|remaining|exhaustive|complete\s+list|full\s+list|solely|(?:limited|isolated|confined|restricted)\s+to)\b/i;
/** "The affected models are Opus 5 and Sonnet 5" is a full list too. */
const AFFECTED_LIST = /\baffected\s+models?\s+(?:are|is)\b|\baffected\s+models?\s*:/i;
const REST = /\b(?:the\s+rest|all\s+(?:other\s+|remaining\s+)?models|every\s+other|(?:other|remaining)\s+models)\b/i;
const ADDITIVE = new RegExp(
  String.raw`\b(?:also|additionally|as\s+well|in\s+addition|now\s+(?:also\s+)?(?:affect|impact)\w*` +
    String.raw`|(?:expanded|spread|extended)\s+to)\b`,
  'i',
);
/** Speaks of every model, leaving none out: a later "errors across all models" takes back an earlier exclusion. */
const EVERY_MODEL = /\b(?:all|every)\s+(?:(?:of\s+)?(?:the|our)\s+)?(?:Claude\s+)?(?:models?|products?)\b/i;
/** Sentences and contrasting clauses ("Opus 5 errors are back to baseline but Sonnet 5's errors are up"). A dot ends
 *  a sentence only before whitespace, so "4.5" and "claude.ai" stay whole. (?<=\S) tries once per run of spaces.
 *  "every model but Opus 5" is one clause (an exclusion), "…all models, but Opus 5 is still down" two. */
const CLAUSE_BREAK = new RegExp(
  String.raw`[.!?;](?=\s|$)|\n\s*\n|(?<=\S),?\s+(?:but\b(?!(?<=\bmodels?\s+but)\s+(?:not\s+)?(?:for\s+)?(?:the\s+)?` +
    String.raw`${MODEL_START})|however|whereas|while)\b`,
  'i',
);

function polarityOf(text: string): Verdict {
  if (RECOVERED.test(text) && !NOT_RECOVERED.test(text)) return 'recovering';
  return UNAFFECTED.test(text) ? 'unaffected' : 'affected';
}

/** Where a clause sets models apart: the text about the rest (`main`, without a trailing relative clause), the models
 *  on the left of the exclusion word, the models set apart, and whether the left side is about models in general. */
interface Exclusion {
  main: string;
  left: ModelRef[];
  apart: ModelRef[];
  generic: boolean;
}

function findExclusion(clause: string): Exclusion | null {
  const non = NON.exec(clause);
  const except = EXCEPT.exec(clause);
  if (non && (!except || non.index <= except.index)) {
    const rest = `${clause.slice(0, non.index)} ${clause.slice(non.index + non[0].length)}`;
    return { main: clause, left: extractNormalised(rest).models, apart: extractNormalised(non[1] ?? '').models, generic: true };
  }
  if (!except) return null;
  const leftText = clause.slice(0, except.index);
  const right = clause.slice(except.index + except[0].length);
  const relative = RELATIVE.exec(right);
  const apartText = relative ? right.slice(0, relative.index) : right;
  const left = extractNormalised(leftText).models;
  const tail = leftText.trimEnd().slice(-60);
  const generic = left.length === 0 || (GENERIC_TAIL.test(tail) && !NAMED_TAIL.test(tail));
  return { main: leftText + apartText, left, apart: extractNormalised(apartText).models, generic };
}

function readText(body: unknown): Reading {
  const text = normalise(body);
  const whole = extractNormalised(text);
  const r: Reading = {
    models: whole.models,
    named: new Map(),
    others: null,
    narrowing: false,
    additive: ADDITIVE.test(text),
    allRecovered: !whole.models.length && RECOVERED.test(text) && !NOT_RECOVERED.test(text) && !PARTIAL.test(text),
    broad: whole.broad,
    everyModel: EVERY_MODEL.test(text),
  };
  const mark = (models: ModelRef[], v: Verdict) => {
    for (const m of models) if (r.named.get(modelKey(m)) !== 'affected') r.named.set(modelKey(m), v); // affected wins
  };
  for (const clause of text.split(CLAUSE_BREAK)) {
    const exclusion = findExclusion(clause);
    if (exclusion) {
      const polarity = polarityOf(exclusion.main);
      if (polarity !== 'affected') {
        // "All models except Opus 5 have recovered": the set-apart models are the ones still down.
        mark(exclusion.left, polarity);
        mark(exclusion.apart, 'affected');
        if (exclusion.generic) [r.others, r.narrowing] = [polarity, true];
      } else {
        // "Elevated errors on all models except Haiku 4.5": every model but those (generic); "all Opus models except
        // Opus 4.5": the named ones but those.
        mark(exclusion.left, 'affected');
        mark(exclusion.apart, 'unaffected');
        if (exclusion.generic) [r.others, r.broad] = ['affected', true];
      }
      continue;
    }
    const polarity = polarityOf(clause);
    const models = extractNormalised(clause).models;
    if (models.length && polarity === 'affected' && (ONLY.test(clause) || AFFECTED_LIST.test(clause))) {
      // "The only affected models right now are Opus 4.8 and Opus 5", "The issue is limited to Opus 5".
      mark(models, 'affected');
      [r.others, r.narrowing] = ['recovering', true];
    } else if (!models.length && REST.test(clause)) {
      // "The rest of the models have recovered to baseline error rate."
      [r.others, r.narrowing] = [polarity, r.narrowing || polarity !== 'affected'];
    } else {
      mark(models, polarity);
    }
  }
  return r;
}

/** What `r` says of model `m`: of it by name, else of the family or plain model that takes it in ("Opus has recovered"
 *  speaks of Opus 5; "Opus 5 is not affected" of Opus 5 Fast). */
function verdictOn(r: Reading, key: string, m: ModelRef | undefined): Verdict | undefined {
  const said = r.named.get(key);
  if (said || !m) return said;
  const plain = m.qualifier ? r.named.get(modelKey({ ...m, qualifier: null })) : undefined;
  return plain ?? (m.version === null ? undefined : r.named.get(modelKey({ family: m.family, version: null, qualifier: null })));
}

/** Verdicts after update `r`, given those after the update before it (`earlier`). `refs`: every model named in the
 *  incident by key; `titleOnly`: the title's verdicts on the models only the title names. */
function applyUpdate(
  r: Reading,
  refs: Map<string, ModelRef>,
  titleOnly: Map<string, Verdict>,
  earlier: Map<string, Verdict>,
): Map<string, Verdict> {
  const keys = [...refs.keys()];
  const all = (v: Verdict) => new Map(keys.map((k) => [k, v]));
  if (r.allRecovered) return all('recovering');
  if (!r.named.size) {
    // Naming no model: "A fix has been implemented and we are monitoring the results" changes nothing; "errors affecting
    // multiple models" puts every model down again, except those set apart before ("all models" takes those back too).
    if (!r.broad) return earlier;
    return new Map(keys.map((k): [string, Verdict] => [k, earlier.get(k) === 'unaffected' && !r.everyModel ? 'unaffected' : 'affected']));
  }
  const namesAffected = [...r.named.values()].includes('affected');
  return new Map(
    keys.map((k): [string, Verdict] => {
      const said = verdictOn(r, k, refs.get(k)) ?? r.others;
      if (said) return [k, said];
      // Titles are edited after updates are posted; a model only the title names is dropped only explicitly.
      const title = titleOnly.get(k);
      if (title) return [k, title];
      // "X is also failing", "X is operational", "X and other models": silent on the rest, which stay as they were.
      if (r.additive || r.broad || !namesAffected) return [k, earlier.get(k) ?? 'affected'];
      return [k, 'recovering']; // a plain list of affected models replaces the earlier one
    }),
  );
}

/**
 * Which models an incident affects now. The title and all bodies give the models ever named (in order of first
 * mention: title, then updates oldest first); the title's reading is the starting point and the updates, replayed
 * oldest to newest, change it:
 * - an update naming no model changes nothing ("A fix has been implemented and we are monitoring the results"; with
 *   no earlier narrowing, every model named is down); "back to errors across all models" puts all down again; an
 *   unhedged recovery ("the errors are back to baseline") recovers all;
 * - an update naming models: per clause, "X is operational / has recovered / back to baseline" → X recovering, "X is
 *   not affected" → X set apart, otherwise X affected. Exclusions and exceptions to a recovery: see the module comment.
 *   "The only affected models right now are X and Y", "limited to X", "The rest of the models have recovered" also
 *   decide for the models not named. Otherwise models not named recover when the update lists affected models, and
 *   stay as they were when it says "also", "now affecting", "and other models", or only lists recoveries. A model
 *   named only in the title keeps the title's verdict unless dropped explicitly.
 * - broad: starts as the title says; an update that bounds the scope ("only", "exhaustive list", "limited to", "the
 *   rest have recovered") or recovers everything makes it not broad, and it stays so until an update speaks of all,
 *   several or other models again ("X and other models", "across all models", "all models except Y"). A plain list
 *   of models after a broad title keeps it broad ("multiple models" then naming three of them: others may be down).
 * A resolved or postmortem incident has nothing affected and is neither broad nor excluding.
 * `status` may be omitted: then the newest update's own status is used.
 */
export function incidentScope(input: {
  name: string;
  status?: string;
  updates: ReadonlyArray<{ body: string; status?: string }>;
}): IncidentScope {
  const updates = Array.isArray(input?.updates) ? input.updates : [];
  const title = readText(input?.name);
  const readings = updates.map((u) => readText(u?.body)); // newest first
  const byKey = new Map<string, ModelRef>();
  for (const m of [title, ...[...readings].reverse()].flatMap((x) => x.models)) {
    if (!byKey.has(modelKey(m))) byKey.set(modelKey(m), m);
  }
  const models = [...byKey.values()];
  const rawStatus: unknown = input?.status ?? updates[0]?.status;
  const status = typeof rawStatus === 'string' ? rawStatus.toLowerCase() : '';
  if (status === 'resolved' || status === 'postmortem' || status === 'completed') {
    return { affected: [], recovering: models, broad: false, excluded: [] };
  }
  const keys = [...byKey.keys()];
  const inBodies = new Set(readings.flatMap((b) => b.models.map(modelKey)));
  const titleOnly = new Map([...title.named].filter(([k]) => !inBodies.has(k)));
  let verdicts = new Map<string, Verdict>(keys.map((k) => [k, title.named.get(k) ?? 'affected']));
  let broad = title.broad && !title.narrowing;
  for (let i = readings.length - 1; i >= 0; i--) {
    const r = readings[i]!;
    verdicts = applyUpdate(r, byKey, titleOnly, verdicts);
    if (r.allRecovered || r.narrowing) broad = false;
    else if (r.broad) broad = true;
  }
  const verdictOf = (m: ModelRef) => {
    const v = verdicts.get(modelKey(m));
    return v === 'unaffected' && !broad ? 'recovering' : v;
  };
  return {
    affected: models.filter((m) => verdictOf(m) === 'affected'),
    recovering: models.filter((m) => verdictOf(m) === 'recovering'),
    broad,
    excluded: models.filter((m) => verdictOf(m) === 'unaffected'),
  };
}
