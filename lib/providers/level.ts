/**
 * One provider's status, reduced to what the popup shows for another provider: a rollup colour and
 * the open incidents. Plain data, safe to store.
 */

/**
 * Severity, least to most. `unknown` ranks above `maintenance` and below `degraded`: an unknown part
 * never lets the rollup say "operational", but a known problem elsewhere is the more useful answer.
 */
export const PROVIDER_LEVELS = ['operational', 'maintenance', 'unknown', 'degraded', 'outage'] as const;
export type ProviderLevel = (typeof PROVIDER_LEVELS)[number];

export function providerLevelRank(level: ProviderLevel): number {
  return PROVIDER_LEVELS.indexOf(level);
}

/** The worst of some levels; `empty` when there are none. */
export function worstProviderLevel(levels: ProviderLevel[], empty: ProviderLevel = 'operational'): ProviderLevel {
  if (levels.length === 0) return empty;
  return levels.reduce((a, b) => (providerLevelRank(b) > providerLevelRank(a) ? b : a));
}

export interface ProviderIncident {
  /** The provider's own id, validated by the format's schema (links are built from it). */
  id: string;
  /** Capped, untrusted text: render as text only. */
  name: string;
  level: ProviderLevel;
  /** Epoch ms; 0 when the page gave no usable time. */
  startedAt: number;
  /** Always on the provider's own status host. */
  url: string;
}

export interface ProviderComponent {
  id: string;
  name: string;
  level: ProviderLevel;
}

export interface ProviderSnapshot {
  /** Rollup of the parts this extension watches for the provider (not the provider's whole page). */
  level: ProviderLevel;
  /** Open incidents (and maintenance in progress) about the watched parts, newest first. */
  incidents: ProviderIncident[];
  /** The watched parts the page reported, in registry order. */
  components: ProviderComponent[];
}

/** Caps on untrusted input, per provider. */
export const PROVIDER_LIMITS = { name: 200, incidents: 20, components: 50 } as const;
