/**
 * Local evidence in the background: webRequest events in, a stored window of counts out. Events are
 * classified at once and folded into a small unsaved window; one storage write folds that into the
 * stored window {@link FLUSH_DELAY_MS} later, however many events came meanwhile (a burst of
 * thousands is one write). Nothing else is kept in memory: a worker stopped before that write loses at
 * most that second or so of counts. With the setting off nothing is classified or stored, and what
 * was stored is cleared.
 */
import { classifyRequest, type ObservedRequest } from '../evidence/classify';
import { EMPTY_WINDOW, addEvents, mergeWindows, pruneWindow, type EvidenceWindow } from '../evidence/window';
import { evidenceVerdict } from '../evidence/verdict';
import { claudeAiIncidents, pageSaysClaudeAiAffected, statusPageReachable } from '../evidence/page';
import { decideEvidenceNotes, type EvidenceNote } from '../evidence/notify';
import { EMPTY_EVIDENCE, readEvidenceState, type EvidenceState } from '../evidence/state';
import { attentionItem, evidenceItem, prefsItem, statusItem } from '../storage';
import { type Prefs, withDefaults } from '../prefs';
import { evidenceSummary } from '../evidence/words';
import type { EvidenceSummary } from '../verdict/evidence';

export const FLUSH_DELAY_MS = 1_500;

export interface EvidenceDeps {
  now: () => number;
  isOnline: () => boolean;
  showEvidenceNote?: (note: EvidenceNote) => Promise<void>;
  /** setTimeout, injectable for tests. */
  setTimer?: (run: () => void, ms: number) => void;
  /**
   * Called after a write that changed the verdict (its kind, counts or times), or cleared the stored
   * evidence: the background re-applies the badge, so it follows the verdict within the coalesced
   * write's delay rather than at the next poll.
   */
  onVerdictChange?: () => Promise<void>;
}

/**
 * What the badge (and its tooltip) takes from the stored evidence: the verdict in words, or null
 * when the setting is off or there is nothing to say.
 */
export async function storedEvidenceSummary(prefs: Prefs): Promise<EvidenceSummary | null> {
  if (!prefs.localEvidence) return null;
  return evidenceSummary(readEvidenceState(await evidenceItem.getValue()).verdict);
}

/**
 * The fields both browsers give a webRequest listener that classification needs, and nothing else:
 * Chrome names the requesting origin `initiator`, Firefox gives the requesting document's URL as
 * `originUrl`; only the `cf-mitigated` response header is looked at.
 */
export function observedFrom(details: Record<string, unknown>): ObservedRequest {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const initiator = str(details.initiator) ?? originOf(str(details.originUrl));
  const headers = Array.isArray(details.responseHeaders) ? (details.responseHeaders as Array<{ name?: unknown; value?: unknown }>) : [];
  const challenge = headers.some(
    (h) => String(h?.name).toLowerCase() === 'cf-mitigated' && String(h?.value).trim().toLowerCase() === 'challenge',
  );
  return {
    url: str(details.url) ?? '',
    method: str(details.method) ?? 'GET',
    type: str(details.type) ?? 'other',
    statusCode: typeof details.statusCode === 'number' ? details.statusCode : undefined,
    error: str(details.error),
    redirectUrl: str(details.redirectUrl),
    tabId: typeof details.tabId === 'number' ? details.tabId : -1,
    initiator,
    challenge,
  };
}

function originOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    // protocol + host rather than `.origin`, which is "null" for schemes a URL parser does not know.
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'invalid';
  }
}

export function createEvidenceRecorder(deps: EvidenceDeps) {
  const setTimer = deps.setTimer ?? ((run, ms) => void setTimeout(run, ms));
  let unsaved: EvidenceWindow = EMPTY_WINDOW;
  let scheduled = false;
  // One read-modify-write of the stored evidence at a time (a flush and a poll's reassessment).
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  /** One webRequest event. Synchronous and cheap: classify, count, schedule the write. */
  function observe(details: Record<string, unknown>): void {
    try {
      const { endpoint, outcome, code } = classifyRequest(observedFrom(details));
      if (outcome === 'ignored') return;
      unsaved = addEvents(unsaved, [{ at: deps.now(), endpoint, outcome, code }]);
    } catch (error) {
      // Nothing escapes into the browser's event dispatch, whatever the details hold.
      console.error('[claude-status] evidence observe failed', error);
      return;
    }
    if (scheduled) return;
    scheduled = true;
    setTimer(() => {
      scheduled = false;
      flush().catch((e: unknown) => console.error('[claude-status] evidence flush failed', e));
    }, FLUSH_DELAY_MS);
  }

  /** Folds the unsaved counts into storage and works out the verdict again. */
  function flush(): Promise<EvidenceState | null> {
    return serial(async () => {
      const delta = unsaved;
      unsaved = EMPTY_WINDOW;
      return assess(delta);
    });
  }

  /** Works out the verdict again without new events (after a poll: the page's word may have changed). */
  function reassess(): Promise<EvidenceState | null> {
    return serial(() => assess(EMPTY_WINDOW));
  }

  async function assess(delta: EvidenceWindow): Promise<EvidenceState | null> {
    const [storedPrefs, raw, status, attention] = await Promise.all([
      prefsItem.getValue(),
      evidenceItem.getValue(),
      statusItem.getValue(),
      attentionItem.getValue(),
    ]);
    const prefs = withDefaults(storedPrefs);
    if (!prefs.localEvidence) {
      if (JSON.stringify(raw) !== JSON.stringify(EMPTY_EVIDENCE)) {
        await evidenceItem.setValue(EMPTY_EVIDENCE);
        await verdictChanged();
      }
      return null;
    }
    const stored = readEvidenceState(raw);
    const now = deps.now();
    const window = pruneWindow(mergeWindows(stored.window, delta), now);
    const { verdict, episode } = evidenceVerdict({
      window,
      now,
      pageSaysClaudeAiAffected: pageSaysClaudeAiAffected(status.snapshot),
      pageIncidents: claudeAiIncidents(status.snapshot),
      online: deps.isOnline(),
      statusPageReachable: statusPageReachable(status, now),
      episode: stored.episode,
    });
    const decision = decideEvidenceNotes(stored.notes, { verdict, prefs, attention, now });
    const next: EvidenceState = { window, episode, verdict, notes: decision.memory, assessedAt: now };
    // assessedAt alone changing is no reason to write (every poll reassesses).
    const unchanged = (value: unknown) => JSON.stringify({ ...(value as object), assessedAt: null });
    if (unchanged(next) !== unchanged(raw)) await evidenceItem.setValue(next);
    if (JSON.stringify(verdict) !== JSON.stringify(stored.verdict)) await verdictChanged();
    // Stored first: a worker stopped half-way never repeats a notification.
    for (const note of decision.notes) {
      await deps.showEvidenceNote?.(note).catch((e: unknown) => console.warn('[claude-status] evidence notification', e));
    }
    return next;
  }

  async function verdictChanged(): Promise<void> {
    await deps.onVerdictChange?.().catch((e: unknown) => console.warn('[claude-status] evidence verdict change', e));
  }

  return { observe, flush, reassess };
}

/**
 * The narrowest filters that see what classification needs: claude.ai's API calls (fetch and XHR
 * both report as `xmlhttprequest`) and claude.ai's top-level page loads (the region page). Every
 * other request in the browser never wakes the worker.
 */
export const API_FILTER = { urls: ['https://claude.ai/api/*'], types: ['xmlhttprequest' as const] };
export const PAGE_FILTER = { urls: ['https://claude.ai/*'], types: ['main_frame' as const] };
