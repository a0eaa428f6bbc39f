/**
 * What the status page says that the local evidence is compared with: is claude.ai affected, since
 * when, and could the page itself be reached (evidence that the user's connection works).
 */
import { type IncidentState, isMaintenanceRunning, type Snapshot } from '../statuspage/snapshot';
import { incidentScope } from '../models/scope';
import type { StatusState } from '../statuspage/state';
import { COMPONENT_IDS } from '../statuspage/components';

/** The claude.ai component's id on status.claude.com. */
export const CLAUDE_AI_COMPONENT: string = COMPONENT_IDS.claudeAi;
/** A poll older than this says nothing about the user's connection now. */
export const REACHABILITY_MAX_AGE_MS = 2 * 60_000;
/** A retry further from its poll than this (a clock set back, or a Retry-After of an hour) does not extend the last word. */
const BACKOFF_TRUSTED_MS = 15 * 60_000;

export interface PageIncident {
  id: string;
  /** When the page first posted it: its oldest update, else its start. */
  postedAt: number;
}

/**
 * Open incidents that are about claude.ai for this purpose: linked to the claude.ai component, or
 * about "multiple/all models" (every surface serves the models). An incident about one named model
 * and not linked to claude.ai does not count: the user may not use that model there.
 */
export function claudeAiIncidents(snapshot: Snapshot | null): PageIncident[] {
  if (!snapshot) return [];
  return snapshot.incidents.filter(aboutClaudeAi).map((i) => ({ id: i.id, postedAt: postedAt(i) }));
}

/**
 * The page reports something for claude.ai: such an incident, the component not operational (under
 * maintenance included: failures during a posted maintenance are the page's word, not "unposted"),
 * or a maintenance of claude.ai running (in progress or verifying).
 */
export function pageSaysClaudeAiAffected(snapshot: Snapshot | null): boolean {
  if (!snapshot) return false;
  const component = snapshot.components.find((c) => c.id === CLAUDE_AI_COMPONENT);
  const notOperational = component !== undefined && component.status !== 'operational';
  const maintained = snapshot.maintenances.some((m) => isMaintenanceRunning(m) && m.componentIds.includes(CLAUDE_AI_COMPONENT));
  return notOperational || maintained || claudeAiIncidents(snapshot).length > 0;
}

function aboutClaudeAi(incident: IncidentState): boolean {
  return incident.componentIds.includes(CLAUDE_AI_COMPONENT) || incidentScope(incident).broad;
}

function postedAt(incident: IncidentState): number {
  const times = incident.updates.map((u) => u.at).filter((at) => at > 0);
  return times.length ? Math.min(...times) : incident.startedAt;
}

/**
 * Whether the extension's own status-page polls got through recently: true when the last poll was
 * answered (any HTTP answer proves the network works), false when it failed at the network level,
 * null when the last poll is too old to say. A network failure the poller is backing off from stays
 * the last word until the retry: no newer poll can say otherwise before then (backoff reaches 10 min).
 */
export function statusPageReachable(state: StatusState, now: number): boolean | null {
  if (state.checkedAt === null || state.checkedAt > now) return null;
  const kind = state.problem?.kind;
  const unreachable = kind === 'network' || kind === 'timeout' || kind === 'offline';
  const backingOff = state.retryAt !== null && state.retryAt > now && state.retryAt - state.checkedAt <= BACKOFF_TRUSTED_MS;
  if (now - state.checkedAt > REACHABILITY_MAX_AGE_MS && !(unreachable && backingOff)) return null;
  return !unreachable;
}
