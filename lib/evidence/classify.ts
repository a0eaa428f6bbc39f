/**
 * One request that claude.ai's web app made, as the browser's webRequest events report it, sorted
 * into what it says about Claude for this user. Pure; nothing here keeps a URL: the result is a
 * class of endpoint, a class of outcome and a short code from a closed vocabulary.
 *
 * Facts this relies on (browsers' error strings, the region page, what webRequest cannot see) are
 * in docs/local-evidence.md.
 */
import { CLAUDE_ORIGIN, REGION_PATH } from './origin';

export { CLAUDE_ORIGIN, REGION_PATH };
/** The hosts that serve REGION_PATH. */
const REGION_HOSTS = ['claude.ai', 'claude.com', 'www.claude.com', 'anthropic.com', 'www.anthropic.com'];

export type Endpoint = 'completion' | 'api' | 'page';
export const ENDPOINTS: readonly Endpoint[] = ['completion', 'api', 'page'];

export type Outcome =
  | 'ok'
  /** HTTP 5xx (529 overloaded included), a gateway or connection timeout, a reset mid-request. */
  | 'claude'
  /** HTTP 429. */
  | 'limit'
  /** 401, 403, or a Cloudflare challenge: sign in again / prove you are a browser. */
  | 'auth'
  /** claude.ai's "not available in your region" page. */
  | 'region'
  /** The user's side of the network: offline, DNS, proxy, TLS interception. */
  | 'connection'
  /** Says nothing about Claude for this user (not claude.ai's app, an abort, a 404, …). */
  | 'ignored';
export type CountedOutcome = Exclude<Outcome, 'ignored'>;
export const COUNTED_OUTCOMES: readonly CountedOutcome[] = ['ok', 'claude', 'limit', 'auth', 'region', 'connection'];

/** Transport failures: what a browser error string means, without the string itself. */
export const ERROR_CODES = [
  'timeout',
  'reset',
  'refused',
  'protocol',
  'offline',
  'dns',
  'proxy',
  'tls',
  'network',
  'aborted',
  'blocked',
  'other',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
/** An HTTP status (100–599), a transport failure, a challenge, or the region page. */
export type Code = number | ErrorCode | 'challenge' | 'region';

/** Claude-side transport failures: the server was reached, then did not answer in full. */
export const SERVER_SIDE_ERRORS: readonly ErrorCode[] = ['timeout', 'reset', 'refused', 'protocol'];

/** What the background hands over from one webRequest event (both browsers, normalised). */
export interface ObservedRequest {
  url: string;
  method: string;
  /** webRequest ResourceType: `xmlhttprequest` (fetch and XHR), `main_frame`, … */
  type: string;
  /** onCompleted: the final status. */
  statusCode?: number;
  /** onErrorOccurred: `net::ERR_…` (Chrome) or `NS_ERROR_…` / an NSS message (Firefox). */
  error?: string;
  /** onBeforeRedirect: where the browser is sent next. */
  redirectUrl?: string;
  /** -1 when no tab made it (a service worker, another extension's background, this extension). */
  tabId: number;
  /** Origin of the document that made the request (Chrome `initiator`, Firefox `originUrl`'s origin). */
  initiator?: string;
  /** The response carried `cf-mitigated: challenge` (Cloudflare's challenge page). */
  challenge?: boolean;
}

export interface Classified {
  endpoint: Endpoint;
  outcome: Outcome;
  code: Code;
}

const IGNORED_PAGE: Classified = { endpoint: 'page', outcome: 'ignored', code: 'other' };
const COMPLETION_PATH = /^\/api\/organizations\/[^/]+\/chat_conversations\/[^/]+\/(?:retry_)?completion$/;

function parseUrl(url: string): URL | null {
  if (typeof url !== 'string' || url.length > 8192) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Exactly https://claude.ai (no other port, no subdomain, no look-alike). */
function isClaudeApp(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'claude.ai' && url.port === '';
}

function isRegionPage(url: URL | null): boolean {
  return (
    url !== null && url.protocol === 'https:' && REGION_HOSTS.includes(url.hostname) && url.pathname.replace(/\/$/, '') === REGION_PATH
  );
}

export function classifyRequest(request: ObservedRequest): Classified {
  const url = parseUrl(request.url);
  if (!url || !isClaudeApp(url) || !Number.isInteger(request.tabId) || request.tabId < 0) return IGNORED_PAGE;
  const method = String(request.method ?? '').toUpperCase();
  if (method === 'OPTIONS') return IGNORED_PAGE;

  if (request.type === 'main_frame') {
    // A navigation may come from any site (a link); the page itself is claude.ai's.
    if (request.redirectUrl !== undefined) {
      return isRegionPage(parseUrl(request.redirectUrl)) ? { endpoint: 'page', outcome: 'region', code: 'region' } : IGNORED_PAGE;
    }
    if (isRegionPage(url)) return request.error ? IGNORED_PAGE : { endpoint: 'page', outcome: 'region', code: 'region' };
    return classifyResult(request, 'page');
  }

  if (request.type !== 'xmlhttprequest' || !url.pathname.startsWith('/api/')) return IGNORED_PAGE;
  // Another site's page (or an extension) calling claude.ai's API says nothing about claude.ai's app.
  if (request.initiator !== undefined && request.initiator !== CLAUDE_ORIGIN) return IGNORED_PAGE;
  const endpoint: Endpoint = COMPLETION_PATH.test(url.pathname) ? 'completion' : 'api';
  if (request.redirectUrl !== undefined) return { endpoint, outcome: 'ignored', code: 'other' };
  return classifyResult(request, endpoint);
}

function classifyResult(request: ObservedRequest, endpoint: Endpoint): Classified {
  if (typeof request.error === 'string') {
    const code = errorCode(request.error);
    return { endpoint, outcome: errorOutcome(code), code };
  }
  return { endpoint, ...statusOutcome(request.statusCode, request.challenge === true) };
}

/**
 * HTTP status → outcome. A 2xx/3xx is OK. 5xx is Claude-side, whatever the number (529 is
 * "overloaded"; an unknown 5xx is still the server failing). 429 is a limit; 401/403 and a challenge
 * are access. Any other 4xx (400, 404, 409, 413, …) is that request's own problem — a deleted chat,
 * a file too large — and is ignored: counting it as a failure would cry wolf, counting it as OK would
 * hide failures behind noise. Anything that is not an HTTP status is ignored.
 */
export function statusOutcome(status: number | undefined, challenge = false): { outcome: Outcome; code: Code } {
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
    return { outcome: 'ignored', code: 'other' };
  }
  if (challenge && status >= 400) return { outcome: 'auth', code: 'challenge' };
  if (status < 400) return { outcome: 'ok', code: status };
  if (status >= 500) return { outcome: 'claude', code: status };
  if (status === 429) return { outcome: 'limit', code: status };
  if (status === 401 || status === 403) return { outcome: 'auth', code: status };
  return { outcome: 'ignored', code: status };
}

export function errorOutcome(code: ErrorCode): Outcome {
  if (SERVER_SIDE_ERRORS.includes(code)) return 'claude';
  if (code === 'aborted' || code === 'blocked' || code === 'other') return 'ignored';
  return 'connection';
}

// Chrome's net error names (net/base/net_error_list.h) and Firefox's nsresult names. Order matters:
// the first match wins.
const ERROR_PATTERNS: Array<[RegExp, ErrorCode]> = [
  // The page or the user cancelled (Stop, navigation, "stop generating"): not an outcome.
  [/^net::ERR_ABORTED$|^NS_BINDING_ABORTED$|^NS_ERROR_ABORT$|^NS_BINDING_REDIRECTED$|^NS_BINDING_RETARGETED$/, 'aborted'],
  // Another extension, a content blocker, CORP/COEP or the browser's tracking protection.
  [/^net::ERR_BLOCKED_BY_|^NS_ERROR_.*BLOCKED|^NS_ERROR_TRACKING_URI$|^NS_ERROR_.*_URI$/, 'blocked'],
  [/^net::ERR_INTERNET_DISCONNECTED$|^NS_ERROR_OFFLINE$|^net::ERR_NETWORK_IO_SUSPENDED$/, 'offline'],
  [
    /^net::ERR_NAME_NOT_RESOLVED$|^net::ERR_NAME_RESOLUTION_FAILED$|^net::ERR_DNS_|^NS_ERROR_UNKNOWN_HOST$|^NS_ERROR_DNS_|^NS_ERROR_NET_ON_RESOLV/,
    'dns',
  ],
  [/^net::ERR_PROXY_|^net::ERR_TUNNEL_CONNECTION_FAILED$|^net::ERR_SOCKS_|^NS_ERROR_PROXY_|^NS_ERROR_UNKNOWN_PROXY_HOST$/, 'proxy'],
  // claude.ai's certificate is valid: a TLS failure is interception, a captive portal or a wrong clock.
  [
    /^net::ERR_CERT_|^net::ERR_SSL_|^net::ERR_BAD_SSL_|^SEC_ERROR_|^SSL_ERROR_|^MOZILLA_PKIX_ERROR_|^NS_ERROR_NET_INADEQUATE_SECURITY$/,
    'tls',
  ],
  [/^net::ERR_NETWORK_CHANGED$|^net::ERR_ADDRESS_UNREACHABLE$|^net::ERR_ADDRESS_INVALID$|^net::ERR_NETWORK_ACCESS_DENIED$/, 'network'],
  [/TIMED_OUT$|^NS_ERROR_NET_TIMEOUT|^NS_ERROR_NET_ON_WAITING_FOR$/, 'timeout'],
  [
    /^net::ERR_CONNECTION_(?:RESET|CLOSED|ABORTED)$|^net::ERR_EMPTY_RESPONSE$|^NS_ERROR_NET_RESET$|^NS_ERROR_NET_INTERRUPT$|^NS_ERROR_NET_PARTIAL_TRANSFER$|^NS_ERROR_NET_ON_/,
    'reset',
  ],
  [/^net::ERR_CONNECTION_(?:REFUSED|FAILED)$|^NS_ERROR_CONNECTION_REFUSED$/, 'refused'],
  [
    /^net::ERR_(?:HTTP2_|QUIC_|SPDY_|INCOMPLETE_CHUNKED_ENCODING$|CONTENT_LENGTH_MISMATCH$|INVALID_HTTP_RESPONSE$|RESPONSE_HEADERS_)|^NS_ERROR_NET_HTTP[23]_|^NS_ERROR_NET_EMPTY_RESPONSE$|^NS_ERROR_CORRUPTED_CONTENT$/,
    'protocol',
  ],
];

/**
 * A browser's error string → a code. Unknown strings (Chrome's catch-all `net::ERR_FAILED`, a
 * localised NSS message) are `other` and ignored: they cannot be told apart, and a false alarm is
 * worse than a missed one. The string itself is never kept.
 */
export function errorCode(error: string): ErrorCode {
  const text = String(error).trim().slice(0, 200);
  for (const [pattern, code] of ERROR_PATTERNS) if (pattern.test(text)) return code;
  return 'other';
}
