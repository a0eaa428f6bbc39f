import { formatWeekdayTime } from '../lib/format';
import { incidentUrl, type MaintenanceState } from '../lib/statuspage/snapshot';
import { stepWord } from '../lib/verdict/describe';

const when = (ms: number | null) => (ms === null ? '?' : formatWeekdayTime(ms));

/** Maintenance in progress first, then upcoming windows. */
export function MaintenanceList({ items }: { items: MaintenanceState[] }) {
  return (
    <ul class="maintenances">
      {items.map((m) => (
        <li key={m.id} class={`maintenance status-${m.status}`}>
          <a href={incidentUrl(m.id)} target="_blank" rel="noopener noreferrer">
            <bdi>{m.name}</bdi>
          </a>
          <span class="maintenance-when">
            {stepWord(m.status)} · {when(m.scheduledFor)} – {when(m.scheduledUntil)}
          </span>
        </li>
      ))}
    </ul>
  );
}
