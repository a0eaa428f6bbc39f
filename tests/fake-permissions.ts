/** A permissions API for unit tests that remembers what was granted, like the browser's, and logs what was asked. */
import type { PermissionsApi } from '../lib/providers/permissions';

/**
 * `answer`: what a request gets; 'throw' is Firefox refusing a request made outside a user gesture,
 * which it does synchronously (so `request` is not an async function).
 */
export function fakePermissions(granted: string[] = [], answer: boolean | 'throw' = true) {
  const held = new Set(granted);
  const log: string[] = [];
  const api: PermissionsApi = {
    contains: async ({ origins }) => origins.every((o) => held.has(o)),
    request: ({ origins }) => {
      log.push(`request ${origins.join(' ')}`);
      if (answer === 'throw') throw new Error('permissions.request may only be called from a user input handler');
      if (answer) for (const o of origins) held.add(o);
      return Promise.resolve(answer);
    },
    remove: async ({ origins }) => {
      log.push(`remove ${origins.join(' ')}`);
      for (const o of origins) held.delete(o);
      return true;
    },
  };
  return { api, held, log };
}
