/**
 * The site controller of the charger demo: day and night, and in the day a
 * sun that comes and goes. It tells the other charts over the mesh.
 *
 *   +------------------------------ site_running ------------------------------+
 *   |  +------------------ day ------------------+          +---- night ----+  |
 *   |  | ENTRY: transmit other_day, arm day_over |          | ENTRY:        |  |
 *   |  |  +- sun_strong -+  sun_change  +- sun_weak -+      |  transmit     |  |
 *   |  |  | transmit     |─────────────▶| transmit   |  day_over other_night |  |
 *   |  |  | other_sun_   |◀─────────────| other_sun_ |─────▶|  arm          |  |
 *   |  |  | strong       |  sun_change  | weak       |      |  night_over   |  |
 *   |  |  +--------------+              +------------+◀─────|               |  |
 *   |  +-----------------------------------------+ night_over +---------------+  |
 *   +--------------------------------------------------------------------------+
 */
import type { NetworkedActiveObject } from '../../net/charts/NetworkedActiveObject.ts';
import { Event, ReturnStatus, signals, spyOn, type StateHandler } from '../../statechart/index.ts';
import { periodBetween } from './chargerTiming.ts';

const { HANDLED } = ReturnStatus;
const { ENTRY_SIGNAL, EXIT_SIGNAL, INIT_SIGNAL } = signals;

type Chart = NetworkedActiveObject;

export function siteStates(scale: number): { siteRunning: StateHandler<Chart> } {
  const dayLength = periodBetween(16, 24, scale);
  const nightLength = periodBetween(6, 10, scale);
  const sunSpell = periodBetween(3, 7, scale);
  const arm = (chart: Chart, signal: string, period: () => number) =>
    chart.postFifo(new Event(signal), { times: 1, period: period(), deferred: true });
  const tell = (chart: Chart, signal: string) => chart.transmit(new Event(signal, chart.name));

  const siteRunning = spyOn('site_running', (chart: Chart, e: Event): number => {
    if (e.signal === INIT_SIGNAL) return chart.trans(day);
    return e.signal === ENTRY_SIGNAL || e.signal === EXIT_SIGNAL ? HANDLED : chart.super(chart.top);
  });

  const day = spyOn('day', (chart: Chart, e: Event): number => {
    switch (e.signal) {
      case ENTRY_SIGNAL:
        tell(chart, 'other_day');
        arm(chart, 'day_over', dayLength);
        return HANDLED;
      case INIT_SIGNAL:
        return chart.trans(sunStrong);
      case signals.day_over:
        return chart.trans(night);
      case EXIT_SIGNAL:
        chart.cancelEvents('day_over');
        return HANDLED;
      default:
        return chart.super(siteRunning);
    }
  });

  const sunny = (name: string, tellSignal: string, next: () => StateHandler<Chart>) =>
    spyOn(name, (chart: Chart, e: Event): number => {
      switch (e.signal) {
        case ENTRY_SIGNAL:
          tell(chart, tellSignal);
          arm(chart, 'sun_change', sunSpell);
          return HANDLED;
        case signals.sun_change:
          return chart.trans(next());
        case EXIT_SIGNAL:
          chart.cancelEvents('sun_change');
          return HANDLED;
        default:
          return chart.super(day);
      }
    });
  const sunStrong: StateHandler<Chart> = sunny('sun_strong', 'other_sun_strong', () => sunWeak);
  const sunWeak: StateHandler<Chart> = sunny('sun_weak', 'other_sun_weak', () => sunStrong);

  const night = spyOn('night', (chart: Chart, e: Event): number => {
    switch (e.signal) {
      case ENTRY_SIGNAL:
        tell(chart, 'other_night');
        arm(chart, 'night_over', nightLength);
        return HANDLED;
      case signals.night_over:
        return chart.trans(day);
      case EXIT_SIGNAL:
        chart.cancelEvents('night_over');
        return HANDLED;
      default:
        return chart.super(siteRunning);
    }
  });

  return { siteRunning };
}
