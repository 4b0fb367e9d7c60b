/**
 * Thrown when a closed transport is used. Says when and why it closed, and
 * where `close()` was called from, so a late publish is easy to trace to
 * the shutdown that preceded it (amqplib's `stackAtStateChange`, same idea).
 *
 * @remarks miros-rabbitmq: none; pika raises its own connection errors.
 */
export class TransportClosedError extends Error {
  override readonly name = 'TransportClosedError';
  constructor(
    readonly operation: string,
    readonly closedAt: number,
    readonly reason: string,
    readonly stackAtClose: string | undefined,
  ) {
    super(`cannot ${operation}: transport closed at ${new Date(closedAt).toISOString()} (${reason})`);
  }
}
