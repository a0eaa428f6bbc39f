/**
 * The stored items: the single source of truth for every surface. The background writes `status`;
 * the popup, the options page and the claude.ai content script read and watch it.
 */
import { storage } from 'wxt/utils/storage';
import { EMPTY_STATE, type StatusState } from './statuspage/state';
import { DEFAULT_PREFS, type Prefs } from './prefs';
import type { SeenModels } from './models/seen';
import { NO_ATTENTION, type Attention } from './attention/attention';
import { EMPTY_MEMORY, type NotifyMemory } from './attention/memory';
import type { ProvidersState } from './providers/state';
import { type ArchiveFill, type ArchiveState, EMPTY_ARCHIVE, EMPTY_UPTIME, NO_FILL, type UptimeCache } from './history/stored';
import { EMPTY_EVIDENCE, type EvidenceState } from './evidence/stored';

export const statusItem = storage.defineItem<StatusState>('local:status', {
  fallback: EMPTY_STATE,
  version: 2,
  migrations: {
    // v2 stores each incident's model scope with the snapshot. A v1 snapshot has none: drop its
    // ETag so the next poll (at once, at start) fetches and reads the whole page again, and mark
    // every incident "all models" until then, so the badge can never be calmer than the truth.
    2: (v1: StatusState): StatusState => ({
      ...v1,
      etag: null,
      confirmedAt: null,
      snapshot: v1.snapshot && {
        ...v1.snapshot,
        pageUpdatedAt: v1.snapshot.pageUpdatedAt ?? null,
        incidents: v1.snapshot.incidents.map((i) => ({
          ...i,
          scope: i.scope ?? { affected: [], recovering: [], broad: true, excluded: [] },
        })),
        maintenances: v1.snapshot.maintenances.map((m) => ({
          ...m,
          scope: m.scope ?? { affected: [], recovering: [], broad: false, excluded: [] },
        })),
      },
    }),
  },
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

/** What notifications have already told: survives worker stops and browser restarts. */
export const notifyMemoryItem = storage.defineItem<NotifyMemory>('local:notifyMemory', {
  fallback: EMPTY_MEMORY,
  version: 1,
});

/** Muted incidents and snooze, from the popup and notification buttons (this device only). */
export const attentionItem = storage.defineItem<Attention>('local:attention', {
  fallback: NO_ATTENTION,
  version: 1,
});

/** When the popup was last opened: updates newer than this are marked new. */
export const popupSeenItem = storage.defineItem<number>('local:popupSeenAt', {
  fallback: 0,
  version: 1,
});

/** Banners dismissed on claude.ai: incident id → the fingerprint it had when dismissed. */
export const dismissedItem = storage.defineItem<Record<string, string>>('local:dismissedBanners', {
  fallback: {},
  version: 1,
});

/** Other providers' status, one entry per provider the user turned on (written by the background only). */
export const providersItem = storage.defineItem<ProvidersState>('local:providers', {
  fallback: {},
  version: 1,
});

/** Every incident seen (history/archive.ts), with the ETag of the incidents.json it was last filled from. Up to
 *  ARCHIVE_LIMITS.maxBytes (1.5 MB); written only when it changed (refreshArchive's `changed`). */
export const archiveItem = storage.defineItem<ArchiveState>('local:archive', {
  fallback: { archive: EMPTY_ARCHIVE, etag: null },
  version: 1,
});

/** The status page's official uptime percentages per component, cached for hours (history/uptime.ts). */
export const uptimeItem = storage.defineItem<UptimeCache>('local:uptime', {
  fallback: EMPTY_UPTIME,
  version: 1,
});

/**
 * The user's own claude.ai request outcomes: per-minute counts by class, the current verdict and
 * what its notifications already told. Counts and times only; nothing older than an hour.
 * Read it through `readEvidenceState` (lib/evidence/state.ts).
 */
export const evidenceItem = storage.defineItem<EvidenceState>('local:evidence', {
  fallback: EMPTY_EVIDENCE,
  version: 1,
});

/** The last attempt to fill the archive from incidents.json, answered or not: a first fill that failed is retried at
 *  a later start (polling/history-tasks.ts), not at every one, and the history page can say why it is still empty. */
export const archiveFillItem = storage.defineItem<ArchiveFill>('local:archiveFill', {
  fallback: NO_FILL,
  version: 1,
});
