/**
 * Runs a subscription handler on one delivery and counts what happened.
 * Shared by both transports so "a throwing handler never kills the
 * consumer" and "every rejection is counted by reason" mean the same thing
 * on RabbitMQ and in-process.
 */
import type { CounterSet } from './CounterSet.ts';
import type { Delivery, DeliveryHandler } from './Transport.ts';

export function deliverSafely(handler: DeliveryHandler, delivery: Delivery, counters: CounterSet, onError: (error: Error) => void): void {
  counters.received++;
  let outcome: unknown;
  try {
    outcome = handler(delivery);
  } catch (error) {
    counters.reject('handler-error');
    onError(error instanceof Error ? error : new Error(String(error)));
    return;
  }
  if (outcome && typeof (outcome as PromiseLike<unknown>).then === 'function') {
    (outcome as Promise<unknown>).catch((error: unknown) => {
      counters.reject('handler-error');
      onError(error instanceof Error ? error : new Error(String(error)));
    });
    return;
  }
  const rejected = (outcome as { rejected?: unknown } | undefined)?.rejected;
  if (typeof rejected === 'string') counters.reject(rejected);
}
