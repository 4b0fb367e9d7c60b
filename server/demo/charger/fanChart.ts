/**
 * The fan of the charger demo: off at night, on while chargers work, fast
 * while the battery is hot.
 *
 *   +- off -+  other_charger_stage   +------------- on (INIT → low) -------------+
 *   |       |───────────────────────▶| +- low -+ other_battery_hot +- high -+    |
 *   |       |◀───── other_night ─────| |       |──────────────────▶|        |    |
 *   +-------+                        | |       |◀─ other_battery_ok|        |    |
 *                                    | +-------+                   +--------+    |
 *                                    +-------------------------------------------+
 */
import type { NetworkedActiveObject } from '../../net/charts/NetworkedActiveObject.ts';
import { ReturnStatus, signals, spyOn, type Event, type StateHandler } from '../../statechart/index.ts';

const { HANDLED } = ReturnStatus;
const { ENTRY_SIGNAL, EXIT_SIGNAL, INIT_SIGNAL } = signals;

type Chart = NetworkedActiveObject;

export function fanStates(): { off: StateHandler<Chart> } {
  const plain = (e: Event) => e.signal === ENTRY_SIGNAL || e.signal === EXIT_SIGNAL;

  const off = spyOn('off', (chart: Chart, e: Event): number => {
    if (e.signal === signals.other_charger_stage && !String(e.payload ?? '').endsWith(':standby')) return chart.trans(low);
    return plain(e) ? HANDLED : chart.super(chart.top);
  });

  const on = spyOn('on', (chart: Chart, e: Event): number => {
    if (e.signal === INIT_SIGNAL) return chart.trans(low);
    if (e.signal === signals.other_night) return chart.trans(off);
    return plain(e) ? HANDLED : chart.super(chart.top);
  });

  const low = spyOn('low', (chart: Chart, e: Event): number => {
    if (e.signal === signals.other_battery_hot) return chart.trans(high);
    return plain(e) ? HANDLED : chart.super(on);
  });

  const high = spyOn('high', (chart: Chart, e: Event): number => {
    if (e.signal === signals.other_battery_ok) return chart.trans(low);
    return plain(e) ? HANDLED : chart.super(on);
  });

  return { off };
}
