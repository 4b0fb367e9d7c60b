/**
 * The in-process transport: the embedded default when no broker is
 * reachable, and the fast path for tests. Routing follows RabbitMQ's topic
 * exchanges exactly (topicMatches); each subscription has its own queue and
 * is delivered to asynchronously, in publish order, as a broker would — so
 * a handler that publishes never re-enters itself.
 *
 * Transports created on the same InProcessBroker see each other's messages;
 * by default all share one broker per process.
 */
import { CounterSet } from './CounterSet.ts';
import { deliverSafely } from './deliverSafely.ts';
import { ListenerSet } from './ListenerSet.ts';
import { topicMatches } from './topicMatches.ts';
import type { Delivery, DeliveryHandler, PublishProps, PublishResult, Subscription, Transport, TransportCounters, TransportEvents, TransportState } from './Transport.ts';
import { TransportClosedError } from './TransportClosedError.ts';

interface Binding {
  exchange: string;
  pattern: string;
  enqueue(delivery: Omit<Delivery, 'received'>): void;
}

/**
 * The routing table that InProcessBus transports share: the exchanges of a broker, inside one process.
 *
 * @remarks miros-rabbitmq: none; it always needs a broker.
 */
export class InProcessBroker {
  private readonly bindings = new Set<Binding>();

  bind(binding: Binding): () => void {
    this.bindings.add(binding);
    return () => {
      this.bindings.delete(binding);
    };
  }

  route(message: Omit<Delivery, 'received'>): void {
    for (const b of this.bindings) {
      if (b.exchange === message.exchange && topicMatches(b.pattern, message.routingKey)) b.enqueue(message);
    }
  }
}

const processBroker = new InProcessBroker();

export interface InProcessBusOptions {
  broker?: InProcessBroker;
  now?: () => number;
}

/**
 * A Transport without a broker: RabbitMQ's topic routing inside one process.
 *
 * @remarks miros-rabbitmq: none; it always needs a broker. Charts on an InProcessBus run a whole
 * network in one process (tests, and the server when no broker answers).
 */
export class InProcessBus implements Transport {
  readonly kind = 'in-process' as const;
  readonly broker = 'in-process';
  private currentState: TransportState = 'connected';
  private readonly counterSet = new CounterSet();
  private readonly events = new ListenerSet<TransportEvents>((error) => this.reportError(error));
  private readonly unbinders = new Set<() => void>();
  private readonly hub: InProcessBroker;
  private readonly now: () => number;
  private closedInfo: { at: number; reason: string; stack: string | undefined } | null = null;

  constructor(options: InProcessBusOptions = {}) {
    this.hub = options.broker ?? processBroker;
    this.now = options.now ?? Date.now;
  }

  get state(): TransportState {
    return this.currentState;
  }

  counters(): TransportCounters {
    return this.counterSet.snapshot(0);
  }

  on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): () => void {
    return this.events.on(event, listener);
  }

  publish(exchange: string, routingKey: string, body: Uint8Array, props: PublishProps = {}): PublishResult {
    this.assertOpen('publish');
    this.counterSet.published++;
    // A copy, as a broker would hold: the publisher may reuse its buffer.
    this.hub.route({ exchange, routingKey, body: Buffer.from(body), props: structuredClone(props) });
    return 'sent';
  }

  subscribe(exchange: string, bindingPattern: string, handler: DeliveryHandler): Subscription {
    this.assertOpen('subscribe');
    const queue: Omit<Delivery, 'received'>[] = [];
    let scheduled = false;
    const drain = () => {
      scheduled = false;
      // Only what is queued now; messages published by handlers wait for the next turn.
      for (const message of queue.splice(0, queue.length)) {
        if (!this.unbinders.has(unbind)) return;
        deliverSafely(handler, { ...message, received: this.now() }, this.counterSet, (e) => this.reportError(e));
      }
    };
    const unbind = this.hub.bind({
      exchange,
      pattern: bindingPattern,
      enqueue: (message) => {
        queue.push(message);
        if (!scheduled) {
          scheduled = true;
          setImmediate(drain);
        }
      },
    });
    this.unbinders.add(unbind);
    return {
      ready: Promise.resolve(),
      unsubscribe: async () => {
        this.unbinders.delete(unbind);
        unbind();
      },
    };
  }

  async close(reason = 'closed by its owner'): Promise<void> {
    if (this.closedInfo) return;
    this.closedInfo = { at: this.now(), reason, stack: new Error('closed here').stack };
    this.setState('closing');
    for (const unbind of this.unbinders) unbind();
    this.unbinders.clear();
    this.setState('closed');
    this.events.emit('closed', { reason, at: this.closedInfo.at });
  }

  private setState(next: TransportState): void {
    const previous = this.currentState;
    this.currentState = next;
    this.events.emit('state', next, previous);
  }

  private assertOpen(operation: string): void {
    if (this.closedInfo) throw new TransportClosedError(operation, this.closedInfo.at, this.closedInfo.reason, this.closedInfo.stack);
  }

  private reportError(error: unknown): void {
    this.events.emit('error', error instanceof Error ? error : new Error(String(error)));
  }
}
