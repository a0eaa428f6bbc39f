/**
 * The background's behaviour with the browser injected, so tests can drive it with a fake browser.
 * The entrypoint only registers listeners and calls these.
 */
import type { browser as wxtBrowser } from 'wxt/browser';
import { decideNotifications, type Note } from '../attention/notify';
import { LEARN_EVERY_MS, mergeSeen, modelsMentioned } from '../models/seen';
import { withDefaults } from '../prefs';
import { POLL_PERIOD_MS, type StatusState } from '../statuspage/state';
import { attentionItem, notifyMemoryItem, prefsItem, seenModelsItem, statusItem } from '../storage';
import { badgeFor } from '../verdict/badge';
import { insteadLine } from './instead-line';
import { BADGE_TEXT_COLOR } from '../verdict/colors';
import { isPollAlarm, LEGACY_POLL_ALARM, POLL_ALARM_PERIOD_MINUTES, POLL_ALARMS } from './alarms';
import type { Command } from './messages';
import { closingFrom, createHistoryTasks, modelsFrom } from './history-tasks';
import { isPollDue, type PollDeps, poll } from './poll';
import { singleFlight } from './single-flight';
import { createWriter, type WriteResult } from './writes';
import { createEvidenceRecorder, storedEvidenceSummary } from './evidence';
import type { EvidenceNote } from '../evidence/notify';

export type RefreshReason = 'start' | 'alarm' | 'user' | 'popup-open' | 'online';

/** How recent the last poll may be before a trigger skips polling. */
const MIN_GAP_MS: Record<RefreshReason, number> = {
  // A worker that wakes (for a message, say) soon after a poll must not cost a request.
  start: POLL_PERIOD_MS - 5_000,
  // The alarms are the schedule; skip only a burst (a poll a moment ago, e.g. from the popup).
  alarm: POLL_PERIOD_MS / 2,
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
  const writer = createWriter(deps);
  // A changed local-evidence verdict re-applies the badge at once (within the coalesced write's delay).
  const evidence = createEvidenceRecorder({ ...deps, onVerdictChange: () => applyBadge() });
  const history = createHistoryTasks(deps);

  // One badge write at a time, each reading storage when its turn comes: a poll's badge and an
  // evidence verdict's badge, started together, can never land in the wrong order.
  let badgeTurn: Promise<unknown> = Promise.resolve();
  function applyBadge(state?: StatusState): Promise<void> {
    const run = badgeTurn.then(() => paintBadge(state));
    badgeTurn = run.catch(() => undefined);
    return run;
  }

  async function paintBadge(state?: StatusState): Promise<void> {
    const [status, prefs] = await Promise.all([state ?? statusItem.getValue(), prefsItem.getValue().then(withDefaults)]);
    const evidence = await storedEvidenceSummary(prefs);
    const instead = await insteadLine(status, prefs, deps.now(), evidence?.failing === true);
    const badge = badgeFor(status, prefs, deps.now(), evidence, instead);
    await Promise.all([
      browser.action.setBadgeText({ text: badge.text }),
      browser.action.setBadgeBackgroundColor({ color: badge.color }),
      browser.action.setTitle({ title: badge.title }),
    ]);
    // Every badge colour is dark enough for white text; Chrome would otherwise pick black on some.
    await browser.action.setBadgeTextColor?.({ color: BADGE_TEXT_COLOR });
  }

  /** One poll at a time: concurrent callers that want a poll share the one under way. */
  const pollNow = singleFlight(async (): Promise<StatusState> => {
    const before = await statusItem.getValue();
    const after = await poll(before, deps);
    try {
      await statusItem.setValue(after);
    } catch (e) {
      // Storage refused the write (quota): the badge still shows what the poll found, never a calm
      // badge left behind; the stored copy ages and is greyed where it is shown, and the next poll retries.
      await applyBadge(after);
      throw e;
    }
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
    // incidents.json only when an incident left the summary and we have not asked about it yet: it
    // confirms the resolution, gives the closing words and fills the archive (one conditional GET).
    const unasked = gone.filter((id) => memory.open[id]?.missingSince === undefined);
    const filled = unasked.length ? await history.fill() : null;
    const learned = filled ? modelsFrom(filled) : [];
    if (changed || learned.length) await rememberModels([...modelsMentioned(snapshot.incidents), ...learned]);
    const closing = filled ? closingFrom(filled, gone) : {};
    const [prefs, attention] = await Promise.all([prefsItem.getValue(), attentionItem.getValue()]);
    const decision = decideNotifications(memory, { snapshot, prefs: withDefaults(prefs), attention, now: deps.now(), closing });
    await notifyMemoryItem.setValue(decision.memory);
    for (const note of decision.notes) await deps.showNote(note).catch((e: unknown) => console.warn('[claude-status] notification', e));
  }

  /** Polls if this trigger warrants it now (each caller decides for itself, then they share). */
  async function refresh(reason: RefreshReason): Promise<StatusState> {
    const state = await statusItem.getValue();
    if (isPollDue(state, deps.now(), MIN_GAP_MS[reason]) || reason === 'user' || reason === 'online') return pollNow();
    // No poll (a backoff, or one a moment ago): the evidence verdict still moves with the clock (failures
    // leave the 5-min span, an episode fades), or a stored ERR would outlive the requests it counted.
    await evidence.reassess();
    return state;
  }

  /** Writes to the seen models one at a time: a poll and a learning run finishing together both keep theirs. */
  let seenWrites: Promise<unknown> = Promise.resolve();
  /** Adds model keys to the ones settings offers (newest first); `learnedAt` when incidents.json was read for them. */
  function rememberModels(keys: string[], learnedAt?: number): Promise<void> {
    const found = [...new Set(keys)];
    if (!found.length && learnedAt === undefined) return Promise.resolve();
    const write = async () => {
      const seen = await seenModelsItem.getValue();
      await seenModelsItem.setValue({ keys: mergeSeen(seen.keys, found), learnedAt: learnedAt ?? seen.learnedAt });
    };
    const run = seenWrites.then(write, write);
    seenWrites = run.catch(() => undefined);
    return run;
  }

  /** Reads incidents.json (conditionally, through the archive) for the models incidents named; at most hourly. */
  const learnModels = singleFlight(async (): Promise<void> => {
    const seen = await seenModelsItem.getValue();
    const now = deps.now();
    // A learning time in the future (clock set back) is not trusted.
    if (seen.learnedAt !== null && seen.learnedAt <= now && now - seen.learnedAt < LEARN_EVERY_MS) return;
    const filled = await history.fill();
    if (!filled.problem) await rememberModels(modelsFrom(filled), now);
  });

  /**
   * The archive's first fill, at a worker start (or when the history page opens) while no fill has succeeded yet;
   * the models it names are offered in settings at once (without counting as the hourly learning: settings still
   * asks, with a cheap 304).
   */
  async function startHistory(options: { retryNow?: boolean } = {}): Promise<void> {
    const filled = await history.fillIfNeverFilled(options);
    if (filled && !filled.problem) await rememberModels(modelsFrom(filled));
  }

  /**
   * The three poll alarms, a third of their period apart. Re-created (all three, evenly spaced
   * again) when the browser dropped one or an older version left a different schedule.
   */
  async function ensureAlarms(): Promise<void> {
    const alarms = await browser.alarms.getAll();
    if (alarms.some((a) => a.name === LEGACY_POLL_ALARM)) await browser.alarms.clear(LEGACY_POLL_ALARM);
    const ours = alarms.filter((a) => isPollAlarm(a.name) && a.periodInMinutes === POLL_ALARM_PERIOD_MINUTES);
    if (ours.length === POLL_ALARMS.length) return;
    const periodMs = POLL_ALARM_PERIOD_MINUTES * 60_000;
    // Random phase: installs that start together should not poll in lock-step. (A packed
    // extension's first alarm is moved to 30 s ahead by Chrome; the start itself has just polled.)
    const first = deps.now() + POLL_PERIOD_MS * (0.5 + deps.random() / 2);
    for (const [i, name] of POLL_ALARMS.entries()) {
      await browser.alarms.create(name, { when: first + (i * periodMs) / POLL_ALARMS.length, periodInMinutes: POLL_ALARM_PERIOD_MINUTES });
    }
  }

  /** Runs at every worker start: browsers may drop alarms and badges across restarts. */
  async function start(): Promise<void> {
    await ensureAlarms();
    // The stored evidence verdict may be hours old (the browser was closed): work it out again before the
    // first paint, or that paint shows an old ERR until the first poll (up to its timeout) reassesses it.
    await evidence.reassess();
    await applyBadge();
    await refresh('start');
  }

  /** One command from a page; the answer goes back to it (a failed settings write is shown there). */
  async function handle(command: Command): Promise<WriteResult> {
    switch (command.type) {
      case 'refresh':
        await refresh(command.reason);
        return { ok: true };
      case 'learn-models':
        await learnModels();
        return { ok: true };
      case 'history-open':
        // Someone is looking at the history: a missing first fill is tried now, whenever the last try was.
        await Promise.all([startHistory({ retryNow: true }), history.refreshOfficialUptime()]);
        return { ok: true };
      case 'update-prefs':
        return writer.updatePrefs(command.patch);
      case 'mute':
        return writer.mute(command.incidentId, command.muted);
      case 'snooze':
        return writer.snooze(command.preset);
      case 'dismiss-banner':
        return writer.dismissBanner(command.incidentId, command.fingerprint, command.openIds);
    }
  }

  return { start, startHistory, refresh, applyBadge, learnModels, handle, writer, evidence };
}

/** Runs a listener's work without letting an error escape into the browser's event dispatch. */
export function guard(label: string, work: () => Promise<unknown>): void {
  work().catch((error: unknown) => console.error(`[claude-status] ${label} failed`, error));
}
