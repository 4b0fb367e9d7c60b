/**
 * The richer demo: a small solar charging site of five charts talking over
 * one mesh (tx `charger.<role>`, rx `charger.*`), nested up to three levels
 * deep (powered ⊃ charging ⊃ bulk):
 *
 *   xxxxx_site ──other_day / other_sun_strong / other_sun_weak / other_night──▶ everyone
 *   xxxxx_charger (×2) ──other_charger_stage("name:stage")──▶ battery, fan
 *   xxxxx_battery ──other_battery_hot / other_battery_ok──▶ chargers, fan
 *   xxxxx_fan: listens only
 *
 * Both chargers start bulk on the same strong sun, which heats the battery,
 * which sends both chargers to cooling and the fan to high — a cross-chart
 * chain the system sequence diagram shows well.
 */
import { batteryStates } from './charger/batteryChart.ts';
import { buildCharger } from './charger/chargerChart.ts';
import { fanStates } from './charger/fanChart.ts';
import { siteStates } from './charger/siteChart.ts';
import type { ChartContext } from './ChartContext.ts';

const routing = (role: string) => ({ txRoutingKey: `charger.${role}`, rxRoutingKey: 'charger.*' });

export default async function startChargerDemo(ctx: ChartContext): Promise<void> {
  const { NetworkedActiveObject, NetworkedFactory } = ctx.runtime;
  const scale = ctx.timeScale;
  const ao = (post: string) =>
    ctx.track(ctx.instrument(new NetworkedActiveObject(ctx.makeName(post), ctx.options(routing(post)))));

  const fan = ao('fan');
  const battery = ao('battery');
  const chargers = [1, 2].map(() =>
    ctx.track(ctx.instrument(new NetworkedFactory(ctx.makeName('charger'), ctx.options(routing('charger'))))),
  );
  const site = ao('site');

  fan.startAt(fanStates().off);
  battery.startAt(batteryStates(scale).monitoring);
  for (const charger of chargers) charger.startAt(buildCharger(charger, scale));
  // The site speaks first, once the others are bound to the mesh. Not awaited: on a
  // broker that is not up yet the server must still come up and say where it is; the
  // site starts when the broker does (a chart stopped before then rejects, and never starts).
  void Promise.all([fan, battery, ...chargers].map((chart) => chart.network.ready())).then(
    () => site.startAt(siteStates(scale).siteRunning),
    () => undefined,
  );
}
