/** rowWindow for a scrolling element: follows its scroll position and size. */
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { rowWindow, scrollTopFor, type RowWindow } from './rowWindow.ts';

export interface RowWindowApi extends RowWindow {
  /** Call from the element's scroll handler. */
  onScroll(): void;
  /** Scrolls so that row `index` is at the top or bottom; returns the scrollTop it set. */
  scrollToIndex(index: number, align: 'start' | 'end'): number;
}

export function useRowWindow(scroller: RefObject<HTMLElement | null>, count: number, rowHeight: number): RowWindowApi {
  const [metrics, setMetrics] = useState({ scrollTop: 0, viewport: 0 });
  /** The viewport height last read (kept current by a ResizeObserver). */
  const viewportRef = useRef(0);

  const read = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const scrollTop = el.scrollTop;
    const viewport = (viewportRef.current = el.clientHeight);
    setMetrics((m) => (m.scrollTop === scrollTop && m.viewport === viewport ? m : { scrollTop, viewport }));
  }, [scroller]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    read();
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, [scroller, read]);

  const window = rowWindow({ count, rowHeight, scrollTop: metrics.scrollTop, viewport: metrics.viewport });
  const scrollToIndex = useCallback(
    (index: number, align: 'start' | 'end') => {
      const el = scroller.current;
      if (!el) return 0;
      // The known viewport and the computed position, not read back: every
      // read after a render forces a layout, and a log following a loading
      // file scrolls on every update.
      const viewport = viewportRef.current > 0 ? viewportRef.current : (viewportRef.current = el.clientHeight);
      const scrollTop = scrollTopFor(index, align, { count, rowHeight, viewport });
      el.scrollTop = scrollTop;
      setMetrics((m) => (m.scrollTop === scrollTop && m.viewport === viewport ? m : { scrollTop, viewport }));
      return scrollTop;
    },
    [scroller, count, rowHeight],
  );
  return { ...window, onScroll: read, scrollToIndex };
}
