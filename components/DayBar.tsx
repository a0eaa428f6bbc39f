import { useId, useRef, useState } from 'preact/hooks';
import { type IncidentName, dayLabel, dayTooltip, isModelDay } from '../lib/history/present';
import type { DayCell } from '../lib/history/days';
import { i18n } from '../lib/i18n';

/** The day a key press moves to (arrows one day, visually, so flipped right-to-left; Home and End to either end), or
 *  null for a key the bar leaves alone (Tab among them). */
export function keyTarget(key: string, index: number, last: number, rtl: boolean): number | null {
  const step = rtl ? -1 : 1;
  switch (key) {
    case 'ArrowRight':
      return Math.min(last, Math.max(0, index + step));
    case 'ArrowLeft':
      return Math.min(last, Math.max(0, index - step));
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/**
 * A 90-day bar: one cell per local day, coloured by level, a model's "multiple models" days marked
 * by a line under the cell. One Tab stop (roving tabindex, starting on today); the arrow keys move
 * between days, Home and End to the first and last. Every cell has a screen-reader name and a
 * tooltip listing its incidents, and the active day's name and incidents are shown as text beside
 * the bar, so the details never depend on hovering.
 */
export function DayBar({
  cells,
  label,
  timeZone,
  incidents,
}: {
  cells: readonly DayCell[];
  label: string;
  timeZone: string;
  incidents: ReadonlyMap<string, IncidentName>;
}) {
  const [active, setActive] = useState(cells.length - 1);
  const refs = useRef<Array<HTMLTableCellElement | null>>([]);
  const current = cells[Math.min(active, cells.length - 1)];
  const move = (index: number) => {
    setActive(index);
    refs.current[index]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const rtl = getComputedStyle(event.currentTarget as Element).direction === 'rtl';
    const next = keyTarget(event.key, index, cells.length - 1, rtl);
    if (next === null) return;
    event.preventDefault();
    move(next);
  };
  const hintId = `${useId()}-hint`;

  return (
    <div class="day-bar">
      {/* biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the APG grid pattern on a table: one Tab stop, arrow keys between the cells */}
      <table role="grid" aria-label={label} aria-describedby={hintId} class="bar">
        <tbody>
          <tr class="bar-row">
            {cells.map((cell, i) => (
              <td
                key={cell.key}
                ref={(el) => {
                  refs.current[i] = el;
                }}
                tabIndex={i === active ? 0 : -1}
                aria-label={dayLabel(cell, timeZone)}
                title={dayTooltip(cell, timeZone, incidents)}
                class={`day level-${cell.level}${i === active ? ' is-active' : ''}`}
                data-day={cell.key}
                data-level={cell.level}
                data-incidents={cell.incidents.length}
                onKeyDown={(e) => onKeyDown(e, i)}
                onFocus={() => setActive(i)}
                onClick={() => move(i)}
              >
                {isModelDay(cell) && cell.broadIncidents.length > 0 && <span class={`broad-mark level-${cell.broadLevel}`} />}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <p class="visually-hidden" id={hintId}>
        {i18n.t('history.barHint')}
      </p>
      {current && (
        <div class="day-detail">
          <p class="day-detail-label">{dayLabel(current, timeZone)}</p>
          {current.incidents.length > 0 && (
            <ul>
              {current.incidents.map((id) => {
                const found = incidents.get(id);
                return found ? (
                  <li key={id}>
                    <bdi>{found.name}</bdi>
                  </li>
                ) : null;
              })}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
