import { describe, expect, it } from 'vitest';
import { IncidentListSchema, MaintenanceSchema, SummarySchema } from '../../../lib/statuspage/schema';
import { normaliseSummary } from '../../../lib/statuspage/normalise';
import { componentLabel, incidentUrl } from '../../../lib/statuspage/snapshot';
import {
  INCIDENTS_BACKFILL,
  MAINTENANCES,
  SUMMARY_CONSOLE,
  SUMMARY_MULTIPLE_MODELS,
  SUMMARY_OPERATIONAL,
  fixtureNames,
  loadFixture,
} from '../../fixtures';

const summaries = fixtureNames().filter((n) => n.startsWith('claude-summary-'));

describe('summary schema on every real capture', () => {
  it('finds the captures', () => expect(summaries.length).toBeGreaterThanOrEqual(4));

  it.each(summaries)('%s parses and normalises', (name) => {
    const parsed = SummarySchema.safeParse(loadFixture(name));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    const snapshot = normaliseSummary(parsed.data!);
    expect(snapshot.components.map((c) => c.name)).toContain('claude.ai');
    expect(snapshot.components.every((c) => !c.name.includes('('))).toBe(true);
  });

  it('reads the OpenAI (incident.io) summary too, which lacks scheduled_maintenances', () => {
    expect(SummarySchema.safeParse(loadFixture('openai-summary-2026-07-09.json')).success).toBe(true);
  });
});

describe('normalised snapshot', () => {
  it('operational page: six components in page order, no incidents', () => {
    const s = normaliseSummary(SummarySchema.parse(loadFixture(SUMMARY_OPERATIONAL)));
    expect(s.indicator).toBe('none');
    expect(s.incidents).toEqual([]);
    expect(s.components.map((c) => c.name)).toEqual([
      'claude.ai',
      'Claude Console',
      'Claude API',
      'Claude Code',
      'Claude Cowork',
      'Claude for Government',
    ]);
    expect(s.components.every((c) => c.status === 'operational')).toBe(true);
  });

  it('multiple-models incident keeps its name, impact, step, start and latest update', () => {
    const s = normaliseSummary(SummarySchema.parse(loadFixture(SUMMARY_MULTIPLE_MODELS)));
    expect(s.incidents).toHaveLength(1);
    const [i] = s.incidents;
    expect(i).toMatchObject({ id: '7g1qpkyz5gxh', name: 'Elevated errors for multiple models', impact: 'major', status: 'investigating' });
    expect(i!.startedAt).toBe(Date.parse('2026-09-22T00:57:26.117Z'));
    expect(i!.updates[0]!.body).toMatch(/^We are investigating elevated errors on requests to Claude Mythos 5.1/);
    expect(i!.componentIds).toEqual(['rwppv331jlwc', 'k8w3r06qmzrp', 'yyzkbfz2thpt', 'bpp5gb3hpjcl']);
  });

  it('console incident: monitoring step, updates newest first', () => {
    const s = normaliseSummary(SummarySchema.parse(loadFixture(SUMMARY_CONSOLE)));
    const i = s.incidents.find((x) => x.id === '978mjkgw6mh7')!;
    expect(i.status).toBe('monitoring');
    const times = i.updates.map((u) => u.at);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(s.components.find((c) => c.id === '0qbwn08sd68x')!.status).toBe('degraded_performance');
  });

  it('every incident in the backfill list parses (resolved ones are not "active")', () => {
    const raw = loadFixture(INCIDENTS_BACKFILL);
    const parsed = IncidentListSchema.safeParse({ incidents: raw.incidents });
    expect(parsed.success).toBe(true);
    const summary = { ...loadFixture(SUMMARY_OPERATIONAL), incidents: raw.incidents };
    expect(normaliseSummary(SummarySchema.parse(summary)).incidents).toEqual([]);
  });

  it('scheduled maintenances parse; only upcoming and in-progress ones are kept', () => {
    const raw = loadFixture(MAINTENANCES).scheduled_maintenances;
    for (const m of raw) expect(MaintenanceSchema.safeParse(m).success).toBe(true);
    const inProgress = { ...structuredClone(raw[0]), id: 'synthetic1', status: 'in_progress' };
    const upcoming = { ...structuredClone(raw[0]), id: 'synthetic2', status: 'scheduled' };
    const summary = { ...loadFixture(SUMMARY_OPERATIONAL), scheduled_maintenances: [upcoming, ...raw, inProgress] };
    const s = normaliseSummary(SummarySchema.parse(summary));
    expect(s.maintenances.map((m) => m.id)).toEqual(['synthetic1', 'synthetic2']);
    expect(s.maintenances[0]!.scheduledFor).toBe(Date.parse(raw[0].scheduled_for));
  });
});

describe('untrusted input', () => {
  it('unknown enum values become "unknown" instead of failing', () => {
    const summary = structuredClone(loadFixture(SUMMARY_MULTIPLE_MODELS));
    summary.components[0].status = 'quantum_flux';
    summary.incidents[0].impact = 'apocalyptic';
    summary.status.indicator = 'purple';
    summary.brand_new_field = { x: 1 };
    const s = normaliseSummary(SummarySchema.parse(summary));
    expect(s.components[0]!.status).toBe('unknown');
    expect(s.incidents[0]!.impact).toBe('unknown');
    expect(s.indicator).toBe('unknown');
  });

  it('component transitions keep both statuses; an unknown or missing old status is "unknown" or absent, not a failure', () => {
    const raw = structuredClone(loadFixture(INCIDENTS_BACKFILL).incidents.find((i: any) => i.id === '288w7p4hk1l1'));
    const opening = raw.incident_updates.at(-1);
    expect(IncidentListSchema.parse({ incidents: [raw] }).incidents[0]!.incident_updates!.at(-1)!.affected_components![0]).toMatchObject({
      old_status: 'operational',
      new_status: 'partial_outage',
    });
    opening.affected_components[0].old_status = 'quantum_flux';
    delete opening.affected_components[1].old_status;
    const [first, second] = IncidentListSchema.parse({ incidents: [raw] }).incidents[0]!.incident_updates!.at(-1)!.affected_components!;
    expect([first!.old_status, second!.old_status]).toEqual(['unknown', undefined]);
  });

  it('null affected_components, null body and missing optional times are fine', () => {
    const summary = structuredClone(loadFixture(SUMMARY_MULTIPLE_MODELS));
    const u = summary.incidents[0].incident_updates[0];
    u.affected_components = null;
    u.body = null;
    delete u.display_at;
    delete summary.incidents[0].started_at;
    const s = normaliseSummary(SummarySchema.parse(summary));
    expect(s.incidents[0]!.updates[0]!.body).toBe('');
    expect(s.incidents[0]!.startedAt).toBe(Date.parse(summary.incidents[0].created_at));
  });

  it('an id that is not a Statuspage code (URL injection) is rejected', () => {
    const summary = structuredClone(loadFixture(SUMMARY_MULTIPLE_MODELS));
    summary.incidents[0].id = '../../evil?x=javascript:alert(1)';
    expect(SummarySchema.safeParse(summary).success).toBe(false);
  });

  it('long names and bodies are capped', () => {
    const summary = structuredClone(loadFixture(SUMMARY_MULTIPLE_MODELS));
    summary.incidents[0].name = 'x'.repeat(10_000);
    summary.incidents[0].incident_updates[0].body = 'y'.repeat(100_000);
    const s = normaliseSummary(SummarySchema.parse(summary));
    expect(s.incidents[0]!.name.length).toBeLessThanOrEqual(200);
    expect(s.incidents[0]!.updates[0]!.body.length).toBeLessThanOrEqual(1500);
  });

  it.each([null, 42, 'text', [], {}, { page: {}, status: {}, components: 'no' }])('rejects %j cleanly', (value) => {
    expect(SummarySchema.safeParse(value).success).toBe(false);
  });
});

describe('labels and links', () => {
  it.each([
    ['Claude API (api.anthropic.com)', 'Claude API'],
    ['platform.claude.com (formerly console.anthropic.com)', 'platform.claude.com'],
    ['claude.ai', 'claude.ai'],
  ])('%s → %s', (name, label) => expect(componentLabel(name)).toBe(label));

  it('incident link is the canonical page, not the shortlink', () => {
    expect(incidentUrl('7g1qpkyz5gxh')).toBe('https://status.claude.com/incidents/7g1qpkyz5gxh');
  });
});
