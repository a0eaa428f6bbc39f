/**
 * Messages to the background. State never travels by message (it is in storage); only commands
 * do, and every change the user makes is one (the background is the single writer: writes.ts).
 */
import { browser } from 'wxt/browser';
import { LIST_PREFS, type PrefsPatch } from '../prefs';
import type { SnoozePreset, WriteResult } from './writes';

export type Command =
  | { type: 'refresh'; reason: 'user' | 'popup-open' }
  | { type: 'learn-models' }
  /** The history page opened: fill the archive if it never was, refresh the official uptime when due. */
  | { type: 'history-open' }
  | { type: 'update-prefs'; patch: PrefsPatch }
  | { type: 'mute'; incidentId: string; muted: boolean }
  | { type: 'snooze'; preset: SnoozePreset }
  | { type: 'dismiss-banner'; incidentId: string; fingerprint: string; openIds: string[] };

const ID = /^[a-z0-9]{1,40}$/i;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length <= 100 && v.every((s) => typeof s === 'string' && s.length <= 100);

function isPatch(p: unknown): p is PrefsPatch {
  if (!isObject(p)) return false;
  const lists = (x: unknown) => x === undefined || (isObject(x) && Object.values(x).every(isStringList));
  // Lists change item by item (add/remove), never by replacing them.
  const set = p.set === undefined || (isObject(p.set) && !LIST_PREFS.some((k) => k in (p.set as object)));
  return set && lists(p.add) && lists(p.remove);
}

/** Checks a message's shape: pages are ours, but a message is still data from another context. */
export function isCommand(message: unknown): message is Command {
  if (!isObject(message)) return false;
  const m = message;
  switch (m.type) {
    case 'learn-models':
    case 'history-open':
      return true;
    case 'refresh':
      return m.reason === 'user' || m.reason === 'popup-open';
    case 'update-prefs':
      return isPatch(m.patch);
    case 'mute':
      return typeof m.incidentId === 'string' && ID.test(m.incidentId) && typeof m.muted === 'boolean';
    case 'snooze':
      return m.preset === 'hour' || m.preset === 'tomorrow' || m.preset === 'off';
    case 'dismiss-banner':
      return (
        typeof m.incidentId === 'string' &&
        ID.test(m.incidentId) &&
        typeof m.fingerprint === 'string' &&
        m.fingerprint.length <= 200 &&
        isStringList(m.openIds)
      );
    default:
      return false;
  }
}

async function send(command: Command): Promise<WriteResult> {
  try {
    const answer = (await browser.runtime.sendMessage(command)) as WriteResult | boolean | undefined;
    if (typeof answer === 'object' && answer !== null) return answer;
    return answer === false ? { ok: false, error: 'failed' } : { ok: true };
  } catch {
    // The worker is restarting or the page is closing.
    return { ok: false, error: 'failed' };
  }
}

/** Asks the background to poll now. Resolves when the poll has been stored. */
export function requestRefresh(reason: 'user' | 'popup-open'): Promise<WriteResult> {
  return send({ type: 'refresh', reason });
}

/** Asks the background to read recent incidents for the models they name (settings page). */
export function requestLearnModels(): Promise<WriteResult> {
  return send({ type: 'learn-models' });
}

/** Tells the background the history page is open (it fills what is missing; the page watches storage). */
export function requestHistory(): Promise<WriteResult> {
  return send({ type: 'history-open' });
}

export function updatePrefs(patch: PrefsPatch): Promise<WriteResult> {
  return send({ type: 'update-prefs', patch });
}

export function setMuted(incidentId: string, muted: boolean): Promise<WriteResult> {
  return send({ type: 'mute', incidentId, muted });
}

export function snooze(preset: SnoozePreset): Promise<WriteResult> {
  return send({ type: 'snooze', preset });
}

export function dismissBanner(incidentId: string, fingerprint: string, openIds: string[]): Promise<WriteResult> {
  return send({ type: 'dismiss-banner', incidentId, fingerprint, openIds });
}
