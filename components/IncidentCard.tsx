import { useState } from 'preact/hooks';
import { formatAgo, formatDateTime, formatDuration } from '../lib/format';
import { i18n } from '../lib/i18n';
import { modelKey, modelLabel, modelMatches, type ModelRef } from '../lib/models/ref';
import { incidentUrl } from '../lib/statuspage/snapshot';
import type { AssessedIncident } from '../lib/verdict/assess';
import { levelPill, scopeText, stepWord } from '../lib/verdict/describe';

interface Props {
  item: AssessedIncident;
  now: number;
  /** Updates newer than this are marked new (the popup's last opening); 0: none are. */
  seenAt: number;
  muted: boolean;
  onToggleMute: () => void;
  /** The user's models, to mark theirs among the affected. */
  mine: ModelRef[];
}

/** Bodies longer than this start collapsed (three lines) with a "Show more". */
const LONG_BODY = 220;

/**
 * One open incident: how bad, what, which step, since when, which models (each once, as chips),
 * the latest word (collapsible), and the whole timeline on demand.
 */
export function IncidentCard({ item, now, seenAt, muted, onToggleMute, mine }: Props) {
  const { incident, scope } = item;
  const [expanded, setExpanded] = useState(false);
  const latest = incident.updates[0];
  const fresh = seenAt ? incident.updates.filter((u) => u.at > seenAt).length : 0;
  const isMine = (m: ModelRef) => mine.some((c) => modelMatches(c, m));
  const long = (latest?.body.length ?? 0) > LONG_BODY;
  const bodyId = `body-${incident.id}`;
  const broad = scope.broad ? scopeText({ ...scope, affected: [] }, []) : '';
  return (
    <article class={`incident level-${item.level}${item.relevant ? '' : ' not-mine'}`} data-incident-id={incident.id}>
      <header>
        <a class="incident-name" href={incidentUrl(incident.id)} target="_blank" rel="noopener noreferrer">
          <bdi>{incident.name}</bdi>
        </a>
        <span class={`pill level-${item.level}`}>{levelPill(item.level)}</span>
      </header>
      <p class="incident-meta">
        <span class="step">{stepWord(incident.status)}</span>
        {' · '}
        {i18n.t('popup.startedAgo', { duration: formatDuration(now - incident.startedAt) })}
        {!item.relevant && <span class="not-mine-note"> · {i18n.t('popup.notYourModels')}</span>}
        {fresh > 0 && <span class="unread"> · {i18n.t('popup.newUpdates', fresh)}</span>}
      </p>
      {(scope.affected.length > 0 || scope.recovering.length > 0 || scope.broad) && (
        <ul class="model-chips" aria-label={i18n.t('popup.modelsLabel')}>
          {broad && (
            <li class="model-chip affected broad" data-model="multiple">
              {broad}
            </li>
          )}
          {scope.affected.map((m) => (
            <li key={modelKey(m)} class={`model-chip affected${isMine(m) ? ' mine' : ''}`} data-model={modelKey(m)}>
              {modelLabel(m)}
              <span class="visually-hidden"> {i18n.t('popup.chipAffected')}</span>
              {isMine(m) && <span> · {i18n.t('popup.yours')}</span>}
            </li>
          ))}
          {scope.recovering.map((m) => (
            <li key={modelKey(m)} class={`model-chip recovering${isMine(m) ? ' mine' : ''}`} data-model={modelKey(m)}>
              {i18n.t('popup.chipRecovering', { model: modelLabel(m) })}
            </li>
          ))}
        </ul>
      )}
      {item.components.length > 0 && <p class="incident-components">{item.components.map((c) => c.name).join(', ')}</p>}
      {latest && (
        <div class={`latest-update${seenAt && latest.at > seenAt ? ' is-new' : ''}`}>
          <span class="update-when">
            {stepWord(latest.status)} · {formatAgo(latest.at, now)}
          </span>
          <p id={bodyId} class={`update-body${long && !expanded ? ' clamped' : ''}`}>
            <bdi>{latest.body}</bdi>
          </p>
        </div>
      )}
      <div class="incident-actions">
        {long && (
          <button type="button" class="link-button" aria-expanded={expanded} aria-controls={bodyId} onClick={() => setExpanded(!expanded)}>
            {expanded ? i18n.t('popup.showLess') : i18n.t('popup.showMore')}
          </button>
        )}
        <button type="button" class="link-button mute" aria-pressed={muted} onClick={onToggleMute}>
          {muted ? i18n.t('popup.unmute') : i18n.t('popup.mute')}
        </button>
      </div>
      {incident.updates.length > 1 && (
        <details class="timeline">
          <summary>{i18n.t('popup.allUpdates', incident.updates.length)}</summary>
          <ol>
            {incident.updates.map((u) => (
              <li key={u.id} class={seenAt && u.at > seenAt ? 'is-new' : ''}>
                <span class="update-when">
                  {stepWord(u.status)} · {formatDateTime(u.at)}
                </span>
                <span class="update-body">
                  <bdi>{u.body}</bdi>
                </span>
              </li>
            ))}
          </ol>
        </details>
      )}
    </article>
  );
}
