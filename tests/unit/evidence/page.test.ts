/**
 * What the status page says for claude.ai, as the local-evidence verdict compares it with the user's
 * own requests: "failing for you; the page doesn't say so yet" only while it really says nothing.
 */
import { describe, expect, it } from 'vitest';
import { CLAUDE_AI_COMPONENT, pageSaysClaudeAiAffected } from '../../../lib/evidence/page';
import { normaliseSummary } from '../../../lib/statuspage/normalise';
import { SummarySchema } from '../../../lib/statuspage/schema';
import {
  MAINTENANCES,
  SUMMARY_CONSOLE,
  SUMMARY_MULTIPLE_MODELS,
  SUMMARY_OPERATIONAL,
  loadFixture,
  syntheticSummaryWithIncident,
} from '../../fixtures';

const snapshotOf = (summary: object) => normaliseSummary(SummarySchema.parse(summary));

/** The operational page with the claude.ai component set to `status`. */
function claudeAi(status: string) {
  const summary = loadFixture(SUMMARY_OPERATIONAL);
  for (const c of summary.components) if (c.id === CLAUDE_AI_COMPONENT) c.status = status;
  return summary;
}

describe('pageSaysClaudeAiAffected', () => {
  it('says nothing on an operational page', () => {
    expect(pageSaysClaudeAiAffected(snapshotOf(loadFixture(SUMMARY_OPERATIONAL)))).toBe(false);
  });

  it('speaks when the claude.ai component is degraded or in outage', () => {
    for (const status of ['degraded_performance', 'partial_outage', 'major_outage']) {
      expect(pageSaysClaudeAiAffected(snapshotOf(claudeAi(status))), status).toBe(true);
    }
  });

  it('speaks while claude.ai is under maintenance: failures then are explained by the page, not "unposted"', () => {
    const summary = claudeAi('under_maintenance');
    summary.scheduled_maintenances = [{ ...loadFixture(MAINTENANCES).scheduled_maintenances[0], id: 'synthmaint', status: 'in_progress' }];
    expect(pageSaysClaudeAiAffected(snapshotOf(summary))).toBe(true);
  });

  it.each([
    ['in_progress', true],
    ['verifying', true],
    ['scheduled', false],
    ['completed', false],
  ])('a claude.ai maintenance %s, its component still operational: speaks for claude.ai → %s', (status, speaks) => {
    // Synthetic: the real claude.ai maintenance at each step; the same steps the badge calls maintenance.
    const summary = claudeAi('operational');
    summary.scheduled_maintenances = [{ ...loadFixture(MAINTENANCES).scheduled_maintenances[0], id: 'synthmaint', status }];
    expect(pageSaysClaudeAiAffected(snapshotOf(summary))).toBe(speaks);
  });

  it('speaks for an incident about multiple models (every surface serves them)', () => {
    expect(pageSaysClaudeAiAffected(snapshotOf(loadFixture(SUMMARY_MULTIPLE_MODELS)))).toBe(true);
  });

  it('says nothing for claude.ai when only another surface has an incident (the real Console incident)', () => {
    expect(pageSaysClaudeAiAffected(snapshotOf(loadFixture(SUMMARY_CONSOLE)))).toBe(false);
  });

  it('speaks for a one-model incident linked to claude.ai (the real "Elevated errors on Haiku 4.5")', () => {
    expect(pageSaysClaudeAiAffected(snapshotOf(syntheticSummaryWithIncident('db1mh1r2zrn5')))).toBe(true);
  });

  it('says nothing without a snapshot', () => {
    expect(pageSaysClaudeAiAffected(null)).toBe(false);
  });
});
