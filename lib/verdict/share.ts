/** "Copy status": a short Markdown summary for Slack or a GitHub issue. */
import type { Assessment } from './assess';
import { LEVEL_WORDS, duration, stepWord } from './describe';
import { scopeSummary, scopeWords } from './scope-summary';
import { incidentUrl } from '../statuspage/snapshot';

/** Incident text is untrusted: keep it from turning into links, emphasis or code. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

export function statusMarkdown(assessment: Assessment, now: number, live: boolean): string {
  const when = new Date(now).toISOString().slice(0, 16).replace('T', ' ');
  const header = `**Claude status** (${when} UTC${live ? '' : ', last known data'})`;
  if (!assessment.incidents.length && !assessment.maintenanceNow.length) {
    const degraded = assessment.degraded.map((c) => `${c.name} (${c.status.replace(/_/g, ' ')})`);
    return `${header}: ${degraded.length ? `degraded: ${degraded.join(', ')}` : 'all systems operational'} — https://status.claude.com`;
  }
  const lines = [header];
  for (const item of assessment.incidents) {
    const { incident, scope } = item;
    lines.push(
      `- **${LEVEL_WORDS[item.level]}**: ${escapeMarkdown(incident.name)} — ${stepWord(incident.status)}, for ${duration(now - incident.startedAt)}`,
    );
    const models = scopeWords(scopeSummary(scope));
    if (models) lines.push(`  - Models: ${models}`);
    if (item.components.length)
      lines.push(`  - Components: ${item.components.map((c) => `${c.name} (${c.status.replace(/_/g, ' ')})`).join(', ')}`);
    lines.push(`  - ${incidentUrl(incident.id)}`);
  }
  for (const m of assessment.maintenanceNow) lines.push(`- **Maintenance**: ${escapeMarkdown(m.name)} — ${incidentUrl(m.id)}`);
  return lines.join('\n');
}
