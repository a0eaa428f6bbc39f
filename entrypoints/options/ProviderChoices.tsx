import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatDuration } from '../../lib/format';
import { i18n } from '../../lib/i18n';
import { PROVIDER_IDS, PROVIDER_INFO, type ProviderId, providerHost, watchedProviders } from '../../lib/providers/catalog';
import { updatePrefs } from '../../lib/polling/messages';
import type { Prefs } from '../../lib/prefs';
import { type SwitchOutcome, turnProviderOff, turnProviderOn } from './provider-switch';

/** What each provider's checkbox reads, in words (which parts of which page). */
function partsOf(id: ProviderId): string {
  switch (id) {
    case 'openai':
      return i18n.t('providers.parts.openai');
    case 'github-copilot':
      return i18n.t('providers.parts.githubCopilot');
    case 'google-gemini':
      return i18n.t('providers.parts.googleGemini');
  }
}

function outcomeText(id: ProviderId, outcome: SwitchOutcome | undefined): string {
  if (!outcome || outcome.ok) return '';
  const provider = PROVIDER_INFO[id].name;
  return outcome.error === 'refused'
    ? i18n.t('providers.refused', { host: providerHost(id), provider })
    : i18n.t('providers.errorFailed', { provider });
}

/**
 * Other AI providers' public status, each off by default. Turning one on asks the browser for that
 * one host (the prompt opens from the click); refused, it stays off and says so.
 */
export function ProviderChoices({ prefs }: { prefs: Prefs }) {
  const [outcomes, setOutcomes] = useState<Partial<Record<ProviderId, SwitchOutcome>>>({});
  const on = watchedProviders(prefs);
  const settle = (id: ProviderId) => (outcome: SwitchOutcome) => setOutcomes((o) => ({ ...o, [id]: outcome }));
  const toggle = (id: ProviderId, checked: boolean) => {
    const others = on.filter((p) => p !== id);
    // Synchronous from the change event down to permissions.request (turnProviderOn): the user's gesture.
    const pending = checked
      ? turnProviderOn(browser.permissions, id, others, updatePrefs)
      : turnProviderOff(browser.permissions, id, others, updatePrefs);
    void pending.then(settle(id));
  };
  return (
    <section aria-labelledby="providers-h" class="provider-choices">
      <h2 id="providers-h">{i18n.t('providers.title')}</h2>
      <p class="hint">{i18n.t('providers.settingsHint')}</p>
      <ul>
        {PROVIDER_IDS.map((id) => {
          const info = PROVIDER_INFO[id];
          const url = info.endpoint.replace(/^https:\/\//, '');
          return (
            <li key={id} data-provider={id}>
              <label>
                <input
                  type="checkbox"
                  name="provider"
                  value={id}
                  checked={on.includes(id)}
                  aria-describedby={`provider-${id}-what provider-${id}-error`}
                  onChange={(e) => toggle(id, e.currentTarget.checked)}
                />
                {info.name}
              </label>
              <p class="hint" id={`provider-${id}-what`}>
                {i18n.t('providers.fetches', { parts: partsOf(id), url, every: formatDuration(info.intervalMs) })}
              </p>
              <p class="error" id={`provider-${id}-error`} role="alert">
                {outcomeText(id, outcomes[id])}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
