/**
 * The models the status page has talked about, so settings can offer real choices without a model
 * list frozen into the extension (new families keep appearing).
 */
import { extractModels } from './extract';
import { modelKey, parseModelKey } from './ref';

export interface SeenModels {
  /** `modelKey()` strings, newest mention first. */
  keys: string[];
  /** When incidents.json was last read for them. */
  learnedAt: number | null;
}

const MAX_SEEN = 60;
/** incidents.json is ~300 KB; re-reading it more than hourly teaches nothing new. */
export const LEARN_EVERY_MS = 60 * 60_000;

export function modelsMentioned(incidents: Array<{ name: string; updates: Array<{ body: string }> }>): string[] {
  const keys: string[] = [];
  for (const i of incidents) {
    for (const text of [i.name, ...i.updates.map((u) => u.body)]) {
      for (const m of extractModels(text).models) keys.push(modelKey(m));
    }
  }
  return [...new Set(keys)];
}

export function mergeSeen(seen: string[], found: string[]): string[] {
  return [...new Set([...found, ...seen])].slice(0, MAX_SEEN);
}

/** By family, then newest version first ("Opus 5", "Opus 4.8", …); family-only entries last. */
export function sortModelKeys(keys: string[]): string[] {
  const parsed = keys.flatMap((key) => {
    const model = parseModelKey(key);
    return model ? [{ key, model }] : [];
  });
  return parsed
    .sort(
      (a, b) =>
        a.model.family.localeCompare(b.model.family) ||
        versionNumber(b.model.version) - versionNumber(a.model.version) ||
        a.key.localeCompare(b.key),
    )
    .map((p) => p.key);
}

function versionNumber(version: string | null): number {
  return version === null ? -1 : Number.parseFloat(version) || 0;
}
