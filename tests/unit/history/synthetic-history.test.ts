import { describe, expect, it } from 'vitest';
import { ARCHIVE_LIMITS, EMPTY_ARCHIVE, archiveIncidents, serializedBytes } from '../../../lib/history/archive';
import { IncidentListSchema } from '../../../lib/statuspage/schema';
import { syntheticNinetyDayIncidents } from '../../fixtures/synthetic-history.mjs';
import { DAY, at } from './helpers';

const NOW = at('2026-11-20T09:00:00Z');
const timesOf = (incidents: any[]) =>
  incidents.flatMap((i) =>
    [
      i.created_at,
      i.updated_at,
      i.started_at,
      i.resolved_at,
      ...i.incident_updates.flatMap((u: any) => [u.created_at, u.updated_at, u.display_at]),
    ]
      .filter(Boolean)
      .map(Date.parse),
  );

describe('the synthetic 90-day history (for the bench and the E2E tests)', () => {
  const { incidents } = syntheticNinetyDayIncidents({ now: NOW });

  it('spans 90 days at the real rate (about 0.9 incidents a day), newest ending an hour ago, nothing in the future', () => {
    const starts = incidents.map((i) => Date.parse(i.started_at));
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(NOW - 90 * DAY);
    expect(Math.min(...starts)).toBeLessThan(NOW - 85 * DAY);
    expect(incidents.length / 90).toBeGreaterThan(0.75);
    expect(incidents.length / 90).toBeLessThan(1.1);
    expect(Math.max(...timesOf(incidents))).toBe(NOW - 60 * 60_000);
  });

  it('is valid incidents.json with unique incident and update ids', () => {
    expect(IncidentListSchema.safeParse({ incidents }).success).toBe(true);
    expect(new Set(incidents.map((i) => i.id)).size).toBe(incidents.length);
    const updateIds = incidents.flatMap((i) => i.incident_updates.map((u: any) => u.id));
    expect(new Set(updateIds).size).toBe(updateIds.length);
  });

  it('archives well inside the default caps, and a triple density still fits', () => {
    const archive = archiveIncidents(EMPTY_ARCHIVE, IncidentListSchema.parse({ incidents }).incidents, NOW, { complete: true });
    expect(archive.incidents).toHaveLength(incidents.length);
    expect(serializedBytes(archive)).toBeLessThan(ARCHIVE_LIMITS.maxBytes / 5);
    const dense = syntheticNinetyDayIncidents({ now: NOW, density: 3 }).incidents;
    expect(dense.length).toBeGreaterThan(2.5 * incidents.length);
    expect(dense.length).toBeLessThan(ARCHIVE_LIMITS.maxIncidents);
  });
});
