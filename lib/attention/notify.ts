/**
 * Which desktop notifications to show after a poll: a pure function from what was already told
 * (stored) and the new snapshot to the notifications to show now.
 *
 * Rules: one notification per incident update, at most once ever (update ids are remembered);
 * incidents already open when the extension first runs are a baseline, not news; a minor incident
 * is held for {@link HOLD_MS} so one that opens and resolves within it gives a single notification;
 * major and critical are never held; a resolution is told once, for incidents we saw open.
 */
import { assess, type AssessedIncident } from '../verdict/assess';
import { levelRank, type Level } from '../verdict/level';
import { LEVEL_WORDS, stepWord } from '../verdict/describe';
import { scopeSummary, scopeWords } from '../verdict/scope-summary';
import { inQuietHours, type Prefs } from '../prefs';
import type { Attention } from './attention';
import { incidentUrl, type MaintenanceState, type Snapshot, type UpdateState } from '../statuspage/snapshot';
import { POLL_PERIOD_MS } from '../statuspage/state';

/** Two poll periods. */
export const HOLD_MS = 2 * POLL_PERIOD_MS;
/** Enough for months of incidents (the page has ~50 a month, a handful of updates each). */
const REMEMBER = 2000;
/** Maintenance reminder this long before it starts. */
export const MAINTENANCE_LEAD_MS = 60 * 60_000;

interface OpenIncident {
  name: string;
  level: Level;
  /** "Opus 5, Haiku 4.5" / "multiple models" / "all models except Opus 5" / components. */
  scope: string;
  /** Something about it was told (or it is a baseline from the first run). */
  told: boolean;
  /** When a held minor incident was first seen; null when not held. */
  heldSince: number | null;
  /** While held: its updates, so a blip that resolves is never told piecemeal later. */
  heldUpdates?: string[];
  /** It passed the user's filters when last looked at. */
  wanted: boolean;
}

export interface NotifyMemory {
  /** False until the first snapshot: what is open at install is a baseline, not news. */
  primed: boolean;
  /** Incidents open at the last poll. */
  open: Record<string, OpenIncident>;
  /** `<incident id>|<update id>` and `<incident id>|resolved` already told or passed over: never again. */
  handled: string[];
  /** Maintenance reminders already given (`<id>:soon`, `<id>:start`). */
  maintenance: string[];
}

export const EMPTY_MEMORY: NotifyMemory = { primed: false, open: {}, handled: [], maintenance: [] };

export interface Note {
  /** `cs|<incident id>|<update id | resolved | maintenance-…>`: unique, and tells the click where to go. */
  id: string;
  incidentId: string;
  title: string;
  message: string;
  url: string;
}

export interface NotifyInput {
  snapshot: Snapshot;
  prefs: Prefs;
  attention: Attention;
  now: number;
  /** Closing updates of incidents that left the summary (from incidents.json), when known. */
  closing?: Record<string, UpdateState | undefined>;
}

export function decideNotifications(memory: NotifyMemory, input: NotifyInput): { memory: NotifyMemory; notes: Note[] } {
  const { snapshot, prefs, attention, now } = input;
  const assessment = assess(snapshot, prefs);
  const silenced =
    !prefs.notify || (attention.snoozeUntil !== null && now < attention.snoozeUntil) || inQuietHours(prefs.quietHours, new Date(now));
  const wants = (item: AssessedIncident) =>
    !silenced && item.relevant && !attention.muted.includes(item.incident.id) && levelRank(item.level) >= levelRank(prefs.notifyMinLevel);
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
    const unhandled = [...incident.updates].reverse().filter((u) => !handled.has(key(u))); // oldest first
    const entry: OpenIncident = {
      name: incident.name,
      level: item.level,
      scope: scopeText(item),
      told: known?.told ?? !memory.primed,
      heldSince: known?.heldSince ?? null,
      wanted: wants(item),
    };
    open[incident.id] = entry;

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
    for (const u of unhandled) {
      handle(key(u));
      if (entry.wanted) notes.push(updateNote(item, u));
    }
    entry.told ||= entry.wanted && unhandled.length > 0;
    entry.heldSince = null;
  }

  if (memory.primed) {
    for (const [id, gone] of Object.entries(memory.open)) {
      if (open[id] || handled.has(`${id}|resolved`)) continue;
      handle(`${id}|resolved`);
      const heldBlip = gone.heldSince !== null && !gone.told;
      gone.heldUpdates?.forEach(handle);
      if (!silenced && !attention.muted.includes(id) && gone.wanted && (gone.told || heldBlip)) {
        notes.push(resolvedNote(id, gone, input.closing?.[id], heldBlip));
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

function scopeText(item: AssessedIncident): string {
  return scopeWords(scopeSummary(item.scope)) || item.components.map((c) => c.name).join(', ');
}

/** The first sentence, short enough for a notification. */
export function firstSentence(text: string, max = 180): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentence = /^.*?[.!?](?=\s|$)/.exec(flat)?.[0] ?? flat;
  return sentence.length > max ? `${sentence.slice(0, max - 1)}…` : sentence;
}

function updateNote(item: AssessedIncident, update: UpdateState): Note {
  const { incident } = item;
  const scope = scopeText(item);
  return {
    id: `cs|${incident.id}|${update.id}`,
    incidentId: incident.id,
    title: `${LEVEL_WORDS[item.level]}: ${incident.name}`,
    message: [`${stepWord(update.status)}${scope ? ` · ${scope}` : ''}`, firstSentence(update.body)].filter(Boolean).join('\n'),
    url: incidentUrl(incident.id),
  };
}

function resolvedNote(id: string, gone: OpenIncident, closing: UpdateState | undefined, blip: boolean): Note {
  return {
    id: `cs|${id}|resolved`,
    incidentId: id,
    title: `${blip ? 'Opened and resolved' : 'Resolved'}: ${gone.name}`,
    message: [gone.scope, closing ? firstSentence(closing.body) : 'This incident has been resolved.'].filter(Boolean).join('\n'),
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
  return {
    id: `cs|${m.id}|maintenance-${running ? 'start' : 'soon'}`,
    incidentId: m.id,
    title: running ? `Maintenance started: ${m.name}` : `Maintenance in ${minutes} min: ${m.name}`,
    message: firstSentence(m.updates[0]?.body ?? ''),
    url: incidentUrl(m.id),
  };
}

/** The incident page a notification id points to (for clicks). */
export function noteUrl(noteId: string): string | null {
  const [tag, incidentId] = noteId.split('|');
  return tag === 'cs' && incidentId && /^[a-z0-9]+$/i.test(incidentId) ? incidentUrl(incidentId) : null;
}
