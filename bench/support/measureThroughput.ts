/**
 * A throughput round: messages 1…count sent as fast as the stack takes them
 * (sendBurst), timed until the last one arrives. A stack that loses messages
 * never reaches `count`, so the wait ends when the stream has been quiet for
 * 3 s and the loss is reported instead of hanging the benchmark.
 */
import type { BenchStack } from './BenchStack.ts';
import { sendBurst } from './sendBurst.ts';

export async function measureThroughput(stack: BenchStack, count: number): Promise<{ rate: number; lost: number }> {
  let received = 0;
  let resolveDone!: () => void;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  await stack.onReceive(() => {
    if (++received === count) resolveDone();
  });
  const started = performance.now();
  await sendBurst(count, (seq) => stack.send(seq));
  let last = -1;
  while (received < count && received !== last) {
    last = received;
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 3_000))]);
  }
  return { rate: received / ((performance.now() - started) / 1000), lost: count - received };
}
