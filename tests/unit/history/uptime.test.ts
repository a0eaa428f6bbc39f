import { describe, expect, it } from 'vitest';
import {
  EMPTY_UPTIME,
  UPTIME_REFRESH_MS,
  UPTIME_RETRY_MS,
  UPTIME_SHOW_MS,
  type UptimeCache,
  officialUptime,
  parseUptimeShowcase,
  refreshUptime,
  uptimeUrl,
} from '../../../lib/history/uptime';
import { fakeFetch, json } from '../../fake-fetch';
import { loadFixture } from '../../fixtures';
import { CAPTURE_NOW, HOUR } from './helpers';

/** The page's real per-component timelines (inline uptimeData, 2026-08-22): no percentages in that older shape. */
const inline = loadFixture<Record<string, unknown>>('claude-uptime-inline-2026-08-22.json');
const IDS = Object.keys(inline);
const [CLAUDE_AI, CONSOLE] = ['rwppv331jlwc', '0qbwn08sd68x'];

/**
 * Synthetic: a `/uptime_showcase` answer in its documented 2026 shape (docs/statuspage.md §6) built around the real
 * timelines; the percentages are made up (no real capture of this endpoint was found).
 */
function syntheticShowcase(
  values: unknown[] = IDS.map((component, i) => ({ component, ninety: 99.44 - i / 10, sixty: 99.5, thirty: 99.9 - i / 10 })),
) {
  return { components: Object.fromEntries(IDS.map((id) => [id, '<svg></svg>'])), timelines: inline, values };
}

describe('parsing the page’s uptime', () => {
  it('reads ninety and thirty per component from the documented shape', () => {
    const uptime = parseUptimeShowcase(syntheticShowcase(), IDS);
    expect(Object.keys(uptime).sort()).toEqual([...IDS].sort());
    expect(uptime[CLAUDE_AI]).toEqual({ ninety: 99.44, thirty: 99.9 });
  });

  it('the older inline uptimeData (a real capture) has no percentages: nothing, rather than a number we made up', () => {
    expect(parseUptimeShowcase(inline)).toEqual({});
    expect(parseUptimeShowcase({ timelines: inline })).toEqual({});
  });

  it.each([
    ['missing thirty', { component: CLAUDE_AI, ninety: 99.4 }],
    ['a percentage as a string', { component: CLAUDE_AI, ninety: '99.4', thirty: 99.9 }],
    ['above 100', { component: CLAUDE_AI, ninety: 100.01, thirty: 99.9 }],
    ['below 0', { component: CLAUDE_AI, ninety: -1, thirty: 99.9 }],
    ['null', { component: CLAUDE_AI, ninety: null, thirty: 99.9 }],
    ['a fraction instead of a percentage? still in range, kept', null],
  ])('%s: that component gets nothing, the others keep theirs', (_, bad) => {
    if (bad === null) {
      // 0.9944 is a legal percentage (0..100): shape alone cannot tell; the page's own value is shown as given.
      expect(parseUptimeShowcase(syntheticShowcase([{ component: CLAUDE_AI, ninety: 0.9944, thirty: 1 }]))[CLAUDE_AI]).toEqual({
        ninety: 0.9944,
        thirty: 1,
      });
      return;
    }
    const uptime = parseUptimeShowcase(syntheticShowcase([bad, { component: CONSOLE, ninety: 99.1, thirty: 100 }]));
    expect(uptime).toEqual({ [CONSOLE]: { ninety: 99.1, thirty: 100 } });
  });

  it('two entries that disagree about one component leave it out; two that agree are fine', () => {
    const disagree = [
      { component: CLAUDE_AI, ninety: 99.4, thirty: 99.9 },
      { component: CLAUDE_AI, ninety: 98.0, thirty: 99.9 },
    ];
    expect(parseUptimeShowcase(syntheticShowcase(disagree))).toEqual({});
    const agree = [disagree[0], { ...disagree[0] }];
    expect(parseUptimeShowcase(syntheticShowcase(agree))).toEqual({ [CLAUDE_AI]: { ninety: 99.4, thirty: 99.9 } });
  });

  it('a component without a timeline, or not asked for, gets nothing', () => {
    const values = [{ component: 'zzzzzzzzzzzz', ninety: 50, thirty: 50 }, ...syntheticShowcase().values];
    expect(parseUptimeShowcase(syntheticShowcase(values))).not.toHaveProperty('zzzzzzzzzzzz');
    expect(Object.keys(parseUptimeShowcase(syntheticShowcase(), [CONSOLE]))).toEqual([CONSOLE]);
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['values not a list', { values: { x: 1 }, timelines: inline }],
    ['HTML text', '<html>'],
    ['prototype keys', JSON.parse('{"values":[{"component":"constructor","ninety":1,"thirty":1}],"timelines":{}}')],
  ])('%s gives nothing', (_, payload) => {
    expect(parseUptimeShowcase(payload)).toEqual({});
  });
});

describe('fetching it, at most every few hours', () => {
  const answer = () => json(syntheticShowcase(), { headers: { etag: 'W/"up1"' } });
  const run = async (cache: UptimeCache, now: number, reply: Parameters<typeof fakeFetch>[0][string] = answer) => {
    const { fetch, calls } = fakeFetch({ 'status.claude.com': reply });
    return { ...(await refreshUptime({ fetch, now: () => now }, cache, IDS)), calls };
  };

  it('asks once for all components and caches the answer', async () => {
    const first = await run(EMPTY_UPTIME, CAPTURE_NOW);
    expect(first.calls.map((c) => c.url)).toEqual([uptimeUrl([...IDS].sort())]);
    expect(first.calls[0]!.url).toMatch(/^https:\/\/status\.claude\.com\/uptime_showcase\?components=[a-z0-9,]+$/);
    expect(first.cache).toMatchObject({ etag: 'W/"up1"', fetchedAt: CAPTURE_NOW });
    expect(officialUptime(first.cache, CAPTURE_NOW)[CLAUDE_AI]).toEqual({ ninety: 99.44, thirty: 99.9 });

    const soon = await run(first.cache, CAPTURE_NOW + HOUR);
    expect(soon.calls).toEqual([]);
    expect(soon).toMatchObject({ changed: false, cache: first.cache });
  });

  it('after six hours asks conditionally; a 304 keeps the numbers and renews them', async () => {
    const { cache } = await run(EMPTY_UPTIME, CAPTURE_NOW);
    const later = CAPTURE_NOW + UPTIME_REFRESH_MS;
    const renewed = await run(cache, later, () => new Response(null, { status: 304 }));
    expect(renewed.calls[0]!.headers['If-None-Match']).toBe('W/"up1"');
    expect(renewed.cache).toMatchObject({ fetchedAt: later, uptime: cache.uptime });
  });

  it('a failure keeps the last numbers, retries after an hour, and the numbers vanish after a day', async () => {
    const { cache } = await run(EMPTY_UPTIME, CAPTURE_NOW);
    const t1 = CAPTURE_NOW + UPTIME_REFRESH_MS;
    const failed = await run(cache, t1, () => new Response('', { status: 503 }));
    expect(failed.problem).toMatchObject({ kind: 'http' });
    expect(failed.cache.uptime).toEqual(cache.uptime);
    expect((await run(failed.cache, t1 + UPTIME_RETRY_MS / 2)).calls).toEqual([]);
    expect((await run(failed.cache, t1 + UPTIME_RETRY_MS)).calls).toHaveLength(1);
    expect(officialUptime(failed.cache, CAPTURE_NOW + UPTIME_SHOW_MS - 1)).toEqual(cache.uptime);
    expect(officialUptime(failed.cache, CAPTURE_NOW + UPTIME_SHOW_MS)).toEqual({});
  });

  it('an answer with nothing readable keeps the last numbers and says so', async () => {
    const { cache } = await run(EMPTY_UPTIME, CAPTURE_NOW);
    const odd = await run(cache, CAPTURE_NOW + UPTIME_REFRESH_MS, () => json({ shape: 'new' }));
    expect(odd.problem).toMatchObject({ kind: 'invalid' });
    expect(odd.cache.uptime).toEqual(cache.uptime);
  });

  it('a clock set back makes the cached numbers of unknown age: not shown, asked again', async () => {
    const { cache } = await run(EMPTY_UPTIME, CAPTURE_NOW);
    const earlier = CAPTURE_NOW - 3 * HOUR;
    expect(officialUptime(cache, earlier)).toEqual({});
    expect((await run(cache, earlier)).calls).toHaveLength(1);
  });

  it('other components (the page changed) mean a fresh, unconditional request', async () => {
    const { cache } = await run(EMPTY_UPTIME, CAPTURE_NOW);
    const { fetch, calls } = fakeFetch({ 'status.claude.com': answer });
    await refreshUptime({ fetch, now: () => CAPTURE_NOW + HOUR }, cache, [CLAUDE_AI]);
    expect(calls[0]!.url).toBe(uptimeUrl([CLAUDE_AI]));
    expect(calls[0]!.headers['If-None-Match']).toBeUndefined();
  });

  it('never puts an invalid id into the URL, and asks for nothing without ids', async () => {
    const { fetch, calls } = fakeFetch({ 'status.claude.com': answer });
    await refreshUptime({ fetch, now: () => CAPTURE_NOW }, EMPTY_UPTIME, ['a&b=c', '../x', '']);
    expect(calls).toEqual([]);
  });
});
