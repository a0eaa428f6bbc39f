/** A scripted `fetch` for unit tests: answers by host, records what was asked. */
export type Reply = (request: { url: string; headers: Record<string, string>; signal: AbortSignal }) => Response | Promise<Response>;

export function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers as object) },
  });
}

export function fakeFetch(routes: Record<string, Reply>) {
  const calls: Array<{ url: string; headers: Record<string, string> }> = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const headers = { ...(init?.headers as Record<string, string>) };
    calls.push({ url, headers });
    const reply = routes[new URL(url).host];
    if (!reply) throw new TypeError('Failed to fetch');
    return reply({ url, headers, signal: init!.signal! });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

/** A reply that never comes, until the request is aborted. */
export const stall: Reply = ({ signal }) =>
  new Promise((_, reject) => signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
