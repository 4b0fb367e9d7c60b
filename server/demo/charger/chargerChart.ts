/**
 * A three-stage charger (bulk → absorption → float) built with the Factory
 * API on a NetworkedFactory. It starts charging when the site reports
 * strong sun, cools down while the battery is hot, stands by at night, and
 * transmits every stage change as other_charger_stage("<name>:<stage>").
 *
 *   +- standby -+  other_sun_strong   +---------------------- powered ----------------------+
 *   |           |────────────────────▶| +-------------- charging (INIT → bulk) --------+    |
 *   |           |                     | | bulk ─to_absorption▶ absorption ─to_float▶ float |
 *   |           |◀────────────────────| |  ▲                                     │      |    |
 *   +-----------+    other_night      | |  └──────── other_sun_strong ───────────┘      |    |
 *                                     | +-----------------------------------------------+   |
 *                                     |   │ other_battery_hot        ▲ other_battery_ok     |
 *                                     |   ▼                          │                      |
 *                                     | +- cooling -+────────────────┘                      |
 *                                     +-----------------------------------------------------+
 */
import type { NetworkedFactory } from '../../net/charts/NetworkedFactory.ts';
import { Event, ReturnStatus, type Factory, type FactoryCallback, type StateHandler } from '../../statechart/index.ts';
import { periodBetween } from './chargerTiming.ts';

const { HANDLED } = ReturnStatus;

/** Adds the charger's states to `chart` and nests them; returns the state to start at. */
export function buildCharger(chart: NetworkedFactory, scale: number): StateHandler<Factory> {
  const stageLength = periodBetween(3, 6, scale);
  // The factory calls back only the chart that created the state.
  const on = (fn: (c: NetworkedFactory, e: Event) => number): FactoryCallback => (c, e) => fn(c as NetworkedFactory, e);
  const go = (target: () => StateHandler<Factory>) => on((c) => c.trans(target()));
  const stage = (name: string, next?: string) =>
    on((c) => {
      c.transmit(new Event('other_charger_stage', `${c.name}:${name}`));
      if (next) c.postFifo(new Event(next), { times: 1, period: stageLength(), deferred: true });
      return HANDLED;
    });
  const cancel = (signal: string) =>
    on((c) => {
      c.cancelEvents(signal);
      return HANDLED;
    });

  const standby: StateHandler<Factory> = chart
    .create('standby')
    .catch('ENTRY_SIGNAL', stage('standby'))
    .catch('other_sun_strong', go(() => charging))
    .toMethod();
  const powered: StateHandler<Factory> = chart
    .create('powered')
    .catch('other_night', go(() => standby))
    .toMethod();
  const charging: StateHandler<Factory> = chart
    .create('charging')
    .catch('INIT_SIGNAL', go(() => bulk))
    .catch('other_battery_hot', go(() => cooling))
    .toMethod();
  const bulk: StateHandler<Factory> = chart
    .create('bulk')
    .catch('ENTRY_SIGNAL', stage('bulk', 'to_absorption'))
    .catch('to_absorption', go(() => absorption))
    .catch('EXIT_SIGNAL', cancel('to_absorption'))
    .toMethod();
  const absorption: StateHandler<Factory> = chart
    .create('absorption')
    .catch('ENTRY_SIGNAL', stage('absorption', 'to_float'))
    .catch('to_float', go(() => float))
    .catch('EXIT_SIGNAL', cancel('to_float'))
    .toMethod();
  const float: StateHandler<Factory> = chart
    .create('float')
    .catch('ENTRY_SIGNAL', stage('float'))
    .catch('other_sun_strong', go(() => bulk))
    .toMethod();
  const cooling: StateHandler<Factory> = chart
    .create('cooling')
    .catch('ENTRY_SIGNAL', stage('cooling'))
    .catch('other_battery_ok', go(() => charging))
    .toMethod();

  chart
    .nest(standby, null)
    .nest(powered, null)
    .nest(charging, powered)
    .nest(bulk, charging)
    .nest(absorption, charging)
    .nest(float, charging)
    .nest(cooling, powered);
  return standby;
}
