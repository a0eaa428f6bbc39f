/**
 * The stored items: the single source of truth for every surface. The background writes `status`;
 * the popup, the options page and the claude.ai content script read and watch it.
 */
import { storage } from 'wxt/utils/storage';
import { EMPTY_STATE, type StatusState } from './status-state';
import { DEFAULT_PREFS, type Prefs } from './prefs';
import type { SeenModels } from './seen-models';

export const statusItem = storage.defineItem<StatusState>('local:status', {
  fallback: EMPTY_STATE,
  version: 1,
});

/** `sync:` follows the user across their browsers where the browser supports it (local otherwise). */
export const prefsItem = storage.defineItem<Prefs>('sync:prefs', {
  fallback: DEFAULT_PREFS,
  version: 1,
});

/** Models that incident text has mentioned: what the settings page offers. */
export const seenModelsItem = storage.defineItem<SeenModels>('local:seenModels', {
  fallback: { keys: [], learnedAt: null },
  version: 1,
});
