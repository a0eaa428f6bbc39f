/**
 * Which model the user has picked on claude.ai, read from the label of the page's model picker, or
 * null whenever that is not certain. The banner then says when *that* model is affected; with null
 * it behaves exactly as without this reading. Never a guess:
 *
 * - only the element claude.ai's own tests hook, `[data-testid="model-selector-dropdown"]` (stable
 *   across the redesigns public userscripts and extensions record from 2025 to 2026; class names
 *   are hashed and change), and only when exactly one is on the page;
 * - its visible text, or when that is empty its `aria-label` minus a leading "Model:";
 * - that text must be a whole model name and nothing else: an optional "Claude", a family this
 *   extension knows (Opus, Sonnet, Haiku, Mythos, Fable), a version, and optionally "Fast" and
 *   one of the effort words claude.ai prints after it ("Opus 4.8 Max", "Opus 5 Low"). A bare family
 *   ("Sonnet"), another language, a new word, two names or a long string: null.
 *
 * So a markup change degrades to today's banner (no picker found, or text that does not parse),
 * never to a wrong claim. Reads only the label, never the conversation. Imports only ref.ts (and Preact's hooks).
 * @module
 */
import { useEffect, useState } from 'preact/hooks';
import { KNOWN_FAMILIES, cleanVersion, modelKey, type ModelRef, parseModelKey } from '../../lib/models/ref';

export const PICKER_SELECTOR = '[data-testid="model-selector-dropdown"]';

/** Longer than any real label ("Claude Sonnet 4.5 Fast Medium" is 29): anything longer is not just a name. */
const MAX_LABEL = 48;
const EFFORT = ['low', 'medium', 'high', 'extra', 'max', 'extended', 'thinking'];

/** A picker label → the model it names, or null when it is anything but exactly one model name. */
export function modelFromPickerLabel(raw: string | null | undefined): ModelRef | null {
  if (typeof raw !== 'string') return null;
  // Invisible formatting characters (bidi marks, zero-width spaces) and any run of whitespace count as one space.
  const text = raw
    .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text || text.length > MAX_LABEL) return null;
  const m = /^(?:claude )?(\p{L}+) (\d{1,2}(?:\.\d{1,2})?)(?: (fast))?(?: (\p{L}+))?$/iu.exec(text);
  if (!m) return null;
  const family = KNOWN_FAMILIES.get(m[1]!.toLowerCase());
  if (!family) return null;
  if (m[4] && !EFFORT.includes(m[4].toLowerCase())) return null;
  return { family, version: cleanVersion(m[2]!), qualifier: m[3] ? 'Fast' : null };
}

/** The model picked on this page, or null (no picker, several, or a label that is not exactly a model name). */
export function readModelInUse(doc: Pick<Document, 'querySelectorAll'>): ModelRef | null {
  const found = doc.querySelectorAll(PICKER_SELECTOR);
  if (found.length !== 1) return null;
  const picker = found[0]!;
  const text = picker.textContent?.trim();
  if (text) return modelFromPickerLabel(text);
  const label = picker.getAttribute('aria-label') ?? '';
  return modelFromPickerLabel(label.replace(/^\s*model\s*:\s*/i, ''));
}

/** How often the label is read again (the user switches models without the page reloading). */
export const PICKER_READ_EVERY_MS = 2_000;

/**
 * {@link readModelInUse}, kept current while `active` (an incident is open): one attribute query
 * every 2 s, nothing heavier, and no timer at all while there is nothing to show.
 */
export function useModelInUse(active: boolean): ModelRef | null {
  const read = () => {
    const model = readModelInUse(document);
    return model ? modelKey(model) : '';
  };
  const [key, setKey] = useState(read);
  useEffect(() => {
    if (!active) return;
    const update = () => setKey(read());
    update();
    const timer = setInterval(update, PICKER_READ_EVERY_MS);
    addEventListener('focus', update);
    return () => {
      clearInterval(timer);
      removeEventListener('focus', update);
    };
  }, [active]);
  return key ? parseModelKey(key) : null;
}
