/**
 * The transport a networked chart opens for itself: its broker (or a
 * cluster's list to fail over between), and — in miros-rabbitmq's own
 * deployment, a broker per machine — every peer broker it also publishes to
 * (FanOutTransport: consume at home, publish everywhere).
 */
import { AmqpTransport } from '../transport/AmqpTransport.ts';
import { FanOutTransport } from '../transport/FanOutTransport.ts';
import type { Transport } from '../transport/Transport.ts';
import { chartBrokerUrls } from './chartBrokerUrls.ts';
import type { NetworkedChartOptions } from './NetworkedChartOptions.ts';

export function openChartTransport(options: NetworkedChartOptions): Transport {
  const home = new AmqpTransport({ ...options.amqp, url: chartBrokerUrls(options) });
  const peers = (options.peerAmqpUrls ?? []).map((url) => chartBrokerUrls({ ...options, amqpUrl: url }));
  if (peers.length === 0) return home;
  // One link per peer broker: each fails, buffers and reconnects on its own.
  return new FanOutTransport(
    home,
    peers.map((url) => new AmqpTransport({ ...options.amqp, url })),
  );
}
