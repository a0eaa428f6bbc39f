// What the stored local evidence may hold, written out by hand, independent of the code that writes it:
// a new field or word in storage must be reviewed here before the privacy tests (unit and E2E) pass.
// Everything else must be a number, a boolean or null: counts and times only, never a URL, an id, a
// prompt, a header or an error string.

/** Field names of the stored evidence. */
export const EVIDENCE_FIELDS = new Set([
  'window',
  'buckets',
  'last',
  't',
  'n',
  'c',
  'episode',
  'crossedAt',
  'pageCalmAtCrossing',
  'endedAt',
  'recovered',
  'pagePostedAt',
  'verdict',
  'kind',
  'counts',
  'failed',
  'total',
  'messagesFailed',
  'spanMinutes',
  'mostly',
  'recoveredAt',
  'leadMs',
  'otherSitesLoad',
  'notes',
  'failing',
  'shown',
  'assessedAt',
]);

/** Class names it may hold as keys or strings: outcome classes, endpoints, error classes, verdict kinds. */
export const EVIDENCE_CLASS_NAMES = new Set([
  'ok',
  'claude',
  'limit',
  'auth',
  'region',
  'connection',
  'completion',
  'api',
  'page',
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
  'challenge',
  'none',
  'claude-failing-unconfirmed',
  'confirmed',
  'working-for-you',
  'usage-limit',
  'sign-in',
]);

/**
 * Everything in `value` that is not counts and times: a list of "path = what" lines, empty when the
 * value holds only known fields, class names, HTTP status keys, numbers, booleans and nulls.
 */
export function notCountsAndTimes(value, path = 'evidence') {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return [];
  if (typeof value === 'string') return EVIDENCE_CLASS_NAMES.has(value) ? [] : [`${path} = ${JSON.stringify(value)}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => notCountsAndTimes(v, `${path}[${i}]`));
  if (typeof value !== 'object') return [`${path}: a ${typeof value}`];
  return Object.entries(value).flatMap(([key, v]) => [
    ...(EVIDENCE_FIELDS.has(key) || EVIDENCE_CLASS_NAMES.has(key) || /^[1-5]\d\d$/.test(key) ? [] : [`key ${path}.${key}`]),
    ...notCountsAndTimes(v, `${path}.${key}`),
  ]);
}
