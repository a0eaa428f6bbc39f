/**
 * What the pages need to know about each provider (names, hosts, links, how often it is read),
 * without the formats' parsers: the popup and the settings page import this, not registry.ts, so
 * they never load the validators. registry.ts adds the endpoint adapters to these entries.
 */
import { PROVIDER_ORIGINS } from './origins';

export const PROVIDER_IDS = ['openai', 'github-copilot', 'google-gemini'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export interface ProviderInfo {
  id: ProviderId;
  /** Brand name, shown as is. */
  name: string;
  /** Match patterns requested as optional host permissions when the user turns the provider on. */
  origins: readonly string[];
  /** The status page itself, for the popup's link. */
  pageUrl: string;
  endpoint: string;
  /** Responses are refused when they come from anywhere else (a redirect). */
  endpointOrigin: string;
  format: 'statuspage' | 'incident-io' | 'google-cloud';
  /** Least time between two requests; jittered up to 20 % longer. */
  intervalMs: number;
}

const MINUTE = 60_000;
const GOOGLE_STATUS_ORIGIN = 'https://status.cloud.google.com';

export const PROVIDER_INFO: Readonly<Record<ProviderId, ProviderInfo>> = {
  openai: {
    id: 'openai',
    name: 'OpenAI',
    origins: [PROVIDER_ORIGINS.openai],
    pageUrl: 'https://status.openai.com/',
    endpoint: 'https://status.openai.com/api/v2/summary.json',
    endpointOrigin: 'https://status.openai.com',
    format: 'incident-io',
    intervalMs: 5 * MINUTE,
  },
  'github-copilot': {
    id: 'github-copilot',
    name: 'GitHub Copilot',
    origins: [PROVIDER_ORIGINS.githubCopilot],
    pageUrl: 'https://www.githubstatus.com/',
    endpoint: 'https://www.githubstatus.com/api/v2/summary.json',
    endpointOrigin: 'https://www.githubstatus.com',
    format: 'statuspage',
    intervalMs: 5 * MINUTE,
  },
  'google-gemini': {
    id: 'google-gemini',
    name: 'Google Gemini',
    origins: [PROVIDER_ORIGINS.googleGemini],
    pageUrl: 'https://status.cloud.google.com/',
    endpoint: `${GOOGLE_STATUS_ORIGIN}/incidents.json`,
    endpointOrigin: GOOGLE_STATUS_ORIGIN,
    format: 'google-cloud',
    // ~180 KB a response and no working conditional GET (Google ignores If-Modified-Since): a third
    // of the rate of the others (docs/providers.md).
    intervalMs: 15 * MINUTE,
  },
};

export function isProviderId(id: unknown): id is ProviderId {
  return typeof id === 'string' && (PROVIDER_IDS as readonly string[]).includes(id);
}

/** The providers turned on in `prefs`, as stored: ids this version does not know are ignored. */
export function watchedProviders(prefs: { providers?: unknown }): ProviderId[] {
  return (Array.isArray(prefs.providers) ? prefs.providers : []).filter(isProviderId);
}

/** The host a provider's status is read from ("status.openai.com"). */
export const providerHost = (id: ProviderId) => new URL(PROVIDER_INFO[id].endpoint).host;

/** The brand name of a provider id; the id itself for one this version does not know. */
export function providerName(id: string): string {
  return isProviderId(id) ? PROVIDER_INFO[id].name : id;
}
