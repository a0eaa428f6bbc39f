import type { Assessment } from '../lib/verdict/assess';
import { duration } from '../lib/verdict/describe';
import { modelBoard } from '../lib/verdict/model-board';
import { scopeWords } from '../lib/verdict/scope-summary';
import { incidentUrl } from '../lib/statuspage/snapshot';

/** Is my model down? One row per model that an active incident mentions. */
export function ModelBoard({ assessment, myModels, now }: { assessment: Assessment; myModels: string[]; now: number }) {
  const { rows, broad } = modelBoard(assessment, myModels);
  if (!rows.length && !broad.length) return null;
  return (
    <section class="model-board" aria-labelledby="models-h">
      <h2 id="models-h">Models</h2>
      <ul>
        {broad.map(({ item, except }) => (
          <li key={`broad-${item.incident.id}`} class={`model-row affected level-${item.level}`} data-model="multiple">
            <span class="model-name">{scopeWords({ kind: 'broad', except })}</span>
            <span class="model-state">affected</span>
            <a class="model-incident" href={incidentUrl(item.incident.id)} target="_blank" rel="noopener noreferrer">
              {item.incident.name}
            </a>
            <span class="model-since">{duration(now - item.incident.startedAt)}</span>
          </li>
        ))}
        {rows.map((row) => (
          <li key={row.key} class={`model-row ${row.state} level-${row.item.level}${row.mine ? ' mine' : ''}`} data-model={row.key}>
            <span class="model-name">
              {row.label}
              {row.mine && <span class="mine-tag"> · yours</span>}
            </span>
            <span class="model-state">{row.state}</span>
            <a class="model-incident" href={incidentUrl(row.item.incident.id)} target="_blank" rel="noopener noreferrer">
              {row.item.incident.name}
            </a>
            <span class="model-since">{duration(now - row.item.incident.startedAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
