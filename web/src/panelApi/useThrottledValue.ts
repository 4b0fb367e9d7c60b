/**
 * A value that follows its input at most once per `intervalMs` (the latest
 * value always lands, at the end of the interval). The virtual sequence view
 * updates its rows from the model when records arrive (useVirtualRows), and
 * the live charts table re-reads its charts' records: a live stream must not
 * make either do it per batch.
 *
 * One timer per interval, not one per change: the input changes every frame
 * while records stream, and clearing and re-arming a timer each time was a
 * visible share of the page's script time at 500 charts (scale bench --trace).
 */
import { useEffect, useRef, useState } from 'react';

export function useThrottledValue<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  const latest = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    latest.current = value;
    if (Object.is(value, shown) || timer.current !== null) return;
    const wait = Math.max(0, last.current + intervalMs - performance.now());
    timer.current = setTimeout(() => {
      timer.current = null;
      last.current = performance.now();
      setShown(latest.current);
    }, wait);
  }, [value, shown, intervalMs]);
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    },
    [],
  );
  return shown;
}
