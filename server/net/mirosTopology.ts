/**
 * miros-rabbitmq's names, read from its source (MirosNets): three topic
 * exchanges, non-durable, one per network. Mesh routing keys are chosen by
 * the user (`tx_routing_key` to publish, an `rx_routing_key` pattern to
 * bind); the snoop networks use fixed keys.
 */
export type MirosNetwork = 'mesh' | 'trace' | 'spy';

export const MIROS_EXCHANGES: Readonly<Record<MirosNetwork, string>> = {
  mesh: 'miros.mesh.exchange',
  trace: 'miros.snoop.trace.exchange',
  spy: 'miros.snoop.spy.exchange',
};

export const TRACE_ROUTING_KEY = 'snoop.trace';
export const SPY_ROUTING_KEY = 'snoop.spy';
/** miros-rabbitmq's tx_routing_key when none is given. */
export const DEFAULT_MESH_ROUTING_KEY = 'empty';
