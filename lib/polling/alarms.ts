/**
 * The extension's alarms. Chrome runs a packed extension's alarm at most every 30 s, per alarm:
 * three 1-minute alarms a third of a minute apart give one poll every 20 s. This file imports
 * nothing, so the E2E harness and the bench import the names instead of copying them.
 */
export const POLL_ALARMS = ['poll-status-0', 'poll-status-1', 'poll-status-2'] as const;
export const POLL_ALARM_PERIOD_MINUTES = 1;
/** The single 30 s alarm of earlier versions; removed at start. */
export const LEGACY_POLL_ALARM = 'poll-status';

export function isPollAlarm(name: string): boolean {
  return (POLL_ALARMS as readonly string[]).includes(name);
}

/** Other providers' status (providers-tasks.ts): one alarm, present only while a provider is on. */
export const PROVIDERS_ALARM = 'poll-providers';
/** `pollProviders` spaces each provider's requests by its own interval; the alarm only asks often enough. */
export const PROVIDERS_ALARM_PERIOD_MINUTES = 1;
