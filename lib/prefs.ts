/** User settings, stored in `sync:` storage so they follow the user across browsers. */
import type { Level } from './verdict/level';

export interface QuietHours {
  /** Minutes after local midnight; `start > end` spans midnight (22:00–07:00). */
  start: number;
  end: number;
}

export interface Prefs {
  /** Models the user works with, as `modelKey()` strings. Empty: every incident counts. */
  myModels: string[];
  /** Component ids the user works with (claude.ai, API, …). Empty: every component counts. */
  myComponents: string[];
  /** Desktop notifications at all. */
  notify: boolean;
  /** Least severe incident that notifies. */
  notifyMinLevel: Exclude<Level, 'operational' | 'maintenance'>;
  /** Reminders about scheduled maintenance. */
  notifyMaintenance: boolean;
  /** No notifications in this window of local time (the badge still changes). */
  quietHours: QuietHours | null;
  /** Other providers whose status the user watches (registry ids, lib/providers/registry.ts); each off by default. */
  providers: string[];
  /**
   * Watch the outcomes of claude.ai's own requests (status codes only, counts kept for an hour,
   * nothing sent anywhere) to tell "Claude fails for you" from "the page says so". On by default: it
   * needs no permission warning beyond the claude.ai access the banner already has (docs/local-evidence.md).
   */
  localEvidence: boolean;
}

export const DEFAULT_PREFS: Prefs = {
  myModels: [],
  myComponents: [],
  notify: true,
  notifyMinLevel: 'minor',
  notifyMaintenance: false,
  quietHours: null,
  providers: [],
  localEvidence: true,
};

/** Settings stored by an older version lack newer fields: fill them with defaults. */
export function withDefaults(stored: Partial<Prefs> | null | undefined): Prefs {
  return { ...DEFAULT_PREFS, ...stored };
}

export function inQuietHours(quiet: QuietHours | null, now: Date): boolean {
  if (!quiet || quiet.start === quiet.end) return false;
  const minute = now.getHours() * 60 + now.getMinutes();
  return quiet.start < quiet.end ? minute >= quiet.start && minute < quiet.end : minute >= quiet.start || minute < quiet.end;
}

/** Caps on what the user can type: settings live in sync storage (8 KB per item in Chrome). */
export const MAX_MY_MODELS = 30;
export const MAX_MODEL_KEY_LENGTH = 40;

/** A change to the settings, applied to whatever is stored at the moment it is written. */
export interface PrefsPatch {
  set?: Partial<Omit<Prefs, ListPref>>;
  add?: Partial<Record<ListPref, string[]>>;
  remove?: Partial<Record<ListPref, string[]>>;
}

/** Settings that are lists: changed item by item, never replaced. */
export const LIST_PREFS = ['myModels', 'myComponents', 'providers'] as const;
export type ListPref = (typeof LIST_PREFS)[number];

export type PatchError = 'too-many-models' | 'model-too-long';

/**
 * The settings after a patch. Lists change by adding and removing items, never by replacing the
 * list: two windows that each tick a different model both keep their tick.
 */
export function applyPrefsPatch(current: Prefs, patch: PrefsPatch): Prefs | { error: PatchError } {
  const list = (name: ListPref) => {
    const removed = new Set(patch.remove?.[name] ?? []);
    const kept = current[name].filter((k) => !removed.has(k));
    return [...new Set([...kept, ...(patch.add?.[name] ?? [])])];
  };
  const myModels = list('myModels');
  if ((patch.add?.myModels ?? []).some((k) => k.length > MAX_MODEL_KEY_LENGTH)) return { error: 'model-too-long' };
  if (myModels.length > MAX_MY_MODELS && myModels.length > current.myModels.length) return { error: 'too-many-models' };
  return { ...current, ...patch.set, myModels, myComponents: list('myComponents'), providers: list('providers') };
}
