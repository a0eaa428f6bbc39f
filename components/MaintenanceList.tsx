import { stepWord } from '../lib/verdict/describe';
import { incidentUrl, type MaintenanceState } from '../lib/statuspage/snapshot';

function when(ms: number | null): string {
  return ms === null ? '?' : new Date(ms).toLocaleString([], { weekday: 'short', hour: '2-digit', minute: '2-digit' });
}

/** Maintenance in progress first, then upcoming windows. */
export function MaintenanceList({ items }: { items: MaintenanceState[] }) {
  return (
    <ul class="maintenances">
      {items.map((m) => (
        <li key={m.id} class={`maintenance status-${m.status}`}>
          <a href={incidentUrl(m.id)} target="_blank" rel="noopener noreferrer">
            {m.name}
          </a>
          <span class="maintenance-when">
            {stepWord(m.status)} · {when(m.scheduledFor)} – {when(m.scheduledUntil)}
          </span>
        </li>
      ))}
    </ul>
  );
}
