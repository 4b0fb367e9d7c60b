/**
 * miros-rabbitmq's NetworkedFactory: a Factory (states built from
 * callbacks) on the mesh and snoop networks. Its `nest` table knows every
 * state's parent before the chart starts, so the whole topology is
 * announced with the first snoop message (a NetworkedActiveObject learns
 * its states as it searches them).
 *
 *   const fo = new NetworkedFactory('2771f_fo', { meshEncryptionKey: KEY, txRoutingKey: 'heya.man', rxRoutingKey: '#.man' });
 *   const outer = fo.create('outer').catch(signals.to_inner, (chart) => chart.trans(inner)).toMethod();
 *   …
 *   fo.nest(outer, null).nest(inner, outer);
 *   fo.enableSnoopTrace();
 *   fo.startAt(outer);
 */
import { Factory, stateNameOf, type StateHandler } from '../../statechart/index.ts';
import type { NetworkedChartOptions } from './NetworkedChartOptions.ts';
import { withNetwork } from './withNetwork.ts';

/**
 * A Factory on miros-rabbitmq's networks: states built from callbacks, and the same networking API
 * as NetworkedActiveObject. Its `nest` table announces the whole topology with the first snoop
 * message.
 *
 * @remarks miros-rabbitmq: `NetworkedFactory(name, rabbit_user=, rabbit_password=, tx_routing_key=,
 * rx_routing_key=, mesh_encryption_key=, …)`
 */
export class NetworkedFactory extends withNetwork(Factory) {
  constructor(name: string, options: NetworkedChartOptions) {
    super(name, options);
  }

  override nest(state: StateHandler | string, parent: StateHandler | string | null): this {
    super.nest(state, parent);
    const parentName = parent === null || parent === this.top ? null : typeof parent === 'string' ? parent : stateNameOf(parent);
    this.network.learnParent(typeof state === 'string' ? state : stateNameOf(state), parentName);
    return this;
  }
}
