// The hosts the fake server answers for, derived from the extension's own constants: each module
// imported here imports nothing (Node loads it by stripping its types), so a change in the source
// moves the certificate, Chromium's host mapping, the fake server's routing and the scenarios with it.
import { CLAUDE_ORIGIN } from '../../../lib/evidence/origin.ts';
import { ALL_PROVIDER_ORIGINS } from '../../../lib/providers/origins.ts';
import { FALLBACK_ORIGIN, SOURCES, STATUS_PAGE_ORIGIN } from '../../../lib/statuspage/hosts.ts';

/** The host of an origin or of a host-permission match pattern (`https://host/*`). */
function hostOf(originOrPattern) {
  const host = new URL(originOrPattern).host;
  if (host.includes('*')) throw new Error(`a wildcard host cannot be served: ${originOrPattern}`);
  return host;
}

/** status.claude.com: where the extension asks first. */
export const STATUS_HOST = hostOf(STATUS_PAGE_ORIGIN);
/** anthropic.statuspage.io: the same page, asked when the first fails. */
export const FALLBACK_HOST = hostOf(FALLBACK_ORIGIN);
/** Every host the status page is read from, in the order the extension tries them. */
export const STATUS_HOSTS = SOURCES.map(hostOf);
/** claude.ai, whose own requests are the local evidence. */
export const CLAUDE_HOST = hostOf(CLAUDE_ORIGIN);
/** The other providers' status hosts (lib/providers/origins.ts). */
export const PROVIDER_HOSTS = ALL_PROVIDER_ORIGINS.map(hostOf);
/** Every host the fake server serves: what the certificate names and what Chromium maps to it. */
export const SERVED_HOSTS = [...STATUS_HOSTS, CLAUDE_HOST, ...PROVIDER_HOSTS];
export { CLAUDE_ORIGIN, STATUS_PAGE_ORIGIN };
