/**
 * "Use another surface": when one Claude surface is down and another works, the data for one short
 * line ("claude.ai is down; the API is working: Claude Code and API clients are unaffected", or
 * "the API is down; claude.ai is working"). Pure; keyed on component ids, since names change
 * (docs/statuspage.md §7). The lead words it.
 * @module
 */
import type { Assessment } from '../verdict/assess';
import type { ComponentState } from '../statuspage/snapshot';
import { COMPONENT_IDS } from '../statuspage/components';

export type Surface = 'claude.ai' | 'console' | 'api' | 'claude-code' | 'cowork' | 'government';

/** The page's component id of each surface. */
export const SURFACE_IDS: Readonly<Record<Surface, string>> = {
  'claude.ai': COMPONENT_IDS.claudeAi,
  console: COMPONENT_IDS.console,
  api: COMPONENT_IDS.api,
  'claude-code': COMPONENT_IDS.claudeCode,
  cowork: COMPONENT_IDS.cowork,
  government: COMPONENT_IDS.government,
};
const SURFACE_BY_ID = new Map(Object.entries(SURFACE_IDS).map(([surface, id]) => [id, surface as Surface]));

export interface SurfaceRef {
  id: string;
  surface: Surface;
  /** The component's label on the page now ("Claude API"). */
  name: string;
}

/**
 * Which working surface to point to: `api-clients` — the API works (Claude Code too when listed in `working`);
 * `claude-ai` — the API does not, claude.ai does; `claude-code` — only Claude Code of the three does.
 */
export type SurfaceHint = 'api-clients' | 'claude-ai' | 'claude-code';

export interface SurfaceLine {
  /** Surfaces down now, in page order. */
  down: SurfaceRef[];
  /** The working surfaces the hint points to: [API, Claude Code if operational], [claude.ai] or [Claude Code]. */
  working: SurfaceRef[];
  hint: SurfaceHint;
}

/** Down: a partial or major outage, or degraded performance that an open incident explains (a degraded component
 *  alone is often a rollup the page has not cleared). Maintenance and unknown states are neither down nor working. */
function isDown(c: ComponentState, assessment: Assessment): boolean {
  if (c.status === 'partial_outage' || c.status === 'major_outage') return true;
  return c.status === 'degraded_performance' && assessment.incidents.some((i) => i.incident.componentIds.includes(c.id));
}

/**
 * One short line's worth of "this is down, that works", or null when no surface is down or none of claude.ai, the API
 * and Claude Code works (the Console or Government working helps nobody who lost the others). `notWorking`: surfaces
 * never pointed to whatever the page says (claude.ai while the user's own requests there fail).
 */
export function surfaceLine(
  components: readonly ComponentState[],
  assessment: Assessment,
  notWorking: readonly Surface[] = [],
): SurfaceLine | null {
  const known = (Array.isArray(components) ? components : []).flatMap((component) => {
    const surface = SURFACE_BY_ID.get(component?.id);
    return surface ? [{ component, ref: { id: component.id, surface, name: component.name } }] : [];
  });
  const down = known.filter(({ component }) => isDown(component, assessment)).map(({ ref }) => ref);
  if (!down.length) return null;
  const up = (surface: Surface) =>
    notWorking.includes(surface)
      ? undefined
      : known.find(({ ref, component }) => ref.surface === surface && component.status === 'operational')?.ref;
  const [web, api, code] = [up('claude.ai'), up('api'), up('claude-code')];
  if (api) return { down, working: code ? [api, code] : [api], hint: 'api-clients' };
  if (web) return { down, working: [web], hint: 'claude-ai' };
  if (code) return { down, working: [code], hint: 'claude-code' };
  return null;
}
