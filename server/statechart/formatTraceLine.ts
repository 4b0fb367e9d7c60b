/**
 * One trace line, without its line end, exactly as miros prints it:
 *
 *   [2019-02-23 08:08:34.878743] [NAME] e->SIGNAL() BEFORE->AFTER
 *
 * `start_at` entries read `e->start_at() top->LEAF`; an unnamed chart shows
 * `[None]`.
 */
import { formatTimestamp } from './formatTimestamp.ts';
import type { TraceEntry } from './TraceRing.ts';

/**
 * One trace entry as miros prints it.
 *
 * @remarks miros: one line of `trace()`: `[ts] [name] e->SIGNAL() FROM->TO`.
 */
export function formatTraceLine(entry: Omit<TraceEntry, 'seq'>, chartName: string | null): string {
  return (
    `[${formatTimestamp(entry.time)}] [${chartName ?? 'None'}] ` +
    `e->${entry.signalName ?? 'start_at'}() ${entry.from}->${entry.to}`
  );
}
