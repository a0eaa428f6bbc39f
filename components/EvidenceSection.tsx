import type { EvidenceVerdict } from '../lib/evidence/verdict';
import { evidenceWords } from '../lib/evidence/words';
import { i18n } from '../lib/i18n';

/**
 * The popup's "Is it me or them?" section: what the user's own claude.ai requests say, with the
 * counts and, when the page posted later, how much earlier the user saw it. A quiet line when the
 * setting is off, so the popup never pretends to watch what it does not.
 */
export function EvidenceSection({
  verdict,
  on,
  settingsUrl,
  titleInHeadline,
}: {
  verdict: EvidenceVerdict | null;
  /** The local-evidence setting. */
  on: boolean;
  settingsUrl: string;
  /** The headline already says the verdict (Claude failing while the page is calm): do not repeat it. */
  titleInHeadline: boolean;
}) {
  if (!on) {
    return (
      <p class="evidence-off" data-evidence="off">
        {i18n.t('evidence.off')} ·{' '}
        <a href={settingsUrl} target="_blank" rel="noopener noreferrer">
          {i18n.t('evidence.settings')}
        </a>
      </p>
    );
  }
  const words = verdict && evidenceWords(verdict);
  if (!verdict || !words) return null;
  return (
    <section class={`evidence tone-${words.tone}`} aria-labelledby="evidence-h" data-evidence={verdict.kind}>
      <h2 id="evidence-h">{i18n.t('evidence.section')}</h2>
      {!titleInHeadline && (
        <p class="evidence-title">
          <span class="dot" aria-hidden="true" />
          {words.title}
        </p>
      )}
      {words.counts && <p class="evidence-counts">{words.counts}</p>}
      {words.lead && <p class="evidence-lead">{words.lead}</p>}
      <p class="evidence-detail">{words.detail}</p>
    </section>
  );
}
