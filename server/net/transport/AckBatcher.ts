/**
 * Consumer acknowledgements, in batches. Every delivery is acked whatever
 * the handler made of it — a rejected message is dropped, never requeued
 * (miros-rabbitmq's nack-requeue loops a bad message thousands of times a
 * second) — but a run of deliveries on one channel shares one
 * `basic.ack(multiple)`:
 *
 *   d1 d2 … dk ──▶ ack(dk, allUpTo)     `delay.ms` after the first of them (or, without a
 *                                       delay, when the event-loop turn that received them
 *                                       ends), or as soon as `every` are waiting
 *
 * Why a delay: each ack is a socket write, and a write costs a system call
 * whatever it carries. Acking at the end of every turn that received
 * something cost one write per turn: with traffic spread evenly (a few
 * records per socket read) that was the server's biggest single cost — in
 * the scale bench (10 charts, 1,000 records/s) 30 % of serve's profile
 * samples were amqplib writing acks, more than decoding every message. The
 * broker only needs acks to keep the prefetch window open, and the window
 * (thousands) is far larger than what arrives in a few tens of ms, so a
 * short delay caps the writes at 1000 / delay.ms a second without starving it.
 *
 * The second trigger matters under load: a busy consumer may take thousands
 * of deliveries in one turn, and acking only at its end would let the
 * broker's prefetch window run dry meanwhile (it then holds messages back,
 * and queueing them costs it more CPU than handing them over).
 *
 * Deliveries are handled synchronously in order, so acking "all up to the
 * latest" never covers one that was not handled. An ack on a channel that
 * died is dropped: its exclusive queue went with it.
 */
import type * as amqp from 'amqplib';
import type { Clock, TimerHandle } from '../../statechart/Clock.ts';

export class AckBatcher {
  private channel: amqp.Channel | null = null;
  private latest: amqp.Message | null = null;
  private waiting = 0;
  private scheduled = false;
  private timer: TimerHandle | null = null;

  /**
   * `every`: deliveries acked together at most (≥ 1). `delay`: ack a run
   * `ms` after its first delivery, on `clock`; null acks at the end of the turn.
   */
  constructor(
    private readonly every: number,
    private readonly delay: { clock: Clock; ms: number } | null = null,
  ) {
    if (!(every >= 1)) throw new RangeError('AckBatcher needs every ≥ 1');
    if (delay && !(delay.ms >= 0)) throw new RangeError('AckBatcher needs a delay ≥ 0 ms');
  }

  /** Records a handled delivery; it is acked with the batch it falls in. */
  add(channel: amqp.Channel, message: amqp.Message): void {
    if (this.channel !== null && this.channel !== channel) this.flush();
    this.channel = channel;
    this.latest = message;
    if (++this.waiting >= this.every) return this.flush();
    if (this.delay) {
      this.timer ??= this.delay.clock.setTimeout(this.delayed, this.delay.ms);
    } else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.endOfTurn);
    }
  }

  /** Acks everything recorded so far (also at close). */
  flush(): void {
    const { channel, latest } = this;
    if (this.timer && this.delay) this.delay.clock.clearTimeout(this.timer);
    this.timer = null;
    this.channel = null;
    this.latest = null;
    this.waiting = 0;
    if (channel === null || latest === null) return;
    try {
      channel.ack(latest, true);
    } catch {
      // The channel is gone; its exclusive queue went with it.
    }
  }

  private readonly endOfTurn = (): void => {
    this.scheduled = false;
    this.flush();
  };

  private readonly delayed = (): void => {
    this.timer = null;
    this.flush();
  };
}
