/**
 * The server as a passive node on the three networks: it binds the snoop
 * trace and snoop spy networks and the mesh (pattern `#` by default, so it
 * hears every routing key), and never publishes.
 *
 *   transport ─▶ MirosNets (keys, codecs) ─┬─ onTrace ─┐
 *                                          ├─ onSpy   ─┼─▶ ingest(record)
 *                                          ├─ onMesh  ─┤
 *                                          └─ onMeta  ─┘   rejections, (re)connects
 *
 * Decoding, key checks and rejection reasons are the wire layer's; this
 * module only decides what to listen to and where the records go.
 */
import type { UnnumberedRecord } from '../../shared/records/MirosRecord.ts';
import type { TransportInfo } from '../../shared/contract/socketContract.ts';
import { MirosNets } from '../net/MirosNets.ts';
import type { Transport } from '../net/transport/Transport.ts';
import type { NetworkKeys } from '../config/serveConfig.ts';
import type { MessageBudgets } from '../config/messageBudgets.ts';
import { brokerLabel } from '../config/brokerLabel.ts';

export interface NetworkListenerOptions {
  transport: Transport;
  keys: NetworkKeys;
  /** Mesh binding pattern (default `#`). */
  meshBinding?: string;
  /** Listen to the spy network too (default true). */
  spy?: boolean;
  /** The broker URL, to show its host:port (never credentials) to browsers when the transport cannot say which one it uses. */
  brokerUrl?: string;
  /** What one message may cost; over budget it becomes a counted rejection (default DEFAULT_MESSAGE_BUDGETS). */
  budgets?: Partial<MessageBudgets>;
  ingest: (record: UnnumberedRecord) => void;
  /** Told whenever the transport's state changes. */
  onTransport?: (info: TransportInfo) => void;
}

export class NetworkListener {
  readonly nets: MirosNets;
  readonly #offs: (() => void)[];
  readonly #options: NetworkListenerOptions;

  constructor(options: NetworkListenerOptions) {
    this.#options = options;
    const { transport, keys, ingest } = options;
    this.nets = new MirosNets({
      transport,
      meshKey: keys.mesh,
      traceKey: keys.trace,
      spyKey: keys.spy,
      rxRoutingKey: options.meshBinding ?? '#',
      node: 'miroscope-server',
      ...(options.budgets ? { budgets: options.budgets } : {}),
    });
    this.#offs = [
      this.nets.onTrace((record) => ingest(record)),
      this.nets.onMesh((record) => ingest(record)),
      this.nets.onMeta((record) => ingest(record)),
      transport.on('state', () => options.onTransport?.(this.transportInfo())),
    ];
    if (options.spy !== false) this.#offs.push(this.nets.onSpy((record) => ingest(record)));
  }

  /** Resolves when every network is bound (messages published afterwards are heard). */
  ready(): Promise<void> {
    return this.nets.ready();
  }

  transportInfo(): TransportInfo {
    const { transport, brokerUrl } = this.#options;
    const { state } = transport;
    if (transport.kind === 'in-process') return { kind: 'in-process', connected: state !== 'closed', state };
    // The broker in use right now: with a cluster's list it changes on failover.
    const broker = transport.broker || brokerUrl;
    return {
      kind: 'amqp',
      ...(broker ? { broker: brokerLabel(broker) } : {}),
      connected: state === 'connected',
      state,
    };
  }

  /** Unbinds from the networks; the transport stays open (its owner closes it). */
  async stop(): Promise<void> {
    for (const off of this.#offs.splice(0)) off();
    await this.nets.close();
  }
}
