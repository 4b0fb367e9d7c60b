/**
 * When the log keeps itself scrolled to the newest row: on until the user
 * scrolls up, back on when they scroll to the bottom or press "jump to
 * latest". Scrolls the list makes itself never count as the user's.
 */
export interface ScrollMetrics {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
}

/** Within this many pixels of the bottom counts as "at the bottom". */
export const BOTTOM_TOLERANCE_PX = 24;

export function isAtBottom(m: ScrollMetrics, tolerance = BOTTOM_TOLERANCE_PX): boolean {
  return m.scrollHeight - m.scrollTop - m.clientHeight <= tolerance;
}

/** Following after a scroll event: user scrolls decide, our own scrolls keep it as it was. */
export function followAfterScroll(following: boolean, metrics: ScrollMetrics, byUser: boolean, previousTop: number): boolean {
  if (!byUser) return following;
  if (isAtBottom(metrics)) return true;
  // Only a move upwards turns following off: rows arriving below also leave us "not at the bottom".
  return metrics.scrollTop < previousTop ? false : following;
}
