/**
 * Which Claude models an incident on status.claude.com is about.
 *
 * The status page has no per-model component: models appear only in incident titles and update bodies, in many
 * written forms (docs/statuspage.md §9). This module finds them, and reads the newest update to tell which
 * models are down now and which have recovered. Pure: no browser APIs, no imports. Never throws; linear in the input.
 * @module
 */

export interface ModelRef {
  /** Capitalised as on the page: `Opus`, `Mythos`; `Instant`; `Claude` for bare generations (`Claude 2.1`). */
  family: string;
  /** As written, without a trailing `.0` (`"4.5"`, `"5"`, typo `"48"`); null when only the family is named. */
  version: string | null;
  /** `"Fast"` for Fast Mode variants, otherwise null. */
  qualifier: string | null;
}
export interface ModelMentions {
  /** Every model named, de-duplicated, in order of first mention. */
  models: ModelRef[];
  /** The text speaks of several, all or unnamed models ("multiple models", "other Claude models"). */
  broad: boolean;
}
export interface IncidentScope {
  /** Down now. */
  affected: ModelRef[];
  /** Named in the incident but no longer affected. Never also in `affected`. */
  recovering: ModelRef[];
  /** The incident currently concerns several, all or unnamed models. */
  broad: boolean;
}

// ---- Vocabulary ----

/** Families matched anywhere, with or without a version. Others are found after "Claude" (see PRODUCT_WORDS). */
const KNOWN_FAMILIES = new Map(['Opus', 'Sonnet', 'Haiku', 'Mythos', 'Fable'].map((f) => [f.toLowerCase(), f]));
/** Spelling of every family this module names by itself, for lower-case input and stored keys. */
const CANONICAL = new Map([...KNOWN_FAMILIES, ['instant', 'Instant'], ['claude', 'Claude']]);
/** Capitalised words that follow "Claude" but name a product, plan, platform or date, not a model ("Claude Code 2.0",
 *  "Claude Max 20x", "Claude September 8 update"). A new family is any other capitalised word there before a
 *  version. */
const PRODUCT_WORDS = new Set(
  [
    'code cowork api console platform design security tag desktop mobile app apps enterprise team teams pro max free',
    'plus business education edu gov government for in on by with and or the services service status admin web',
    'chrome extension browser android ios windows mac macos linux office excel word powerpoint slack voice chat',
    'projects artifacts research memory files skills agent agents sdk connectors routines remote review workbench',
    'labs developer docs help sessions model models users',
    'january february march april may june july august september october november december',
    'jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday',
  ]
    .join(' ')
    .split(' '),
);
/** A version as published: `5`, `4.5`, typo `48`. Three or more digits is a count, a year or a date stamp (`0620`). */
const VERSION = /^\d{1,2}(?:\.\d+)*$/;
/** After a number these make it a duration or a time, never a version ("Claude 2 hours ago", "Opus 5, 10 minutes"). */
const UNITS = new Set('minutes minute mins min hours hour hrs hr seconds second secs sec days day weeks ms'.split(' '));
for (const w of 'am pm utc pt pdt pst gmt percent'.split(' ')) UNITS.add(w);
/** In a list these make a number a count ("Opus 5 and 2 other models"); right after a family it is still a version. */
const COUNTED = new Set('other others more of models model'.split(' '));
const LIST_JOINERS = new Set([',', 'and', '&', '/', 'or']);
/** "multiple models", "all Claude models", "a subset of our models", "across Claude models", "every model". */
const SCOPE_WORDS = new RegExp(
  String.raw`\b(?:` +
    String.raw`(?:all|many|multiple|several|some|other|various|most|numerous|across` +
    String.raw`|a\s+(?:subset|number|range)\s+of)\s+` +
    String.raw`(?:(?:of\s+)?(?:the|our)\s+)?` + // "several of our models"
    String.raw`(?:(?:other|affected|remaining|Claude)\s+){0,2}models` + // "some other Claude models"
    String.raw`|every\s+(?:Claude\s+)?model)\b`,
  'i',
);

// ---- Text to tokens ----

/** Decode the usual HTML entities exactly once (feeds are escaped once more than the JSON). */
function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return text.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|amp|lt|gt|quot|apos|nbsp);/gi, (whole, code: string) => {
    if (code[0] !== '#') return named[code.toLowerCase()] ?? whole;
    const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
    return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
  });
}

function normalise(text: unknown): string {
  return (
    decodeEntities(typeof text === 'string' ? text : '')
      // Feed bodies are HTML: drop the tags, keep the words.
      .replace(/<\/?[a-z][^<>]*>/gi, ' ')
      // Invisible characters would split "Opus\u200b4.5".
      .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
      // API ids write the version with a hyphen: claude-opus-4-5-20251101 → claude-opus-4.5-20251101.
      .replace(/\bclaude(?:-[a-z0-9.]+)+/gi, (id) => id.replace(/(\d)-(\d)(?!\d)/g, '$1.$2'))
  );
}

type Tok = { text: string; lower: string; kind: 'host' | 'num' | 'word' | 'mark' };

/** Host names (claude.ai, platform.claude.com) stay one token so they never read as "Claude". Hyphens are dropped, so
 *  "3.5-Sonnet" and "claude-instant-1.2" read like their spaced forms. Each punctuation mark is its own token. */
function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  for (const m of text.matchAll(/(\p{L}+(?:\.\p{L}+)+)|(\d+(?:\.\d+)*)|(\p{L}+)|([^\s\p{L}\d-])/gu)) {
    const kind = m[1] ? 'host' : m[2] ? 'num' : m[3] ? 'word' : 'mark';
    toks.push({ text: m[0], lower: m[0].toLowerCase(), kind });
  }
  return toks;
}

// ---- Tokens to models ----

const isWord = (t: Tok | undefined, lower: string) => t?.kind === 'word' && t.lower === lower;
const knownFamily = (t: Tok | undefined) => (t?.kind === 'word' && KNOWN_FAMILIES.get(t.lower)) || null;
const cleanVersion = (v: string | null) => (v === null ? null : v.replace(/(?:\.0+)+$/, ''));

/** A version token that is not a time ("16∶55"), a percentage or a duration ("5 minutes"). */
function isVersionAt(toks: Tok[], i: number): boolean {
  const t = toks[i];
  const next = toks[i + 1];
  if (t?.kind !== 'num' || !VERSION.test(t.text) || next?.text === '%') return false;
  if (next?.kind === 'mark' && /[:\u2236\uff1a]/.test(next.text) && toks[i + 2]?.kind === 'num') return false;
  return !(next?.kind === 'word' && UNITS.has(next.lower));
}

/** "5 and 5.1", "4, 4.5": versions joined by commas, "and", "&", "/". In a family-first list a version followed by a
 *  family belongs to that family ("Opus 5 and 4.5 Haiku"); a version-first list ends at its family. */
function versionList(toks: Tok[], i: number, familyFirst: boolean): [string[], number] {
  const versions = [toks[i]!.text];
  let end = i + 1;
  for (;;) {
    let j = end;
    while (toks[j] && LIST_JOINERS.has(toks[j]!.lower)) j++;
    const after = toks[j + 1];
    if (j === end || !isVersionAt(toks, j) || (after?.kind === 'word' && COUNTED.has(after.lower))) break;
    if (familyFirst && knownFamily(after)) break;
    versions.push(toks[j]!.text);
    end = j + 1;
    if (!familyFirst && knownFamily(toks[end])) break;
  }
  return [versions, end];
}

/** "Mythos/Fable": known families joined by slashes share what follows. */
function familyGroup(toks: Tok[], i: number): [string[], number] {
  const fams: string[] = [];
  let end = i;
  for (let f = knownFamily(toks[i]); f; f = toks[end]?.text === '/' ? knownFamily(toks[end + 1]) : null) {
    fams.push(f);
    end += fams.length > 1 ? 2 : 1;
  }
  return [fams, end];
}

/** "Fast", "Fast Mode", "(Fast mode)", "in fast mode" after a mention, or "Fast mode for" before it. A lower-case
 *  "fast" needs "mode" ("Opus 4.6 fast recovery" is not a variant). Returns [isFast, index after the qualifier]. */
function fastQualifier(toks: Tok[], start: number, end: number): [boolean, number] {
  let j = end + (toks[end]?.text === '(' ? 1 : 0);
  const via = ['in', 'with', 'using'].includes(toks[j]?.lower ?? '') ? 1 : 0;
  if (isWord(toks[j + via], 'fast')) {
    const mode = isWord(toks[j + via + 1], 'mode');
    if (mode || (!via && toks[j]!.text === 'Fast')) {
      j += via + 1 + (mode ? 1 : 0);
      return [true, j + (toks[j]?.text === ')' ? 1 : 0)];
    }
  }
  const k = start - (['for', 'on', 'in', 'with'].includes(toks[start - 1]?.lower ?? '') ? 1 : 0);
  return [isWord(toks[k - 1], 'mode') && isWord(toks[k - 2], 'fast'), end];
}

/** Reads a model mention at token i, pushes what it names and returns the index after it (i when nothing). */
function readMention(toks: Tok[], i: number, push: (m: ModelRef) => void): number {
  const emit = (fams: string[], versions: Array<string | null>, end: number) => {
    const [fast, after] = fastQualifier(toks, i, end);
    const qualifier = fast ? 'Fast' : null;
    for (const family of fams) for (const v of versions) push({ family, version: cleanVersion(v), qualifier });
    return after;
  };
  const claude = isWord(toks[i], 'claude');
  const j = claude ? i + 1 : i;
  // Legacy "Claude Instant 1.2", "claude-instant-v1.1". Lone "instant" is an English word, so only after Claude.
  if (claude && isWord(toks[j], 'instant')) {
    const v = j + (isWord(toks[j + 1], 'v') ? 2 : 1);
    return isVersionAt(toks, v) ? emit(['Instant'], [toks[v]!.text], v + 1) : emit(['Instant'], [null], j + 1);
  }
  // Version first: "Claude 3.5 Sonnet", "3.5-Sonnet", "Claude 4, 4.5 Sonnet"; an integer only after "Claude".
  if (isVersionAt(toks, j) && (claude || toks[j]!.text.includes('.'))) {
    const [versions, end] = versionList(toks, j, false);
    const [fams, famEnd] = familyGroup(toks, end);
    if (fams.length) return emit(fams, versions, famEnd);
    // Bare generation: "Claude 2.1", "claude-2.1", "Claude-2.0". Returning `end` also when nothing matched skips the
    // whole list, which keeps long runs of numbers linear.
    return claude && /^\d(?:\.|$)/.test(toks[j]!.text) ? emit(['Claude'], versions, end) : end;
  }
  // Family first: "Claude Opus 4.5", "Mythos/Fable 5.1", "Sonnet 4.6 and 5", "Haiku"; "Claude Nova 6" (new family).
  let [fams, end] = familyGroup(toks, j);
  const t = toks[j];
  const newFamily = claude && t?.kind === 'word' && /^\p{Lu}\p{Ll}+$/u.test(t.text) && !PRODUCT_WORDS.has(t.lower);
  if (!fams.length && newFamily && isVersionAt(toks, j + 1)) [fams, end] = [[t.text], j + 1];
  if (!fams.length) return claude ? j : i;
  const v = end + (isWord(toks[end], 'v') && isVersionAt(toks, end + 1) ? 1 : 0);
  if (!isVersionAt(toks, v)) return emit(fams, [null], end);
  const [versions, vEnd] = versionList(toks, v, true);
  return emit(fams, versions, vEnd);
}

function extractNormalised(text: string): ModelMentions {
  const toks = tokenize(text);
  const seen = new Map<string, ModelRef>();
  const push = (m: ModelRef) => void (seen.has(modelKey(m)) || seen.set(modelKey(m), m));
  for (let i = 0; i < toks.length; ) {
    const next = readMention(toks, i, push);
    i = next > i ? next : i + 1;
  }
  return { models: [...seen.values()], broad: SCOPE_WORDS.test(text) };
}

/**
 * Every model named in an incident title or body (plain text or feed HTML).
 * @example extractModels('Claude 4, 4.5 Sonnet and 4.5 Haiku').models.map(modelLabel)
 * // ['Sonnet 4', 'Sonnet 4.5', 'Haiku 4.5']
 */
export function extractModels(text: string): ModelMentions {
  return extractNormalised(normalise(text));
}

// ---- Helpers for the UI and settings ----

/** Stable lower-case id for storage: `opus-4.5`, `haiku`, `opus-5-fast`, `claude-2.1`. */
export function modelKey(m: ModelRef): string {
  return [m.family, cleanVersion(m.version), m.qualifier].filter((p) => p).join('-').toLowerCase();
}

/** Inverse of {@link modelKey}; null when the key is malformed. */
export function parseModelKey(key: string): ModelRef | null {
  const text = typeof key === 'string' ? key.trim().toLowerCase() : '';
  const m = /^(\p{L}+)(?:-(\d+(?:\.\d+)*))?(?:-(\p{L}+))?$/u.exec(text);
  if (!m) return null;
  const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
  const family = CANONICAL.get(m[1]!) ?? cap(m[1]!);
  return { family, version: cleanVersion(m[2] ?? null), qualifier: m[3] ? cap(m[3]) : null };
}

/** Display label: `Opus 4.5`, `Claude 2.1`, `Opus 4.6 Fast`, `Haiku`. */
export function modelLabel(m: ModelRef): string {
  return [m.family, cleanVersion(m.version), m.qualifier].filter((p) => p).join(' ');
}

/**
 * At most 4 characters for the toolbar badge. With a version: family initial + version (`O4.5`, `S5`, `C2.1`), or
 * when that is longer than 4, the version alone cut to 4 (`4.10`). Family only: the family upper-cased, cut to 4
 * (`OPUS`, `HAIK`). The Fast qualifier does not fit and is left out (the popup shows the label).
 */
export function modelBadgeText(m: ModelRef): string {
  const version = cleanVersion(m.version);
  if (!version) return m.family.slice(0, 4).toUpperCase();
  const withInitial = (Array.from(m.family)[0] ?? '').toUpperCase() + version; // a whole code point
  return withInitial.length <= 4 ? withInitial : version.slice(0, 4);
}

/**
 * A model typed in settings ("opus 4.5", "Claude Sonnet 5", "Mythos", "nova 6 fast", "opus-5-fast"): the whole text
 * as one model name first (so a lower-case new family works), else the first model {@link extractModels} finds.
 */
export function modelFromUserText(text: string): ModelRef | null {
  const input = typeof text === 'string' ? text : '';
  // [Claude] family [version] [fast [mode]], nothing else
  const whole = /^\s*(?:claude[\s-]+)?(\p{L}+)(?:[\s-]*v?(\d{1,2}(?:\.\d+)*))?(?:[\s-]+(fast)(?:[\s-]+mode)?)?\s*$/iu;
  const [, name, version, fast] = whole.exec(input) ?? [];
  const word = name?.toLowerCase();
  // A family alone only when it is one we know ("mythos"; not "claude", which would be every model, nor "hello").
  if (word && !PRODUCT_WORDS.has(word) && (version || (CANONICAL.has(word) && word !== 'claude'))) {
    const family = CANONICAL.get(word) ?? word[0]!.toUpperCase() + word.slice(1);
    return { family, version: cleanVersion(version ?? null), qualifier: fast ? 'Fast' : null };
  }
  return extractModels(input).models[0] ?? null;
}

/**
 * Does an incident about `affected` concern a user who chose `chosen`? Same family, and equal versions or either one
 * unnamed ("Opus" covers every Opus). A plain choice matches the Fast variant (a Fast-mode outage hits that model's
 * Fast users) and a Fast choice matches the plain model (a plain outage hits Fast too); two qualifiers must agree.
 */
export function modelMatches(chosen: ModelRef, affected: ModelRef): boolean {
  if (chosen.family.toLowerCase() !== affected.family.toLowerCase()) return false;
  const a = cleanVersion(chosen.version);
  const b = cleanVersion(affected.version);
  if (a !== null && b !== null && a !== b) return false;
  const [qa, qb] = [chosen.qualifier?.toLowerCase(), affected.qualifier?.toLowerCase()];
  return !qa || !qb || qa === qb;
}

// ---- Current scope of an incident ----

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
    return { affected: [], recovering: models, broad: false };
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
  };
}
