/**
 * Which desktop notifications to show after a poll: a pure function from what was already told
 * (stored) and the new snapshot to the notifications to show now.
 *
 * Rules:
 * - Each incident update is told at most once ever (update ids are remembered). Several new updates
 *   of one incident seen at once (after sleep, or a closed browser) give ONE notification with the
 *   latest state, not one per old update.
 * - Incidents already open when the extension first runs are a baseline, not news.
 * - A minor incident is held for {@link HOLD_MS}, so one that opens and resolves within it gives a
 *   single "Opened and resolved"; major and critical are never held. A hold whose start lies in the
 *   future (the clock was set back) starts again now.
 * - Whoever was told an incident concerned them is told how it ends: once a notification about an
 *   incident was shown, its later updates and its resolution are told even if the latest update
 *   narrowed it away from their models. When one of their models recovers while the incident goes
 *   on, that is told once too.
 * - A resolution is told exactly once per resolution, and only when it is real: the incident left
 *   the summary AND either incidents.json says it is resolved or it stayed absent on a second poll
 *   {@link CONFIRM_MS} later (an older CDN copy that drops it for one poll tells nothing). A
 *   reopened incident (same id, new updates) is news again, and its second resolution is told.
 * - Nothing is shown while notifications are off, snoozed, in quiet hours, or for a muted incident;
 *   what passes then is remembered as handled (no flood when the snooze ends).
 */

import { formatList, isolate } from '../format';
import { i18n } from '../i18n';
import { modelKey, modelLabel } from '../models/ref';
import { inQuietHours, type Prefs } from '../prefs';
import { incidentUrl, type MaintenanceState, type Snapshot, type UpdateState } from '../statuspage/snapshot';
import { type AssessedIncident, assess } from '../verdict/assess';
import { levelWord, scopeText, stepWord } from '../verdict/describe';
import { levelRank } from '../verdict/level';
import { type Attention, isSnoozed } from './attention';
import type { NotifyMemory, OpenIncident } from './memory';

export { EMPTY_MEMORY, type NotifyMemory } from './memory';

/** How long a new minor incident waits before it is told (a blip that resolves within it is told once). */
export const HOLD_MS = 60_000;
/** An incident absent from the summary is resolved once it has stayed absent this long (unless incidents.json already said so). */
export const CONFIRM_MS = 15_000;
/** Enough for months of incidents (the page has ~50 a month, a handful of updates each). */
const REMEMBER = 2000;
/** Maintenance reminder this long before it starts. */
export const MAINTENANCE_LEAD_MS = 60 * 60_000;

export interface Note {
  /** `cs|<incident id>|<what>`: unique, and tells the click where to go. */
  id: string;
  incidentId: string;
  title: string;
  message: string;
  url: string;
}

/** What incidents.json says of an incident that left the summary. */
export interface Closing {
  /** resolved / postmortem: the page says it is over; anything else: it is still open there. */
  resolved: boolean;
  /** Its newest update (for the closing words). */
  update?: UpdateState;
}

export interface NotifyInput {
  snapshot: Snapshot;
  prefs: Prefs;
  attention: Attention;
  now: number;
  /** incidents.json's view of incidents that left the summary, when it was read. */
  closing?: Record<string, Closing | undefined>;
}

export function decideNotifications(memory: NotifyMemory, input: NotifyInput): { memory: NotifyMemory; notes: Note[] } {
  const { snapshot, prefs, attention, now } = input;
  const assessment = assess(snapshot, prefs);
  const silenced = !prefs.notify || isSnoozed(attention, now) || inQuietHours(prefs.quietHours, new Date(now));
  const muted = (id: string) => attention.muted.includes(id);
  const passesFilters = (item: AssessedIncident) => item.relevant && levelRank(item.level) >= levelRank(prefs.notifyMinLevel);
  const handled = new Set(memory.handled);
  const added: string[] = [];
  const handle = (key: string) => {
    if (handled.has(key)) return;
    handled.add(key);
    added.push(key);
  };

  const notes: Note[] = [];
  const open: Record<string, OpenIncident> = {};
  for (const item of assessment.incidents) {
    const { incident } = item;
    const known = memory.open[incident.id];
    const key = (u: UpdateState) => `${incident.id}|${u.id}`;
    const unhandled = incident.updates.filter((u) => !handled.has(key(u))); // newest first
    const mine = item.myAffected.map(modelKey);
    const entry: OpenIncident = {
      name: incident.name,
      level: item.level,
      scope: scopeText(item.scope, item.components),
      told: known?.told ?? !memory.primed,
      toldUser: known?.toldUser ?? false,
      // A hold that "started" in the future: the clock went back; start it again now.
      heldSince: known?.heldSince != null ? Math.min(known.heldSince, now) : null,
      wanted: passesFilters(item),
      mine,
      lastUpdateId: incident.updates[0]?.id ?? known?.lastUpdateId ?? null,
    };
    open[incident.id] = entry;
    // Told before: the user hears how it goes on, even once it no longer names their models.
    const tellable = !silenced && !muted(incident.id) && (entry.wanted || entry.toldUser === true);

    if (!memory.primed) {
      for (const u of unhandled) handle(key(u));
      continue;
    }
    const holding = entry.heldSince !== null && !entry.told;
    if (!holding && !known && unhandled.length && entry.wanted && item.level === 'minor') {
      entry.heldSince = now; // new and minor: wait to see whether it is a blip
      entry.heldUpdates = unhandled.map(key);
      continue;
    }
    if (holding && now - entry.heldSince! < HOLD_MS) {
      entry.heldUpdates = unhandled.map(key);
      continue;
    }
    entry.heldSince = null;

    // Models of theirs that this incident affected at the last look and no longer does.
    const recovered = (known?.mine ?? []).filter((k) => !mine.includes(k));
    const recoveryKey = `${incident.id}|recovered|${recovered.join('+')}|${entry.lastUpdateId}`;
    const recoveryNews = recovered.length > 0 && !handled.has(recoveryKey);
    if (recoveryNews) handle(recoveryKey);
    const recoveredModels = recovered.map((k) => item.scope.recovering.find((m) => modelKey(m) === k)).filter((m) => m !== undefined);
    const recoveredText = recoveredModels.length ? formatList(recoveredModels.map(modelLabel)) : '';

    if (unhandled.length) {
      for (const u of unhandled) handle(key(u));
      if (tellable) notes.push(updateNote(item, unhandled[0]!, unhandled.length, recoveryNews ? recoveredText : ''));
    } else if (recoveryNews && recoveredText && !silenced && !muted(incident.id) && (entry.toldUser || known?.wanted)) {
      notes.push(recoveryNote(item, recoveredText, recoveryKey));
    }
    if (tellable && (unhandled.length || (recoveryNews && recoveredText))) entry.toldUser = true;
    entry.told ||= (entry.wanted || entry.toldUser === true) && unhandled.length > 0;
  }

  if (memory.primed) {
    for (const [id, gone] of Object.entries(memory.open)) {
      if (open[id]) continue;
      const closing = input.closing?.[id];
      const missingSince = Math.min(gone.missingSince ?? now, now);
      // Not over until confirmed: incidents.json says so, or it stayed absent long enough.
      const confirmed = closing ? closing.resolved : now - missingSince >= CONFIRM_MS;
      if (!confirmed) {
        open[id] = { ...gone, missingSince: closing && !closing.resolved ? now : missingSince };
        continue;
      }
      const resolvedKey = `${id}|resolved|${gone.lastUpdateId ?? 'none'}`;
      if (handled.has(resolvedKey)) continue;
      handle(resolvedKey);
      const heldBlip = gone.heldSince !== null && !gone.told;
      for (const k of gone.heldUpdates ?? []) handle(k);
      if (closing?.update) handle(`${id}|${closing.update.id}`);
      if (!silenced && !muted(id) && (gone.wanted || gone.toldUser) && (gone.told || heldBlip)) {
        notes.push(resolvedNote(id, gone, closing?.update, heldBlip, resolvedKey));
      }
    }
  }

  const maintenance = [...memory.maintenance];
  if (memory.primed && prefs.notifyMaintenance && !silenced) {
    for (const m of snapshot.maintenances) {
      const note = maintenanceNote(m, now, maintenance);
      if (note) notes.push(note);
    }
  }

  return {
    memory: {
      primed: true,
      open,
      handled: [...memory.handled, ...added].slice(-REMEMBER),
      maintenance: maintenance.slice(-REMEMBER),
    },
    notes,
  };
}

/** The first sentence, short enough for a notification. */
export function firstSentence(text: string, max = 180): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentence = /^.*?[.!?](?=\s|$)/.exec(flat)?.[0] ?? flat;
  return sentence.length > max ? `${sentence.slice(0, max - 1)}…` : sentence;
}

function updateNote(item: AssessedIncident, update: UpdateState, count: number, recovered: string): Note {
  const { incident } = item;
  const scope = scopeText(item.scope, item.components);
  const step = scope ? i18n.t('notify.stepScope', { step: stepWord(update.status), scope }) : stepWord(update.status);
  const title = recovered
    ? i18n.t('notify.recoveredTitle', { models: recovered, name: isolate(incident.name) })
    : i18n.t('notify.title', { level: levelWord(item.level), name: isolate(incident.name) });
  const lines = [step, ...(count > 1 ? [i18n.t('notify.updatesAtOnce', count)] : []), isolate(firstSentence(update.body))];
  return { id: `cs|${incident.id}|${update.id}`, incidentId: incident.id, title, message: lines.join('\n'), url: incidentUrl(incident.id) };
}

function recoveryNote(item: AssessedIncident, recovered: string, key: string): Note {
  const { incident } = item;
  return {
    id: `cs|${incident.id}|${key.split('|').slice(1).join('-')}`,
    incidentId: incident.id,
    title: i18n.t('notify.recoveredTitle', { models: recovered, name: isolate(incident.name) }),
    message: i18n.t('notify.recoveredMessage'),
    url: incidentUrl(incident.id),
  };
}

function resolvedNote(id: string, gone: OpenIncident, closing: UpdateState | undefined, blip: boolean, key: string): Note {
  const name = isolate(gone.name);
  return {
    // One id per resolution: a reopened incident's second resolution is a new notification.
    id: `cs|${id}|${key.split('|').slice(1).join('-')}`,
    incidentId: id,
    title: blip ? i18n.t('notify.blipTitle', { name }) : i18n.t('notify.resolvedTitle', { name }),
    message: [gone.scope, closing ? isolate(firstSentence(closing.body)) : i18n.t('notify.resolvedMessage')].filter(Boolean).join('\n'),
    url: incidentUrl(id),
  };
}

function maintenanceNote(m: MaintenanceState, now: number, given: string[]): Note | null {
  const running = m.status === 'in_progress' || m.status === 'verifying';
  const soon = m.status === 'scheduled' && m.scheduledFor !== null && m.scheduledFor - now <= MAINTENANCE_LEAD_MS && m.scheduledFor > now;
  const key = `${m.id}:${running ? 'start' : 'soon'}`;
  if ((!running && !soon) || given.includes(key)) return null;
  given.push(key);
  const minutes = m.scheduledFor === null ? 0 : Math.max(1, Math.round((m.scheduledFor - now) / 60_000));
  const name = isolate(m.name);
  return {
    id: `cs|${m.id}|maintenance-${running ? 'start' : 'soon'}`,
    incidentId: m.id,
    title: running ? i18n.t('notify.maintenanceStarted', { name }) : i18n.t('notify.maintenanceSoon', minutes, { name }),
    message: isolate(firstSentence(m.updates[0]?.body ?? '')),
    url: incidentUrl(m.id),
  };
}

/** The incident page a notification id points to (for clicks). */
export function noteUrl(noteId: string): string | null {
  const [tag, incidentId] = noteId.split('|');
  return tag === 'cs' && incidentId && /^[a-z0-9]+$/i.test(incidentId) ? incidentUrl(incidentId) : null;
}
