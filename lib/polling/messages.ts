/**
 * Messages to the background. State never travels by message (it is in storage); only commands do.
 */
import { browser } from 'wxt/browser';

export type Command = { type: 'refresh'; reason: 'user' | 'popup-open' } | { type: 'learn-models' };

export function isCommand(message: unknown): message is Command {
  const m = message as { type?: unknown; reason?: unknown } | null;
  if (typeof m !== 'object' || m === null) return false;
  if (m.type === 'learn-models') return true;
  return m.type === 'refresh' && (m.reason === 'user' || m.reason === 'popup-open');
}

async function send(command: Command): Promise<void> {
  try {
    await browser.runtime.sendMessage(command);
  } catch {
    // The worker is restarting or the page is closing; the stored state still updates the UI.
  }
}

/** Asks the background to poll now. Resolves when the poll has been stored. */
export function requestRefresh(reason: 'user' | 'popup-open'): Promise<void> {
  return send({ type: 'refresh', reason });
}

/** Asks the background to read recent incidents for the models they name (settings page). */
export function requestLearnModels(): Promise<void> {
  return send({ type: 'learn-models' });
}
