import type { AssessedIncident } from '../lib/assess';
import { ago, duration, stepWord, LEVEL_WORDS } from '../lib/describe';
import { modelLabel } from '../lib/models';
import { incidentUrl } from '../lib/snapshot';

/** One active incident: what, how bad, which step, since when, and the latest word from Anthropic. */
export function IncidentCard({ item, now }: { item: AssessedIncident; now: number }) {
  const { incident, scope } = item;
  const latest = incident.updates[0];
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
      </p>
      {(scope.affected.length > 0 || scope.broad) && (
        <p class="incident-models">
          {scope.affected.length > 0 && <>Affected: {scope.affected.map(modelLabel).join(', ')}</>}
          {scope.broad && scope.affected.length === 0 && <>Affected: multiple models</>}
          {scope.recovering.length > 0 && <> · Recovering: {scope.recovering.map(modelLabel).join(', ')}</>}
        </p>
      )}
      {item.components.length > 0 && (
        <p class="incident-components">{item.components.map((c) => c.name).join(', ')}</p>
      )}
      {latest && (
        <blockquote class="latest-update">
          <span class="update-when">
            {stepWord(latest.status)} · {ago(latest.at, now)}
          </span>
          <span class="update-body">{latest.body}</span>
        </blockquote>
      )}
    </article>
  );
}
