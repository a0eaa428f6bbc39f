/**
 * Where Claude's status page is: the two origins it answers on and the paths we read. Imports
 * nothing, so wxt.config.ts, the E2E harness and the bench use these instead of copies.
 */
export const STATUS_PAGE_ORIGIN = 'https://status.claude.com';
/** The same page on Statuspage's own domain: tried when status.claude.com fails or serves a challenge. */
export const FALLBACK_ORIGIN = 'https://anthropic.statuspage.io';
export const SOURCES = [STATUS_PAGE_ORIGIN, FALLBACK_ORIGIN] as const;
export const SUMMARY_PATH = '/api/v2/summary.json';
export const INCIDENTS_PATH = '/api/v2/incidents.json';
