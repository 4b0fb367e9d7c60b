/**
 * Consumer acknowledgements, in batches. Every delivery is acked whatever
 * the handler made of it — a rejected message is dropped, never requeued
 * (miros-rabbitmq's nack-requeue loops a bad message thousands of times a
 * second) — but a run of deliveries on one channel shares one
 * `basic.ack(multiple)`:
 *
 *   d1 d2 … dk ──▶ ack(dk, allUpTo)     when the event-loop turn that received them ends,
 *                                       or as soon as `every` are waiting
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

export class AckBatcher {
  private channel: amqp.Channel | null = null;
  private latest: amqp.Message | null = null;
  private waiting = 0;
  private scheduled = false;

  /** `every`: deliveries acked together at most (≥ 1). */
  constructor(private readonly every: number) {
    if (!(every >= 1)) throw new RangeError('AckBatcher needs every ≥ 1');
  }

  /** Records a handled delivery; it is acked with the batch it falls in. */
  add(channel: amqp.Channel, message: amqp.Message): void {
    if (this.channel !== null && this.channel !== channel) this.flush();
    this.channel = channel;
    this.latest = message;
    if (++this.waiting >= this.every) return this.flush();
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.endOfTurn);
    }
  }

  /** Acks everything recorded so far (also at close). */
  flush(): void {
    const { channel, latest } = this;
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
}
