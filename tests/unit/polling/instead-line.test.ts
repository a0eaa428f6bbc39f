/**
 * The badge tooltip's line of alternatives, as the background writes it after a poll: from the
 * stored models the page named and the stored status of the providers the user turned on.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { modelsMentioned } from '../../../lib/models/seen';
import { DEFAULT_PREFS } from '../../../lib/prefs';
import { pollProviders } from '../../../lib/providers/poll';
import { normaliseIncident } from '../../../lib/statuspage/normalise';
import { prefsItem, providersItem, seenModelsItem } from '../../../lib/storage';
import { fakeFetch, json } from '../../fake-fetch';
import { testBackground } from '../../test-background';
import {
  INCIDENTS_BACKFILL,
  loadFixture,
  loadProviderFixture,
  OPENAI_OPERATIONAL,
  SUMMARY_OPERATIONAL,
  syntheticSummaryWithIncident,
} from '../../fixtures';

const NOW = Date.parse('2026-11-25T10:00:00Z');
const SEEN = modelsMentioned((loadFixture(INCIDENTS_BACKFILL).incidents as any[]).map(normaliseIncident));
let served: unknown;

async function poll() {
  const { bg } = testBackground({ 'status.claude.com': () => json(served) }, () => NOW);
  await bg.refresh('user');
  return (await browser.action.getTitle({})).split('\n');
}

beforeEach(async () => {
  fakeBrowser.reset();
  await seenModelsItem.setValue({ keys: SEEN, learnedAt: NOW });
});

describe('the tooltip after a poll', () => {
  it('names the working models while one is down (the real Haiku 4.5 incident)', async () => {
    served = syntheticSummaryWithIncident('db1mh1r2zrn5');
    expect(await poll()).toContain('Instead: Working now: Sonnet 5, Sonnet 4.6, and Opus 5.');
  });

  it('adds the providers the user turned on that are operational, from what the background stored', async () => {
    const { fetch } = fakeFetch({ 'status.openai.com': () => json(loadProviderFixture(OPENAI_OPERATIONAL)) });
    const providers = await pollProviders(
      { fetch, now: () => NOW, isOnline: () => true, random: () => 0.5, hasOrigins: async () => true },
      {},
      ['openai'],
    );
    await providersItem.setValue(providers);
    await prefsItem.setValue({ ...DEFAULT_PREFS, providers: ['openai'] });
    served = syntheticSummaryWithIncident('db1mh1r2zrn5');
    expect(await poll()).toContain('Instead: Working now: Sonnet 5, Sonnet 4.6, and Opus 5. OpenAI is operational.');
  });

  it('says nothing of the kind while all is well', async () => {
    served = loadFixture(SUMMARY_OPERATIONAL);
    expect((await poll()).join('\n')).not.toContain('Instead');
  });
});

describe('the tooltip and the user’s own claude.ai requests', () => {
  /** Real 2pt83vlkk7x7 "Elevated latency on the Claude API for some users", reopened with the components its first update set. */
  function apiDown(): any {
    const summary = syntheticSummaryWithIncident('2pt83vlkk7x7');
    const set = new Map<string, string>(
      summary.incidents[0].incident_updates[0].affected_components.map((a: any) => [a.code, a.new_status]),
    );
    for (const c of summary.components) c.status = set.get(c.id) ?? c.status;
    return summary;
  }
  /** claude.ai's own message request, as Chrome reports it. */
  const message = (statusCode: number) => ({
    url: 'https://claude.ai/api/organizations/0b1c2d3e-aaaa-4bbb-8ccc-123456789abc/chat_conversations/9f8e7d6c-1111-4222-8333-abcdefabcdef/completion',
    method: 'POST',
    type: 'xmlhttprequest',
    statusCode,
    tabId: 42,
    initiator: 'https://claude.ai',
  });
  const insteadOf = (title: string) => title.split('\n').find((l) => l.startsWith('Instead:')) ?? '';

  it('never points to claude.ai as working while the user’s own claude.ai requests fail', async () => {
    served = apiDown();
    expect(insteadOf((await poll()).join('\n'))).toMatch(/claude\.ai\W* is working/);
    const { bg } = testBackground({ 'status.claude.com': () => json(served) }, () => NOW);
    for (let i = 0; i < 3; i++) bg.evidence.observe(message(529));
    await bg.evidence.flush();
    const title = await browser.action.getTitle({});
    expect(title).toContain("Claude is failing for you; the status page doesn't say so yet");
    expect(insteadOf(title)).not.toMatch(/claude\.ai\W* is working/);
  });
});
