/**
 * A value that follows its input at most once per `intervalMs` (the latest
 * value always lands, at the end of the interval). The virtual sequence view
 * updates its rows from the model when records arrive (useVirtualRows), which
 * a live stream must not make it do per batch.
 */
import { useEffect, useRef, useState } from 'react';

export function useThrottledValue<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = Math.max(0, last.current + intervalMs - performance.now());
    const timer = setTimeout(() => {
      last.current = performance.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, shown, intervalMs]);
  return shown;
}
