/**
 * Everything a chart needs to be a node of miros-rabbitmq's three networks,
 * held *by* the chart (composition): NetworkedActiveObject and
 * NetworkedFactory are the runtime's ActiveObject and Factory plus one of
 * these (see withNetwork.ts). The chart is reached only through its public
 * surface (post, live callbacks, observe), so this class does not care
 * which kind of chart it serves.
 *
 *   lifecycle     constructed ──open()──▶ open ──close()──▶ closed
 *                 (nothing      (transport connecting;     (subscriptions
 *                  connected)    publishes buffered until   dropped, own
 *                                it is up, and counted)     transport closed)
 *
 *   out   transmit(e)        ─▶ mesh  (tx routing key)
 *         live trace text    ─▶ snoop trace   (once enableSnoopTrace*)
 *         live spy lines     ─▶ snoop spy     (once enableSnoopSpy*)
 *         snoopScribble(t)   ─▶ snoop trace, else snoop spy, else a local scribble
 *   in    mesh record  ─▶ callback (default: post FIFO into the chart, except
 *                          events whose payload is this chart's name — its own
 *                          transmits — and reserved signals; while the chart's
 *                          queue is full they wait in its MeshInbox)
 *         trace / spy  ─▶ callback (default: print ` [+t] ` / ` [+s] ` lines)
 *
 * Counters say what happened to every message: published (sent, buffered
 * while the broker was away, dropped), received, posted, ignored,
 * rejected by reason, and `missed` — gaps in our peers' sequence numbers.
 */
import type { MeshRecord, UnnumberedRecord } from '../../../shared/records/MirosRecord.ts';
import { Event, formatTimestamp, signalRegistry, type ChartListener, type Clock } from '../../statechart/index.ts';
import { MirosNets } from '../MirosNets.ts';
import type { MirosNetwork } from '../mirosTopology.ts';
import type { PickleValue } from '../pickle/PickleValue.ts';
import type { Delivery, PublishResult, Transport, TransportCounters, TransportState } from '../transport/Transport.ts';
import { TransportClosedError } from '../transport/TransportClosedError.ts';
import { ChartTopology } from './ChartTopology.ts';
import { ANSI_BRIGHT_BLACK, ANSI_RESET, formatSnoopLine, type SnoopNetwork } from './formatSnoopLine.ts';
import type { NetworkedChartOptions } from './NetworkedChartOptions.ts';
import { openChartTransport } from './openChartTransport.ts';
import { MeshInbox } from './MeshInbox.ts';
import { SeqGaps, type SourceTally } from './SeqGaps.ts';

/** What ChartNetwork uses of its chart (an ActiveObject or a Factory has all of it). */
export interface NetworkedHost {
  readonly name: string | null;
  readonly clock: Clock;
  liveTrace: boolean;
  liveSpy: boolean;
  postFifo(e: Event): unknown;
  /** The chart's event queue (its length says whether a mesh event may be posted now). */
  readonly queue: { readonly length: number };
  /** Called after each worker turn: held mesh events are posted then (MeshInbox). */
  onDrainTurn(listener: () => void): () => void;
  registerLiveTraceCallback(callback: (text: string) => void): void;
  registerLiveSpyCallback(callback: (line: string) => void): void;
  observe(listener: ChartListener): () => void;
  scribble(text: string): void;
  print(text: string): void;
}

/** Replaces the default mesh reception (post into the chart). */
export type NetworkMessageCallback = (event: Event, record: Omit<MeshRecord, 'seq'>) => void;
/** Replaces the default printing of a received trace or spy record. */
export type SnoopMessageCallback = (record: UnnumberedRecord) => void;

export interface ChartNetworkCounters {
  /** The transport's state (`not-open` before startAt/transmit). */
  state: TransportState | 'not-open';
  /** This chart's publishes per network by outcome: `buffered` ones were held while the broker was away. */
  published: Record<MirosNetwork, Record<PublishResult, number>>;
  /** Records received, per network. */
  received: Record<MirosNetwork, number>;
  /** Mesh events posted into the chart. */
  posted: number;
  /**
   * Mesh events waiting for room in the chart's full queue (MeshInbox), now and at most;
   * those refused beyond its 10,000 are `rejected['queue-full']`.
   */
  inbox: { waiting: number; peak: number };
  /** Mesh events not posted: `own` (payload = our name), `reserved` (ENTRY_SIGNAL … from the network). */
  ignored: { own: number; reserved: number };
  /** Messages this chart refused, by reason (wrong-key, bad-token, forbidden-opcode …; queue-full: its mesh inbox was full). */
  rejected: Record<string, number>;
  /** Messages of our peers that never reached us (gaps in their per-network sequence numbers). */
  missed: number;
  /** Per sender, `<network> <chart>@<node>`: what we heard of its numbered messages (SeqGaps; at most 4,096 senders). */
  heard: Record<string, SourceTally>;
  disconnects: number;
  reconnects: number;
  /** Transport errors (failed connection attempts among them); the last one, credentials removed. */
  errors: number;
  lastError: string | null;
  /** The transport's own counters (shared by every user of an injected transport). */
  transport: TransportCounters | null;
}

interface Snoop {
  colour: boolean;
  listening: boolean;
}

export class ChartNetwork {
  private nets: MirosNets | null = null;
  private transport: Transport | null = null;
  private closing: Promise<void> | null = null;
  private readonly offs: (() => void)[] = [];
  private offTopology: (() => void) | null = null;
  private readonly topology = new ChartTopology();
  private readonly gaps = new SeqGaps();
  private readonly inbox: MeshInbox;
  private lastCounted: Delivery | null = null;
  private meshCallback: NetworkMessageCallback | null = null;
  private readonly snoop: Record<SnoopNetwork, Snoop | null> = { trace: null, spy: null };
  private readonly callbacks: Record<SnoopNetwork, SnoopMessageCallback | null> = { trace: null, spy: null };
  private readonly counts = {
    published: { mesh: outcomes(), trace: outcomes(), spy: outcomes() } as Record<MirosNetwork, Record<PublishResult, number>>,
    received: { mesh: 0, trace: 0, spy: 0 } as Record<MirosNetwork, number>,
    posted: 0,
    ignored: { own: 0, reserved: 0 },
    rejected: {} as Record<string, number>,
    disconnects: 0,
    reconnects: 0,
    errors: 0,
    lastError: null as string | null,
  };

  constructor(
    private readonly host: NetworkedHost,
    private readonly options: NetworkedChartOptions,
  ) {
    this.inbox = new MeshInbox(host, (e) => {
      host.postFifo(e);
      this.counts.posted++;
    });
  }

  /** Where the transport is (or will be) connected, credentials removed; null before open(). */
  get broker(): string | null {
    return this.transport?.broker ?? null;
  }

  get isOpen(): boolean {
    return this.nets !== null && this.closing === null;
  }

  /** Connects (without waiting) and binds the mesh and any enabled snoop network. Idempotent. */
  open(): MirosNets {
    if (this.closing) throw new TransportClosedError('open the chart network', Date.now(), 'the chart was stopped', undefined);
    if (this.nets) return this.nets;
    const o = this.options;
    const transport = o.transport ?? openChartTransport(o);
    const nets = new MirosNets({
      transport,
      meshKey: o.meshEncryptionKey,
      ...(o.snoopTraceEncryptionKey === undefined ? {} : { traceKey: o.snoopTraceEncryptionKey }),
      ...(o.snoopSpyEncryptionKey === undefined ? {} : { spyKey: o.snoopSpyEncryptionKey }),
      ...(o.txRoutingKey === undefined ? {} : { txRoutingKey: o.txRoutingKey }),
      ...(o.rxRoutingKey === undefined ? {} : { rxRoutingKey: o.rxRoutingKey }),
      ...(o.node === undefined ? {} : { node: o.node }),
      ...(o.senderAddress === undefined ? {} : { senderAddress: o.senderAddress }),
      ...(o.body === undefined ? {} : { body: o.body }),
    });
    this.transport = transport;
    this.nets = nets;
    this.offs.push(
      nets.onMeta((record) => {
        if (record.event === 'rejected' && record.reason) this.counts.rejected[record.reason] = (this.counts.rejected[record.reason] ?? 0) + 1;
        if (record.event === 'disconnected') this.counts.disconnects++;
        if (record.event === 'reconnected') this.counts.reconnects++;
      }),
      transport.on('error', (error) => {
        this.counts.errors++;
        this.counts.lastError = error.message;
      }),
      nets.onMesh((record, delivery) => this.receiveMesh(record, delivery)),
    );
    for (const network of ['trace', 'spy'] as const) if (this.snoop[network]) this.listen(network);
    if (this.topology.size > 0) nets.announceTopology(this.chartName(), this.topology.states());
    return nets;
  }

  /** Resolves once every bound network is live (messages published after it reach us). */
  async ready(): Promise<void> {
    await this.open().ready();
  }

  /** Sends `event` to every chart whose rx pattern matches our tx routing key. */
  transmit(event: Event): PublishResult {
    const nets = this.open();
    return this.count('mesh', nets.transmit({ signal: event.signalName, payload: event.payload }, { chart: this.chartName() }));
  }

  /** Turn on the chart's live trace (or spy), publish it, and print what the network carries. */
  enableSnoop(network: SnoopNetwork, colour: boolean): void {
    const name = this.chartName();
    this.snoop[network] = { colour, listening: this.snoop[network]?.listening ?? false };
    if (network === 'trace') {
      this.host.liveTrace = true;
      this.host.registerLiveTraceCallback((text) => void this.count('trace', this.open().publishTrace(text, name)));
    } else {
      this.host.liveSpy = true;
      this.host.registerLiveSpyCallback((line) => void this.count('spy', this.open().publishSpy(name, line)));
    }
    this.offTopology ??= this.host.observe((o) => {
      if (o.type === 'topology') this.learnParent(o.state, o.parent);
    });
    if (this.nets) this.listen(network);
  }

  /**
   * Text for every monitoring node: `[ts] [name] # text` on the snoop trace
   * network (else the spy network; else a local scribble), its text bright
   * black unless the chart chose the no-colour output.
   */
  snoopScribble(text: string): void {
    const name = this.chartName();
    const colour = (this.snoop.trace ?? this.snoop.spy)?.colour ?? true;
    const line = `[${formatTimestamp(this.host.clock.now())}] [${name}] ` + (colour ? `${ANSI_BRIGHT_BLACK}# ${text}${ANSI_RESET}` : `# ${text}`);
    if (this.snoop.trace) this.count('trace', this.open().publishTrace(line, name));
    else if (this.snoop.spy) this.count('spy', this.open().publishSpy(name, line));
    else this.host.scribble(line);
  }

  onNetworkMessage(callback: NetworkMessageCallback | null): void {
    this.meshCallback = callback;
  }

  onNetworkSnoop(network: SnoopNetwork, callback: SnoopMessageCallback | null): void {
    this.callbacks[network] = callback;
  }

  /** A state's parent (null = top) known before the chart searches it (a factory's nest table). */
  learnParent(state: string, parent: string | null): void {
    if (this.topology.set(state, parent) && this.nets && this.host.name !== null) this.nets.announceTopology(this.host.name, this.topology.states());
  }

  counters(): ChartNetworkCounters {
    const c = this.counts;
    return {
      state: this.transport?.state ?? 'not-open',
      published: { mesh: { ...c.published.mesh }, trace: { ...c.published.trace }, spy: { ...c.published.spy } },
      received: { ...c.received },
      posted: c.posted,
      inbox: { waiting: this.inbox.size, peak: this.inbox.peak },
      ignored: { ...c.ignored },
      rejected: { ...c.rejected },
      missed: this.gaps.missed,
      heard: this.gaps.tallies(),
      disconnects: c.disconnects,
      reconnects: c.reconnects,
      errors: c.errors,
      lastError: c.lastError,
      transport: this.transport?.counters() ?? null,
    };
  }

  /** Unbinds everything and closes the transport if the chart opened it. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const off of this.offs.splice(0)) off();
      this.inbox.close();
      this.offTopology?.();
      await this.nets?.close();
      if (this.transport && this.transport !== this.options.transport) await this.transport.close('the chart stopped');
    })();
    return this.closing;
  }

  private chartName(): string {
    if (this.host.name === null || this.host.name === '') throw new RangeError('a networked chart needs a name');
    return this.host.name;
  }

  private count(network: MirosNetwork, result: PublishResult): PublishResult {
    this.counts.published[network][result]++;
    return result;
  }

  private listen(network: SnoopNetwork): void {
    const snoop = this.snoop[network]!;
    if (snoop.listening || !this.nets) return;
    snoop.listening = true;
    let printed: Delivery | null = null;
    const handler = (record: UnnumberedRecord, delivery: Delivery, item: PickleValue) => {
      this.noteSeq(network, delivery);
      if (record.kind === 'meta' && record.event !== 'note') return; // a topology announcement: for dashboards
      this.counts.received[network]++;
      const custom = this.callbacks[network];
      if (custom) return custom(record);
      // One line per message, as the library prints it, however many records its item made.
      if (printed === delivery || typeof item !== 'string') return;
      printed = delivery;
      this.host.print(formatSnoopLine(network, item, this.host.name, snoop.colour));
    };
    this.offs.push(network === 'trace' ? this.nets.onTrace(handler) : this.nets.onSpy(handler));
  }

  private receiveMesh(record: UnnumberedRecord, delivery: Delivery): void {
    if (record.kind !== 'mesh') return;
    this.noteSeq('mesh', delivery);
    this.counts.received.mesh++;
    // A heard name stays foreign (bounded) unless the chart's code defines it (issue 9).
    const event = Event.fromNetwork(record.signal, record.payload);
    if (this.meshCallback) return this.meshCallback(event, record);
    // miros-rabbitmq's rule: a payload equal to our name marks our own transmit.
    if (event.payload === this.host.name) {
      this.counts.ignored.own++;
      return;
    }
    // ENTRY_SIGNAL, STOP_ACTIVE_OBJECT_SIGNAL … belong to the chart itself; a peer must not drive them.
    if (signalRegistry.isInnerSignal(event.signal)) {
      this.counts.ignored.reserved++;
      return;
    }
    // A burst (a failover's held messages) waits for room rather than overflowing the queue.
    if (this.inbox.offer(event) === 'full') this.counts.rejected['queue-full'] = (this.counts.rejected['queue-full'] ?? 0) + 1;
  }

  /** One delivery per message: records split from it share its seq, so count by delivery. */
  private noteSeq(network: MirosNetwork, delivery: Delivery): void {
    if (this.lastCounted === delivery) return;
    this.lastCounted = delivery;
    this.gaps.see(network, delivery.props.headers);
  }
}

function outcomes(): Record<PublishResult, number> {
  return { sent: 0, buffered: 0, dropped: 0 };
}
