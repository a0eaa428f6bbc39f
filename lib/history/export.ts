/**
 * The archive as files a user can keep: JSON (everything, versioned) and CSV (one row per incident,
 * for a spreadsheet). Incident text comes from the status page, so the CSV is safe against formula
 * injection: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`,
 * and every cell is quoted with its quotes doubled. Pure.
 * @module
 */
import { incidentUrl } from '../statuspage/snapshot';
import type { Archive } from './archive';
import { incidentDuration, incidentTimeline, namedModels } from './minutes';
import { offsetAt, validTimeZone } from './zone';

export const EXPORT_FORMAT = 'claude-status-archive';
export const EXPORT_VERSION = 1;

/** The whole archive, with what it is and when and where it was exported. */
export function exportJson(archive: Archive, now: number): string {
  return JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date(now).toISOString(), archive }, null, 2);
}

/** ISO 8601 with the zone's offset at that instant: `2026-09-03T05:37:31-07:00`. */
export function localIso(t: number, timeZone: string): string {
  const offset = offsetAt(t, timeZone);
  const wall = new Date(Math.floor(t / 1000) * 1000 + offset).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.round(Math.abs(offset) / 60_000);
  return `${wall}${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** One CSV cell: neutralised if a spreadsheet would read it as a formula, always quoted. */
export function csvCell(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export const CSV_COLUMNS = [
  'id',
  'name',
  'impact',
  'status',
  'started',
  'resolved',
  'duration_minutes',
  'open_minutes',
  'models',
  'broad',
  'components',
  'url',
] as const;

/**
 * One row per incident, newest first, times as ISO 8601 in `timeZone` with their offset; models and components as
 * space-separated keys and ids. Lines end in CRLF (RFC 4180).
 */
export function exportCsv(archive: Archive, now: number, timeZone: string): string {
  const zone = validTimeZone(timeZone);
  const rows = archive.incidents.map((incident) => {
    const t = incidentTimeline(incident, now);
    const d = incidentDuration(t, now);
    const components = [...new Set(t.intervals.flatMap((i) => Object.keys(i.components)))];
    return [
      incident.id,
      incident.name,
      incident.impact,
      incident.status,
      localIso(d.start, zone),
      d.end === null ? null : localIso(d.end, zone),
      Math.round(d.spanMs / 60_000),
      Math.round(d.openMs / 60_000),
      namedModels(t).join(' '),
      incident.models.broad,
      components.join(' '),
      incidentUrl(incident.id),
    ].map(csvCell);
  });
  return `${[CSV_COLUMNS.map(csvCell), ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`;
}
