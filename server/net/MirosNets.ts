/**
 * miroscope's counterpart of miros-rabbitmq's MirosNets: the three networks
 * (mesh, snoop trace, snoop spy) over one Transport, each with its own
 * codec and key — the mesh key serves all three unless the others are given.
 * NetworkedActiveObject / NetworkedFactory and the server's listener build
 * on this; nothing here knows about statecharts.
 *
 *   transmit(event) ─▶ mesh  codec ─▶ miros.mesh.exchange        (tx routing key)
 *   publishTrace(l) ─▶ trace codec ─▶ miros.snoop.trace.exchange (snoop.trace)
 *   publishSpy(c,l) ─▶ spy   codec ─▶ miros.snoop.spy.exchange   (snoop.spy)
 *
 *   onMesh/onTrace/onSpy ◀─ records ◀─ codec.decode ◀─ subscription (lazy, one per network)
 *   onMeta ◀─ rejections and connection lifecycle as `meta` records
 *
 * Every message carries our correlation headers; `x-miroscope-seq` counts
 * per network, so a receiver that sees 7 then 9 from one node knows one
 * message was lost. A chart's announced topology (`announceTopology`) rides
 * on its snoop messages (topologyHeader.ts).
 *
 * Records come out unnumbered: `seq` is assigned by whoever receives them.
 */
import { randomUUID } from 'node:crypto';
import type { MetaRecord, UnnumberedRecord } from '../../shared/records/MirosRecord.ts';
import { RECORD_VERSION } from '../../shared/records/MirosRecord.ts';
import { parseTraceLine } from '../../shared/records/parseTraceLine.ts';
import { mirosMessageProperties, type Correlation } from './correlationHeaders.ts';
import type { MessageBudgets } from '../config/messageBudgets.ts';
import type { BodyFormat } from './decodeBody.ts';
import type { FernetKeyInput } from './fernet/Fernet.ts';
import { MeshSenderAddress } from './MeshSenderAddress.ts';
import { MessageCodec } from './MessageCodec.ts';
import { meshItem, spyItem, type MeshEvent } from './mirosItems.ts';
import { DEFAULT_MESH_ROUTING_KEY, MIROS_EXCHANGES, SPY_ROUTING_KEY, TRACE_ROUTING_KEY, type MirosNetwork } from './mirosTopology.ts';
import type { PicklableItem } from './pickle/pickleDumps.ts';
import type { PickleValue } from './pickle/PickleValue.ts';
import type { Delivery, PublishResult, Subscription, Transport, TransportCounters } from './transport/Transport.ts';
import { encodeTopology, HEADER_TOPOLOGY, TOPOLOGY_REPEAT_MS, type TopologyState } from './topologyHeader.ts';
import { rejectionRecord, type WireRejection } from './WireRejection.ts';

type Key = FernetKeyInput | readonly FernetKeyInput[];

export interface MirosNetsOptions {
  transport: Transport;
  meshKey: Key;
  traceKey?: Key;
  spyKey?: Key;
  /** Routing key mesh messages are published with (miros-rabbitmq's tx_routing_key; default `empty`). */
  txRoutingKey?: string;
  /** Pattern the mesh subscription binds (rx_routing_key; default the tx key). A dashboard uses `#`. */
  rxRoutingKey?: string;
  /** This node's id, sent in our correlation headers (default a random id). */
  node?: string;
  /** The address put in mesh tuples (default: the host of the broker in use, see MeshSenderAddress.ts). */
  senderAddress?: string;
  /** Body format to publish (default `pickle`, what Python nodes read). */
  body?: BodyFormat;
  maxBodyBytes?: number;
  /** What one received message may cost (bytes, depth, items, records); see messageBudgets.ts. */
  budgets?: Partial<MessageBudgets>;
  ttlSec?: number;
  now?: () => number;
}

/** `item` is the message's decoded item as received (the text a Python node prints for trace and spy). */
export type RecordHandler = (record: UnnumberedRecord, delivery: Delivery, item: PickleValue) => void;
export type MetaHandler = (record: Omit<MetaRecord, 'seq'>) => void;

interface Net {
  codec: MessageCodec;
  /** Last correlation seq used on this network. */
  seq: number;
  exchange: string;
  txKey: string;
  rxPattern: string;
  handlers: Set<RecordHandler>;
  subscription: Subscription | null;
}

/** Charts whose last heard topology is remembered (see `heardTopologies`). */
const MAX_HEARD_TOPOLOGIES = 1_000;

export class MirosNets {
  readonly node: string;
  private readonly address: MeshSenderAddress | string;
  private readonly transport: Transport;
  private readonly nets: Record<MirosNetwork, Net>;
  private readonly metaHandlers = new Set<MetaHandler>();
  private readonly now: () => number;
  private readonly offTransport: (() => void)[];
  private readonly topologies = new Map<string, { json: string; sentAt: number | null }>();
  /**
   * The topology last heard per `chart@node`, so a repeat (sent every few
   * seconds for late joiners, on trace and spy alike) is not recorded again:
   * the relay keeps the latest one for dashboards that connect later.
   * Bounded like any network-named map; the least recently heard goes first.
   */
  private readonly heardTopologies = new Map<string, string>();

  constructor(options: MirosNetsOptions) {
    this.transport = options.transport;
    this.node = options.node ?? `node-${randomUUID().slice(0, 8)}`;
    this.address = options.senderAddress ?? new MeshSenderAddress(() => options.transport.broker);
    this.now = options.now ?? Date.now;
    const codec = (network: MirosNetwork, key: Key) =>
      new MessageCodec({
        network,
        key,
        ...(options.body ? { body: options.body } : {}),
        ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
        ...(options.budgets ? { budgets: options.budgets } : {}),
        ...(options.ttlSec ? { ttlSec: options.ttlSec } : {}),
      });
    const tx = options.txRoutingKey ?? DEFAULT_MESH_ROUTING_KEY;
    const net = (network: MirosNetwork, key: Key, txKey: string, rxPattern: string): Net => ({
      codec: codec(network, key),
      exchange: MIROS_EXCHANGES[network],
      txKey,
      rxPattern,
      seq: 0,
      handlers: new Set(),
      subscription: null,
    });
    this.nets = {
      mesh: net('mesh', options.meshKey, tx, options.rxRoutingKey ?? tx),
      trace: net('trace', options.traceKey ?? options.meshKey, TRACE_ROUTING_KEY, TRACE_ROUTING_KEY),
      spy: net('spy', options.spyKey ?? options.meshKey, SPY_ROUTING_KEY, SPY_ROUTING_KEY),
    };
    this.offTransport = [
      this.transport.on('connected', ({ broker }) => this.meta('connected', `connected to ${broker}`)),
      this.transport.on('disconnected', ({ broker, error }) => this.meta('disconnected', `lost ${broker}: ${error}`)),
      this.transport.on('reconnected', ({ broker, downMs }) => this.meta('reconnected', `reconnected to ${broker} after ${downMs} ms`)),
    ];
  }

  /** The address the next mesh item carries: `senderAddress`, else the broker in use's host. */
  get senderAddress(): string {
    return typeof this.address === 'string' ? this.address : this.address.current();
  }

  /** Sends an event to every chart bound to the mesh (miros-rabbitmq's `transmit`). */
  transmit(event: MeshEvent, from: { chart?: string } = {}): PublishResult {
    return this.publish('mesh', meshItem(this.senderAddress, event), from.chart);
  }

  /** Publishes a trace line as the live trace callback hands it over (`"\n<line>\n"`). */
  publishTrace(line: string, chart?: string): PublishResult {
    return this.publish('trace', line, chart ?? parseTraceLine(line)?.chart);
  }

  /** Publishes one spy line of a chart as `"<chart> <line>"`. */
  publishSpy(chart: string, line: string): PublishResult {
    return this.publish('spy', spyItem(chart, line), chart);
  }

  /**
   * The chart's state hierarchy, sent in a header with its next snoop
   * (trace or spy) message and repeated every few seconds after that.
   */
  announceTopology(chart: string, states: readonly TopologyState[]): void {
    const json = encodeTopology(states);
    if (this.topologies.get(chart)?.json !== json) this.topologies.set(chart, { json, sentAt: null });
  }

  onMesh(handler: RecordHandler): () => void {
    return this.listen('mesh', handler);
  }

  onTrace(handler: RecordHandler): () => void {
    return this.listen('trace', handler);
  }

  onSpy(handler: RecordHandler): () => void {
    return this.listen('spy', handler);
  }

  /** Rejected messages and connection changes, as `meta` records. */
  onMeta(handler: MetaHandler): () => void {
    this.metaHandlers.add(handler);
    return () => void this.metaHandlers.delete(handler);
  }

  /** Resolves when every network someone listens to is bound. */
  async ready(): Promise<void> {
    await Promise.all(Object.values(this.nets).map((n) => n.subscription?.ready));
  }

  counters(): TransportCounters {
    return this.transport.counters();
  }

  /** Unsubscribes everything; the transport stays open (its owner closes it). */
  async close(): Promise<void> {
    for (const off of this.offTransport) off();
    await Promise.all(
      Object.values(this.nets).map(async (n) => {
        n.handlers.clear();
        const sub = n.subscription;
        n.subscription = null;
        await sub?.unsubscribe();
      }),
    );
  }

  private publish(network: MirosNetwork, item: PicklableItem, chart: string | undefined): PublishResult {
    const n = this.nets[network];
    const extra = network === 'mesh' || chart === undefined ? undefined : this.topologyHeader(chart);
    const correlation: Partial<Correlation> = { messageId: randomUUID(), chart, seq: ++n.seq, node: this.node };
    const props = mirosMessageProperties(correlation, extra);
    return this.transport.publish(n.exchange, n.txKey, n.codec.encode(item), props);
  }

  private topologyHeader(chart: string): Record<string, string> | undefined {
    const topology = this.topologies.get(chart);
    if (!topology) return undefined;
    const now = this.now();
    if (topology.sentAt !== null && now - topology.sentAt < TOPOLOGY_REPEAT_MS) return undefined;
    topology.sentAt = now;
    return { [HEADER_TOPOLOGY]: topology.json };
  }

  private listen(network: MirosNetwork, handler: RecordHandler): () => void {
    const n = this.nets[network];
    n.handlers.add(handler);
    n.subscription ??= this.transport.subscribe(n.exchange, n.rxPattern, (delivery) => this.receive(n, delivery));
    return () => void n.handlers.delete(handler);
  }

  private receive(n: Net, delivery: Delivery): { rejected: string } | undefined {
    const result = n.codec.decode(delivery.body, {
      received: delivery.received,
      routingKey: delivery.routingKey,
      ...(delivery.props.headers ? { headers: delivery.props.headers } : {}),
    });
    if (!result.ok) {
      this.rejected(result.rejection, delivery.received);
      return { rejected: result.rejection.reason };
    }
    // Every handler sees every record even if one throws; the first throw is
    // then rethrown so the transport counts it as a handler error.
    let failure: unknown = null;
    for (const record of result.records) {
      if (record.kind === 'meta' && record.event === 'topology' && !this.topologyChanged(record)) continue;
      for (const handler of n.handlers) {
        try {
          handler(record, delivery, result.item);
        } catch (error) {
          failure ??= error;
        }
      }
    }
    if (failure !== null) throw failure;
    return undefined;
  }

  /** True when `record` announces a topology other than the one last heard from its chart and node. */
  private topologyChanged(record: Omit<MetaRecord, 'seq'>): boolean {
    const key = `${record.chart}@${record.node ?? ''}`;
    const json = JSON.stringify(record.states ?? null);
    const last = this.heardTopologies.get(key);
    this.heardTopologies.delete(key);
    this.heardTopologies.set(key, json);
    if (this.heardTopologies.size > MAX_HEARD_TOPOLOGIES) this.heardTopologies.delete(this.heardTopologies.keys().next().value!);
    return last !== json;
  }

  private rejected(rejection: WireRejection, received: number): void {
    const record = rejectionRecord(rejection, received, null);
    for (const handler of this.metaHandlers) handler(record);
  }

  private meta(event: 'connected' | 'disconnected' | 'reconnected', detail: string): void {
    const record: Omit<MetaRecord, 'seq'> = { v: RECORD_VERSION, kind: 'meta', event, detail, chart: null, node: this.node, time: null, received: this.now(), raw: detail };
    for (const handler of this.metaHandlers) handler(record);
  }
}
