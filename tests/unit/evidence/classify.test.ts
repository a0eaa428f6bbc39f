import { describe, expect, it } from 'vitest';
import { classifyRequest, errorCode, statusOutcome, type ObservedRequest } from '../../../lib/evidence/classify';

const COMPLETION =
  'https://claude.ai/api/organizations/0b1c2d3e-aaaa-4bbb-8ccc-123456789abc/chat_conversations/9f8e7d6c-1111-4222-8333-abcdefabcdef/completion';
const API = 'https://claude.ai/api/organizations/0b1c2d3e-aaaa-4bbb-8ccc-123456789abc/chat_conversations?limit=30';

/** A fetch made by claude.ai's page in tab 7, as the background normalises webRequest details. */
function fromApp(over: Partial<ObservedRequest>): ObservedRequest {
  return { url: API, method: 'GET', type: 'xmlhttprequest', tabId: 7, initiator: 'https://claude.ai', ...over };
}

describe('classify: HTTP statuses', () => {
  it.each([
    [200, 'ok'],
    [204, 'ok'],
    [304, 'ok'],
    [500, 'claude'],
    [502, 'claude'],
    [503, 'claude'],
    [504, 'claude'],
    [529, 'claude'],
    [599, 'claude'], // an unknown 5xx is still the server failing
    [429, 'limit'],
    [401, 'auth'],
    [403, 'auth'],
    [400, 'ignored'],
    [404, 'ignored'],
    [409, 'ignored'],
    [413, 'ignored'],
    [418, 'ignored'],
  ] as const)('%i → %s', (status, outcome) => {
    const c = classifyRequest(fromApp({ statusCode: status }));
    expect(c.outcome).toBe(outcome);
    expect(c.code).toBe(status);
  });

  it.each([0, 99, 600, 999, -1, 200.5, Number.NaN, undefined])('%s is not an HTTP status: ignored', (status) => {
    expect(classifyRequest(fromApp({ statusCode: status as number })).outcome).toBe('ignored');
  });

  it('a Cloudflare challenge is access with its own code, never "sign in" by status alone', () => {
    expect(classifyRequest(fromApp({ statusCode: 403, challenge: true }))).toMatchObject({ outcome: 'auth', code: 'challenge' });
    expect(classifyRequest(fromApp({ statusCode: 503, challenge: true }))).toMatchObject({ outcome: 'auth', code: 'challenge' });
    // A 200 with the header (the challenge passed) is just OK.
    expect(classifyRequest(fromApp({ statusCode: 200, challenge: true })).outcome).toBe('ok');
  });

  it('statusOutcome agrees with the classifier', () => {
    expect(statusOutcome(529)).toEqual({ outcome: 'claude', code: 529 });
    expect(statusOutcome(undefined)).toEqual({ outcome: 'ignored', code: 'other' });
  });
});

describe('classify: endpoints', () => {
  it('a message (completion or retry) is the completion endpoint; other API calls are api', () => {
    expect(classifyRequest(fromApp({ url: COMPLETION, method: 'POST', statusCode: 200 })).endpoint).toBe('completion');
    expect(
      classifyRequest(fromApp({ url: COMPLETION.replace(/completion$/, 'retry_completion'), method: 'POST', statusCode: 529 })),
    ).toEqual({
      endpoint: 'completion',
      outcome: 'claude',
      code: 529,
    });
    expect(classifyRequest(fromApp({ statusCode: 200 })).endpoint).toBe('api');
    expect(classifyRequest(fromApp({ url: `${COMPLETION}/extra`, statusCode: 200 })).endpoint).toBe('api');
  });

  it('claude.ai page loads count; the region page and a redirect to it are region', () => {
    const page = (over: Partial<ObservedRequest>) =>
      classifyRequest({ url: 'https://claude.ai/new', method: 'GET', type: 'main_frame', tabId: 3, ...over });
    expect(page({ statusCode: 200 })).toEqual({ endpoint: 'page', outcome: 'ok', code: 200 });
    expect(page({ statusCode: 502 })).toEqual({ endpoint: 'page', outcome: 'claude', code: 502 });
    // A navigation may come from any site: the initiator does not matter for page loads.
    expect(page({ statusCode: 200, initiator: 'https://www.google.com' }).outcome).toBe('ok');
    expect(page({ url: 'https://claude.ai/app-unavailable-in-region', statusCode: 200 })).toEqual({
      endpoint: 'page',
      outcome: 'region',
      code: 'region',
    });
    for (const target of [
      'https://claude.ai/app-unavailable-in-region',
      'https://www.anthropic.com/app-unavailable-in-region',
      'https://claude.com/app-unavailable-in-region',
      'https://claude.com/app-unavailable-in-region/',
    ]) {
      expect(page({ url: 'https://claude.ai/', statusCode: 302, redirectUrl: target }).outcome, target).toBe('region');
    }
    for (const target of [
      'https://claude.ai/login',
      'http://www.anthropic.com/app-unavailable-in-region',
      'https://evil.example/app-unavailable-in-region',
      'https://claude.ai/app-unavailable',
      'not a url',
    ]) {
      expect(page({ url: 'https://claude.ai/', statusCode: 302, redirectUrl: target }).outcome, target).toBe('ignored');
    }
    // The region page failing to load is not a region verdict.
    expect(page({ url: 'https://claude.ai/app-unavailable-in-region', error: 'net::ERR_ABORTED' }).outcome).toBe('ignored');
  });
});

describe('classify: only claude.ai’s own app counts', () => {
  it.each([
    ['another host', { url: 'https://api.anthropic.com/v1/messages' }],
    ['a subdomain', { url: 'https://www.claude.ai/api/x' }],
    ['a look-alike host', { url: 'https://claude.ai.evil.example/api/x' }],
    ['a path that only mentions it', { url: 'https://evil.example/https://claude.ai/api/x' }],
    ['plain http', { url: 'http://claude.ai/api/x' }],
    ['another port', { url: 'https://claude.ai:8443/api/x' }],
    ['not the API', { url: 'https://claude.ai/_next/static/chunk.js' }],
    ['a script', { type: 'script' }],
    ['an image', { type: 'image' }],
    ['a sub-frame', { type: 'sub_frame' }],
    ['no tab (a worker or an extension)', { tabId: -1 }],
    ['another site calling claude.ai’s API', { initiator: 'https://evil.example' }],
    ['an extension page calling it', { initiator: 'chrome-extension://abcdefghijklmnop' }],
    ['a Firefox origin that did not parse', { initiator: 'invalid' }],
    ['a CORS preflight', { method: 'OPTIONS' }],
    ['a URL that does not parse', { url: 'https://' }],
    ['a huge URL', { url: `https://claude.ai/api/${'x'.repeat(10_000)}` }],
  ] as Array<[string, Partial<ObservedRequest>]>)('%s: ignored, even for a 529', (_, over) => {
    expect(classifyRequest(fromApp({ statusCode: 529, ...over })).outcome).toBe('ignored');
  });

  it('a request without an initiator (Firefox without originUrl) from claude.ai’s tab counts', () => {
    expect(classifyRequest(fromApp({ statusCode: 529, initiator: undefined })).outcome).toBe('claude');
  });

  it('a redirect of an API call is not an outcome (its final request is)', () => {
    expect(classifyRequest(fromApp({ statusCode: 307, redirectUrl: 'https://claude.ai/api/y' })).outcome).toBe('ignored');
  });
});

describe('classify: both browsers’ error strings', () => {
  it.each([
    // Chrome
    ['net::ERR_ABORTED', 'aborted', 'ignored'],
    ['net::ERR_BLOCKED_BY_CLIENT', 'blocked', 'ignored'],
    ['net::ERR_BLOCKED_BY_RESPONSE', 'blocked', 'ignored'],
    ['net::ERR_INTERNET_DISCONNECTED', 'offline', 'connection'],
    ['net::ERR_NAME_NOT_RESOLVED', 'dns', 'connection'],
    ['net::ERR_NAME_RESOLUTION_FAILED', 'dns', 'connection'],
    ['net::ERR_PROXY_CONNECTION_FAILED', 'proxy', 'connection'],
    ['net::ERR_TUNNEL_CONNECTION_FAILED', 'proxy', 'connection'],
    ['net::ERR_CERT_AUTHORITY_INVALID', 'tls', 'connection'],
    ['net::ERR_SSL_PROTOCOL_ERROR', 'tls', 'connection'],
    ['net::ERR_NETWORK_CHANGED', 'network', 'connection'],
    ['net::ERR_ADDRESS_UNREACHABLE', 'network', 'connection'],
    ['net::ERR_TIMED_OUT', 'timeout', 'claude'],
    ['net::ERR_CONNECTION_TIMED_OUT', 'timeout', 'claude'],
    ['net::ERR_CONNECTION_RESET', 'reset', 'claude'],
    ['net::ERR_CONNECTION_CLOSED', 'reset', 'claude'],
    ['net::ERR_EMPTY_RESPONSE', 'reset', 'claude'],
    ['net::ERR_CONNECTION_REFUSED', 'refused', 'claude'],
    ['net::ERR_HTTP2_PROTOCOL_ERROR', 'protocol', 'claude'],
    ['net::ERR_INCOMPLETE_CHUNKED_ENCODING', 'protocol', 'claude'],
    ['net::ERR_QUIC_PROTOCOL_ERROR', 'protocol', 'claude'],
    ['net::ERR_FAILED', 'other', 'ignored'],
    // Firefox
    ['NS_BINDING_ABORTED', 'aborted', 'ignored'],
    ['NS_ERROR_ABORT', 'aborted', 'ignored'],
    ['NS_ERROR_TRACKING_URI', 'blocked', 'ignored'],
    ['NS_ERROR_OFFLINE', 'offline', 'connection'],
    ['NS_ERROR_UNKNOWN_HOST', 'dns', 'connection'],
    ['NS_ERROR_NET_ON_RESOLVING', 'dns', 'connection'],
    ['NS_ERROR_PROXY_CONNECTION_REFUSED', 'proxy', 'connection'],
    ['NS_ERROR_UNKNOWN_PROXY_HOST', 'proxy', 'connection'],
    ['SEC_ERROR_UNKNOWN_ISSUER', 'tls', 'connection'],
    ['MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT', 'tls', 'connection'],
    ['NS_ERROR_NET_TIMEOUT', 'timeout', 'claude'],
    ['NS_ERROR_NET_ON_WAITING_FOR', 'timeout', 'claude'],
    ['NS_ERROR_NET_RESET', 'reset', 'claude'],
    ['NS_ERROR_NET_INTERRUPT', 'reset', 'claude'],
    ['NS_ERROR_NET_PARTIAL_TRANSFER', 'reset', 'claude'],
    ['NS_ERROR_NET_ON_RECEIVING_FROM', 'reset', 'claude'],
    ['NS_ERROR_CONNECTION_REFUSED', 'refused', 'claude'],
    ['NS_ERROR_NET_HTTP2_SENT_GOAWAY', 'protocol', 'claude'],
    ['NS_ERROR_FAILURE', 'other', 'ignored'],
    // A localised NSS sentence, and nonsense.
    ['Peer’s Certificate issuer is not recognized.', 'other', 'ignored'],
    ['', 'other', 'ignored'],
    ['<img src=x onerror=alert(1)>', 'other', 'ignored'],
  ] as const)('%s → %s (%s)', (error, code, outcome) => {
    expect(errorCode(error)).toBe(code);
    expect(classifyRequest(fromApp({ error }))).toEqual({ endpoint: 'api', outcome, code });
  });

  it('the error string itself never comes out', () => {
    const c = classifyRequest(fromApp({ error: 'net::ERR_CONNECTION_RESET' }));
    expect(JSON.stringify(c)).not.toMatch(/ERR_/);
  });

  it('a huge error string is classified in bounded time', () => {
    const started = performance.now();
    expect(errorCode(`net::ERR_${'A'.repeat(1_000_000)}`)).toBe('other');
    expect(performance.now() - started).toBeLessThan(200);
  });
});
