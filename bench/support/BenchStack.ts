/**
 * A messaging stack as the wire and relay benchmarks drive it: numbered
 * messages go in with `send`, come out through the `onReceive` handler.
 * Each benchmark compares its stack with raw amqplib (rawAmqpStack.ts)
 * through this one interface.
 */
export interface BenchStack {
  name: string;
  /** Publishes message `seq`. */
  send(seq: number): void;
  /** Starts receiving; resolves once messages published from now on arrive. Called with each received seq. */
  onReceive(handler: (seq: number) => void): Promise<void>;
  close(): Promise<void>;
}
