/**
 * Wraps an async task so that concurrent calls share the run already under way (one refresh at a
 * time: an alarm, a click and a wake-up at the same moment make one request).
 */
export function singleFlight<A extends unknown[], T>(task: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  let running: Promise<T> | null = null;
  return (...args) => {
    running ??= task(...args).finally(() => {
      running = null;
    });
    return running;
  };
}
