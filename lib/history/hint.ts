/**
 * The popup's one-line history hint ("Haiku 4.5: 3 incidents in the last 7 days"), computed from the
 * stored archive without building the whole history: only incidents whose life can reach into the
 * last 7 local days are replayed. The counts are the history page's own (its 7-day "naming it"
 * tally, rules 6 and 7 of minutes.ts), so the popup and the page never disagree. Pure.
 *
 * The rule: a line is worth showing when a model had at least HINT_MIN_NAMED incidents naming it in
 * the last 7 days, among the models the user follows; when they follow none (every incident
 * counts), among every model, at least HINT_MIN_NAMED_ANY. Broad ("multiple models") incidents
 * never make a hint: they are not about one model.
 * @module
 */
import { sortModelKeys } from '../models/seen';
import type { Archive, ArchivedIncident } from './archive';
import { incidentTimeline, isOngoing, modelInvolvement, namedModels, overlaps } from './minutes';
import { lastDays, validTimeZone } from './zone';

export const HINT_DAYS = 7;
/** For a model the user follows: twice in a week is worth a line. */
export const HINT_MIN_NAMED = 2;
/** With no model chosen, every model competes: about one incident a day is normal, so ask for more. */
export const HINT_MIN_NAMED_ANY = 3;

export interface HistoryHint {
  /** `modelKey()` of the model. */
  key: string;
  /** Incidents that named it in the last HINT_DAYS local days. */
  incidents: number;
}

/** The latest time an incident's life can reach: what its timeline ends at, or now while it runs. */
const lifeEnd = (i: ArchivedIncident, now: number) =>
  isOngoing(i) ? now : Math.max(i.startedAt, i.resolvedAt ?? 0, i.updates.at(-1)?.at ?? i.startedAt);

/**
 * The hint for `myModels` (the user's model keys; empty: they follow every model), or null when nothing is worth a
 * line. Ties go to the model the user listed first, else to the usual model order.
 */
export function historyHint(archive: Archive, now: number, timeZone: string, myModels: readonly string[]): HistoryHint | null {
  const days = lastDays(now, HINT_DAYS, validTimeZone(timeZone));
  const [from, to] = [days[0]!.start, days.at(-1)!.end];
  const recent = archive.incidents
    .filter((i) => i.startedAt < to && lifeEnd(i, now) >= from)
    .map((i) => incidentTimeline(i, now))
    .filter((t) => overlaps(t, from, to));
  const candidates = myModels.length ? [...new Set(myModels)] : sortModelKeys([...new Set(recent.flatMap(namedModels))]);
  const min = myModels.length ? HINT_MIN_NAMED : HINT_MIN_NAMED_ANY;
  let best: HistoryHint | null = null;
  for (const key of candidates) {
    const incidents = recent.filter((t) => modelInvolvement(t, key) === 'named').length;
    if (incidents >= min && incidents > (best?.incidents ?? 0)) best = { key, incidents };
  }
  return best;
}
