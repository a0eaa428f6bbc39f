import { describe, expect, it } from 'vitest';
import { normaliseGoogleIncidents } from '../../../lib/providers/google-cloud';
import { PROVIDER_LIMITS, worstProviderLevel } from '../../../lib/providers/level';
import {
  GITHUB_COPILOT_COMPONENT_IDS,
  GOOGLE_GEMINI_PRODUCTS,
  OPENAI_COMPONENT_IDS,
  PROVIDERS,
  type ProviderId,
} from '../../../lib/providers/registry';
import {
  GITHUB_MAJOR_OUTAGE,
  GITHUB_OPERATIONAL,
  GOOGLE_VERTEX_GEMINI,
  loadProviderFixture,
  OPENAI_OPERATIONAL,
  OPENAI_TWO_INCIDENTS,
} from '../../fixtures';
import { stillOpen, withCopilotComponents } from '../../common/provider-payloads.mjs';

function read(id: ProviderId, json: unknown) {
  const result = PROVIDERS[id].adapter.read(json);
  if (!result.ok) throw new Error(`${id}: unexpected data at ${result.where}`);
  return result.snapshot;
}

/** Synthetic: a real GitHub summary with the Copilot components (ids as on today's page) added in the given states. */
function syntheticGithubWithCopilot(copilot: string, modelProviders = 'operational'): any {
  return withCopilotComponents(loadProviderFixture(GITHUB_OPERATIONAL), copilot, modelProviders);
}

/** Synthetic: the real Vertex Gemini incident, still open (no `end`), filed with the given impact. */
function syntheticOpenGemini(impact = 'SERVICE_DISRUPTION', id = '41E5S3mkTGDfkZuJZH5k'): any {
  return stillOpen(loadProviderFixture(GOOGLE_VERTEX_GEMINI)[0], impact, id);
}

describe('levels', () => {
  it('unknown outranks operational and maintenance, but a known problem outranks unknown', () => {
    expect(worstProviderLevel(['operational', 'unknown'])).toBe('unknown');
    expect(worstProviderLevel(['maintenance', 'unknown'])).toBe('unknown');
    expect(worstProviderLevel(['unknown', 'degraded'])).toBe('degraded');
    expect(worstProviderLevel(['degraded', 'outage', 'operational'])).toBe('outage');
    expect(worstProviderLevel([], 'unknown')).toBe('unknown');
  });
});

describe('OpenAI (incident.io summary, real payloads)', () => {
  it('operational capture: operational, the watched components it lists, no incidents', () => {
    const s = read('openai', loadProviderFixture(OPENAI_OPERATIONAL));
    expect(s.level).toBe('operational');
    expect(s.incidents).toEqual([]);
    // The v2 summary lists 25 of OpenAI's components and which ones rotates: only watched ones present are reported.
    expect(s.components.map((c) => c.name)).toEqual(expect.arrayContaining(['Login', 'Search', 'Images', 'Batch', 'Embeddings']));
    expect(s.components.map((c) => c.name)).not.toContain('Sora');
    expect(s.components.every((c) => (OPENAI_COMPONENT_IDS as readonly string[]).includes(c.id))).toBe(true);
  });

  it('2026-09-29 capture: degraded, both open incidents, newest first, linked on status.openai.com', () => {
    const s = read('openai', loadProviderFixture(OPENAI_TWO_INCIDENTS));
    expect(s.level).toBe('degraded');
    expect(s.incidents.map((i) => i.name)).toEqual([
      'Elevated errors across ChatGPT, Codex, and the API including the Agents API',
      'Support chat unavailable',
    ]);
    expect(s.incidents[0]).toMatchObject({
      id: '01M3Q4RK1SM4EMK445GGPG7C0N',
      level: 'degraded',
      startedAt: Date.parse('2026-09-29T17:52:52Z'),
      url: 'https://status.openai.com/incidents/01M3Q4RK1SM4EMK445GGPG7C0N',
    });
    // Impact "none" on an open incident is still not operational.
    expect(s.incidents[1]?.level).toBe('degraded');
    expect(s.components.find((c) => c.name === 'Conversations')?.level).toBe('degraded');
    expect(s.components.map((c) => c.name)).not.toContain('dots');
  });

  it('a watched component in major outage makes OpenAI an outage', () => {
    const summary = structuredClone(loadProviderFixture(OPENAI_TWO_INCIDENTS));
    summary.components.find((c: any) => c.name === 'Responses').status = 'major_outage';
    expect(read('openai', summary).level).toBe('outage');
  });

  it('synthetic: none of the watched components on the page is unknown, never operational', () => {
    const summary = structuredClone(loadProviderFixture(OPENAI_OPERATIONAL));
    summary.components = summary.components.filter((c: any) => !(OPENAI_COMPONENT_IDS as readonly string[]).includes(c.id));
    const s = read('openai', summary);
    expect(s.components).toEqual([]);
    expect(s.level).toBe('unknown');
  });

  it('synthetic: a component status the schema does not know is unknown, not a throw and not green', () => {
    const summary = structuredClone(loadProviderFixture(OPENAI_OPERATIONAL));
    for (const c of summary.components) c.status = 'on_fire';
    expect(read('openai', summary).level).toBe('unknown');
  });
});

describe('GitHub Copilot (Atlassian summary)', () => {
  it('real 2019 capture (before Copilot existed): no Copilot component, so unknown, not operational', () => {
    const s = read('github-copilot', loadProviderFixture(GITHUB_OPERATIONAL));
    expect(s.components).toEqual([]);
    expect(s.incidents).toEqual([]);
    expect(s.level).toBe('unknown');
  });

  it('real 2020 major outage: the incident names no Copilot part, so it is not Copilot’s; still unknown', () => {
    const s = read('github-copilot', loadProviderFixture(GITHUB_MAJOR_OUTAGE));
    expect(s.incidents).toEqual([]);
    expect(s.level).toBe('unknown');
  });

  it('synthetic: Copilot components operational while Actions is down: Copilot is operational', () => {
    const summary = syntheticGithubWithCopilot('operational');
    summary.components.find((c: any) => c.name === 'GitHub Actions').status = 'major_outage';
    const s = read('github-copilot', summary);
    expect(s.level).toBe('operational');
    expect(s.components.map((c) => c.name)).toEqual(['Copilot', 'Copilot AI Model Providers']);
  });

  it('synthetic: Copilot degraded, model providers in partial outage', () => {
    const s = read('github-copilot', syntheticGithubWithCopilot('degraded_performance', 'partial_outage'));
    expect(s.level).toBe('degraded');
    expect(s.components.map((c) => c.level)).toEqual(['degraded', 'degraded']);
    expect(read('github-copilot', syntheticGithubWithCopilot('major_outage')).level).toBe('outage');
    expect(read('github-copilot', syntheticGithubWithCopilot('under_maintenance')).level).toBe('maintenance');
  });

  it('synthetic: the real 2020 incident counts for Copilot once an update names a Copilot component, or its title does', () => {
    const viaUpdate = syntheticGithubWithCopilot('operational');
    const incident = structuredClone(loadProviderFixture(GITHUB_MAJOR_OUTAGE).incidents[0]);
    incident.incident_updates[1].affected_components[0].code = GITHUB_COPILOT_COMPONENT_IDS[0];
    viaUpdate.incidents = [incident];
    const s = read('github-copilot', viaUpdate);
    expect(s.incidents).toEqual([
      {
        id: '80d0cs6kpsps',
        name: 'Incident on 2020-04-02 20:20 UTC',
        level: 'outage',
        startedAt: Date.parse('2020-04-02T20:20:54.005Z'),
        url: 'https://www.githubstatus.com/incidents/80d0cs6kpsps',
      },
    ]);
    expect(s.level).toBe('outage');

    const viaTitle = syntheticGithubWithCopilot('operational');
    const titled = structuredClone(loadProviderFixture(GITHUB_MAJOR_OUTAGE).incidents[0]);
    titled.name = 'Incident with Copilot';
    titled.impact = 'minor';
    viaTitle.incidents = [titled];
    expect(read('github-copilot', viaTitle).incidents.map((i) => i.level)).toEqual(['degraded']);
  });

  it('synthetic: resolved incidents and a maintenance about Copilot in progress', () => {
    const summary = syntheticGithubWithCopilot('operational');
    const resolved = structuredClone(loadProviderFixture(GITHUB_MAJOR_OUTAGE).incidents[0]);
    resolved.name = 'Incident with Copilot';
    resolved.status = 'resolved';
    const maintenance = { ...structuredClone(resolved), id: 'mnt1copilot', status: 'in_progress', impact: 'maintenance' };
    summary.incidents = [resolved];
    summary.scheduled_maintenances = [maintenance];
    const s = read('github-copilot', summary);
    expect(s.incidents.map((i) => [i.id, i.level])).toEqual([['mnt1copilot', 'maintenance']]);
    expect(s.level).toBe('maintenance');
  });
});

describe('Google Gemini (Google Cloud incidents.json)', () => {
  it('real capture: the Vertex Gemini incident has ended, so Gemini is operational', () => {
    const s = read('google-gemini', loadProviderFixture(GOOGLE_VERTEX_GEMINI));
    expect(s).toEqual({
      level: 'operational',
      incidents: [],
      components: [{ id: 'Z0FZJAMvEB4j3NbCJs6B', name: 'Vertex Gemini API', level: 'operational' }],
    });
  });

  it.each([
    ['SERVICE_INFORMATION', 'degraded'],
    ['SERVICE_DISRUPTION', 'degraded'],
    ['SERVICE_OUTAGE', 'outage'],
    ['SOMETHING_NEW', 'degraded'],
  ])('synthetic: the same incident still open, filed as %s, is %s', (impact, level) => {
    const s = read('google-gemini', [syntheticOpenGemini(impact)]);
    expect(s.level).toBe(level);
    expect(s.incidents).toEqual([
      {
        id: '41E5S3mkTGDfkZuJZH5k',
        name: 'Vertex AI Gemini API customers experienced increased error rates when accessing the global endpoint.',
        level,
        startedAt: Date.parse('2026-02-27T12:37:00+00:00'),
        url: 'https://status.cloud.google.com/incidents/41E5S3mkTGDfkZuJZH5k',
      },
    ]);
  });

  it('synthetic: an open incident about other products only leaves Gemini operational', () => {
    const other = syntheticOpenGemini('SERVICE_OUTAGE', 'otherProduct123');
    other.affected_products = other.affected_products.filter((p: any) => p.id !== GOOGLE_GEMINI_PRODUCTS[0].id);
    expect(read('google-gemini', [other]).level).toBe('operational');
  });

  it('synthetic: one malformed incident elsewhere does not hide Gemini; a malformed one about Gemini makes it unknown', () => {
    const elsewhere = { id: 'bad id with spaces', affected_products: [{ id: 'L3ggmi3Jy4xJmgodFA9K' }] };
    expect(read('google-gemini', [elsewhere, syntheticOpenGemini('SERVICE_OUTAGE')]).level).toBe('outage');
    expect(read('google-gemini', [elsewhere]).level).toBe('operational');
    const aboutGemini = { ...syntheticOpenGemini(), id: '<script>' };
    expect(read('google-gemini', [aboutGemini]).level).toBe('unknown');
  });

  it('synthetic: duplicates are listed once; reordering changes nothing', () => {
    const a = syntheticOpenGemini('SERVICE_DISRUPTION', 'aaaaaaaaaaaaaaaaaaaa');
    a.begin = '2026-11-01T10:00:00+00:00';
    const b = syntheticOpenGemini('SERVICE_OUTAGE', 'bbbbbbbbbbbbbbbbbbbb');
    b.begin = '2026-11-02T10:00:00+00:00';
    const one = read('google-gemini', [a, b, a]);
    expect(one.incidents.map((i) => i.id)).toEqual(['bbbbbbbbbbbbbbbbbbbb', 'aaaaaaaaaaaaaaaaaaaa']);
    expect(read('google-gemini', [b, a])).toEqual(one);
  });

  it('wrong shape: an object where the array should be is refused', () => {
    const result = PROVIDERS['google-gemini'].adapter.read({ incidents: [] });
    expect(result.ok).toBe(false);
  });
});

describe('hostile and huge input (every format)', () => {
  const hostile = `<img src=x onerror=alert(1)>${'\u202e'}${'A'.repeat(10_000)}`;

  it('names are capped and kept as text; links stay on the provider host and are built from validated ids', () => {
    const openai = structuredClone(loadProviderFixture(OPENAI_TWO_INCIDENTS));
    openai.incidents[0].name = hostile;
    openai.components[0].name = hostile;
    const s = read('openai', openai);
    for (const text of [...s.incidents.map((i) => i.name), ...s.components.map((c) => c.name)]) {
      expect(text.length).toBeLessThanOrEqual(PROVIDER_LIMITS.name);
    }
    expect(s.incidents[0]?.name.startsWith('<img src=x onerror=alert(1)>')).toBe(true);

    const gemini = syntheticOpenGemini();
    gemini.external_desc = hostile;
    gemini.uri = 'https://evil.example/phish';
    const g = read('google-gemini', [gemini]);
    expect(g.incidents[0]?.name.length).toBeLessThanOrEqual(PROVIDER_LIMITS.name);
    expect(new URL(g.incidents[0]!.url).origin).toBe('https://status.cloud.google.com');
  });

  it('an incident id that could steer a link (slashes, dots, a scheme) is refused by the schema', () => {
    for (const id of ['../../evil', 'https://evil.example', 'a/b', 'x'.repeat(41)]) {
      const summary = structuredClone(loadProviderFixture(OPENAI_TWO_INCIDENTS));
      summary.incidents[0].id = id;
      expect(PROVIDERS.openai.adapter.read(summary).ok, id).toBe(false);
    }
  });

  it('thousands of open incidents are cut to the cap, newest kept', () => {
    const many = Array.from({ length: 3000 }, (_, n) => {
      const i = syntheticOpenGemini('SERVICE_DISRUPTION', `inc${String(n).padStart(6, '0')}`);
      i.begin = new Date(Date.parse('2026-01-01T00:00:00Z') + n * 60_000).toISOString();
      return i;
    });
    const started = performance.now();
    const s = read('google-gemini', many);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(s.incidents).toHaveLength(PROVIDER_LIMITS.incidents);
    expect(s.incidents[0]?.id).toBe('inc002999');

    const summary = syntheticGithubWithCopilot('operational');
    const template = structuredClone(loadProviderFixture(GITHUB_MAJOR_OUTAGE).incidents[0]);
    template.name = 'Incident with Copilot';
    summary.incidents = Array.from({ length: 500 }, (_, n) => ({ ...template, id: `gh${n}` }));
    expect(read('github-copilot', summary).incidents).toHaveLength(PROVIDER_LIMITS.incidents);
  });

  it('Google incidents without text or times still list, with empty name and time 0 (the UI words it)', () => {
    const bare = { id: 'bare1234567890', affected_products: [{ id: GOOGLE_GEMINI_PRODUCTS[0].id }] };
    expect(normaliseGoogleIncidents([bare], { products: GOOGLE_GEMINI_PRODUCTS }).incidents).toEqual([
      { id: 'bare1234567890', name: '', level: 'degraded', startedAt: 0, url: 'https://status.cloud.google.com/incidents/bare1234567890' },
    ]);
  });
});
