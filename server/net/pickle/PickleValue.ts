/**
 * The plain data a safe pickle can hold, as JavaScript values.
 *
 *   Python            JavaScript
 *   str               string
 *   bytes/bytearray   Uint8Array
 *   int               number (safe integers) or bigint (beyond 2^53)
 *   float             number
 *   bool / None       boolean / null
 *   list              PickleValue[]
 *   tuple             PickleTuple (miros-rabbitmq's mesh item is a tuple, and
 *                     tells it apart from a list)
 *   dict              Map (Python keys need not be strings)
 */
export type PickleValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | PickleValue[]
  | PickleTuple
  | Map<PickleValue, PickleValue>;

/** A Python tuple: immutable and distinct from a list. */
export class PickleTuple {
  readonly items: readonly PickleValue[];
  constructor(items: readonly PickleValue[]) {
    this.items = Object.freeze([...items]);
  }
}

/** `tuple('127.0.0.1', json)` reads like Python's `('127.0.0.1', json)`. */
export function tuple(...items: PickleValue[]): PickleTuple {
  return new PickleTuple(items);
}
