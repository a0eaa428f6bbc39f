// Statuspage fixtures: loading and moving their timestamps to "just now".
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The real captures kept in the repository (tests/fixtures/statuspage, provenance in SOURCES.md). */
export const FIXTURES_DIR = path.resolve(here, '../../fixtures/statuspage');

/**
 * Read a fixture from FIXTURES_DIR. `.json` files are parsed, anything else returned as text.
 * @param {string} name e.g. 'claude-summary-2026-09-22-incident-multiple-models.json'
 * @returns {any}
 */
export function loadFixture(name) {
  const text = fs.readFileSync(path.join(FIXTURES_DIR, name), 'utf8');
  return name.endsWith('.json') ? JSON.parse(text) : text;
}

/** Timestamp fields rebaseTimes() shifts, wherever they occur (page, components, incidents, updates). */
export const TIME_KEYS = [
  'created_at',
  'updated_at',
  'started_at',
  'display_at',
  'monitoring_at',
  'resolved_at',
  'scheduled_for',
  'scheduled_until',
];
// Planned times may lie in the future: they move, but never choose the anchor.
const NOT_ANCHORS = new Set(['scheduled_for', 'scheduled_until']);

/**
 * Deep copy of a Statuspage payload with every timestamp in TIME_KEYS shifted by one constant, so
 * the newest incident / incident-update / maintenance time lands `minutesAgo` before `now`
 * (relative order kept). With no incidents or maintenances the newest timestamp anywhere
 * (usually page.updated_at) is the anchor. The shift is whole seconds, so the original format
 * (with or without milliseconds) is kept.
 * @template T
 * @param {T} payload summary.json / incidents.json / scheduled-maintenances.json object
 * @param {number} [now] epoch ms, default Date.now()
 * @param {number} [minutesAgo] default 5
 * @returns {T}
 */
export function rebaseTimes(payload, now = Date.now(), minutesAgo = 5) {
  const copy = structuredClone(payload);
  const lists = ['incidents', 'scheduled_maintenances'].flatMap((k) => copy?.[k] ?? []);
  let newest = maxTime(lists);
  if (newest === -Infinity) newest = maxTime(copy);
  if (newest === -Infinity) return copy;
  const shift = Math.round((now - minutesAgo * 60_000 - newest) / 1000) * 1000;
  visit(copy, (obj, key) => {
    const t = Date.parse(obj[key]);
    const iso = new Date(t + shift).toISOString();
    obj[key] = /\.\d+Z$/.test(obj[key]) ? iso : iso.replace(/\.\d+Z$/, 'Z');
  });
  return copy;
}

function maxTime(root) {
  let max = -Infinity;
  visit(root, (obj, key) => {
    if (!NOT_ANCHORS.has(key)) max = Math.max(max, Date.parse(obj[key]));
  });
  return max;
}

/** Call fn(obj, key) for every TIME_KEYS string field that parses as a date, at any depth. */
function visit(node, fn) {
  if (Array.isArray(node)) {
    for (const n of node) visit(n, fn);
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (TIME_KEYS.includes(key) && typeof value === 'string' && !Number.isNaN(Date.parse(value))) fn(node, key);
    else visit(value, fn);
  }
}
