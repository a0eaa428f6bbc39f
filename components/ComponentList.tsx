import type { ComponentState } from '../lib/statuspage/snapshot';

const STATUS_WORDS: Record<ComponentState['status'], string> = {
  operational: 'Operational',
  under_maintenance: 'Maintenance',
  degraded_performance: 'Degraded',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
  unknown: 'Unknown',
};

/** The page's product components (claude.ai, API, Claude Code, …), keyed by id. */
export function ComponentList({ components }: { components: ComponentState[] }) {
  return (
    <ul class="components">
      {components.map((c) => (
        <li key={c.id} class={`component status-${c.status}`} data-component-id={c.id}>
          <span class="dot" aria-hidden="true" />
          <span class="component-name">{c.name}</span>
          <span class="component-status">{STATUS_WORDS[c.status]}</span>
        </li>
      ))}
    </ul>
  );
}
