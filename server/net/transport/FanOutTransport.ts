/**
 * miros-rabbitmq's own deployment: a broker per machine. Each node consumes
 * from its local broker only, and publishes every message to every broker
 * of the network, so any one broker carries the whole network (a dashboard
 * on it hears every chart), and every listener gets each message once.
 *
 *                      publish ──┬──▶ home transport  (also subscribes: the one it consumes from)
 *   FanOutTransport ─────────────┼──▶ peer transport 1  (publish only)
 *                                └──▶ peer transport 2 …
 *
 * A message goes out once per broker, with the same body and headers (the
 * same message id and sequence number): a listener on any broker follows
 * one sender's numbers without gaps. Each peer keeps its own link, buffer
 * and counters, so a peer broker that is down only holds (and, past its
 * buffer, drops and counts) the publishes meant for it; the home link and
 * the other peers go on.
 *
 * State, broker and events are the home transport's: they say whether this
 * node hears the network. A peer's errors are passed on with its broker
 * named; its counters are read with `peerCounters()`.
 */
import { ListenerSet } from './ListenerSet.ts';
import { redactUrl } from './redactUrl.ts';
import type { DeliveryHandler, PublishProps, PublishResult, Subscription, Transport, TransportCounters, TransportEvents, TransportState } from './Transport.ts';

export class FanOutTransport implements Transport {
  /** Peers' errors, named; the home transport's own go straight to its listeners. */
  private readonly peerErrors = new ListenerSet<{ error: (error: Error) => void }>(() => undefined);

  constructor(
    private readonly home: Transport,
    private readonly peers: readonly Transport[],
  ) {
    for (const peer of peers) peer.on('error', (error) => this.peerError(peer, error));
  }

  get kind(): Transport['kind'] {
    return this.home.kind;
  }

  get state(): TransportState {
    return this.home.state;
  }

  get broker(): string {
    return this.home.broker;
  }

  /** The home transport's counters (what this node sent and heard). */
  counters(): TransportCounters {
    return this.home.counters();
  }

  /** Each peer broker's counters (what was sent, held or dropped for it), in the order given. */
  peerCounters(): { broker: string; counters: TransportCounters }[] {
    return this.peers.map((peer) => ({ broker: redactUrl(peer.broker), counters: peer.counters() }));
  }

  /** To the home broker and every peer; says what happened at home (each peer counts its own). */
  publish(exchange: string, routingKey: string, body: Uint8Array, props?: PublishProps): PublishResult {
    const result = this.home.publish(exchange, routingKey, body, props);
    for (const peer of this.peers) {
      // A peer that throws (closed by someone else) must not cost home or the other peers their message.
      try {
        peer.publish(exchange, routingKey, body, props);
      } catch (error) {
        this.peerError(peer, error instanceof Error ? error : new Error(String(error)));
      }
    }
    return result;
  }

  /** Only at home: every peer publishes here too, so home carries the whole network. */
  subscribe(exchange: string, bindingPattern: string, handler: DeliveryHandler): Subscription {
    return this.home.subscribe(exchange, bindingPattern, handler);
  }

  on<E extends keyof TransportEvents>(event: E, listener: TransportEvents[E]): () => void {
    const off = this.home.on(event, listener);
    if (event !== 'error') return off;
    const offPeers = this.peerErrors.on('error', listener as TransportEvents['error']);
    return () => {
      off();
      offPeers();
    };
  }

  async close(reason?: string): Promise<void> {
    await Promise.all([this.home, ...this.peers].map((t) => t.close(reason)));
  }

  private peerError(peer: Transport, error: Error): void {
    this.peerErrors.emit('error', new Error(`peer broker ${redactUrl(peer.broker)}: ${error.message}`));
  }
}
