import { formatAgo, formatDuration } from '../lib/format';
import { i18n } from '../lib/i18n';
import { PROVIDER_INFO, type ProviderId, providerHost } from '../lib/providers/catalog';
import type { ProviderIncident, ProviderLevel } from '../lib/providers/level';
import {
  type ProviderProblem,
  providerFreshness,
  type ProvidersState,
  type ProviderState,
  shownProviderLevel,
  staleAfterMs,
} from '../lib/providers/state';

/** The dot's colour: the theme's tones; `unknown` keeps the grey default (never green). */
const TONE: Record<ProviderLevel, string> = {
  operational: 'tone-operational',
  maintenance: 'tone-maintenance',
  degraded: 'tone-minor',
  outage: 'tone-major',
  unknown: '',
};

export function providerLevelWord(level: ProviderLevel): string {
  switch (level) {
    case 'operational':
      return i18n.t('providers.level.operational');
    case 'maintenance':
      return i18n.t('providers.level.maintenance');
    case 'degraded':
      return i18n.t('providers.level.degraded');
    case 'outage':
      return i18n.t('providers.level.outage');
    default:
      return i18n.t('providers.level.unknown');
  }
}

/** Why a provider's status is not live, in plain words ("Can't reach status.openai.com right now."). */
export function providerProblemText(id: ProviderId, problem: ProviderProblem): string {
  const host = providerHost(id);
  switch (problem.kind) {
    case 'permission':
      return i18n.t('providers.problem.permission', { host, provider: PROVIDER_INFO[id].name });
    case 'offline':
      return i18n.t('providers.problem.offline');
    case 'timeout':
      return i18n.t('providers.problem.timeout', { host });
    case 'http':
      return i18n.t('providers.problem.http', { host });
    case 'blocked':
      return i18n.t('providers.problem.blocked', { host });
    case 'invalid':
      return i18n.t('providers.problem.invalid', { host });
    case 'redirect':
      return i18n.t('providers.problem.redirect', { host });
    default:
      return i18n.t('providers.problem.network', { host });
  }
}

/** How old what is shown is: "checked 2 min ago", "last known, from 40 min ago", or "Checking…". */
function ageText(id: ProviderId, state: ProviderState | undefined, now: number): string {
  if (!state?.snapshot || state.confirmedAt === null) return state?.problem ? '' : i18n.t('providers.checking');
  if (providerFreshness(state, now, staleAfterMs(id)) === 'live' && state.checkedAt !== null) {
    return i18n.t('providers.checkedAgo', { ago: formatAgo(state.checkedAt, now) });
  }
  return i18n.t('providers.lastKnown', { ago: formatAgo(state.confirmedAt, now) });
}

/** Incidents listed per provider; the rest are counted. */
const INCIDENTS_SHOWN = 3;

function IncidentLine({ incident, now }: { incident: ProviderIncident; now: number }) {
  return (
    <li>
      <a href={incident.url} target="_blank" rel="noopener noreferrer">
        <bdi>{incident.name || i18n.t('providers.untitled')}</bdi>
      </a>
      {incident.startedAt > 0 && incident.startedAt <= now && (
        <span class="muted"> · {i18n.t('providers.startedAgo', { ago: formatDuration(now - incident.startedAt) })}</span>
      )}
    </li>
  );
}

/**
 * The popup's compact "Other providers": per provider turned on, a dot and its level in words (grey
 * and "Unknown" unless the data is live), its open incidents (links to its own page), the age of
 * the data and, when something is wrong with reading it, why.
 */
export function ProviderList({ ids, states, now }: { ids: readonly ProviderId[]; states: ProvidersState; now: number }) {
  return (
    <ul class="providers">
      {ids.map((id) => {
        const info = PROVIDER_INFO[id];
        const state = states[id];
        const level = shownProviderLevel(id, state, now);
        const incidents = state?.snapshot?.incidents ?? [];
        const age = ageText(id, state, now);
        return (
          <li key={id} class="provider" data-provider={id} data-level={level}>
            <div class="provider-row">
              <span class={`dot ${TONE[level]}`} aria-hidden="true" />
              <a class="provider-name" href={info.pageUrl} target="_blank" rel="noopener noreferrer">
                {info.name}
              </a>
              <span class="provider-level">{providerLevelWord(level)}</span>
              {age && <span class="provider-age">{age}</span>}
            </div>
            {state?.problem && <p class="provider-problem">{providerProblemText(id, state.problem)}</p>}
            {incidents.length > 0 && (
              <ul class="provider-incidents">
                {incidents.slice(0, INCIDENTS_SHOWN).map((incident) => (
                  <IncidentLine key={incident.id} incident={incident} now={now} />
                ))}
                {incidents.length > INCIDENTS_SHOWN && (
                  <li class="muted">{i18n.t('providers.moreIncidents', incidents.length - INCIDENTS_SHOWN)}</li>
                )}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
