/**
 * The status hosts of the other providers, as host-permission match patterns. Imports nothing, so
 * wxt.config.ts can list them under `optional_host_permissions` (never `host_permissions`: each is
 * requested only when the user turns that provider on). The registry names which provider needs which.
 */
export const PROVIDER_ORIGINS = {
  openai: 'https://status.openai.com/*',
  githubCopilot: 'https://www.githubstatus.com/*',
  googleGemini: 'https://status.cloud.google.com/*',
} as const;

export const ALL_PROVIDER_ORIGINS: string[] = Object.values(PROVIDER_ORIGINS);
