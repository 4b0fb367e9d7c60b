/** rowWindow for a scrolling element: follows its scroll position and size. */
import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';
import { rowWindow, scrollTopFor, type RowWindow } from './rowWindow.ts';

export interface RowWindowApi extends RowWindow {
  /** Call from the element's scroll handler. */
  onScroll(): void;
  /** Scrolls so that row `index` is at the top or bottom. */
  scrollToIndex(index: number, align: 'start' | 'end'): void;
}

export function useRowWindow(scroller: RefObject<HTMLElement | null>, count: number, rowHeight: number): RowWindowApi {
  const [metrics, setMetrics] = useState({ scrollTop: 0, viewport: 0 });

  const read = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    setMetrics((m) => (m.scrollTop === el.scrollTop && m.viewport === el.clientHeight ? m : { scrollTop: el.scrollTop, viewport: el.clientHeight }));
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
      if (!el) return;
      el.scrollTop = scrollTopFor(index, align, { count, rowHeight, viewport: el.clientHeight });
      read();
    },
    [scroller, count, rowHeight, read],
  );
  return { ...window, onScroll: read, scrollToIndex };
}
