import { useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';

/**
 * The current value of a stored item, live. `undefined` until the first read, so a surface can
 * paint nothing rather than a wrong default.
 */
export function useStored<T>(item: WxtStorageItem<T, Record<string, unknown>>): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    void item.getValue().then((v) => alive && setValue(v));
    const unwatch = item.watch((v) => setValue(v));
    return () => {
      alive = false;
      unwatch();
    };
  }, [item]);
  return value;
}

/**
 * `Date.now()` at each drawing, and a drawing at least every `everyMs`, so "N s ago" stays true
 * while the page is open. Read at each drawing, not only at the tick: data stored a moment ago (a
 * poll the page just asked for) must not look "from the future", which reads as a changed clock.
 */
export function useNow(everyMs = 1000): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return Date.now();
}
