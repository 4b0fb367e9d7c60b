/**
 * miros-rabbitmq's NetworkedActiveObject: an ActiveObject whose states are
 * plain `spyOn` handlers, on the mesh and snoop networks.
 *
 *   const ao = new NetworkedActiveObject('04ccc_ao', { meshEncryptionKey: KEY, txRoutingKey: 'heya.man', rxRoutingKey: '#.man' });
 *   ao.enableSnoopTrace();
 *   ao.startAt(outer);                      // connects; the chart never waits for the broker
 *   ao.transmit(new Event('other_to_inner', ao.name));
 *   await ao.stop();                        // worker exits, transports close
 *
 * Everything networked is in withNetwork.ts / ChartNetwork.ts.
 */
import { ActiveObject } from '../../statechart/index.ts';
import type { NetworkedChartOptions } from './NetworkedChartOptions.ts';
import { withNetwork } from './withNetwork.ts';

/**
 * An ActiveObject on miros-rabbitmq's networks: its states are plain `spyOn` handlers, it
 * `transmit`s events to other charts (TypeScript or Python) over the mesh and can publish its live
 * trace and spy on the snoop networks.
 *
 * @remarks miros-rabbitmq: `NetworkedActiveObject(name, rabbit_user=, rabbit_password=,
 * tx_routing_key=, rx_routing_key=, mesh_encryption_key=, …)`; the keyword arguments are the
 * camelCase {@link NetworkedChartOptions}, and a broker URL replaces LAN scanning.
 */
export class NetworkedActiveObject extends withNetwork(ActiveObject) {
  constructor(name: string, options: NetworkedChartOptions) {
    super(name, options);
  }
}
