// @vitest-environment happy-dom
/**
 * The popup's "Other providers" rows as a user sees them, rendered with Preact: the level in words
 * and a grey dot unless the data is live, untrusted incident titles as text only, links only to the
 * provider's own page, the age of the data, and why it is not live.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ProviderList } from '../../../components/ProviderList';
import type { ProviderIncident, ProviderLevel } from '../../../lib/providers/level';
import { EMPTY_PROVIDER_STATE, type ProvidersState, type ProviderState } from '../../../lib/providers/state';

const NOW = Date.parse('2026-11-25T10:00:00Z');
const MIN = 60_000;

const incident = (n: number, name = `Elevated errors ${n}`): ProviderIncident => ({
  id: `01K${String(n).padStart(23, '0')}`,
  name,
  level: 'degraded',
  startedAt: NOW - n * MIN,
  url: `https://status.openai.com/incidents/01K${String(n).padStart(23, '0')}`,
});

function live(level: ProviderLevel, incidents: ProviderIncident[] = []): ProviderState {
  return {
    ...EMPTY_PROVIDER_STATE,
    snapshot: { level, incidents, components: [] },
    confirmedAt: NOW - MIN,
    checkedAt: NOW - MIN,
    retryAt: NOW + 4 * MIN,
  };
}

function rows(states: ProvidersState, ids = Object.keys(states) as Array<keyof ProvidersState>) {
  const root = document.createElement('div');
  document.body.append(root);
  render(<ProviderList ids={ids} states={states} now={NOW} />, root);
  return [...root.querySelectorAll<HTMLElement>('.provider')].map((row) => ({
    id: row.dataset.provider,
    level: row.dataset.level,
    dot: row.querySelector('.dot')!.className.trim(),
    text: row.querySelector('.provider-row')!.textContent,
    problem: row.querySelector('.provider-problem')?.textContent ?? null,
    incidents: [...row.querySelectorAll('.provider-incidents li')].map((li) => li.textContent),
    links: [...row.querySelectorAll('a')].map((a) => a.getAttribute('href')),
    html: row.innerHTML,
  }));
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Other providers in the popup', () => {
  it('live and operational: green, in words, with when it was checked and a link to its page', () => {
    const [row] = rows({ openai: live('operational') });
    expect(row).toMatchObject({ level: 'operational', dot: 'dot tone-operational', problem: null, incidents: [] });
    expect(row!.text).toBe('OpenAIOperationalchecked 1 min. ago');
    expect(row!.links).toEqual(['https://status.openai.com/']);
  });

  it('just turned on, nothing read yet: grey, "Unknown", "Checking…"', () => {
    const [row] = rows({}, ['google-gemini']);
    expect(row).toMatchObject({ level: 'unknown', dot: 'dot' });
    expect(row!.text).toBe('Google GeminiUnknownChecking…');
  });

  it('an operational snapshot that is stale is never green', () => {
    const stale = { ...live('operational'), confirmedAt: NOW - 40 * MIN, checkedAt: NOW - 40 * MIN };
    const [row] = rows({ openai: stale });
    expect(row).toMatchObject({ level: 'unknown', dot: 'dot' });
    expect(row!.text).toBe('OpenAIUnknownlast known, from 40 min. ago');
  });

  it('a failed read says why in plain words, and keeps the last incidents visible', () => {
    const failing = { ...live('degraded', [incident(3)]), problem: { kind: 'timeout' as const, detail: 'no answer within 10 s' } };
    const [row] = rows({ 'github-copilot': failing });
    expect(row).toMatchObject({ level: 'unknown', problem: "www.githubstatus.com isn't answering." });
    expect(row!.incidents).toHaveLength(1);
  });

  it('the permission missing: grey, and what to do', () => {
    const missing = {
      ...EMPTY_PROVIDER_STATE,
      checkedAt: NOW,
      problem: { kind: 'permission' as const, detail: 'https://status.openai.com/*' },
    };
    const [row] = rows({ openai: missing });
    expect(row).toMatchObject({ level: 'unknown', dot: 'dot' });
    expect(row!.problem).toBe('Claude Status may no longer read status.openai.com. Turn OpenAI off and on again in Settings to allow it.');
  });

  it('incidents: newest three with their age, then a count; each links to its page on the provider', () => {
    const [row] = rows({
      openai: live(
        'degraded',
        [1, 2, 3, 4, 5].map((n) => incident(n)),
      ),
    });
    expect(row).toMatchObject({ level: 'degraded', dot: 'dot tone-minor' });
    expect(row!.incidents).toEqual([
      'Elevated errors 1 · started 1 min ago',
      'Elevated errors 2 · started 2 min ago',
      'Elevated errors 3 · started 3 min ago',
      '+2 more incidents',
    ]);
    expect(row!.links.slice(1)).toEqual([1, 2, 3].map((n) => incident(n).url));
  });

  it('hostile titles are text in <bdi>, never markup; an empty one is worded; a time in the future is not shown', () => {
    const hostile = '<img src=x onerror="document.title=1">\u202Eevil';
    const future = { ...incident(1, ''), startedAt: NOW + 60 * MIN };
    const [row] = rows({ openai: live('outage', [incident(2, hostile), future]) });
    expect(row!.html).not.toContain('<img');
    expect(document.querySelector('img')).toBeNull();
    expect(row!.incidents).toEqual([`${hostile} · started 2 min ago`, 'Incident (no title given)']);
    expect(document.querySelectorAll('.provider-incidents bdi')).toHaveLength(2);
    expect(row!.dot).toBe('dot tone-major');
  });
});
