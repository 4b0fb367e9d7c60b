/**
 * The messages issue 9 found taking the server down, as plaintext bodies
 * (before Fernet). Tests encrypt them under their own key: the codec test
 * decodes them directly, the abuse test publishes them through RabbitMQ to a
 * running server.
 */
import { encodeBody } from '../../server/net/encodeBody.ts';
import { tuple } from '../../server/net/pickle/PickleValue.ts';
import type { MirosNetwork } from '../../server/net/mirosTopology.ts';

export interface HostileMessage {
  name: string;
  network: MirosNetwork;
  plaintext: Buffer;
  /** The rejection reason the server must count, or `accepted` for a big message that is valid. */
  outcome: string;
}

const traceLine = (i: number) => `[2026-12-06 11:00:00.${String(i % 1_000_000).padStart(6, '0')}] [flood] e->tick() a->b`;

/** A mesh event whose payload nests `levels` lists deep (13.5 kB at 5,000). */
export function deepMeshEvent(levels: number): Buffer {
  return encodeBody(tuple('10.0.0.9', `{"signal_name": "deep", "payload": ${'['.repeat(levels)}${']'.repeat(levels)}}`));
}

/** A protocol 0 STRING opcode of `chars` characters (Python 2's str). */
export function longStringPickle(chars: number): Buffer {
  return Buffer.concat([Buffer.from("S'"), Buffer.alloc(chars, 0x61), Buffer.from("'\np0\n.")]);
}

/** MARK, `items` × NONE, TUPLE, STOP. */
export function wideTuplePickle(items: number): Buffer {
  return Buffer.concat([Buffer.from([0x80, 4, 0x28]), Buffer.alloc(items, 0x4e), Buffer.from([0x74, 0x2e])]);
}

export function meshEventWithSignal(signal: string, payload: unknown = null): Buffer {
  return encodeBody(tuple('10.0.0.9', JSON.stringify({ signal_name: signal, payload })));
}

export function hostileMessages(): HostileMessage[] {
  return [
    { name: 'a mesh payload nested 5,000 levels deep', network: 'mesh', plaintext: deepMeshEvent(5_000), outcome: 'too-deep' },
    { name: 'a JSON body nested 5,000 levels deep', network: 'mesh', plaintext: Buffer.from('['.repeat(5_000) + ']'.repeat(5_000)), outcome: 'too-deep' },
    {
      name: 'a 970 kB trace message of 14,000 lines',
      network: 'trace',
      plaintext: encodeBody(Array.from({ length: 14_000 }, (_, i) => traceLine(i)).join('\n').padEnd(700_000, ' ')),
      outcome: 'too-many-records',
    },
    { name: 'a tuple of 700,000 items', network: 'trace', plaintext: wideTuplePickle(700_000), outcome: 'too-many-items' },
    { name: 'a 500 kB signal name', network: 'mesh', plaintext: meshEventWithSignal('S'.repeat(500_000)), outcome: 'signal-name-too-long' },
    { name: 'a pickle STRING of 200,000 characters', network: 'trace', plaintext: longStringPickle(200_000), outcome: 'accepted' },
    { name: 'a 700 kB mesh event', network: 'mesh', plaintext: meshEventWithSignal('big', 'x'.repeat(700_000)), outcome: 'accepted' },
  ];
}
