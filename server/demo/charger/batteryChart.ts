/**
 * The battery monitor of the charger demo: it listens to every charger's
 * stage and gets hot when two or more chargers are in bulk at once; it tells
 * the chargers and the fan (other_battery_hot / other_battery_ok).
 *
 *   +------------------------ monitoring -------------------------+
 *   | other_charger_stage: note the charger's stage               |
 *   |  +- normal -+   ≥ 2 chargers in bulk   +------ hot -------+ |
 *   |  |          |─────────────────────────▶| ENTRY: transmit  | |
 *   |  |          |                          |  other_battery_  | |
 *   |  |          |◀─────── cooled ──────────|  hot, arm cooled | |
 *   |  +----------+                          | EXIT: transmit   | |
 *   |                                        |  other_battery_ok| |
 *   |                                        +------------------+ |
 *   +-------------------------------------------------------------+
 */
import type { NetworkedActiveObject } from '../../net/charts/NetworkedActiveObject.ts';
import { Event, ReturnStatus, signals, spyOn, type StateHandler } from '../../statechart/index.ts';
import { periodBetween } from './chargerTiming.ts';

const { HANDLED } = ReturnStatus;
const { ENTRY_SIGNAL, EXIT_SIGNAL, INIT_SIGNAL } = signals;

type Chart = NetworkedActiveObject;

export function batteryStates(scale: number): { monitoring: StateHandler<Chart> } {
  const coolDown = periodBetween(3, 5, scale);
  // Per chart instance: these states belong to one battery (see chargerDemo).
  const stages = new Map<string, string>();
  const noteStage = (e: Event) => {
    const [charger, stage] = String(e.payload ?? '').split(':');
    if (charger && stage) stages.set(charger, stage);
  };
  const inBulk = () => [...stages.values()].filter((stage) => stage === 'bulk').length;

  const monitoring = spyOn('monitoring', (chart: Chart, e: Event): number => {
    switch (e.signal) {
      case INIT_SIGNAL:
        return chart.trans(normal);
      case signals.other_charger_stage:
        noteStage(e);
        return HANDLED;
      case ENTRY_SIGNAL:
      case EXIT_SIGNAL:
        return HANDLED;
      default:
        return chart.super(chart.top);
    }
  });

  const normal = spyOn('normal', (chart: Chart, e: Event): number => {
    if (e.signal === signals.other_charger_stage) {
      noteStage(e);
      return inBulk() >= 2 ? chart.trans(hot) : HANDLED;
    }
    return e.signal === ENTRY_SIGNAL || e.signal === EXIT_SIGNAL ? HANDLED : chart.super(monitoring);
  });

  const hot = spyOn('hot', (chart: Chart, e: Event): number => {
    switch (e.signal) {
      case ENTRY_SIGNAL:
        chart.transmit(new Event('other_battery_hot', chart.name));
        chart.postFifo(new Event('cooled'), { times: 1, period: coolDown(), deferred: true });
        return HANDLED;
      case signals.cooled:
        // The chargers are cooling now, not in bulk.
        stages.clear();
        return chart.trans(normal);
      case EXIT_SIGNAL:
        chart.cancelEvents('cooled');
        chart.transmit(new Event('other_battery_ok', chart.name));
        return HANDLED;
      default:
        return chart.super(monitoring);
    }
  });

  return { monitoring };
}
