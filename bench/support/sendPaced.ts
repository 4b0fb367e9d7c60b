/**
 * Sends messages 1…total at `rate` per second, as a steady producer would:
 * a 1 ms timer sends whatever is due by the clock since the start, so a
 * late tick catches up instead of lowering the rate. Resolves after the last
 * send. `beforeSend(seq)` runs just before each send (to stamp send times).
 */
export function sendPaced(rate: number, total: number, send: (seq: number) => void, beforeSend?: (seq: number) => void): Promise<void> {
  const started = performance.now();
  let seq = 0;
  return new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
      while (seq < due) {
        seq++;
        beforeSend?.(seq);
        send(seq);
      }
      if (seq < total) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
}
