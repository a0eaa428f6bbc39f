// Payloads the E2E tests serve: the real captures with their times moved to "minutes ago", and
// synthetic combinations of real incidents (named synthetic*).
import fs from 'node:fs';
import { COMPONENT_IDS } from '../../lib/statuspage/components.ts';
import { stillOpen, withCopilotComponents } from '../common/provider-payloads.mjs';
import { loadFixture, rebaseTimes } from './harness/fake-server.mjs';

export const operational = (now = Date.now()) => rebaseTimes(loadFixture('claude-summary-2026-09-15-operational.json'), now, 60);
export const recovered = (now = Date.now()) =>
  rebaseTimes(loadFixture('claude-summary-2026-09-22-operational-after-recovery.json'), now, 1);
/** The real "Elevated errors for multiple models" incident, opened 12 minutes ago. */
export const multipleModels = (now = Date.now()) =>
  rebaseTimes(loadFixture('claude-summary-2026-09-22-incident-multiple-models.json'), now, 12);

/**
 * Synthetic: the real "Elevated errors on Haiku 4.5" incident (db1mh1r2zrn5) as it looked when it
 * opened, 4 minutes ago, as an unresolved incident on top of `base` (its other incidents kept).
 */
export function syntheticWithHaiku(base) {
  return syntheticReopened(base, 'db1mh1r2zrn5', 4);
}

/** Synthetic: a summary whose incident carries hostile text (HTML, a javascript: link). */
export function syntheticHostile(base) {
  const summary = structuredClone(base);
  const i = summary.incidents[0];
  i.name = 'Errors <img src=x onerror="document.title=\'pwned\'"> on Opus 5';
  i.incident_updates[0].body = 'See <a href="javascript:document.title=\'pwned\'">here</a> <script>document.title="pwned"</script>';
  return summary;
}

/** Synthetic: a real backfill incident reopened `minutesAgo` ago with its opening update only. */
export function syntheticReopened(base, incidentId, minutesAgo = 3) {
  const incident = structuredClone(loadFixture('claude-incidents-2026-09-15-backfill.json').incidents.find((i) => i.id === incidentId));
  const opening = incident.incident_updates.at(-1);
  const iso = new Date(Date.now() - minutesAgo * 60_000).toISOString();
  Object.assign(incident, { status: 'investigating', resolved_at: null, created_at: iso, started_at: iso, updated_at: iso });
  incident.incident_updates = [{ ...opening, status: 'investigating', created_at: iso, display_at: iso, updated_at: iso }];
  const summary = structuredClone(base);
  summary.incidents = [...summary.incidents, incident];
  // Raise the page's indicator from "none"; never lower what `base` already says.
  if (summary.status.indicator === 'none') {
    summary.status = { indicator: incident.impact === 'none' ? 'minor' : incident.impact, description: 'Synthetic' };
  }
  return summary;
}

/** Synthetic: the real maintenance of the fixture, in progress now. */
export function syntheticMaintenance(base) {
  const m = structuredClone(loadFixture('claude-scheduled-maintenances-2026-09-15.json').scheduled_maintenances[0]);
  const now = Date.now();
  Object.assign(m, {
    status: 'in_progress',
    scheduled_for: new Date(now - 10 * 60_000).toISOString(),
    scheduled_until: new Date(now + 50 * 60_000).toISOString(),
    resolved_at: null,
  });
  const summary = structuredClone(base);
  summary.scheduled_maintenances = [m];
  summary.status = { indicator: 'maintenance', description: 'Service Under Maintenance' };
  return summary;
}

/** Synthetic: `summary`'s first incident with one more update (status "identified"), posted now. */
export function withNewUpdate(summary, id = 'synthupd1') {
  const next = structuredClone(summary);
  const incident = next.incidents[0];
  const iso = new Date().toISOString();
  incident.status = 'identified';
  incident.incident_updates = [
    {
      ...incident.incident_updates[0],
      id,
      status: 'identified',
      body: 'The issue has been identified and a fix is being implemented.',
      created_at: iso,
      display_at: iso,
      updated_at: iso,
    },
    ...incident.incident_updates,
  ];
  return next;
}

/** Synthetic incidents.json: `summary`'s incidents, resolved now with a closing update. */
export function resolvedList(summary, id = 'synthres9') {
  const iso = new Date().toISOString();
  return {
    incidents: summary.incidents.map((i) => ({
      ...i,
      status: 'resolved',
      resolved_at: iso,
      incident_updates: [
        {
          ...i.incident_updates[0],
          id,
          status: 'resolved',
          body: 'This incident has been resolved. Error rates are back to normal.',
          created_at: iso,
          display_at: iso,
          updated_at: iso,
        },
        ...i.incident_updates,
      ],
    })),
  };
}

const providerFixture = (name) => JSON.parse(fs.readFileSync(new URL(`../fixtures/providers/${name}`, import.meta.url), 'utf8'));
/** Real: OpenAI's status summary (incident.io), all operational (tests/fixtures/providers, SOURCES.md there). */
export const openaiOperational = () => providerFixture('openai-summary-2026-07-09-operational.json');
/** Real: OpenAI's summary with two open incidents and degraded components, its times moved so the newest is 25 minutes old. */
export const openaiTwoIncidents = (now = Date.now()) =>
  rebaseTimes(providerFixture('openai-summary-2026-09-29-two-incidents.json'), now, 25);

/** Synthetic: GitHub's real 2019 summary with today's Copilot components, Copilot in `copilot` (SOURCES.md note B). */
export const githubWithCopilot = (copilot) => withCopilotComponents(providerFixture('github-summary-2019-12-30-operational.json'), copilot);
/**
 * Synthetic: Google Cloud's incidents.json holding the real Vertex Gemini incident, still open as an
 * outage (note C), its times moved so that it began 25 minutes ago.
 */
export function googleGeminiOutage(now = Date.now()) {
  const incident = stillOpen(
    providerFixture('google-cloud-incidents-2026-09-15-vertex-gemini-excerpt.json')[0],
    'SERVICE_OUTAGE',
    '41E5S3mkTGDfkZuJZH5k',
  );
  const shift = now - 25 * 60_000 - Date.parse(incident.begin);
  const move = (o, keys) => {
    for (const k of keys) if (o[k]) o[k] = new Date(Date.parse(o[k]) + shift).toISOString();
  };
  move(incident, ['begin', 'created', 'modified']);
  for (const u of incident.updates ?? []) move(u, ['created', 'modified', 'when']);
  return [incident];
}
/** Real: Google Cloud's incidents.json excerpt, its Vertex Gemini incident resolved. */
export const googleGeminiResolved = () => providerFixture('google-cloud-incidents-2026-09-15-vertex-gemini-excerpt.json');

/**
 * Synthetic: claude.ai down with the API up. The real "Degraded performance on claude.ai" incident
 * (9jrp5rtyzrf6) reopened on top of `base`, with claude.ai in the state its first update set
 * (degraded performance); every other component as in `base`.
 */
export function syntheticClaudeAiDown(base) {
  return withComponent(syntheticReopened(base, '9jrp5rtyzrf6', 6), CLAUDE_AI_COMPONENT, { status: 'degraded_performance' });
}

/** claude.ai's component id on the status page, as the extension knows it. */
export const CLAUDE_AI_COMPONENT = COMPONENT_IDS.claudeAi;

/** A copy of `summary` with the component `id` changed by `changes` (its status, its name…). */
export function withComponent(summary, id, changes) {
  const next = structuredClone(summary);
  next.components = next.components.map((c) => (c.id === id ? { ...c, ...changes } : c));
  return next;
}

/**
 * Synthetic: `summary`'s first incident with one more update posted now (status "identified")
 * saying `body`, e.g. an exclusion in the page's style ("all models except Claude Haiku 4.5").
 */
export function withUpdateSaying(summary, body, id = 'synthexcl1') {
  const next = withNewUpdate(summary, id);
  next.incidents[0].incident_updates[0].body = body;
  return next;
}

/**
 * Synthetic: `base` with one component (claude.ai by default) in `status` and no incident about it,
 * the page's indicator raised as Statuspage does for a component outage.
 */
export function syntheticComponentDown(base, status = 'partial_outage', componentId = CLAUDE_AI_COMPONENT) {
  const summary = withComponent(base, componentId, { status });
  summary.status = { indicator: status === 'major_outage' ? 'major' : 'minor', description: 'Synthetic' };
  return summary;
}
