import { assess } from '../../lib/assess';
import { LEVEL_WORDS, ago, duration, stepWord } from '../../lib/describe';
import { modelLabel } from '../../lib/models';
import { incidentUrl } from '../../lib/snapshot';
import { freshnessOf } from '../../lib/status-state';
import { prefsItem, statusItem } from '../../lib/storage';
import { useNow, useStored } from '../../components/use-stored';

/**
 * A strip at the top of claude.ai while an incident is open; nothing at all otherwise. Text only
 * (incident names and bodies are untrusted), links only to status.claude.com.
 */
export function Banner() {
  const state = useStored(statusItem);
  const prefs = useStored(prefsItem);
  const now = useNow(15_000);
  if (!state?.snapshot || !prefs) return null;
  const assessment = assess(state.snapshot, prefs);
  const shown = assessment.incidents.filter((i) => i.relevant);
  const top = shown[0];
  if (!top) return null;
  const affected = top.scope.affected.map(modelLabel);
  const scope = affected.length ? affected.join(', ') : top.scope.broad ? 'multiple models' : top.components.map((c) => c.name).join(', ');
  const stale = freshnessOf(state, now) !== 'live' && state.confirmedAt !== null;
  return (
    <div class={`bar level-${assessment.level}`} role="status" aria-live="polite" data-incident-id={top.incident.id}>
      <strong class="what">{LEVEL_WORDS[top.level]}:</strong>
      <span class="name">{top.incident.name}</span>
      {scope && <span class="scope">{scope}</span>}
      <span class="meta">
        {stepWord(top.incident.status)} · {duration(now - top.incident.startedAt)}
        {stale && ` · status data from ${ago(state.confirmedAt!, now)}`}
      </span>
      {shown.length > 1 && <span class="more">+{shown.length - 1} more</span>}
      <a class="link" href={incidentUrl(top.incident.id)} target="_blank" rel="noopener noreferrer">
        Details
      </a>
    </div>
  );
}
