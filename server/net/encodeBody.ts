/**
 * The body codec's writing half: a miros item (a str, or a tuple of str) as
 * a pickle that Python's `pickle.loads` reads (the default, wire-compatible
 * with miros-rabbitmq) or as compact JSON for all-TypeScript networks (a
 * tuple becomes an array). {@link decodeBody} reads both.
 */
import type { BodyFormat } from './decodeBody.ts';
import { pickleDumps, type PicklableItem } from './pickle/pickleDumps.ts';
import { PickleTuple } from './pickle/PickleValue.ts';

export function encodeBody(item: PicklableItem, format: BodyFormat = 'pickle'): Buffer {
  if (format === 'pickle') return pickleDumps(item, 4);
  return Buffer.from(JSON.stringify(toJson(item)), 'utf8');
}

function toJson(item: PicklableItem): unknown {
  return item instanceof PickleTuple ? item.items.map((i) => toJson(i as PicklableItem)) : item;
}
