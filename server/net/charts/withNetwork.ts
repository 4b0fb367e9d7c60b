/**
 * The networking half of NetworkedActiveObject and NetworkedFactory, written
 * once: `withNetwork(Base)` gives a runtime chart class (ActiveObject or
 * Factory) miros-rabbitmq's networking API, delegating every call to the
 * chart's {@link ChartNetwork} (composition; this layer only wires it to the
 * runtime's lifecycle hooks):
 *
 *   startAt(state) ── initial transitions (a transmit there opens the network)
 *                 └─ onStart hook ─▶ network.open()   connects, binds mesh + snoop
 *   worker exits (stop() or a failing step) ─ onStop hook ─▶ network.close()
 *   stop() ─▶ queued events run, worker exits, network closed; resolves after
 *
 * A mixin rather than a base class because the two charts already have
 * different runtime bases; TypeScript's mixin pattern needs the `any[]`
 * constructor below, and the two subclasses give it a typed one.
 */
import type { ActiveObject, Event } from '../../statechart/index.ts';
import { ChartNetwork, type ChartNetworkCounters, type NetworkMessageCallback, type SnoopMessageCallback } from './ChartNetwork.ts';
import type { NetworkedChartOptions } from './NetworkedChartOptions.ts';
import type { PublishResult } from '../transport/Transport.ts';

// The mixin pattern requires exactly this constructor type.
type ChartClass = new (...args: any[]) => ActiveObject;

/**
 * The public API `withNetwork` adds. The mixin's return type names it, so
 * the package's declarations can describe NetworkedActiveObject without
 * spelling out the anonymous class (which would have to expose the
 * runtime's private members, and TypeScript refuses that: TS4094).
 */
export interface NetworkedChart {
  /** The chart's networks: counters, readiness (`ready()`), the transport's state. */
  readonly network: ChartNetwork;
  /**
   * Send `event` over the mesh with the tx routing key: every chart whose rx pattern matches posts it.
   * Returns `'buffered'` while the broker is away (sent on reconnection) and never throws for that.
   *
   * @remarks miros-rabbitmq: `transmit(event)`
   */
  transmit(event: Event): PublishResult;
  /**
   * Publish this chart's live trace on the snoop trace network and print every chart's trace lines,
   * names coloured.
   *
   * @remarks miros-rabbitmq: `enable_snoop_trace()`
   */
  enableSnoopTrace(): void;
  /**
   * As {@link enableSnoopTrace}, printing without ANSI colours (for logs).
   *
   * @remarks miros-rabbitmq: `enable_snoop_trace_no_color()`
   */
  enableSnoopTraceNoColor(): void;
  /**
   * Publish this chart's live spy on the snoop spy network and print every chart's spy lines.
   *
   * @remarks miros-rabbitmq: `enable_snoop_spy()`
   */
  enableSnoopSpy(): void;
  /**
   * As {@link enableSnoopSpy}, printing without ANSI colours.
   *
   * @remarks miros-rabbitmq: `enable_snoop_spy_no_color()`
   */
  enableSnoopSpyNoColor(): void;
  /**
   * `[ts] [name] # text` on the snoop trace network (the spy network if only the spy is on).
   *
   * @remarks miros-rabbitmq: `snoop_scribble(text)`
   */
  snoopScribble(text: string): void;
  /**
   * Handle received mesh events yourself instead of posting them into the chart; `null` restores that.
   *
   * @remarks miros-rabbitmq: overriding `on_network_message` in a subclass; a callback here, so the
   * chart's own class stays the runtime's.
   */
  registerNetworkMessageCallback(callback: NetworkMessageCallback | null): void;
  /**
   * Handle received snoop trace records yourself instead of printing them; `null` restores printing.
   *
   * @remarks miros-rabbitmq: overriding `on_network_trace_message` in a subclass.
   */
  registerNetworkTraceCallback(callback: SnoopMessageCallback | null): void;
  /**
   * Handle received snoop spy records yourself instead of printing them; `null` restores printing.
   *
   * @remarks miros-rabbitmq: overriding `on_network_spy_message` in a subclass.
   */
  registerNetworkSpyCallback(callback: SnoopMessageCallback | null): void;
  /**
   * What the chart sent, heard, refused and missed, per network: a silent chart says why here.
   *
   * @remarks miros-rabbitmq: none.
   */
  networkCounters(): ChartNetworkCounters;
}

export function withNetwork<Base extends ChartClass>(base: Base): Base & (new (...args: any[]) => NetworkedChart) {
  return class Networked extends base {
    /** The chart's networks: counters, readiness, the transport's state. */
    readonly network: ChartNetwork;

    constructor(...args: any[]) {
      const [name, options] = args as [unknown, NetworkedChartOptions | undefined];
      // Any non-empty name, spaces included, as miros-rabbitmq allows (spy items split by our header; mirosItems.ts).
      if (typeof name !== 'string' || name === '') throw new RangeError(`a networked chart needs a name, not ${JSON.stringify(name)}`);
      if (!options?.meshEncryptionKey) throw new RangeError(`networked chart ${name} needs a meshEncryptionKey`);
      super(name, options);
      this.network = new ChartNetwork(this, options);
    }

    /** Send `event` over the mesh (miros-rabbitmq's `transmit`): every chart whose rx pattern matches our tx key posts it. */
    transmit(event: Event): PublishResult {
      return this.network.transmit(event);
    }

    /** Publish this chart's live trace and print every chart's trace lines, names coloured. */
    enableSnoopTrace(): void {
      this.network.enableSnoop('trace', true);
    }

    /** As {@link enableSnoopTrace}, printing without ANSI colours (for logs). */
    enableSnoopTraceNoColor(): void {
      this.network.enableSnoop('trace', false);
    }

    /** Publish this chart's live spy and print every chart's spy lines, names coloured. */
    enableSnoopSpy(): void {
      this.network.enableSnoop('spy', true);
    }

    /** As {@link enableSnoopSpy}, printing without ANSI colours. */
    enableSnoopSpyNoColor(): void {
      this.network.enableSnoop('spy', false);
    }

    /** `[ts] [name] # text` for every monitoring node (see ChartNetwork.snoopScribble). */
    snoopScribble(text: string): void {
      this.network.snoopScribble(text);
    }

    /** Handle received mesh events yourself (null restores posting them into the chart). */
    registerNetworkMessageCallback(callback: NetworkMessageCallback | null): void {
      this.network.onNetworkMessage(callback);
    }

    /** Handle received snoop trace records yourself (null restores printing them). */
    registerNetworkTraceCallback(callback: SnoopMessageCallback | null): void {
      this.network.onNetworkSnoop('trace', callback);
    }

    /** Handle received snoop spy records yourself (null restores printing them). */
    registerNetworkSpyCallback(callback: SnoopMessageCallback | null): void {
      this.network.onNetworkSnoop('spy', callback);
    }

    networkCounters(): ChartNetworkCounters {
      return this.network.counters();
    }

    /** Stops the worker (queued events still run), then closes the networks. */
    override async stop(): Promise<void> {
      try {
        await super.stop();
      } finally {
        await this.network.close();
      }
    }

    protected override onStart(): void {
      super.onStart();
      this.network.open();
    }

    protected override onStop(): void {
      super.onStop();
      void this.network.close();
    }
  };
}
