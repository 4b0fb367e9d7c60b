/**
 * Issue 9, items 1, 4, 5 and 8 at the decoder: every message that took the
 * server down is refused with the budget it exceeded (or, when valid, read),
 * in bounded time, and decoding never throws.
 */
import { describe, expect, it } from 'vitest';
import { resolveBudgets, BudgetError } from '../../server/config/messageBudgets.ts';
import { parseBudgetFlags } from '../../server/config/parseBudgetFlags.ts';
import { encodeBody } from '../../server/net/encodeBody.ts';
import { Fernet } from '../../server/net/fernet/Fernet.ts';
import { MessageCodec } from '../../server/net/MessageCodec.ts';
import { deepMeshEvent, hostileMessages, longStringPickle, meshEventWithSignal } from '../abuse/hostileMessages.ts';

const key = Fernet.generateKey();
const fernet = new Fernet(key);
const received = 1_700_000_000_000;

describe('MessageCodec budgets', () => {
  it.each(hostileMessages())('$name: $outcome, within 300 ms', (message) => {
    const codec = new MessageCodec({ network: message.network, key });
    const body = fernet.encryptToBuffer(message.plaintext);
    expect(body.length).toBeLessThanOrEqual(1024 * 1024);
    const started = performance.now();
    const result = codec.decode(body, { received });
    const ms = performance.now() - started;
    expect(result.ok ? 'accepted' : result.rejection.reason).toBe(message.outcome);
    expect(ms).toBeLessThan(300);
  });

  it('accepts nesting up to the depth budget and refuses one level more', () => {
    const codec = new MessageCodec({ network: 'mesh', key, budgets: { maxDepth: 10 } });
    // The event object is one level, so a payload of 9 lists reaches depth 10.
    const at = codec.decode(fernet.encryptToBuffer(deepMeshEvent(9)), { received });
    const over = codec.decode(fernet.encryptToBuffer(deepMeshEvent(10)), { received });
    expect([at.ok, over.ok ? 'accepted' : over.rejection.reason]).toEqual([true, 'too-deep']);
  });

  it('takes each budget from the options', () => {
    const codec = new MessageCodec({ network: 'mesh', key, budgets: { maxSignalNameChars: 5, maxItems: 6 } });
    const named = (signal: string) => codec.decode(fernet.encryptToBuffer(meshEventWithSignal(signal)), { received });
    expect([named('abcde').ok, named('abcdef').ok]).toEqual([true, false]);
    const trace = new MessageCodec({ network: 'trace', key, budgets: { maxRecordsPerMessage: 2 } });
    const lines = (n: number) => trace.decode(fernet.encryptToBuffer(longLines(n)), { received });
    expect([lines(2).ok, lines(3).ok ? 'accepted' : (lines(3) as { rejection: { reason: string } }).rejection.reason]).toEqual([true, 'too-many-records']);
  });

  it('reads a long protocol 0 STRING on the trace network as one note', () => {
    const result = new MessageCodec({ network: 'trace', key }).decode(fernet.encryptToBuffer(longStringPickle(150_000)), { received });
    expect(result.ok && result.records.map((r) => [r.kind, r.raw.length])).toEqual([['meta', 150_000]]);
  });
});

describe('resolveBudgets', () => {
  it('applies overrides to the defaults and refuses nonsense', () => {
    expect(resolveBudgets({ maxDepth: 8 }).maxDepth).toBe(8);
    expect(() => resolveBudgets({ maxDepth: 0 })).toThrow(BudgetError);
    expect(() => resolveBudgets({ ringChars: 10, maxRecordChars: 100 })).toThrow(/one record would empty the ring/);
    expect(() => resolveBudgets({ nope: 1 } as never)).toThrow(/unknown budget "nope"/);
  });

  it('reads serve --budget name=value flags', () => {
    expect(parseBudgetFlags(['ringChars=67_108_864', 'maxDepth=32'])).toMatchObject({ ringChars: 67_108_864, maxDepth: 32, ringRecords: 10_000 });
    expect(() => parseBudgetFlags(['maxDepth'])).toThrow(/name=integer/);
    expect(() => parseBudgetFlags(['maxdepth=3'])).toThrow(/unknown budget "maxdepth"; the budgets are maxBodyBytes, maxDepth/);
  });
});

function longLines(n: number): Buffer {
  return encodeBody(Array.from({ length: n }, (_, i) => `[2026-12-06 11:00:00.00000${i}] [c] e->t() a->b`).join('\n'));
}
