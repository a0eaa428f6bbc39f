import type { ComponentState } from '../lib/statuspage/snapshot';
import { componentStatusWord } from '../lib/verdict/badge';

const TONE: Record<ComponentState['status'], string> = {
  operational: 'operational',
  under_maintenance: 'maintenance',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
  unknown: 'unknown',
};

/** The page's product components (claude.ai, API, Claude Code, …), keyed by id. The status is in words; the dot only repeats it. */
export function ComponentList({ components }: { components: ComponentState[] }) {
  return (
    <ul class="components">
      {components.map((c) => (
        <li key={c.id} class={`component status-${c.status} tone-${TONE[c.status]}`} data-component-id={c.id}>
          <span class="dot" aria-hidden="true" />
          <span class="component-name">{c.name}</span>
          <span class="component-status">{componentStatusWord(c.status)}</span>
        </li>
      ))}
    </ul>
  );
}
