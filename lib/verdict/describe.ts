/** Words and short labels shared by the badge, the popup and the banner. */
import type { Level } from './level';
import type { PollProblem } from '../statuspage/fetch-json';
import type { IncidentStatus } from '../statuspage/schema';

export const LEVEL_WORDS: Record<Level, string> = {
  operational: 'All systems operational',
  maintenance: 'Maintenance',
  minor: 'Minor incident',
  major: 'Major incident',
  critical: 'Critical incident',
};

export const STEP_WORDS: Partial<Record<IncidentStatus, string>> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  postmortem: 'Resolved',
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  verifying: 'Verifying',
  completed: 'Completed',
};

export function stepWord(status: IncidentStatus): string {
  return STEP_WORDS[status] ?? 'Update';
}

/** "Couldn't reach status.claude.com: HTTP 405" and friends. */
export function problemText(problem: PollProblem): string {
  switch (problem.kind) {
    case 'offline':
      return 'You are offline';
    case 'blocked':
      return `status.claude.com refused the request (${problem.detail})`;
    case 'invalid':
      return `status.claude.com sent something unexpected: ${problem.detail}`;
    default: // network, timeout, http
      return `Couldn't reach status.claude.com: ${problem.detail}`;
  }
}

/** "just now", "45 s ago", "3 min ago", "2 h ago", "3 d ago". */
export function ago(ms: number, now: number): string {
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 5) return 'just now';
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.floor(h / 24)} d ago`;
}

/** "1 h 5 min", for "started … ago" where precision matters more than brevity. */
export function duration(ms: number): string {
  const m = Math.max(0, Math.floor(ms / 60_000));
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}

/** Local clock time, e.g. "14:05". */
export function clock(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** Known component ids → badge abbreviations; other components use their label. */
const COMPONENT_SHORT: Readonly<Record<string, string>> = {
  rwppv331jlwc: 'WEB',
  '0qbwn08sd68x': 'CON',
  k8w3r06qmzrp: 'API',
  yyzkbfz2thpt: 'CODE',
  bpp5gb3hpjcl: 'CWK',
  '0scnb50nvy53': 'GOV',
};

export function componentShort(id: string, label: string): string {
  // Own keys only: an id such as "constructor" must not find Object.prototype's.
  if (Object.hasOwn(COMPONENT_SHORT, id)) return COMPONENT_SHORT[id]!;
  return (
    label
      .replace(/^Claude\s+/i, '')
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 4)
      .toUpperCase() || '!'
  );
}
