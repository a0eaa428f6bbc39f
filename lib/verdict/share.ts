/** "Copy status": a short Markdown summary for Slack or a GitHub issue, in the user's language. */
import { formatDuration, isolate } from '../format';
import { i18n } from '../i18n';
import { incidentUrl } from '../statuspage/snapshot';
import type { Assessment } from './assess';
import { componentStatusWord } from './badge';
import { levelWord, scopeText, stepWord } from './describe';

/** Incident text is untrusted: keep it from turning into links, emphasis or code, and isolate its direction. */
function escapeMarkdown(text: string): string {
  return isolate(text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`));
}

export function statusMarkdown(assessment: Assessment, now: number, live: boolean): string {
  const when = new Date(now).toISOString().slice(0, 16).replace('T', ' ');
  const header = live ? i18n.t('share.header', { when }) : i18n.t('share.headerLastKnown', { when });
  if (!assessment.incidents.length && !assessment.maintenanceNow.length) {
    const degraded = assessment.degraded.map((c) => `${c.name} (${componentStatusWord(c.status)})`);
    const what = degraded.length ? i18n.t('share.degraded', { components: degraded.join(', ') }) : levelWord('operational');
    return `${header}: ${what} — https://status.claude.com`;
  }
  const lines = [header];
  for (const item of assessment.incidents) {
    const { incident } = item;
    lines.push(
      i18n.t('share.incident', {
        level: levelWord(item.level),
        name: escapeMarkdown(incident.name),
        step: stepWord(incident.status),
        duration: formatDuration(now - incident.startedAt),
      }),
    );
    const models = item.scope.affected.length || item.scope.broad ? scopeText(item.scope, []) : '';
    if (models) lines.push(i18n.t('share.models', { models }));
    if (item.components.length) {
      const components = item.components.map((c) => `${c.name} (${componentStatusWord(c.status)})`).join(', ');
      lines.push(i18n.t('share.components', { components }));
    }
    lines.push(`  - ${incidentUrl(incident.id)}`);
  }
  for (const m of assessment.maintenanceNow)
    lines.push(i18n.t('share.maintenance', { name: escapeMarkdown(m.name), url: incidentUrl(m.id) }));
  return lines.join('\n');
}
