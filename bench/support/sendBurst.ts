/**
 * Sends messages 1…count as fast as the stack takes them, yielding to the
 * event loop every 500 so the socket drains and the consumer side of the
 * same process gets its turn (a throughput round of the AMQP benchmarks).
 */
export async function sendBurst(count: number, send: (seq: number) => void): Promise<void> {
  for (let seq = 1; seq <= count; seq++) {
    send(seq);
    if (seq % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}
