/**
 * The thresholds of the local-evidence verdict (verdict.ts): when the user's own requests make
 * "Claude is failing for you", and when that is over. Imports nothing, so the bench imports them
 * instead of copying them (and a module that only needs a number never loads the verdict code).
 */
/** The span the verdict looks at. */
export const SPAN_MS = 5 * 60_000;
/** "Failing" (Claude-side, or the user's connection) needs this many such failures in the span… */
export const FAILING_MIN_COUNT = 3;
/** …that are at least this share of its requests. */
export const FAILING_MIN_SHARE = 0.5;
/** Recovered when the last RECOVERY_SPAN_MS hold at least RECOVERY_MIN_OK good requests… */
export const RECOVERY_SPAN_MS = 2 * 60_000;
export const RECOVERY_MIN_OK = 2;
/** …and Claude-side failures below this share. */
export const RECOVERY_MAX_SHARE = 0.2;
