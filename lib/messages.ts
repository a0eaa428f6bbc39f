/**
 * Messages to the background. State never travels by message (it is in storage); only commands do.
 */
import { browser } from 'wxt/browser';

export type Command = { type: 'refresh'; reason: 'user' | 'popup-open' };

export function isCommand(message: unknown): message is Command {
  const m = message as Partial<Command> | null;
  return typeof m === 'object' && m !== null && m.type === 'refresh' && (m.reason === 'user' || m.reason === 'popup-open');
}

/** Asks the background to poll now. Resolves when the poll has been stored. */
export async function requestRefresh(reason: Command['reason']): Promise<void> {
  try {
    await browser.runtime.sendMessage({ type: 'refresh', reason } satisfies Command);
  } catch {
    // The worker is restarting or the popup is closing; the stored state still updates the UI.
  }
}
