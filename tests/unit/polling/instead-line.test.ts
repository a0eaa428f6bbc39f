/**
 * The badge tooltip's line of alternatives, as the background writes it after a poll: from the
 * stored models the page named and the stored status of the providers the user turned on.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackground } from '../../../lib/polling/worker';
import { modelsMentioned } from '../../../lib/models/seen';
import { DEFAULT_PREFS } from '../../../lib/prefs';
import { pollProviders } from '../../../lib/providers/poll';
import { normaliseIncident } from '../../../lib/statuspage/normalise';
import { prefsItem, providersItem, seenModelsItem } from '../../../lib/storage';
import { fakeFetch, json } from '../../fake-fetch';
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
  const { fetch } = fakeFetch({ 'status.claude.com': () => json(served) });
  const bg = createBackground({ browser, fetch, now: () => NOW, isOnline: () => true, random: () => 0.5, showNote: async () => {} });
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
