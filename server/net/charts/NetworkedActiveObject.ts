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

export class NetworkedActiveObject extends withNetwork(ActiveObject) {
  constructor(name: string, options: NetworkedChartOptions) {
    super(name, options);
  }
}
