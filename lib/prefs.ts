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
