/**
 * Real captured Statuspage payloads from ../shared/fixtures/statuspage (see SOURCES.md there),
 * used as they are; synthetic variants are built from them in code and named `synthetic…`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR =
  process.env.FIXTURES_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/fixtures/statuspage');

export function fixtureNames(): string[] {
  return fs.readdirSync(FIXTURES_DIR).sort();
}

export function loadFixture<T = any>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, name), 'utf8')) as T;
}

export const SUMMARY_OPERATIONAL = 'claude-summary-2026-09-15-operational.json';
export const SUMMARY_MULTIPLE_MODELS = 'claude-summary-2026-09-22-incident-multiple-models.json';
export const SUMMARY_RECOVERED = 'claude-summary-2026-09-22-operational-after-recovery.json';
export const SUMMARY_CONSOLE = 'claude-summary-2026-10-07-incident-console.json';
export const INCIDENTS_BACKFILL = 'claude-incidents-2026-09-15-backfill.json';
export const MAINTENANCES = 'claude-scheduled-maintenances-2026-09-15.json';

/**
 * Synthetic: the operational summary with one real incident from the backfill put back as open
 * (status and impact as given), so single-model cases use real titles and bodies.
 */
export function syntheticSummaryWithIncident(incidentId: string, status = 'investigating', impact?: string): any {
  const summary = structuredClone(loadFixture(SUMMARY_OPERATIONAL));
  const incident = structuredClone(loadFixture(INCIDENTS_BACKFILL).incidents.find((i: any) => i.id === incidentId));
  if (!incident) throw new Error(`no incident ${incidentId} in the backfill`);
  incident.status = status;
  incident.resolved_at = null;
  if (impact) incident.impact = impact;
  // Keep only the first update (oldest): the incident as it looked when it opened.
  incident.incident_updates = incident.incident_updates.slice(-1);
  incident.incident_updates[0].status = status;
  summary.incidents = [incident];
  summary.status = { indicator: incident.impact === 'none' ? 'minor' : incident.impact, description: 'Synthetic' };
  return summary;
}
