/**
 * "What can I use instead?" as the user reads it: the popup's sentences, the badge tooltip's line
 * and the banner's short part, from real incidents (tests/fixtures/statuspage, SOURCES.md there)
 * and real provider captures. The known models are the ones the page really named in the 50
 * backfill incidents (what the worker stores in seenModelsItem).
 */
import { describe, expect, it } from 'vitest';
import { type Instead, insteadFor } from '../../../lib/alternatives/instead';
import { bannerModelsPart, insteadSentences, insteadTooltipLine, providersSentence } from '../../../lib/alternatives/words';
import { isolate } from '../../../lib/format';
import { modelsMentioned } from '../../../lib/models/seen';
import { DEFAULT_PREFS, type Prefs } from '../../../lib/prefs';
import { providerName } from '../../../lib/providers/catalog';
import { pollProviders } from '../../../lib/providers/poll';
import type { ProvidersState } from '../../../lib/providers/state';
import { normaliseIncident, normaliseSummary } from '../../../lib/statuspage/normalise';
import { SummarySchema } from '../../../lib/statuspage/schema';
import { EMPTY_STATE, type StatusState } from '../../../lib/statuspage/state';
import { assess } from '../../../lib/verdict/assess';
import { badgeFor } from '../../../lib/verdict/badge';
import { fakeFetch, json } from '../../fake-fetch';
import {
  INCIDENTS_BACKFILL,
  loadFixture,
  loadProviderFixture,
  OPENAI_OPERATIONAL,
  OPENAI_TWO_INCIDENTS,
  SUMMARY_MULTIPLE_MODELS,
  SUMMARY_OPERATIONAL,
  syntheticSummaryWithIncident,
} from '../../fixtures';

const SEEN = modelsMentioned((loadFixture(INCIDENTS_BACKFILL).incidents as any[]).map(normaliseIncident));
const NOW = Date.parse('2026-11-25T10:00:00Z');
const MIN = 60_000;

function instead(summary: unknown, prefs: Partial<Prefs> = {}, providers: ProvidersState = {}, now = NOW): Instead | null {
  const snapshot = normaliseSummary(SummarySchema.parse(summary));
  const p = { ...DEFAULT_PREFS, ...prefs };
  return insteadFor({ assessment: assess(snapshot, p), components: snapshot.components, prefs: p, seen: SEEN, providers, now });
}
const sentences = (i: Instead | null) => (i ? insteadSentences(i, providerName) : null);

/** Real: the Haiku 4.5 incident (db1mh1r2zrn5) as it opened. */
const haiku = () => syntheticSummaryWithIncident('db1mh1r2zrn5');

/** Synthetic: the real "Degraded performance on claude.ai" incident (9jrp5rtyzrf6) reopened, claude.ai degraded as its first update set it. */
function claudeAiDown(): any {
  const summary = syntheticSummaryWithIncident('9jrp5rtyzrf6');
  summary.components.find((c: any) => c.id === 'rwppv331jlwc').status = 'degraded_performance';
  return summary;
}

async function providersFrom(replies: Record<string, unknown>, at = NOW): Promise<ProvidersState> {
  const routes = Object.fromEntries(Object.entries(replies).map(([host, body]) => [host, () => json(body)]));
  const { fetch } = fakeFetch(routes);
  const ids = Object.keys(replies).map((h) =>
    h === 'status.openai.com' ? 'openai' : h === 'www.githubstatus.com' ? 'github-copilot' : 'google-gemini',
  );
  return pollProviders({ fetch, now: () => at, isOnline: () => true, random: () => 0.5, hasOrigins: async () => true }, {}, ids);
}

describe('what can I use instead', () => {
  it('calm when nothing is wrong: no answer at all', () => {
    expect(instead(loadFixture(SUMMARY_OPERATIONAL))).toBeNull();
  });

  it('a single-model incident (the real Haiku 4.5 one): the working models, best first', () => {
    expect(sentences(instead(haiku()))).toEqual(['Working now: Sonnet 5, Sonnet 4.6, Opus 5, and Opus 4.8.']);
  });

  it('the real "multiple models" incident: switching models may not help', () => {
    expect(sentences(instead(loadFixture(SUMMARY_MULTIPLE_MODELS)))).toEqual([
      'Switching models may not help: this incident is about multiple models.',
    ]);
  });

  it('a broad incident that leaves models out names them', () => {
    const summary = structuredClone(loadFixture(SUMMARY_MULTIPLE_MODELS));
    summary.incidents[0].incident_updates[0].body = 'We are seeing elevated errors on all models except Claude Opus 5.';
    summary.incidents[0].name = 'Elevated errors for all models except Opus 5';
    expect(sentences(instead(summary))).toEqual(['Switching models may not help. Left out of this incident: Opus 5.']);
  });

  it('an incident about another model than mine: nothing to work around', () => {
    expect(instead(haiku(), { myModels: ['opus-5'] })).toBeNull();
    expect(sentences(instead(haiku(), { myModels: ['haiku-4.5', 'opus-5'] }))).toEqual([
      'Working now: Sonnet 5, Sonnet 4.6, Opus 5, and Opus 4.8.',
    ]);
  });

  it('claude.ai down with the API up (a real claude.ai incident): the surface line', () => {
    expect(sentences(instead(claudeAiDown()))).toEqual([
      `Problems with ${isolate('claude.ai')}; the API is working: Claude Code and API clients are unaffected.`,
    ]);
  });

  it('with surfaces chosen, another surface down is not theirs to work around', () => {
    expect(instead(claudeAiDown(), { myComponents: ['k8w3r06qmzrp'] })).toBeNull();
    expect(instead(claudeAiDown(), { myComponents: ['rwppv331jlwc'] })?.surfaces?.hint).toBe('api-clients');
  });

  it('Claude Code down too: only API clients are said to be unaffected', () => {
    const summary = claudeAiDown();
    summary.components.find((c: any) => c.id === 'yyzkbfz2thpt').status = 'major_outage';
    expect(sentences(instead(summary))).toEqual([
      `Problems with ${isolate('claude.ai')} and ${isolate('Claude Code')}; the API is working: API clients are unaffected.`,
    ]);
  });

  it('the API down, claude.ai up: claude.ai is working', () => {
    const summary = structuredClone(loadFixture(SUMMARY_OPERATIONAL));
    for (const c of summary.components) if (c.id === 'k8w3r06qmzrp' || c.id === 'yyzkbfz2thpt') c.status = 'major_outage';
    expect(sentences(instead(summary))).toEqual([
      `Problems with ${isolate('Claude API')} and ${isolate('Claude Code')}; ${isolate('claude.ai')} is working.`,
    ]);
  });

  it('hostile component names stay isolated inside the sentence', () => {
    const summary = claudeAiDown();
    summary.components.find((c: any) => c.id === 'rwppv331jlwc').name = '\u202Eclaude.ai <b>x</b>';
    const line = sentences(instead(summary))![0]!;
    expect(line).toContain(isolate('\u202Eclaude.ai <b>x</b>'));
    expect(line.endsWith('unaffected.')).toBe(true);
  });
});

describe('other providers in the answer', () => {
  it('OpenAI on and live operational: said, after the rest', async () => {
    const providers = await providersFrom({ 'status.openai.com': loadProviderFixture(OPENAI_OPERATIONAL) });
    expect(sentences(instead(haiku(), { providers: ['openai'] }, providers))).toEqual([
      'Working now: Sonnet 5, Sonnet 4.6, Opus 5, and Opus 4.8.',
      'OpenAI is operational.',
    ]);
  });

  it('two operational, one degraded (the real two-incident capture): only the operational ones, in registry order', async () => {
    const openai = await providersFrom({ 'status.openai.com': loadProviderFixture(OPENAI_TWO_INCIDENTS) });
    const google = await providersFrom({ 'status.cloud.google.com': [] });
    const copilot = structuredClone(loadProviderFixture(OPENAI_OPERATIONAL)); // a Statuspage summary with no Copilot part
    const github = await providersFrom({ 'www.githubstatus.com': copilot });
    const all = { ...openai, ...google, ...github };
    const i = instead(haiku(), { providers: ['openai', 'github-copilot', 'google-gemini'] }, all);
    // OpenAI degraded; GitHub's layout unknown (no Copilot component): neither is offered.
    expect(i?.providers).toEqual(['google-gemini']);
    expect(providersSentence(['OpenAI', 'Google Gemini'])).toBe('OpenAI and Google Gemini are operational.');
  });

  it('stale provider data is never offered as operational', async () => {
    const providers = await providersFrom({ 'status.openai.com': loadProviderFixture(OPENAI_OPERATIONAL) });
    // Stale after 3.6 polling intervals of 5 minutes.
    expect(instead(haiku(), { providers: ['openai'] }, providers, NOW + 17 * MIN)?.providers).toEqual(['openai']);
    expect(instead(haiku(), { providers: ['openai'] }, providers, NOW + 19 * MIN)?.providers).toEqual([]);
    // Confirmed "in the future" (the clock was set back): not trusted either.
    expect(instead(haiku(), { providers: ['openai'] }, providers, NOW - 60 * MIN)?.providers).toEqual([]);
  });

  it('a provider turned off is not offered, even with its old state still stored; none on: nothing said', async () => {
    const providers = await providersFrom({ 'status.openai.com': loadProviderFixture(OPENAI_OPERATIONAL) });
    expect(instead(haiku(), { providers: [] }, providers)?.providers).toBeNull();
    expect(sentences(instead(haiku(), { providers: [] }, providers))).toHaveLength(1);
  });

  it('providers alone never make an answer: calm stays calm', async () => {
    const providers = await providersFrom({ 'status.openai.com': loadProviderFixture(OPENAI_OPERATIONAL) });
    expect(instead(loadFixture(SUMMARY_OPERATIONAL), { providers: ['openai'] }, providers)).toBeNull();
  });
});

describe('the badge tooltip and the banner', () => {
  const live = (summary: unknown): StatusState => ({
    ...EMPTY_STATE,
    snapshot: normaliseSummary(SummarySchema.parse(summary)),
    confirmedAt: NOW,
    checkedAt: NOW,
  });

  it('the tooltip gets one line with the alternatives while the data is live', () => {
    const line = insteadTooltipLine(instead(haiku())!, providerName);
    expect(line).toBe('Instead: Working now: Sonnet 5, Sonnet 4.6, and Opus 5.');
    const title = badgeFor(live(haiku()), DEFAULT_PREFS, NOW, null, line).title.split('\n');
    expect(title).toContain(line);
    expect(title.at(-1)).toMatch(/^Checked /);
  });

  it('…and not when the data is stale (a stale "this works" could be wrong)', () => {
    const line = insteadTooltipLine(instead(haiku())!, providerName);
    expect(badgeFor(live(haiku()), DEFAULT_PREFS, NOW + 10 * MIN, null, line).title).not.toContain('Instead');
  });

  it('…nor when the badge is calm', () => {
    expect(badgeFor(live(loadFixture(SUMMARY_OPERATIONAL)), DEFAULT_PREFS, NOW, null, 'Instead: x').title).not.toContain('Instead');
  });

  it('the tooltip line puts every part on one line', () => {
    const i = { ...instead(claudeAiDown())!, providers: ['openai', 'google-gemini'] as Instead['providers'] };
    const line = insteadTooltipLine(i, providerName);
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toBe(
      `Instead: Problems with ${isolate('claude.ai')}; the API is working: Claude Code and API clients are unaffected. OpenAI and Google Gemini are operational.`,
    );
  });

  it('the banner part is short: two models, or that switching may not help', () => {
    expect(bannerModelsPart(instead(haiku())!.models!)).toBe('Working: Sonnet 5, Sonnet 4.6');
    expect(bannerModelsPart(instead(loadFixture(SUMMARY_MULTIPLE_MODELS))!.models!)).toBe('Switching models may not help');
  });
});
