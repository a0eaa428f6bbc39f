import type { AssessedIncident } from '../lib/verdict/assess';
import { ago, duration, stepWord, LEVEL_WORDS } from '../lib/verdict/describe';
import { modelLabel } from '../lib/models/ref';
import { scopeSummary, scopeWords } from '../lib/verdict/scope-summary';
import { incidentUrl } from '../lib/statuspage/snapshot';

interface Props {
  item: AssessedIncident;
  now: number;
  /** Updates newer than this are marked new (the popup's last opening); 0: none are. */
  seenAt: number;
  muted: boolean;
  onToggleMute: () => void;
}

/** One active incident: what, how bad, which step, since when, the latest word, and its timeline. */
export function IncidentCard({ item, now, seenAt, muted, onToggleMute }: Props) {
  const { incident, scope } = item;
  const affected = scopeWords(scopeSummary(scope));
  const latest = incident.updates[0];
  const fresh = seenAt ? incident.updates.filter((u) => u.at > seenAt).length : 0;
  return (
    <article class={`incident level-${item.level}${item.relevant ? '' : ' not-mine'}`} data-incident-id={incident.id}>
      <header>
        <a class="incident-name" href={incidentUrl(incident.id)} target="_blank" rel="noopener noreferrer">
          {incident.name}
        </a>
        <span class={`pill level-${item.level}`}>{LEVEL_WORDS[item.level].replace(' incident', '')}</span>
      </header>
      <p class="incident-meta">
        <span class="step">{stepWord(incident.status)}</span> · started {duration(now - incident.startedAt)} ago
        {!item.relevant && <span class="not-mine-note"> · not your models</span>}
        {fresh > 0 && <span class="unread"> · {fresh === 1 ? '1 new update' : `${fresh} new updates`}</span>}
      </p>
      {affected && (
        <p class="incident-models">
          Affected: {affected}
          {scope.recovering.length > 0 && <> · Recovering: {scope.recovering.map(modelLabel).join(', ')}</>}
        </p>
      )}
      {item.components.length > 0 && <p class="incident-components">{item.components.map((c) => c.name).join(', ')}</p>}
      {latest && (
        <blockquote class={`latest-update${seenAt && latest.at > seenAt ? ' is-new' : ''}`}>
          <span class="update-when">
            {stepWord(latest.status)} · {ago(latest.at, now)}
          </span>
          <span class="update-body">{latest.body}</span>
        </blockquote>
      )}
      {incident.updates.length > 1 && (
        <details class="timeline">
          <summary>All {incident.updates.length} updates</summary>
          <ol>
            {incident.updates.map((u) => (
              <li key={u.id} class={seenAt && u.at > seenAt ? 'is-new' : ''}>
                <span class="update-when">
                  {stepWord(u.status)} ·{' '}
                  {new Date(u.at).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })}
                </span>
                <span class="update-body">{u.body}</span>
              </li>
            ))}
          </ol>
        </details>
      )}
      <button type="button" class="link-button mute" aria-pressed={muted} onClick={onToggleMute}>
        {muted ? 'Unmute notifications' : 'Mute notifications for this incident'}
      </button>
    </article>
  );
}
