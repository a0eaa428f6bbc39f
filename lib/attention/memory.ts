/**
 * What notifications have already told, kept in storage so a stopped worker or a restarted browser
 * never repeats one (the rules that change it are in notify.ts). Imports nothing that runs.
 */
import type { Level } from '../verdict/level';

export interface OpenIncident {
  name: string;
  level: Level;
  /** "Opus 5, Haiku 4.5" / "multiple models" / components: for the resolution's words. */
  scope: string;
  /** Something about it was told, or it is a baseline from the first run (its end is then news). */
  told: boolean;
  /** A notification about it was actually shown: the user is told how it ends, whatever its scope becomes. */
  toldUser?: boolean;
  /** When a held minor incident was first seen; null when not held. */
  heldSince: number | null;
  /** While held: its updates, so a blip that resolves is never told piecemeal later. */
  heldUpdates?: string[];
  /** It passed the user's filters when last looked at. */
  wanted: boolean;
  /** Keys of the user's models it affected when last looked at. */
  mine?: string[];
  /** Newest update id seen: a resolution is "of" this state, so a reopened incident can end again. */
  lastUpdateId?: string | null;
  /** First poll that no longer showed it (a resolution waiting to be confirmed). */
  missingSince?: number;
}

export interface NotifyMemory {
  /** False until the first snapshot: what is open at install is a baseline, not news. */
  primed: boolean;
  /** Incidents open at the last poll (and those whose resolution is being confirmed). */
  open: Record<string, OpenIncident>;
  /** `<incident>|<update>`, `<incident>|resolved|<last update>`, `<incident>|recovered|…`: never again. */
  handled: string[];
  /** Maintenance reminders already given (`<id>:soon`, `<id>:start`). */
  maintenance: string[];
}

export const EMPTY_MEMORY: NotifyMemory = { primed: false, open: {}, handled: [], maintenance: [] };
