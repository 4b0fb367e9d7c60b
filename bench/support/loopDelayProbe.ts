/**
 * Loaded into `miroscope serve` by the scale bench (`node --import`), to see
 * whether serve's own event loop was late: a relay latency with a late loop
 * is the process waiting for the CPU or for its own long tasks; with a
 * punctual loop it is the records' own queueing (bursts, batching).
 *
 * On SIGUSR2 it writes the event-loop delay since the previous SIGUSR2 (p50,
 * p99, max in ms, from perf_hooks.monitorEventLoopDelay) to the file named by
 * SCALE_LOOP_PROBE and starts over. Costs one 10 ms-resolution timer.
 */
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.SCALE_LOOP_PROBE;
if (file) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let reads = 0;
  process.on('SIGUSR2', () => {
    const ms = (ns: number) => Math.round(ns / 1e5) / 10;
    const report = { reads: ++reads, p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) };
    histogram.reset();
    writeFileSync(file, JSON.stringify(report));
  });
}
