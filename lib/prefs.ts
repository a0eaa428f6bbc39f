/** User settings, stored in `sync:` storage so they follow the user across browsers. */
export interface Prefs {
  /** Models the user works with, as `modelKey()` strings. Empty: every incident counts. */
  myModels: string[];
}

export const DEFAULT_PREFS: Prefs = { myModels: [] };
