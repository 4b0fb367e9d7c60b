/**
 * A large file is read in two parts by two workers (WorkerLogLoader); this
 * drives the same pieces without workers: the file cut at a line end, each
 * part read by streamLogInput (the second as `midFile`), the second part's
 * chunks moved past the first's records and lines by ChunkReceiver.
 */
import { describe, expect, it } from 'vitest';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import { streamLogInput } from '../../web/src/sources/streamLogInput.ts';
import { cutAtLineEnd } from '../../web/src/sources/cutAtLineEnd.ts';
import { ChunkReceiver, type PartShift } from '../../web/src/sources/ChunkReceiver.ts';
import type { WireBatch } from '../../web/src/sources/parseWorkerProtocol.ts';
import { TRACE_LINE_VARIETY } from '../parsers/traceLineVariety.ts';

async function readPart(file: Blob, midFile: boolean): Promise<{ batches: WireBatch[]; lines: number; records: number }> {
  const batches: WireBatch[] = [];
  const summary = await streamLogInput({ kind: 'file', file, name: 'v.log' }, async (batch) => void batches.push(batch), { received: 0, midFile, firstBlockChars: 100, blockChars: 300 });
  return { batches, lines: summary.lines, records: summary.records };
}

async function readInTwo(text: string, at: number): Promise<{ records: MirosRecord[]; errorLines: number[] }> {
  const file = new Blob([text]);
  const cut = (await cutAtLineEnd(file, at))!;
  const [a, b] = [await readPart(file.slice(0, cut), false), await readPart(file.slice(cut), true)];
  const shift: PartShift = { seq: a.records, line: a.lines };
  const records: MirosRecord[] = [];
  const errorLines: number[] = [];
  for (const [part, moved] of [[a, null], [b, shift]] as const) {
    const receiver = new ChunkReceiver();
    for (const batch of part.batches) {
      const segment = receiver.receive(batch.chunk, moved);
      for (let i = 0; i < segment.length; i++) records.push(segment.record(i));
      for (const error of batch.errors) errorLines.push(error.line + (moved?.line ?? 0));
    }
  }
  return { records, errorLines };
}

describe('a file read in two parts', () => {
  // The variety twice over, with a whole mesh record (it travels whole, so its seq and line are patched).
  const mesh = '{"v":1,"seq":1,"kind":"mesh","chart":"ao1","node":null,"time":null,"received":1,"raw":"m","signal":"s","payload":{"x":1},"sender":null}';
  const text = `${TRACE_LINE_VARIETY}\n${mesh}\n${TRACE_LINE_VARIETY}\n${mesh}\n`;

  it.each([0.3, 0.5, 0.8])('gives the records and error lines of the whole file, cut near %f of it', async (fraction) => {
    const whole = parseLog(text, { file: 'v.log', received: 0 });
    const { records, errorLines } = await readInTwo(text, Math.floor(text.length * fraction));
    expect([records, errorLines]).toStrictEqual([whole.records, whole.errors.map((e) => e.line)]);
  });

  it('sends an all-ASCII block as its bytes and any other block as text', async () => {
    const ascii = '[2018-05-04 09:00:00.000001] [ao1] e->go() a->b\n'.repeat(3);
    const other = '[2018-05-04 09:00:00.000002] [ao1] e->go(é) a->b\n';
    const { batches } = await readPart(new Blob([ascii, other]), false);
    const sent = batches.filter((b) => b.chunk.length > 0).map((b) => [b.chunk.length, b.chunk.bytes !== undefined, b.chunk.text.length > 0]);
    // Node's Blob streams its parts one by one: each is a block of whole lines here.
    expect(sent).toEqual([[3, true, false], [1, false, true]]);
  });

  it('is cut just after a line end, or not at all within the look-ahead', async () => {
    const file = new Blob(['abc\ndef\n', 'x'.repeat(100)]);
    expect([await cutAtLineEnd(file, 1), await cutAtLineEnd(file, 5), await cutAtLineEnd(file, 9, 50)]).toEqual([4, 8, null]);
  });
});
