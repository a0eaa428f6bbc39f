/**
 * fast-check arbitraries for the property tests in fuzz.test.ts: hostile strings, Statuspage-shaped payloads with
 * junk sprinkled in, a mutator for real captures, and model-ish text.
 */
import fc from 'fast-check';
import { COMPONENT_STATUSES, IMPACTS, INCIDENT_STATUSES } from '../../lib/statuspage/schema';

// ---- Strings ----

/**
 * Strings a hostile or broken status page could send. Kept cheap to process: 100 KB of whitespace is not here
 * because componentLabel() is quadratic on it (see the known-bug test in fuzz.test.ts).
 */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '"><svg onload=alert(1)>',
  '&lt;b&gt;&amp;&#x4f;&#0;&#1114112;&#99999999;',
  'x'.repeat(100_000), // 100 KB
  'Opus 4.5, '.repeat(10_000), // 100 KB of model names
  '(api.anthropic.com)', // a label that is nothing but the host suffix
  'Claude ',
  '16\u223655', // RATIO between numbers: a time, not a version
  'Opus 4\u22365',
  '\ud800', // lone high surrogate
  '\udc00', // lone low surrogate
  'a\ud83db', // lone surrogate between letters
  '\ud83d\ude00'.repeat(120), // astral characters across the 200-character clip
  '\u202eevil\u202c', // RTL override
  '\u200f\u202b\u2067Claude Opus 5\u2069',
  '\u0000\u0001\u001f\u007f',
  '\ufeff\u200b\u200d\u2060\u00ad',
  '__proto__',
  'constructor',
  'toString',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e308',
  '9999-99-99T99:99:99Z',
  '2026-09-22T00:57:26.117Z',
  '+275760-09-13T00:00:00.000Z',
  'resolved',
  'postmortem',
  'operational',
  'major_outage',
  'in_progress',
  'OPERATIONAL',
  'Claude Code',
  'multiple models',
  'All models except Opus 5 have recovered.',
  'The only affected models right now are Opus 4.8 and Opus 5.',
];

export const hostileString = fc.constantFrom(...HOSTILE_STRINGS);

/** Any UTF-16 code unit, so strings can hold lone surrogates (the 'binary' unit never does). */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

export const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: codeUnit, maxLength: 20 }),
  hostileString,
);

/** Any JSON value (the kind `JSON.parse` can give), unicode strings included. */
export const anyJson = fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' });

/** Values JSON.parse never gives but a caller might: NaN, ±Infinity, -0, bigint, Map, Date, null-prototype objects. */
export const anyValue = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
});

// ---- Statuspage-shaped payloads ----

/** Mostly `arb`, now and then something of any shape. */
function mostly<T>(arb: fc.Arbitrary<T>, junkWeight = 1): fc.Arbitrary<T | unknown> {
  return fc.oneof({ weight: 60, arbitrary: arb }, { weight: junkWeight, arbitrary: anyJson });
}

const nullish = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) });

const statuspageId = fc.oneof(
  { weight: 20, arbitrary: fc.stringMatching(/^[a-z0-9]{1,16}$/) },
  { weight: 1, arbitrary: anyString }, // rejected unless it happens to look like an id
);

/** Years 0000–9999, as a status page writes them. (Dates beyond ±1e15 ms upset the maintenance order: known bug.) */
const isoTime = fc
  .date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const time = fc.oneof(
  { weight: 10, arbitrary: isoTime },
  { weight: 2, arbitrary: fc.string({ maxLength: 64 }) }, // passes the schema, is not a date
  { weight: 1, arbitrary: fc.constantFrom('', '2026-09-22', 'Tue, 22 Sep 2026 00:57:26 GMT', '0', 'x'.repeat(65)) },
);

const lenient = (values: readonly string[]) =>
  fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: anyString });

const text = fc.oneof({ weight: 3, arbitrary: fc.lorem({ maxCount: 12 }) }, { weight: 2, arbitrary: anyString });

const component = fc.record(
  {
    id: mostly(statuspageId),
    name: mostly(text),
    status: mostly(lenient(COMPONENT_STATUSES)),
    position: mostly(nullish(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })))),
    group: mostly(nullish(fc.boolean())),
    only_show_if_degraded: mostly(nullish(fc.boolean())),
  },
  { requiredKeys: ['id', 'name', 'status'] },
);

const affectedComponent = fc.record(
  { code: mostly(statuspageId), name: mostly(nullish(text)), new_status: mostly(nullish(lenient(COMPONENT_STATUSES))) },
  { requiredKeys: ['code'] },
);

const update = fc.record(
  {
    id: mostly(statuspageId),
    status: mostly(lenient(INCIDENT_STATUSES)),
    body: mostly(nullish(text)),
    created_at: mostly(time),
    display_at: mostly(nullish(time)),
    affected_components: mostly(nullish(fc.array(affectedComponent, { maxLength: 3 }))),
  },
  { requiredKeys: ['id', 'status', 'created_at'] },
);

const incidentFields = {
  id: mostly(statuspageId),
  name: mostly(text),
  status: mostly(lenient(INCIDENT_STATUSES)),
  impact: mostly(lenient(IMPACTS)),
  created_at: mostly(time),
  updated_at: mostly(nullish(time)),
  started_at: mostly(nullish(time)),
  monitoring_at: mostly(nullish(time)),
  resolved_at: mostly(nullish(time)),
  components: mostly(nullish(fc.array(fc.record({ id: mostly(statuspageId) }), { maxLength: 3 }))),
  incident_updates: mostly(nullish(fc.array(update, { maxLength: 4 }))),
};
const incidentRequired = ['id', 'name', 'status', 'impact', 'created_at'] as const;

export const incidentish = fc.record(incidentFields, { requiredKeys: [...incidentRequired] });

const maintenanceish = fc.record(
  { ...incidentFields, scheduled_for: mostly(nullish(time)), scheduled_until: mostly(nullish(time)) },
  { requiredKeys: [...incidentRequired] },
);

/** Summary-shaped objects: most parse, some carry junk where the schema expects something else. */
export const summaryish = fc.record(
  {
    page: mostly(fc.record({ name: mostly(text), updated_at: mostly(nullish(time)) }, { requiredKeys: ['name'] })),
    status: mostly(fc.record({ indicator: mostly(lenient(IMPACTS)), description: mostly(text) })),
    components: mostly(fc.array(component, { maxLength: 8 })),
    incidents: mostly(nullish(fc.array(incidentish, { maxLength: 5 }))),
    scheduled_maintenances: mostly(nullish(fc.array(maintenanceish, { maxLength: 3 }))),
  },
  { requiredKeys: ['page', 'status', 'components'] },
);

// ---- Mutations of real payloads ----

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

/** Keys the schema reads: mutations aim at these most of the time. */
const READ_KEYS = new Set([
  'page',
  'status',
  'indicator',
  'description',
  'components',
  'incidents',
  'scheduled_maintenances',
  'id',
  'name',
  'position',
  'group',
  'only_show_if_degraded',
  'code',
  'new_status',
  'impact',
  'created_at',
  'updated_at',
  'started_at',
  'monitoring_at',
  'resolved_at',
  'incident_updates',
  'body',
  'display_at',
  'affected_components',
  'scheduled_for',
  'scheduled_until',
]);
const ENUM_KEYS = new Set(['status', 'indicator', 'impact', 'new_status']);

function paths(value: Json, prefix: Path = [], out: Path[] = []): Path[] {
  const entries: Array<[string | number, Json]> = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : value && typeof value === 'object'
      ? Object.entries(value)
      : [];
  for (const [k, v] of entries) {
    out.push([...prefix, k]);
    paths(v, [...prefix, k], out);
  }
  return out;
}

function parentOf(root: Json, path: Path): Json {
  let node: any = root;
  for (const key of path.slice(0, -1)) node = node[key];
  return node;
}

function typeOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

export type MutationOp = 'delete' | 'retype' | 'null' | 'duplicate' | 'truncate' | 'hostile' | 'enum';
export interface Mutation {
  op: MutationOp;
  /** Which path (modulo the number of candidates). */
  pick: number;
  /** Aim at a key the schema reads rather than at any key. */
  aimed: boolean;
  value: Json;
  hostile: string;
  enumValue: string;
  cut: number;
  copies: number;
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom<MutationOp>('delete', 'retype', 'null', 'duplicate', 'truncate', 'hostile', 'enum'),
  pick: fc.nat(),
  aimed: fc.boolean(),
  value: anyJson as fc.Arbitrary<Json>,
  hostile: hostileString,
  enumValue: fc.oneof(anyString, fc.constantFrom(...COMPONENT_STATUSES, ...IMPACTS, ...INCIDENT_STATUSES, 'unknown')),
  cut: fc.nat({ max: 300 }),
  copies: fc.integer({ min: 1, max: 60 }),
});

/** Applies one mutation to `root` in place (the root itself is never replaced). */
export function mutate(root: Json, m: Mutation): void {
  const all = paths(root);
  const lastKey = (p: Path) => p[p.length - 1];
  let candidates = all;
  if (m.op === 'enum') candidates = all.filter((p) => ENUM_KEYS.has(String(lastKey(p))));
  else if (m.op === 'truncate') candidates = all.filter((p) => typeof get(root, p) === 'string');
  else if (m.op === 'duplicate') candidates = all.filter((p) => Array.isArray(parentOf(root, p)));
  else if (m.aimed) candidates = all.filter((p) => READ_KEYS.has(String(lastKey(p))) || typeof lastKey(p) === 'number');
  if (!candidates.length) candidates = all;
  if (!candidates.length) return;
  const path = candidates[m.pick % candidates.length]!;
  const parent: any = parentOf(root, path);
  const key = lastKey(path)!;
  const current = parent[key];
  switch (m.op) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      return;
    case 'retype': {
      const alternatives: Json[] = [m.value, 0, -1.5, true, 'text', [], {}, null, [m.value], { [String(key)]: m.value }];
      parent[key] = alternatives.find((v) => typeOf(v) !== typeOf(current)) ?? null;
      return;
    }
    case 'null':
      parent[key] = null;
      return;
    case 'duplicate':
      if (Array.isArray(parent)) parent.splice(key as number, 0, ...Array.from({ length: m.copies }, () => structuredClone(current)));
      return;
    case 'truncate':
      if (typeof current === 'string') parent[key] = current.slice(0, Math.min(m.cut, current.length - 1));
      return;
    case 'hostile':
      // Into a string, or in place of any value.
      parent[key] = typeof current === 'string' && m.cut % 2 ? current + m.hostile : m.hostile;
      return;
    case 'enum':
      parent[key] = m.enumValue;
      return;
  }
}

function get(root: Json, path: Path): unknown {
  let node: any = root;
  for (const key of path) node = node?.[key];
  return node;
}

// ---- Model-ish text ----

const MODEL_TOKENS = [
  'Claude',
  'claude',
  'CLAUDE',
  'Opus',
  'opus',
  'Sonnet',
  'Haiku',
  'Mythos',
  'Fable',
  'Instant',
  'Nova',
  'Zeta',
  'Code',
  'Cowork',
  'API',
  'Console',
  'Max',
  'Pro',
  'September',
  'Desktop',
  'Api',
  'Platform',
  '4.5',
  '4',
  '5',
  '5.1',
  '3.5',
  '2.1',
  '4.0',
  '1.0.0',
  '0',
  '00',
  '48',
  '4.10',
  '1.2.3',
  '100',
  '2026',
  '0620',
  '20251101',
  '99.99',
  '12.',
  '.5',
  ',',
  '/',
  'and',
  '&',
  'or',
  '-',
  '(',
  ')',
  '.',
  ':',
  '\u2236',
  '\uff1a',
  '%',
  '!',
  '?',
  ';',
  '\n\n',
  'v',
  'V',
  'Fast',
  'fast',
  'mode',
  'Mode',
  'in',
  'for',
  'minutes',
  'hours',
  'pm',
  'UTC',
  'other',
  'models',
  'more',
  'multiple models',
  'all models',
  'some other Claude models',
  'every model',
  'a subset of our models',
  'Claude Code',
  'Claude Cowork',
  'Claude API',
  'Claude Console',
  'claude.ai',
  'platform.claude.com',
  'claude-opus-4-5-20251101',
  'claude-instant-1.2',
  'claude-3-5-sonnet',
  '3.5-Sonnet',
  'is operational',
  'has recovered',
  'are back to normal',
  'has not recovered',
  'no longer affected',
  'except',
  'except for',
  'only',
  'also',
  'but',
  'however',
  'the rest of the models',
  'remaining',
  '&amp;',
  '&#79;pus',
  '&#x4f;',
  '&#0;',
  '<b>',
  '</b>',
  '<a href="x">',
  '\u200b',
  '\u00ad',
  '\ufeff',
  'Elevated errors on',
  'We are investigating',
  // Exclusions, narrowing, widening, "Claude" without a model (lib/models/scope.ts)
  'non-',
  'non',
  'other than',
  'apart from',
  'aside from',
  'excluding',
  'with the exception of',
  'every model but',
  'not',
  'is not affected',
  'unaffected',
  ', which',
  'limited to',
  'now affecting',
  'all products',
  'requests to Claude',
  'Claude models',
];

export const modelToken = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...MODEL_TOKENS) },
  { weight: 1, arbitrary: anyString.filter((s) => s.length < 200) },
);

/** Text made of model-ish tokens joined by spaces, nothing, hyphens or commas, or plain random strings. */
export const modelishText = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(fc.tuple(modelToken, fc.constantFrom(' ', ' ', ' ', '', '-', ', ', '. ', '\n')), { maxLength: 30 })
      .map((parts) => parts.map(([t, sep]) => t + sep).join('')),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength: 60 }) },
);
