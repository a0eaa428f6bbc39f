/**
 * The background's behaviour with the browser injected, so tests can drive it with a fake browser.
 * The entrypoint only registers listeners and calls these.
 */
import type { browser as wxtBrowser } from 'wxt/browser';
import { badgeFor } from '../verdict/badge';
import { MAX_BODY_BYTES, REQUEST_TIMEOUT_MS, SOURCES, isPollDue, poll, type PollDeps } from './poll';
import { fetchJson } from '../statuspage/fetch-json';
import { IncidentListSchema } from '../statuspage/schema';
import { normaliseIncident, type IncidentState, type UpdateState } from '../statuspage/snapshot';
import { LEARN_EVERY_MS, mergeSeen, modelsMentioned } from '../models/seen';
import { POLL_PERIOD_MS, type StatusState } from '../statuspage/state';
import { attentionItem, notifyMemoryItem, prefsItem, seenModelsItem, statusItem } from '../storage';
import { decideNotifications, type Note } from '../attention/notify';
import { withDefaults } from '../prefs';
import { singleFlight } from './single-flight';
import { createEvidenceRecorder } from './evidence';
import type { EvidenceNote } from '../evidence/notify';

export const POLL_ALARM = 'poll-status';

export type RefreshReason = 'start' | 'alarm' | 'user' | 'popup-open' | 'online';

/** How recent the last poll may be before a trigger skips polling. */
const MIN_GAP_MS: Record<RefreshReason, number> = {
  // A worker that wakes (for a message, say) soon after a poll must not cost a request.
  start: POLL_PERIOD_MS - 5_000,
  // The alarm is the schedule; skip only a burst (a poll a moment ago, e.g. from the popup).
  alarm: 10_000,
  // The CDN caches for 15 s: polling sooner cannot bring anything newer.
  'popup-open': 15_000,
  user: 0,
  online: 0,
};

export interface BackgroundDeps extends PollDeps {
  browser: typeof wxtBrowser;
  /** Shows one desktop notification (the entrypoint knows what the browser supports). */
  showNote: (note: Note) => Promise<void>;
  /** Shows a local-evidence notification (failing while the page is calm; recovered). */
  showEvidenceNote?: (note: EvidenceNote) => Promise<void>;
  /** setTimeout, injectable for tests (coalesced evidence writes). */
  setTimer?: (run: () => void, ms: number) => void;
}

export function createBackground(deps: BackgroundDeps) {
  const { browser } = deps;
  const evidence = createEvidenceRecorder(deps);

  async function applyBadge(state?: StatusState): Promise<void> {
    const [status, prefs] = await Promise.all([state ?? statusItem.getValue(), prefsItem.getValue()]);
    const badge = badgeFor(status, prefs, deps.now());
    await Promise.all([
      browser.action.setBadgeText({ text: badge.text }),
      browser.action.setBadgeBackgroundColor({ color: badge.color }),
      browser.action.setTitle({ title: badge.title }),
    ]);
    // Chrome picks black or white text itself; Firefox needs to be told.
    await browser.action.setBadgeTextColor?.({ color: '#ffffff' });
  }

  /** One poll at a time: concurrent callers that want a poll share the one under way. */
  const pollNow = singleFlight(async (): Promise<StatusState> => {
    const before = await statusItem.getValue();
    const after = await poll(before, deps);
    await statusItem.setValue(after);
    await applyBadge(after);
    if (!after.problem) await notify(after, after.snapshot !== before.snapshot);
    // The page's word (and whether it could be reached) is half of the local-evidence verdict.
    await evidence.reassess();
    return after;
  });

  /**
   * Tells what is new since the last poll. The memory of what was told is stored before any
   * notification is shown, so a worker stopped half-way can never repeat one.
   */
  async function notify(state: StatusState, changed: boolean): Promise<void> {
    const snapshot = state.snapshot;
    if (!snapshot) return;
    const memory = await notifyMemoryItem.getValue();
    const gone = Object.keys(memory.open).filter((id) => !snapshot.incidents.some((i) => i.id === id));
    // incidents.json only when the summary changed and an incident left it: for its closing words.
    const recent = changed && gone.length ? await fetchRecentIncidents() : [];
    if (changed) await rememberModels([...snapshot.incidents, ...recent]);
    const closing: Record<string, UpdateState | undefined> = {};
    for (const i of recent) if (gone.includes(i.id)) closing[i.id] = i.updates[0];
    const [prefs, attention] = await Promise.all([prefsItem.getValue(), attentionItem.getValue()]);
    const decision = decideNotifications(memory, { snapshot, prefs: withDefaults(prefs), attention, now: deps.now(), closing });
    await notifyMemoryItem.setValue(decision.memory);
    for (const note of decision.notes) await deps.showNote(note).catch((e: unknown) => console.warn('[claude-status] notification', e));
  }

  async function fetchRecentIncidents(): Promise<IncidentState[]> {
    const outcome = await fetchJson({
      fetch: deps.fetch,
      url: `${SOURCES[0]}/api/v2/incidents.json`,
      timeoutMs: REQUEST_TIMEOUT_MS,
      maxBytes: 4 * MAX_BODY_BYTES,
    });
    if (outcome.kind !== 'fresh') return [];
    const parsed = IncidentListSchema.safeParse(outcome.json);
    return parsed.success ? parsed.data.incidents.map(normaliseIncident) : [];
  }

  /** Polls if this trigger warrants it now (each caller decides for itself, then they share). */
  async function refresh(reason: RefreshReason): Promise<StatusState> {
    const state = await statusItem.getValue();
    return isPollDue(state, deps.now(), MIN_GAP_MS[reason]) || reason === 'user' || reason === 'online' ? pollNow() : state;
  }

  async function rememberModels(incidents: Parameters<typeof modelsMentioned>[0], learnedAt?: number): Promise<void> {
    const found = modelsMentioned(incidents);
    const seen = await seenModelsItem.getValue();
    if (!found.length && learnedAt === undefined) return;
    await seenModelsItem.setValue({ keys: mergeSeen(seen.keys, found), learnedAt: learnedAt ?? seen.learnedAt });
  }

  /** Reads incidents.json (the last 50 incidents) for the models they name; at most hourly. */
  const learnModels = singleFlight(async (): Promise<void> => {
    const seen = await seenModelsItem.getValue();
    if (seen.learnedAt !== null && deps.now() - seen.learnedAt < LEARN_EVERY_MS) return;
    const recent = await fetchRecentIncidents();
    if (recent.length) await rememberModels(recent, deps.now());
  });

  /** Runs at every worker start: browsers may drop alarms and badges across restarts. */
  async function start(): Promise<void> {
    const alarm = await browser.alarms.get(POLL_ALARM);
    if (!alarm) {
      // Random first delay: installs that start together should not poll in lock-step.
      const delayInMinutes = (POLL_PERIOD_MS / 60_000) * (0.5 + deps.random() / 2);
      await browser.alarms.create(POLL_ALARM, { delayInMinutes, periodInMinutes: POLL_PERIOD_MS / 60_000 });
    }
    await applyBadge();
    await refresh('start');
  }

  return { start, refresh, applyBadge, learnModels, evidence };
}

/** Runs a listener's work without letting an error escape into the browser's event dispatch. */
export function guard(label: string, work: () => Promise<unknown>): void {
  work().catch((error: unknown) => console.error(`[claude-status] ${label} failed`, error));
}
