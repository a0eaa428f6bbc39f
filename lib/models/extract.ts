/**
 * Which Claude models a text from status.claude.com names: incident titles and update bodies, plain
 * text or feed HTML, in every written form the page has used (docs/statuspage.md §9). Pure; never
 * throws; linear in the input.
 * @module
 */
import { CANONICAL, KNOWN_FAMILIES, cleanVersion, modelKey, type ModelRef } from './ref';

export interface ModelMentions {
  /** Every model named, de-duplicated, in order of first mention. */
  models: ModelRef[];
  /** The text speaks of several, all or unnamed models ("multiple models", "other Claude models"). */
  broad: boolean;
}

// ---- Vocabulary ----

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
/** What a model name (after "Claude") can start with, for regular expressions: a known family or a version. */
export const FAMILY_START = `(?:instant|${[...KNOWN_FAMILIES.keys()].join('|')}|\\d)`;
/** What a model name can start with: "Claude", a known family or a version-first number. */
export const MODEL_START = `(?:claude|${FAMILY_START})`;
/** "multiple models", "all Claude models", "a subset of our models", "across Claude models", "every model"; "Claude
 *  models" with no quantifier; the exclusion forms "models other than …", "all models except …", "every model but
 *  Opus 5", "non-Opus models" (all models minus some: lib/models/scope.ts reads which); "across all products". */
const SCOPE_WORDS = new RegExp(
  String.raw`\b(?:` +
    '(?:all|many|multiple|several|some|other|various|most|numerous|across' +
    String.raw`|a\s+(?:subset|number|range)\s+of)\s+` +
    String.raw`(?:(?:of\s+)?(?:the|our)\s+)?` + // "several of our models"
    String.raw`(?:(?:other|affected|remaining|Claude)\s+){0,2}models` + // "some other Claude models"
    String.raw`|every\s+(?:Claude\s+)?model` +
    String.raw`|Claude\s+models` + // "Elevated errors on Claude models"
    // Not "all Opus models except Opus 4.5" (Opus models only); the look-behind runs only where "model" matched.
    String.raw`|models?(?<!${FAMILY_START}[\s-]+models?)` +
    String.raw`\s+(?:other\s+than|except|apart\s+from|aside\s+from|excluding|but\s+(?:not\s+)?(?:the\s+)?${MODEL_START})` +
    String.raw`|non-?\s*(?:Claude[\s-]+)?\p{L}+(?:[\s-]+\d{1,2}(?:\.\d+)*)?[\s-]+(?:Claude\s+)?models?` + // "non-Opus models"
    String.raw`|(?:all|every)\s+(?:Claude\s+)?products?)\b`,
  'iu',
);
/** Before a bare "Claude" that means the service's models: "Errors on requests to Claude", "Degraded performance for
 *  Claude". Not "into" ("Issues logging into Claude"), nor a verb ("using Claude"). */
const BEFORE_BARE_CLAUDE = new Set('to on for with of affecting impacting across'.split(' '));
/** After a bare "Claude": the end, a punctuation mark, or a word that cannot start a product or model name. "for",
 *  "in", "on" only before a lower-case word ("Claude for some users", not "Claude for Government", "Claude in Slack"). */
const AFTER_BARE_CLAUDE = new Set('and or via from since due is are was were has have had at as through when while today'.split(' '));
const BARE_CLAUDE_MARKS = new Set([...'.,;:!?)\u2013\u2014']);

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

/** Entities decoded once, tags dropped, invisible characters removed, API-id versions dotted. */
export function normalise(text: unknown): string {
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

/** {@link extractModels} on text already passed through {@link normalise}. */
export function extractNormalised(text: string): ModelMentions {
  const toks = tokenize(text);
  const seen = new Map<string, ModelRef>();
  let pushed = false;
  const push = (m: ModelRef) => {
    pushed = true;
    if (!seen.has(modelKey(m))) seen.set(modelKey(m), m);
  };
  let bareClaude = false;
  for (let i = 0; i < toks.length; ) {
    pushed = false;
    const next = readMention(toks, i, push);
    bareClaude ||= !pushed && isBareClaude(toks, i);
    i = next > i ? next : i + 1;
  }
  return { models: [...seen.values()], broad: bareClaude || SCOPE_WORDS.test(text) };
}

/** "Claude" standing for the service's models, not followed by a model or product name: "Errors on requests to Claude",
 *  "Degraded performance for Claude", "Elevated errors on Claude for some users". */
function isBareClaude(toks: Tok[], i: number): boolean {
  if (!isWord(toks[i], 'claude') || !BEFORE_BARE_CLAUDE.has(toks[i - 1]?.lower ?? '')) return false;
  const next = toks[i + 1];
  if (!next) return true;
  if (next.kind === 'mark') return BARE_CLAUDE_MARKS.has(next.text);
  if (next.kind !== 'word') return false;
  if (AFTER_BARE_CLAUDE.has(next.lower)) return true;
  // "Claude for some users", not "Claude for Government" / "Claude in Slack" / "Claude on Vertex".
  const after = toks[i + 2];
  return ['for', 'in', 'on'].includes(next.lower) && after?.kind === 'word' && after.text === after.lower;
}

/**
 * Every model named in an incident title or body (plain text or feed HTML).
 * @example extractModels('Claude 4, 4.5 Sonnet and 4.5 Haiku').models.map(modelLabel)
 * // ['Sonnet 4', 'Sonnet 4.5', 'Haiku 4.5']
 */
export function extractModels(text: string): ModelMentions {
  return extractNormalised(normalise(text));
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
