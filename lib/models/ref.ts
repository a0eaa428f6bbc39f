/**
 * A Claude model as the status page names it, and the small helpers every surface needs (keys for
 * storage, labels, badge text, "does this incident concern my model"). Pure and tiny: the claude.ai
 * content script imports this, never the text parser (extract.ts) or the scope reader (scope.ts).
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

/** Families the page has used; other families are found after "Claude" (extract.ts). */
export const KNOWN_FAMILIES = new Map(['Opus', 'Sonnet', 'Haiku', 'Mythos', 'Fable'].map((f) => [f.toLowerCase(), f]));
/** Spelling of every family this module names by itself, for lower-case input and stored keys. */
export const CANONICAL = new Map([...KNOWN_FAMILIES, ['instant', 'Instant'], ['claude', 'Claude']]);

/** `4.0` is `4`; null stays null. */
export const cleanVersion = (v: string | null) => (v === null ? null : v.replace(/(?:\.0+)+$/, ''));

/** Stable lower-case id for storage: `opus-4.5`, `haiku`, `opus-5-fast`, `claude-2.1`. */
export function modelKey(m: ModelRef): string {
  return [m.family, cleanVersion(m.version), m.qualifier]
    .filter((p) => p)
    .join('-')
    .toLowerCase();
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

/**
 * Does `outer` take in every model `inner` can mean? For exclusions: a broad incident leaves a user out only when the
 * page leaves out everything they chose. Unlike {@link modelMatches} this is one-way: "Opus" (a family exclusion, "non-Opus
 * models") covers "Opus 5", but "Opus 5" does not cover a user watching all of Opus (their Opus 4.8 may be down). A
 * plain model covers its Fast variant (the page names the model; Fast is a way to run it); "Opus 5 Fast" does not cover
 * plain Opus 5.
 */
export function modelCovers(outer: ModelRef, inner: ModelRef): boolean {
  if (outer.family.toLowerCase() !== inner.family.toLowerCase()) return false;
  const version = cleanVersion(outer.version);
  if (version !== null && version !== cleanVersion(inner.version)) return false;
  const qualifier = outer.qualifier?.toLowerCase();
  return !qualifier || qualifier === inner.qualifier?.toLowerCase();
}
