import { describe, it, expect } from 'vitest';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractModels, modelFromUserText } from '../../../lib/models/extract';
import { incidentScope, type IncidentScope } from '../../../lib/models/scope';
import { modelBadgeText, modelKey, modelLabel, modelMatches, parseModelKey } from '../../../lib/models/ref';
import type { ModelRef } from '../../../lib/models/ref';

// ---- Real fixtures (tests/fixtures/statuspage, see SOURCES.md there) ----

const FIXTURES = fileURLToPath(new URL('../../fixtures/statuspage/', import.meta.url));
type Update = { body: string; status: string };
type Incident = { id: string; name: string; status: string; incident_updates: Update[] };
const readJson = (file: string) => JSON.parse(fs.readFileSync(FIXTURES + file, 'utf8')) as { incidents: Incident[] };

const backfill = readJson('claude-incidents-2026-09-15-backfill.json').incidents;
const summaries = fs
  .readdirSync(FIXTURES)
  .filter((f) => /^claude-summary-.*\.json$/.test(f))
  .flatMap((f) => readJson(f).incidents);
const byId = (id: string) => backfill.find((i) => i.id === id) ?? summaries.find((i) => i.id === id)!;

/** The atom feed: titles as served, content as served (HTML escaped once more inside the XML). */
const atomText = fs.readFileSync(`${FIXTURES}claude-history-2026-10-08.atom`, 'utf8');
const unXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? '');
const atomEntries = [...atomText.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map(([, entry = '']) => {
  const content = /<content type="html">([\s\S]*?)<\/content>/.exec(entry)?.[1] ?? '';
  const updates = unXml(content)
    .split('</p>')
    .map((p) => /<strong>([^<]*)<\/strong>\s*-\s*([\s\S]*)$/.exec(p))
    .filter((m) => m !== null)
    .map((m) => ({
      status: m[1]!.toLowerCase(),
      body: m[2]!
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    }));
  return { title: /<title>([^<]*)<\/title>/.exec(entry)?.[1] ?? '', link: /incidents\/(\w+)/.exec(entry)?.[1] ?? '', content, updates };
});

const allNames = [...new Set([...backfill, ...summaries].map((i) => i.name).concat(atomEntries.map((e) => e.title)))];
const allBodies = [
  ...new Set(
    [...backfill, ...summaries]
      .flatMap((i) => i.incident_updates.map((u) => u.body))
      .concat(atomEntries.flatMap((e) => e.updates.map((u) => u.body))),
  ),
];

const labels = (ms: ModelRef[]) => ms.map(modelLabel);
const found = (text: string) => labels(extractModels(text).models);

// ---- Test vectors: every incident title in the fixtures → the models a reader sees in it ----

const TITLE_MODELS: Record<string, string[]> = {
  'Issue with spend limits': [],
  'Elevated errors on platform.claude.com': [],
  'Elevated errors loading usage data on platform.claude.com': [],
  'Elevated errors for Claude Opus 5.5': ['Opus 5.5'],
  'Elevated errors for Claude Mythos 5.1 and Claude Fable 5.1': ['Mythos 5.1', 'Fable 5.1'],
  'Delayed credits on the Claude Platform': [],
  'Elevated errors on claude.ai, Claude Code, Claude Cowork and the Claude API': [],
  'Elevated errors for multiple models': [],
  'Issues with Google Play subscriptions': [],
  'Intermittent error spikes for Claude Mythos 5.1 and Claude Fable 5.1': ['Mythos 5.1', 'Fable 5.1'],
  'Degraded functionality for Claude Cowork on Windows': [],
  'Elevated latency on the Claude API for some users': [],
  'Elevated errors for Claude Sonnet 5': ['Sonnet 5'],
  'Delays in credit purchases': [],
  'Degraded performance on platform.claude.com and Claude for Microsoft Office 365': [],
  'Degraded performance on Claude for Microsoft Office 365': [],
  'Degraded performance on claude.ai and Claude Code': [],
  'Degraded performance on claude.ai': [],
  'Elevated errors on Claude Code and Claude Cowork': [],
  'Issues logging into Claude.ai': [],
  'Errors logging into Claude.ai': [],
  'Elevated errors on requests to multiple models': [],
  'Elevated errors on Google connectors': [],
  'Degraded performance for Claude Opus 5 and Claude Haiku 4.5': ['Opus 5', 'Haiku 4.5'],
  'Degraded performance for multiple models': [],
  'Degraded performance for Claude Opus 5, Claude Sonnet 5': ['Opus 5', 'Sonnet 5'],
  'Service disruption on Claude services': [],
  'Elevated errors for Claude Fable 5': ['Fable 5'],
  'Issues reaching status.claude.com': [],
  'Service disruption on Claude Code on the web and related services': [],
  'Elevated errors for Claude Mythos 5, Claude Fable 5, and Claude Sonnet 5': ['Mythos 5', 'Fable 5', 'Sonnet 5'],
  'Degraded performance for Claude Opus 5': ['Opus 5'],
  'Degraded performance of multiple models': [],
  'Elevated errors across many models': [],
  'Elevated errors on Claude Sonnet 5': ['Sonnet 5'],
  'Degraded performance on Claude Sonnet 5': ['Sonnet 5'],
  'Error rates across multiple models': [],
  'Degraded performance on Claude Opus 4.8': ['Opus 4.8'],
  'Elevated errors across all models': [],
  'Elevated errors on Claude Opus 5 and Haiku 4.5': ['Opus 5', 'Haiku 4.5'],
  'Elevated errors on Claude Opus 5': ['Opus 5'],
  'Elevated errors for Opus 5': ['Opus 5'],
  'Elevated errors for Claude Fable 5, Claude Sonnet 5, Claude Haiku 4.5, and other models': ['Fable 5', 'Sonnet 5', 'Haiku 4.5'],
  'Elevated errors for Mythos 5, Fable 5, Opus 5 and Claude Haiku 4.5': ['Mythos 5', 'Fable 5', 'Opus 5', 'Haiku 4.5'],
  'Sonnet 4.6 and Sonnet 5 errors elevated': ['Sonnet 4.6', 'Sonnet 5'],
  'Microsoft Office add-in availability': [],
  'Elevated error rate on Opus 4.8': ['Opus 4.8'],
  'Elevated errors on Haiku 4.5': ['Haiku 4.5'],
  'Service disruption on Claude Services': [],
};
const BROAD_TITLES = new Set([
  'Elevated errors for multiple models',
  'Elevated errors on requests to multiple models',
  'Degraded performance for multiple models',
  'Degraded performance of multiple models',
  'Elevated errors across many models',
  'Error rates across multiple models',
  'Elevated errors across all models',
  'Elevated errors for Claude Fable 5, Claude Sonnet 5, Claude Haiku 4.5, and other models',
]);

/** Older naming styles quoted in statuspage.md §9 (2023 – mid-2026), as names or name fragments. */
const OLDER_NAMES: Array<[string, string[]]> = [
  ['Elevated errors on Claude 3.5 Sonnet', ['Sonnet 3.5']],
  ['Elevated errors on Claude 4 Sonnet', ['Sonnet 4']],
  ['3.5-Sonnet elevated errors', ['Sonnet 3.5']],
  ['Elevated errors on 4.5 Haiku', ['Haiku 4.5']],
  ['Elevated errors on claude-instant-v1.1', ['Instant 1.1']],
  ['Elevated errors on claude-instant-1.2', ['Instant 1.2']],
  ['Increased latency on claude-2.1', ['Claude 2.1']],
  ['Claude-2.0 errors', ['Claude 2']],
  ['Errors on claude-1.3', ['Claude 1.3']],
  ['Elevated errors on Claude Instant 1.2', ['Instant 1.2']],
  ['Elevated errors on Claude 2.1', ['Claude 2.1']],
  ['Sonnet Partial Outage', ['Sonnet']],
  ['Increase error rates on Opus', ['Opus']],
  ['Haiku sampling errors', ['Haiku']],
  ['Elevated errors on Sonnet 4.6 and 5', ['Sonnet 4.6', 'Sonnet 5']],
  ['Elevated errors on Claude Fable 5 and 5.1 and Mythos 5 and 5.1', ['Fable 5', 'Fable 5.1', 'Mythos 5', 'Mythos 5.1']],
  ['Elevated errors on Mythos/Fable 5.1', ['Mythos 5.1', 'Fable 5.1']],
  ['Elevated errors on Claude 4, 4.5 Sonnet and 4.5 Haiku', ['Sonnet 4', 'Sonnet 4.5', 'Haiku 4.5']],
  ['Elevated errors on Opus 4.6 Fast Mode', ['Opus 4.6 Fast']],
  ['Elevated errors on Opus 4.6 Fast', ['Opus 4.6 Fast']],
  ['Elevated errors on Claude 3.5 Sonnet (new)', ['Sonnet 3.5']],
  ['Elevated errors on Claude 3.5 Sonnet 0620', ['Sonnet 3.5']],
  ['Elevated errors on Claude 3.5 Sonnet (Oct 2024)', ['Sonnet 3.5']],
  ['June Claude 3.5 Sonnet errors', ['Sonnet 3.5']],
  ['opus 4.6 elevated errors', ['Opus 4.6']],
  ['elevated errors on Opus 48', ['Opus 48']],
  ['Elevated errors on Sonnet 4.0', ['Sonnet 4']],
];

describe('extractModels on every incident title in the fixtures', () => {
  it('covers every title in the fixtures (a new fixture title needs a vector here)', () => {
    expect(allNames.length).toBeGreaterThanOrEqual(49);
    expect(allNames.filter((n) => !(n in TITLE_MODELS))).toEqual([]);
  });

  it.each(allNames)('%s', (name) => {
    const result = extractModels(name);
    expect(labels(result.models)).toEqual(TITLE_MODELS[name]);
    expect(result.broad).toBe(BROAD_TITLES.has(name));
  });

  it.each(OLDER_NAMES)('older style: %s', (name, expected) => {
    expect(found(name)).toEqual(expected);
  });
});

// ---- Every update body in the fixtures (JSON and atom) ----

/** Bodies that name models; every other body in the fixtures names none. */
const BODY_MODELS: Record<string, string[]> = {
  'A fix has been deployed for Claude Mythos 5.1 and Claude Fable 5.1 and we are monitoring to ensure it has resolved the issue.': [
    'Mythos 5.1',
    'Fable 5.1',
  ],
  'We are investigating elevated errors on requests to Claude Mythos 5.1 and Claude Fable 5.1. We will provide an update as soon as possible.':
    ['Mythos 5.1', 'Fable 5.1'],
  'A fix has been deployed for Claude Mythos 5.1 and Claude Fable 5.1 and we are monitoring for recovery.': ['Mythos 5.1', 'Fable 5.1'],
  'We have identified the cause of elevated errors on requests to Claude Mythos 5.1 and Claude Fable 5.1 and are working on a fix. We will provide an update as soon as possible.':
    ['Mythos 5.1', 'Fable 5.1'],
  'We are investigating elevated errors on requests to Claude Fable 5.1 and Claude Mythos 5.1. We will provide an update as soon as possible.':
    ['Fable 5.1', 'Mythos 5.1'],
  'The issue affecting Claude Mythos 5.1, Claude Fable 5.1, and Claude Opus 5 has been resolved. Impact has ended as of 9:16 PT / 16:16 UTC.':
    ['Mythos 5.1', 'Fable 5.1', 'Opus 5'],
  'A fix has been deployed for Claude Mythos 5.1, Claude Fable 5.1, and Claude Opus 5 and we are monitoring for recovery.': [
    'Mythos 5.1',
    'Fable 5.1',
    'Opus 5',
  ],
  'The only affected models right now are Opus 4.8 and Opus 5. The rest of the models have recovered to baseline error rate.': [
    'Opus 4.8',
    'Opus 5',
  ],
  'An exhaustive list of affected models: Mythos/Fable 5.1, Mythos/Fable 5, Opus 5, Opus 4.8, Opus 4.6.': [
    'Mythos 5.1',
    'Fable 5.1',
    'Mythos 5',
    'Fable 5',
    'Opus 5',
    'Opus 4.8',
    'Opus 4.6',
  ],
  'We have identified the cause of elevated errors on requests to Claude Mythos 5.1, Claude Fable 5.1, and Claude Opus 5 and are working on a fix. We will provide an update as soon as possible.':
    ['Mythos 5.1', 'Fable 5.1', 'Opus 5'],
  'We are investigating elevated errors on requests to Claude Mythos 5.1, Claude Fable 5.1, and Claude Opus 5. We will provide an update as soon as possible.':
    ['Mythos 5.1', 'Fable 5.1', 'Opus 5'],
  'We are investigating elevated errors on requests to Claude Sonnet 5. We will provide an update as soon as possible.': ['Sonnet 5'],
  'The issue affecting Claude Sonnet 5 has been resolved. Impact occurred from 2:05pm PT / 21:05 UTC to 2:19pm PT / 21:19 UTC.': [
    'Sonnet 5',
  ],
  'This issue has been resolved. From 9:50pm PT / 04:50 UTC through 00:36am PT / 07:36 UTC, users saw elevated errors on requests to Claude models, including Claude Opus 5 and Fable 5.':
    ['Opus 5', 'Fable 5'],
  'At this time, we have seen errors stabilize on Opus 5 and Fable 5, and are working to fully resolve success rates on all affected models. We will provide an update as soon as possible.':
    ['Opus 5', 'Fable 5'],
  'We have identified the cause of elevated errors on requests to Claude Mythos 5, Claude Fable 5, Claude Opus 5, and other Claude models and are working on a fix. We will provide an update as soon as possible.':
    ['Mythos 5', 'Fable 5', 'Opus 5'],
  'We are investigating elevated errors on requests to Claude Mythos 5, Claude Fable 5, Claude Opus 5, and Claude Opus 4.8. We will provide an update as soon as possible.':
    ['Mythos 5', 'Fable 5', 'Opus 5', 'Opus 4.8'],
  'We have identified the cause of elevated errors on requests to Claude Opus 5 and Claude Haiku 4.5 and are working on a fix. We will provide an update as soon as possible.':
    ['Opus 5', 'Haiku 4.5'],
  'The issue affecting Claude Opus 5 has been resolved. Impact occurred from 16:11 to 18:23 UTC.': ['Opus 5'],
  'We are investigating elevated errors on requests to Claude Opus 5. We will provide an update as soon as possible.': ['Opus 5'],
  'We are investigating elevated errors on requests to Claude Mythos 5, Claude Fable 5, Claude Opus 5, Claude Sonnet 5, Claude Haiku 4.5, and other Claude models. We will provide an update as soon as possible.':
    ['Mythos 5', 'Fable 5', 'Opus 5', 'Sonnet 5', 'Haiku 4.5'],
  'Claude Opus 5 is operational. Claude Sonnet 5 is degraded. We are investigating.': ['Opus 5', 'Sonnet 5'],
  'We have identified the cause of elevated errors on requests to Claude Fable 5 and are working on a fix. We will provide an update as soon as possible.':
    ['Fable 5'],
  'The issue affecting Claude Mythos 5 and Claude Fable 5 has been resolved.': ['Mythos 5', 'Fable 5'],
  'We are investigating elevated errors on requests to Claude Mythos 5 and Claude Fable 5. We will provide an update as soon as possible.':
    ['Mythos 5', 'Fable 5'],
  'We are investigating elevated errors on requests to Claude Mythos 5, Claude Fable 5, and Claude Sonnet 5. We will provide an update as soon as possible.':
    ['Mythos 5', 'Fable 5', 'Sonnet 5'],
  'We are continuing to work to resolve an issue resulting in slightly elevated errors on requests to Claude Fable 5. We will provide an update as soon as possible.':
    ['Fable 5'],
  'We have identified an issue which resulted in errors across multiple models. At this time, errors are primarily impacting Claude Fable 5 and we are working to fully resolve these issues.':
    ['Fable 5'],
  'We have identified the cause of elevated errors on requests to Claude Opus 5 and are working on a fix. We will provide an update as soon as possible.':
    ['Opus 5'],
  'We have identified the cause of elevated errors on requests to Claude Mythos 5, Claude Fable 5, and Claude Opus 5, Claude Sonnet 5 and are working on a fix. We will provide an update as soon as possible.':
    ['Mythos 5', 'Fable 5', 'Opus 5', 'Sonnet 5'],
  'As of 15:20 UTC (8:20am PT), error rates on Claude Sonnet 5 have returned to baseline. This incident is resolved.': ['Sonnet 5'],
  'We are also investigating issues with Opus 4.7 and Opus 4.5.': ['Opus 4.7', 'Opus 4.5'],
  "As of 8:05 UTC / 1:05 PT, Sonnet 5 errors are back to baseline, but we're seeing an increased error rate on Fable 5.": [
    'Sonnet 5',
    'Fable 5',
  ],
  "As of 7:32 UTC / 0:32 PT, Opus 5 errors are back to baseline but we're seeing again Sonnet 5's errors up.": ['Opus 5', 'Sonnet 5'],
  "All models except Opus 5 have recovered. We're working to recover Opus 5 as well.": ['Opus 5'],
  'Haiku 4.5 is also returning errors.': ['Haiku 4.5'],
  'We are investigating elevated errors on requests to Claude Fable 5, Claude Sonnet 5, Claude Haiku 4.5, and other Claude models. We will provide an update as soon as possible.':
    ['Fable 5', 'Sonnet 5', 'Haiku 4.5'],
  'We are investigating elevated errors on requests to Claude Mythos 5, Claude Fable 5, and Claude Haiku 4.5. We will provide an update as soon as possible.':
    ['Mythos 5', 'Fable 5', 'Haiku 4.5'],
  'For approximately 10 minutes, error rates on Sonnet 4.6 and 5 were elevated. Service returned to normal at approximately 11:07a PDT.': [
    'Sonnet 4.6',
    'Sonnet 5',
  ],
  // Only in the atom feed:
  'The issue affecting Claude Opus 5.5 has been resolved.': ['Opus 5.5'],
  'We have identified the cause of elevated errors on requests to Claude Opus 5.5 and are working on a fix. We will provide an update as soon as possible.':
    ['Opus 5.5'],
  'We are investigating elevated errors on requests to Claude Opus 5.5. We will provide an update as soon as possible.': ['Opus 5.5'],
  'The issue affecting Claude Mythos 5.1 and Claude Fable 5.1 has been resolved. Impact occurred from 05:40 PT / 12:40 UTC to 06:10 PT / 13:10 UTC.':
    ['Mythos 5.1', 'Fable 5.1'],
  'We are continuing to work to resolve errors affecting some models. At this time, requests to Claude Fable 5 and 5.1 and Mythos 5 and 5.1 have returned to normal success rates. We are working to resolve remaining errors affecting Claude Opus 5, and will provide an additional update shortly.':
    ['Fable 5', 'Fable 5.1', 'Mythos 5', 'Mythos 5.1', 'Opus 5'],
};
/** Bodies that speak of several / all / other models. */
const BROAD_BODY_PARTS = [
  'on all affected models',
  'elevated requests on multiple models',
  'and other Claude models',
  'requests to some Claude models',
  'affecting multiple models',
  'errors across multiple models',
  'requests to multiple models',
  'errors across all models',
  'All models except Opus 5',
  'across Claude models', // "elevated rates of errors across Claude models"; also "recovery in success rates across all models"
  'recovery across most models',
  'normal across affected models',
  'errors affecting some models',
  'requests to Claude models', // "users saw elevated errors on requests to Claude models, including Claude Opus 5 and Fable 5"
];
const FAMILY_WITH_VERSION = /\b(Opus|Sonnet|Haiku|Mythos|Fable)[ -](\d+(?:\.\d+)?)\b/g;
const PRODUCT_FAMILIES =
  /^(?:Code|Cowork|Api|API|Console|Platform|Design|Security|Tag|Services?|Desktop|Mobile|For|In|Ai|Slack|Office|Government)$/i;

describe('extractModels on every update body in the fixtures', () => {
  it('reads the atom feed: titles and update bodies were found', () => {
    expect(atomEntries).toHaveLength(25);
    expect(allBodies.length).toBeGreaterThan(100);
  });

  it.each(allBodies)('%s', (body) => {
    const result = extractModels(body);
    expect(labels(result.models)).toEqual(BODY_MODELS[body] ?? []);
    expect(result.broad).toBe(BROAD_BODY_PARTS.some((part) => body.includes(part)));
  });

  it.each([...allNames, ...allBodies])('no product name reads as a model: %s', (text) => {
    const families = extractModels(text).models.map((m) => m.family);
    expect(families.filter((f) => PRODUCT_FAMILIES.test(f))).toEqual([]);
    expect(families.every((f) => ['Opus', 'Sonnet', 'Haiku', 'Mythos', 'Fable'].includes(f))).toBe(true);
  });

  it.each([...allNames, ...allBodies].filter((t) => new RegExp(FAMILY_WITH_VERSION.source).test(t)))(
    'a family word followed by a number is found: %s',
    (text) => {
      const keys = extractModels(text).models.map(modelKey);
      for (const [, family, version] of text.matchAll(FAMILY_WITH_VERSION)) {
        expect(keys).toContain(`${family!.toLowerCase()}-${version}`);
      }
    },
  );

  it.each(atomEntries)('the raw atom content of "$title" (entity-escaped HTML) gives the models of its updates', ({ content, updates }) => {
    const perUpdate = new Set(updates.flatMap((u) => extractModels(u.body).models.map(modelKey)));
    expect(content).toContain('&lt;p&gt;'); // the raw text really is escaped
    expect(new Set(extractModels(content).models.map(modelKey))).toEqual(perUpdate);
  });
});

// ---- Forms and edge cases ----

describe('extractModels forms', () => {
  it.each<[string, ModelRef[]]>([
    ['Claude Opus 4.5', [{ family: 'Opus', version: '4.5', qualifier: null }]],
    ['opus 4.6', [{ family: 'Opus', version: '4.6', qualifier: null }]],
    ['CLAUDE  HAIKU   4.5', [{ family: 'Haiku', version: '4.5', qualifier: null }]],
    ['Claude\nSonnet\t5', [{ family: 'Sonnet', version: '5', qualifier: null }]],
    ['Sonnet 4.0', [{ family: 'Sonnet', version: '4', qualifier: null }]],
    ['Claude-2.0', [{ family: 'Claude', version: '2', qualifier: null }]],
    ['Opus 48', [{ family: 'Opus', version: '48', qualifier: null }]],
    ['Haiku', [{ family: 'Haiku', version: null, qualifier: null }]],
    ['Opus 5 Fast Mode', [{ family: 'Opus', version: '5', qualifier: 'Fast' }]],
  ])('%j gives the full reference', (text, expected) => {
    expect(extractModels(text).models).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ['Claude 3.5 Sonnet', ['Sonnet 3.5']],
    ['3.5-Sonnet', ['Sonnet 3.5']],
    ['claude 3 opus', ['Opus 3']],
    ['Claude 4, 4.5 Sonnet and 4.5 Haiku', ['Sonnet 4', 'Sonnet 4.5', 'Haiku 4.5']],
    ['Sonnet 4.6 and 5', ['Sonnet 4.6', 'Sonnet 5']],
    ['Sonnet 4.6, and 5', ['Sonnet 4.6', 'Sonnet 5']],
    ['Claude Fable 5 and 5.1 and Mythos 5 and 5.1', ['Fable 5', 'Fable 5.1', 'Mythos 5', 'Mythos 5.1']],
    ['Mythos/Fable 5.1', ['Mythos 5.1', 'Fable 5.1']],
    ['Mythos / Fable 5', ['Mythos 5', 'Fable 5']],
    ['Opus 5 and 4.5 Haiku', ['Opus 5', 'Haiku 4.5']],
    ['claude-instant-1.2', ['Instant 1.2']],
    ['Claude Instant 1.2', ['Instant 1.2']],
    ['claude-instant-v1.1', ['Instant 1.1']],
    ['Claude Instant', ['Instant']],
    ['instant messaging is slow', []],
    ['Claude 2.1', ['Claude 2.1']],
    ['claude-2.1', ['Claude 2.1']],
    ['Claude-2.0', ['Claude 2']],
    ['Claude 2 and 2.1', ['Claude 2', 'Claude 2.1']],
    ['claude-opus-4-5-20251101 and claude-3-5-sonnet-20240620', ['Opus 4.5', 'Sonnet 3.5']],
    ['claude-sonnet-4-20250514', ['Sonnet 4']],
    ['Opus 4.6 Fast', ['Opus 4.6 Fast']],
    ['Opus 4.6 (Fast mode)', ['Opus 4.6 Fast']],
    ['Opus 4.6 in fast mode', ['Opus 4.6 Fast']],
    ['Fast mode for Claude Opus 4.6', ['Opus 4.6 Fast']],
    ['Opus 4.6 fast recovery', ['Opus 4.6']],
    ['Opus 4.6 and Opus 4.6 Fast Mode', ['Opus 4.6', 'Opus 4.6 Fast']],
    ['Claude Nova 6', ['Nova 6']],
    ['Elevated errors on Claude Nova 6 and 6.1', ['Nova 6', 'Nova 6.1']],
    ['Opus 5 and Opus 5 and opus 5', ['Opus 5']],
    ['Haiku 4.5. 5 minutes later', ['Haiku 4.5']],
    ['Opus 5 and 2 other models', ['Opus 5']],
    ['Opus 5, 10 minutes', ['Opus 5']],
    ['Claude 2 hours ago', []],
    ['Opus 5: elevated errors', ['Opus 5']],
    ['Impact occurred from 16\u223655 to 19\u223616 UTC on Opus 4.8', ['Opus 4.8']],
    ['Opus\u200b 4.5', ['Opus 4.5']],
    ['Opus 4.5\u2013Sonnet 5', ['Opus 4.5', 'Sonnet 5']],
    ['Opus 4.5.1', ['Opus 4.5.1']],
    ['Errors on Sonnet 5 of varying severity', ['Sonnet 5']],
    ['Claude 3 models', ['Claude 3']],
  ])('%j → %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    'claude.ai',
    'Claude Code',
    'Claude Code 2.0',
    'Claude Cowork',
    'Claude API',
    'Claude Console (platform.claude.com)',
    'Claude for Government',
    'Claude for Microsoft Office 365',
    'Claude in Slack',
    'Claude Design',
    'Claude Security',
    'Claude Tag',
    'Claude Platform',
    'Claude services',
    'Claude Desktop 1.2',
    'Claude Max 20x',
    'Claude Pro 2',
    'Claude by Anthropic for PowerPoint',
    'Claude Code on the web 2',
    'status.claude.com',
    'api.anthropic.com',
    'Claude Nova',
    'claude nova 6',
    'Claude 2026',
    'Claude September 8 update',
  ])('no model in the product name %j', (text) => {
    expect(extractModels(text).models).toEqual([]);
  });

  it.each([
    'multiple models',
    'many models',
    'all models',
    'all Claude models',
    'some models',
    'some Claude models',
    'a subset of models',
    'a subset of our models',
    'other models',
    'other Claude models',
    'several models',
    'across Claude models',
    'every model',
    'Elevated errors across all affected models',
  ])('%j is broad', (text) => {
    expect(extractModels(text)).toEqual({ models: [], broad: true });
  });

  it('reads a known family word even in lower case (status text has no other haiku)', () => {
    expect(found('a haiku-like error message')).toEqual(['Haiku']);
  });

  it.each(['model', 'Opus 5', 'some users', 'many requests', 'the models team'])('%j is not broad', (text) => {
    expect(extractModels(text).broad).toBe(false);
  });

  it('decodes HTML entities once', () => {
    expect(found('Claude Opus 4.5 &amp; Haiku 4.5')).toEqual(['Opus 4.5', 'Haiku 4.5']);
    expect(found('&lt;p&gt;Errors on Sonnet&#32;5 and Mythos&#x20;5.1&lt;/p&gt;')).toEqual(['Sonnet 5', 'Mythos 5.1']);
    expect(found('&quot;Opus 5&quot; &apos;Fable 5&apos; &#39;Haiku 4.5&#39;')).toEqual(['Opus 5', 'Fable 5', 'Haiku 4.5']);
    // Decoded once: "&amp;#32;" becomes the text "&#32;", not a space, so "Opus" has no version here.
    expect(found('Opus&amp;#32;5')).toEqual(['Opus']);
    expect(found('&#99999999; &#x110000; &#0; &bogus; Opus 5')).toEqual(['Opus 5']);
  });

  it('strips feed HTML tags', () => {
    expect(
      found("<p><small>Oct <var data-var='date'> 7</var></small><br><strong>Investigating</strong> - Errors on <b>Claude Opus 5.5</b></p>"),
    ).toEqual(['Opus 5.5']);
  });

  it('handles empty, odd and non-string input without throwing', () => {
    expect(extractModels('')).toEqual({ models: [], broad: false });
    expect(extractModels('   \n\n ')).toEqual({ models: [], broad: false });
    expect(extractModels(undefined as unknown as string)).toEqual({ models: [], broad: false });
    expect(found('\u2236\u2013\u2014\ud800 Opus \ud83d\ude00 4.5 \uff1a')).toEqual(['Opus']);
  });

  it('returns correct results on 200 KB inputs, including pathological ones', () => {
    const filler = 'We are investigating errors on claude.ai and Claude Code. ';
    const big = `${filler.repeat(1800)}Claude Opus 4.5 and Mythos/Fable 5.1 are affected. ${filler.repeat(1800)}`;
    expect(big.length).toBeGreaterThan(200_000);
    expect(found(big)).toEqual(['Opus 4.5', 'Mythos 5.1', 'Fable 5.1']);
    expect(found(`${'4.5, '.repeat(40_000)}4.5 Haiku`)).toEqual(['Haiku 4.5']);
    expect(found(`${'4.5, '.repeat(40_000)}Haiku`)).toEqual(['Haiku']); // a list cut off by the comma: no version
    expect(found(`${'a1'.repeat(100_000)} Sonnet 5`)).toEqual(['Sonnet 5']);
    expect(found(`${'<a'.repeat(100_000)} Opus 5`)).toEqual(['Opus 5']);
    expect(found('Opus 5 and '.repeat(20_000))).toEqual(['Opus 5']);
    expect(found(`${'Claude '.repeat(30_000)}Sonnet 4.6`)).toEqual(['Sonnet 4.6']);
    expect(found(`${'&amp;'.repeat(40_000)}Fable 5`)).toEqual(['Fable 5']);
    expect(extractModels(`${'all '.repeat(50_000)}models`).broad).toBe(true);
  });
});

// ---- Helpers for the UI ----

describe('modelKey / parseModelKey / modelLabel / modelBadgeText', () => {
  const ref = (family: string, version: string | null = null, qualifier: string | null = null): ModelRef => ({
    family,
    version,
    qualifier,
  });

  it.each<[ModelRef, string, string, string]>([
    [ref('Opus', '4.5'), 'opus-4.5', 'Opus 4.5', 'O4.5'],
    [ref('Haiku', '4.5'), 'haiku-4.5', 'Haiku 4.5', 'H4.5'],
    [ref('Sonnet', '5'), 'sonnet-5', 'Sonnet 5', 'S5'],
    [ref('Mythos', '5.1'), 'mythos-5.1', 'Mythos 5.1', 'M5.1'],
    [ref('Haiku'), 'haiku', 'Haiku', 'HAIK'],
    [ref('Opus'), 'opus', 'Opus', 'OPUS'],
    [ref('Opus', '5', 'Fast'), 'opus-5-fast', 'Opus 5 Fast', 'O5'],
    [ref('Opus', '4.6', 'Fast'), 'opus-4.6-fast', 'Opus 4.6 Fast', 'O4.6'],
    [ref('Claude', '2.1'), 'claude-2.1', 'Claude 2.1', 'C2.1'],
    [ref('Instant', '1.2'), 'instant-1.2', 'Instant 1.2', 'I1.2'],
    [ref('Opus', '48'), 'opus-48', 'Opus 48', 'O48'],
    [ref('Opus', '4.10'), 'opus-4.10', 'Opus 4.10', '4.10'],
    [ref('Nova', '10.10'), 'nova-10.10', 'Nova 10.10', '10.1'],
    [ref('Sonnet', '4.0'), 'sonnet-4', 'Sonnet 4', 'S4'],
  ])('%j → key %s, label %s, badge %s', (m, key, label, badge) => {
    expect(modelKey(m)).toBe(key);
    expect(modelLabel(m)).toBe(label);
    expect(modelBadgeText(m)).toBe(badge);
    expect(modelBadgeText(m).length).toBeLessThanOrEqual(4);
    expect(parseModelKey(key)).toEqual({ ...m, version: m.version === '4.0' ? '4' : m.version });
  });

  it('round-trips every model found in the fixtures through modelKey/parseModelKey', () => {
    const models = [...allNames, ...allBodies].flatMap((t) => extractModels(t).models);
    expect(models.length).toBeGreaterThan(50);
    for (const m of models) expect(parseModelKey(modelKey(m))).toEqual(m);
  });

  it.each(['', 'Opus 4.5', 'opus_4.5', 'opus-', '-4.5', 'opus-4.5-fast-x', '4.5'])('parseModelKey(%j) is null', (key) => {
    expect(parseModelKey(key)).toBeNull();
  });
});

describe('modelFromUserText', () => {
  it.each<[string, string | null]>([
    ['opus 4.5', 'Opus 4.5'],
    ['Claude Sonnet 5', 'Sonnet 5'],
    ['Mythos', 'Mythos'],
    ['  haiku-4.5 ', 'Haiku 4.5'],
    ['opus 4.6 fast', 'Opus 4.6 Fast'],
    ['Opus 4.6 Fast Mode', 'Opus 4.6 Fast'],
    ['opus-5-fast', 'Opus 5 Fast'],
    ['claude 2.1', 'Claude 2.1'],
    ['Claude Instant 1.2', 'Instant 1.2'],
    ['nova 6', 'Nova 6'],
    ['claude nova 6', 'Nova 6'],
    ['Claude 3.5 Sonnet', 'Sonnet 3.5'],
    ['I use Opus 4.8 mostly', 'Opus 4.8'],
    ['claude code', null],
    ['Claude', null],
    ['Claude Code 2.0', null],
    ['nova', null],
    ['', null],
    ['hello world', null],
  ])('%j → %s', (text, expected) => {
    const m = modelFromUserText(text);
    expect(m && modelLabel(m)).toBe(expected);
  });
});

describe('modelMatches', () => {
  const m = (label: string) => modelFromUserText(label)!;
  it.each<[string, string, boolean]>([
    ['Opus 4.5', 'Opus 4.5', true],
    ['Opus 4.5', 'Opus 5', false],
    ['Opus 4.5', 'Sonnet 4.5', false],
    ['Opus 4.5', 'Opus', true], // "Increase error rates on Opus" concerns every Opus
    ['Opus', 'Opus 4.5', true], // a user watching all of Opus
    ['Sonnet 4', 'Sonnet 4.0', true],
    ['Opus 4.6', 'Opus 4.6 Fast', true], // plain choice: Fast-mode outages concern you too
    ['Opus 4.6 Fast', 'Opus 4.6', true], // a plain outage hits Fast too
    ['Opus 4.6 Fast', 'Opus 4.6 Fast', true],
    ['Opus 4.6 Fast', 'Opus 4.8 Fast', false],
    ['Claude 2.1', 'Claude 2.1', true],
    ['Claude 2.1', 'Instant 1.2', false],
  ])('chosen %s, affected %s → %s', (chosen, affected, expected) => {
    expect(modelMatches(m(chosen), m(affected))).toBe(expected);
  });

  it('compares families case-insensitively', () => {
    expect(modelMatches({ family: 'opus', version: '5', qualifier: null }, { family: 'Opus', version: '5', qualifier: null })).toBe(true);
  });
});

// ---- Current scope from the latest update ----

/** Labels of a scope. `excluded` is left out when empty (toEqual ignores an undefined key), so an expectation without
 *  it also asserts that nothing is excluded. */
type ScopeLabels = { affected: string[]; recovering: string[]; broad: boolean; excluded?: string[] };
const scopeLabels = (s: IncidentScope): ScopeLabels => ({
  affected: labels(s.affected),
  recovering: labels(s.recovering),
  broad: s.broad,
  excluded: s.excluded.length ? labels(s.excluded) : undefined,
});
const scope = (name: string, status: string, newestFirst: string[]): ScopeLabels =>
  scopeLabels(incidentScope({ name, status, updates: newestFirst.map((body) => ({ body })) }));
/** Replays a real incident as it looked after update `afterIndex` (index into incident_updates, newest first). */
const replay = (incident: { name: string; incident_updates: Update[] }, afterIndex: number): ScopeLabels => {
  const updates = incident.incident_updates.slice(afterIndex);
  return scopeLabels(incidentScope({ name: incident.name, status: updates[0]!.status, updates }));
};

describe('incidentScope: narrowing and widening in the newest update', () => {
  it('"The only affected models right now are A and B": the rest recover', () => {
    expect(
      scope('Elevated errors for multiple models', 'identified', [
        'The only affected models right now are Opus 4.8 and Opus 5. The rest of the models have recovered to baseline error rate.',
        'An exhaustive list of affected models: Mythos/Fable 5.1, Opus 5, Opus 4.8.',
      ]),
    ).toEqual({ affected: ['Opus 5', 'Opus 4.8'], recovering: ['Mythos 5.1', 'Fable 5.1'], broad: false });
  });

  it('"All models except Opus 5 have recovered": only the exception stays down', () => {
    expect(
      scope('Elevated errors on Opus 5, Sonnet 5 and Haiku 4.5', 'identified', [
        "All models except Opus 5 have recovered. We're working to recover Opus 5 as well.",
      ]),
    ).toEqual({ affected: ['Opus 5'], recovering: ['Sonnet 5', 'Haiku 4.5'], broad: false });
  });

  it('"Elevated errors on all models except Haiku 4.5": every model but Haiku 4.5 (an exclusion, broad)', () => {
    expect(
      scope('Elevated errors for Claude Haiku 4.5 and Opus 5', 'investigating', ['We see elevated errors on all models except Haiku 4.5.']),
    ).toEqual({
      affected: ['Opus 5'],
      recovering: [],
      broad: true,
      excluded: ['Haiku 4.5'],
    });
  });

  it('"Claude Opus 5 is operational. Claude Sonnet 5 is degraded."', () => {
    expect(
      scope('Degraded performance for Claude Opus 5, Claude Sonnet 5', 'investigating', [
        'Claude Opus 5 is operational. Claude Sonnet 5 is degraded. We are investigating.',
      ]),
    ).toEqual({ affected: ['Sonnet 5'], recovering: ['Opus 5'], broad: false });
  });

  it('recovery words each mark the model they speak of', () => {
    for (const phrase of [
      'has recovered',
      'is operational',
      'are back to normal',
      'is back to baseline',
      'has returned to normal',
      'is no longer affected',
      'has been resolved',
    ]) {
      expect(scope('Errors on Opus 5 and Sonnet 5', 'identified', [`Sonnet 5 ${phrase}. Opus 5 is still returning errors.`])).toEqual({
        affected: ['Opus 5'],
        recovering: ['Sonnet 5'],
        broad: false,
      });
    }
    expect(
      scope('Errors on Opus 5 and Sonnet 5', 'identified', ['The issue is resolved for Sonnet 5, while Opus 5 errors continue.']).affected,
    ).toEqual(['Opus 5']);
  });

  it('a plain list of affected models replaces the earlier one (title and older updates)', () => {
    expect(
      scope('Errors on Opus 5 and Sonnet 5', 'investigating', [
        'We are investigating errors on Opus 5.',
        'We are investigating errors on Opus 5 and Sonnet 5.',
      ]),
    ).toEqual({
      affected: ['Opus 5'],
      recovering: ['Sonnet 5'],
      broad: false,
    });
  });

  it('"also" widens: models not named keep their earlier state', () => {
    expect(
      scope('Elevated errors on Claude Opus 5', 'investigating', [
        'Haiku 4.5 is also returning errors.',
        'We are currently investigating this issue.',
      ]),
    ).toEqual({
      affected: ['Opus 5', 'Haiku 4.5'],
      recovering: [],
      broad: false,
    });
  });

  it('negated recovery words do not recover', () => {
    for (const phrase of ['has not recovered', "hasn't returned to normal", 'is not operational', 'is yet to be resolved']) {
      expect(scope('Errors on Opus 5 and Sonnet 5', 'identified', [`Sonnet 5 ${phrase}; Opus 5 has recovered.`])).toEqual({
        affected: ['Sonnet 5'],
        recovering: ['Opus 5'],
        broad: false,
      });
    }
    expect(scope('Errors on Opus 5', 'identified', ['The errors have not returned to baseline yet.']).affected).toEqual(['Opus 5']);
  });

  it('an update that only reports a recovery leaves the other models down', () => {
    expect(scope('Errors on Opus 5, Sonnet 5 and Haiku 4.5', 'identified', ['Sonnet 5 has recovered.'])).toEqual({
      affected: ['Opus 5', 'Haiku 4.5'],
      recovering: ['Sonnet 5'],
      broad: false,
    });
  });
});

describe('incidentScope: status and updates without model names', () => {
  it('resolved and postmortem incidents have nothing affected and are not broad', () => {
    for (const status of ['resolved', 'postmortem', 'Resolved']) {
      expect(
        scope('Elevated errors for Claude Opus 5, Claude Sonnet 5, and other models', status, ['We are investigating errors on Opus 5.']),
      ).toEqual({
        affected: [],
        recovering: ['Opus 5', 'Sonnet 5'],
        broad: false,
      });
    }
  });

  it("uses the newest update's status when the incident status is missing", () => {
    const s = incidentScope({
      name: 'Elevated errors on Haiku 4.5',
      updates: [{ body: 'This incident has been resolved.', status: 'resolved' }],
    });
    expect(labels(s.affected)).toEqual([]);
    expect(labels(s.recovering)).toEqual(['Haiku 4.5']);
  });

  it('no updates: the title decides', () => {
    expect(scope('Elevated errors for Claude Mythos 5.1 and Claude Fable 5.1', 'investigating', [])).toEqual({
      affected: ['Mythos 5.1', 'Fable 5.1'],
      recovering: [],
      broad: false,
    });
    expect(scope('Elevated errors for multiple models', 'investigating', [])).toEqual({ affected: [], recovering: [], broad: true });
  });

  it('newest update without models: every model named so far stays affected', () => {
    expect(
      scope('Elevated errors for multiple models', 'identified', [
        'We are continuing to work on a fix for this issue.',
        'We are investigating elevated errors on requests to Claude Mythos 5.1, Claude Fable 5.1, and Claude Opus 5.',
      ]),
    ).toEqual({ affected: ['Mythos 5.1', 'Fable 5.1', 'Opus 5'], recovering: [], broad: true });
  });

  it('"A fix has been implemented and we are monitoring the results" keeps the affected set as it was', () => {
    expect(
      scope('Degraded performance for Claude Opus 5, Claude Sonnet 5', 'monitoring', [
        'A fix has been implemented and we are monitoring the results.',
        'Claude Opus 5 is operational. Claude Sonnet 5 is degraded. We are investigating.',
      ]),
    ).toEqual({ affected: ['Sonnet 5'], recovering: ['Opus 5'], broad: false });
    expect(
      scope('Elevated errors on Opus 5', 'monitoring', [
        'A fix has been deployed for Claude Opus 5 and we are monitoring to ensure it has resolved the issue.',
      ]),
    ).toEqual({
      affected: ['Opus 5'],
      recovering: [],
      broad: false,
    });
  });

  it('"back to errors across all models" (no names, broad) puts everything down again', () => {
    expect(
      scope('Elevated errors across many models', 'identified', [
        'As of 01:33 PT / 08:33 UTC we are back to errors across all models.',
        "Sonnet 5 errors are back to baseline, but we're seeing an increased error rate on Fable 5.",
      ]),
    ).toEqual({ affected: ['Sonnet 5', 'Fable 5'], recovering: [], broad: true });
  });

  it('an unhedged recovery without names recovers everything; a hedged one does not', () => {
    expect(
      scope('Elevated errors on Opus 5 and Haiku 4.5', 'monitoring', ['As of 7:34 PST / 14:34 UTC the errors have returned to baseline.']),
    ).toEqual({
      affected: [],
      recovering: ['Opus 5', 'Haiku 4.5'],
      broad: false,
    });
    expect(
      scope('Elevated errors on Opus 5 and Haiku 4.5', 'identified', ['At this time, we are seeing recovery across most models.']),
    ).toEqual({
      affected: ['Opus 5', 'Haiku 4.5'],
      recovering: [],
      broad: true,
    });
  });

  it('a model named only in the title (edited later) is not dropped by an update that does not mention it', () => {
    expect(
      scope('Elevated errors for Mythos 5, Opus 5', 'investigating', [
        'We are investigating elevated errors on requests to Claude Mythos 5.',
      ]),
    ).toEqual({
      affected: ['Mythos 5', 'Opus 5'],
      recovering: [],
      broad: false,
    });
  });

  it('returns correct results on 200 KB titles and bodies (clause splitting stays linear)', () => {
    const spaces = ' '.repeat(200_000);
    const body = `Claude Opus 5 is operational.${spaces}but${spaces}Claude Sonnet 5 is degraded.\n\n${'\n '.repeat(50_000)}`;
    expect(scope(`Errors on Opus 5 and Sonnet 5${spaces}`, 'identified', [body, body])).toEqual({
      affected: ['Sonnet 5'],
      recovering: ['Opus 5'],
      broad: false,
    });
    const longList = `${'Opus 5, '.repeat(25_000)}and Haiku 4.5 are affected. All other models have recovered.`;
    expect(scope('Elevated errors for multiple models', 'identified', [longList, 'Errors on Sonnet 5.'])).toEqual({
      affected: ['Opus 5', 'Haiku 4.5'],
      recovering: ['Sonnet 5'],
      broad: false,
    });
  });

  it('never throws on malformed input', () => {
    expect(incidentScope({ name: undefined as unknown as string, updates: undefined as unknown as [] })).toEqual({
      affected: [],
      recovering: [],
      broad: false,
      excluded: [],
    });
    expect(incidentScope({ name: 'Opus 5', updates: [null as unknown as { body: string }] }).affected).toHaveLength(1);
  });
});

describe('incidentScope replays real incidents', () => {
  it('461yvfrzpwtt "Elevated errors for multiple models": widened to an exhaustive list, then narrowed by "only"', () => {
    const incident = byId('461yvfrzpwtt');
    expect(replay(incident, 6)).toEqual({ affected: ['Mythos 5.1', 'Fable 5.1', 'Opus 5'], recovering: [], broad: true });
    expect(replay(incident, 4)).toEqual({
      affected: ['Mythos 5.1', 'Fable 5.1', 'Opus 5', 'Mythos 5', 'Fable 5', 'Opus 4.8', 'Opus 4.6'],
      recovering: [],
      broad: false, // "an exhaustive list" bounds the scope
    });
    expect(replay(incident, 2)).toEqual({
      affected: ['Opus 5', 'Opus 4.8'],
      recovering: ['Mythos 5.1', 'Fable 5.1', 'Mythos 5', 'Fable 5', 'Opus 4.6'],
      broad: false,
    });
    expect(replay(incident, 0).affected).toEqual([]);
  });

  it('fsh2zzzl2c4l "Elevated errors across many models": the affected model moves from update to update', () => {
    const incident = byId('fsh2zzzl2c4l');
    expect(replay(incident, 7)).toEqual({ affected: [], recovering: [], broad: true });
    expect(replay(incident, 6)).toEqual({ affected: ['Opus 5'], recovering: [], broad: false });
    // "All models except Opus 5 have recovered" bounded the scope; the next two name single models and do not widen it.
    expect(replay(incident, 5)).toEqual({ affected: ['Sonnet 5'], recovering: ['Opus 5'], broad: false });
    expect(replay(incident, 4)).toEqual({ affected: ['Fable 5'], recovering: ['Opus 5', 'Sonnet 5'], broad: false });
    // "back to errors across all models" widens it again …
    expect(replay(incident, 3)).toEqual({ affected: ['Opus 5', 'Sonnet 5', 'Fable 5'], recovering: [], broad: true });
    // … "the errors are back to baseline" ends it, and "also investigating Opus 4.7 and 4.5" names two models only.
    expect(replay(incident, 2)).toEqual({ affected: [], recovering: ['Opus 5', 'Sonnet 5', 'Fable 5'], broad: false });
    expect(replay(incident, 1)).toEqual({
      affected: ['Opus 4.7', 'Opus 4.5'],
      recovering: ['Opus 5', 'Sonnet 5', 'Fable 5'],
      broad: false,
    });
  });

  it('zhk4v3yv1lsf: "Claude Opus 5 is operational. Claude Sonnet 5 is degraded." holds through "monitoring"', () => {
    const incident = byId('zhk4v3yv1lsf');
    expect(replay(incident, 3)).toEqual({ affected: ['Opus 5', 'Sonnet 5'], recovering: [], broad: false });
    expect(replay(incident, 2)).toEqual({ affected: ['Sonnet 5'], recovering: ['Opus 5'], broad: false });
    expect(replay(incident, 1)).toEqual({ affected: ['Sonnet 5'], recovering: ['Opus 5'], broad: false });
    expect(replay(incident, 0)).toEqual({ affected: [], recovering: ['Opus 5', 'Sonnet 5'], broad: false });
  });

  it('rkk5x44tndw9: "Haiku 4.5 is also returning errors" keeps Opus 5 down', () => {
    expect(replay(byId('rkk5x44tndw9'), 1)).toEqual({ affected: ['Opus 5', 'Haiku 4.5'], recovering: [], broad: false });
  });

  it('j160kkjmm2n1: Sonnet 5 dropped from the list of affected models', () => {
    expect(replay(byId('j160kkjmm2n1'), 1)).toEqual({ affected: ['Mythos 5', 'Fable 5'], recovering: ['Sonnet 5'], broad: false });
  });

  it('vgz5psbjmt1h: errors stabilised on Opus 5 and Fable 5, the other affected models still down', () => {
    const incident = byId('vgz5psbjmt1h');
    // "... Claude Opus 5, and other Claude models": a broad update does not drop Opus 4.8.
    expect(replay(incident, 3)).toEqual({ affected: ['Mythos 5', 'Fable 5', 'Opus 5', 'Opus 4.8'], recovering: [], broad: true });
    expect(replay(incident, 1)).toEqual({ affected: ['Mythos 5', 'Opus 4.8'], recovering: ['Fable 5', 'Opus 5'], broad: true });
  });

  it('q7txxvbsftgq: narrowed from "other Claude models" to Opus 5, and the fix keeps it so', () => {
    const incident = byId('q7txxvbsftgq');
    expect(replay(incident, 3)).toEqual({
      affected: ['Mythos 5', 'Fable 5', 'Opus 5', 'Sonnet 5', 'Haiku 4.5'],
      recovering: [],
      broad: true,
    });
    expect(replay(incident, 2).affected).toEqual(['Opus 5']);
    expect(replay(incident, 1).affected).toEqual(['Opus 5']);
  });

  it('f1q2wvw4qj4j: Opus 5 is only in the (edited) title and stays affected', () => {
    expect(replay(byId('f1q2wvw4qj4j'), 1).affected).toEqual(['Mythos 5', 'Fable 5', 'Opus 5', 'Haiku 4.5']);
  });

  it('atom 2026-09-22 "Elevated errors for multiple models": Fable and Mythos back to normal, Opus 5 remaining', () => {
    const entry = atomEntries.find((e) => e.link === '7g1qpkyz5gxh')!;
    const at = (i: number) => {
      const s = incidentScope({ name: entry.title, status: 'identified', updates: entry.updates.slice(i) });
      return { affected: labels(s.affected), recovering: labels(s.recovering), broad: s.broad };
    };
    expect(entry.updates[2]!.body).toContain('returned to normal success rates');
    expect(at(2)).toEqual({ affected: ['Opus 5'], recovering: ['Mythos 5.1', 'Fable 5.1', 'Fable 5', 'Mythos 5'], broad: false });
    expect(at(1)).toEqual({ affected: [], recovering: ['Mythos 5.1', 'Fable 5.1', 'Opus 5', 'Fable 5', 'Mythos 5'], broad: false });
  });

  it('the active incidents in the summary fixtures', () => {
    const models = summaries.find((i) => i.id === '7g1qpkyz5gxh')!;
    expect(incidentScope({ name: models.name, status: models.status, updates: models.incident_updates })).toEqual({
      affected: [
        { family: 'Mythos', version: '5.1', qualifier: null },
        { family: 'Fable', version: '5.1', qualifier: null },
        { family: 'Opus', version: '5', qualifier: null },
      ],
      recovering: [],
      broad: true,
      excluded: [],
    });
    const console = summaries.find((i) => i.id === '978mjkgw6mh7')!;
    expect(incidentScope({ name: console.name, status: console.status, updates: console.incident_updates })).toEqual({
      affected: [],
      recovering: [],
      broad: false,
      excluded: [],
    });
  });

  it.each(backfill)('invariants at every step of $id "$name"', (incident) => {
    for (let i = incident.incident_updates.length - 1; i >= 0; i--) {
      const updates = incident.incident_updates.slice(i);
      const s = incidentScope({ name: incident.name, status: updates[0]!.status, updates });
      const named = new Set([incident.name, ...updates.map((u) => u.body)].flatMap((t) => extractModels(t).models.map(modelKey)));
      const affected = s.affected.map(modelKey),
        recovering = s.recovering.map(modelKey);
      expect(affected.filter((k) => recovering.includes(k))).toEqual([]);
      expect(new Set([...affected, ...recovering])).toEqual(named);
      // No real incident so far sets a model apart.
      expect(s.excluded).toEqual([]);
      if (updates[0]!.status === 'resolved') expect(s).toMatchObject({ affected: [], broad: false });
    }
  });
});
