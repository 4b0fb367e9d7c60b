import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import { InThreadLogLoader } from '../../web/src/sources/InThreadLogLoader.ts';
import type { ColumnSegment } from '../../web/src/store/ColumnSegment.ts';
import { logsDir } from '../support/fixturePath.ts';
import { TRACE_LINE_VARIETY } from '../parsers/traceLineVariety.ts';

/** A server that sends the file in pieces of `size` bytes (lines and UTF-8 sequences split anywhere). */
function piecewiseFetch(bytes: Uint8Array, size: number): typeof fetch {
  return async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let k = 0; k < bytes.length; k += size) controller.enqueue(bytes.slice(k, k + size));
          controller.close();
        },
      }),
    );
}

async function load(text: string, name: string, piece: number, blockChars: number): Promise<{ records: MirosRecord[]; segments: ColumnSegment[] }> {
  const bytes = new TextEncoder().encode(text);
  const loader = new InThreadLogLoader({ fetch: piecewiseFetch(bytes, piece), blockChars, firstBlockChars: blockChars, maxDelayMs: 1e9, received: 0 });
  const segments: ColumnSegment[] = [];
  await loader.load({ kind: 'url', url: 'http://127.0.0.1/log', name }, async (batch) => {
    segments.push(batch.segment);
  });
  const records: MirosRecord[] = [];
  for (const segment of segments) for (let i = 0; i < segment.length; i++) records.push(segment.record(i));
  return { records, segments };
}

const odd = [
  '\uFEFF[2018-05-04 09:00:00.000001] [ao1] e->start_at() top->outer',
  '',
  '   ',
  '[2018-05-04 09:00:00.000002] [ao1] e->go({\'é\': "ü"}) outer->inner\r',
  '{"v":1,"kind":"trace","chart":"ao2","node":null,"time":5,"received":1,"raw":"x","signal":"s","from":"a","to":"b"}',
  '{not json',
  '  \t[2018-05-04 09:00:00.000003] [ao1] e->back() inner->outer  ',
  '\x1b[32m [+s] ao1 ENTRY_SIGNAL:outer\x1b[0m',
  'free text 😀 line',
  '2019-07-26 11:37:22,674 DEBUG:T: [ao3] e->tick() a->b',
  '[2018-05-04 09:00:00.000004] [ao1] e->broken( outer->inner',
  'last line without an end',
].join('\n');

describe('a log loaded as columns', () => {
  const logs = readdirSync(logsDir).filter((name) => name.endsWith('.log'));

  it.each(logs)('gives the records the parser reads from %s, raw lines taken from the text as read', async (name) => {
    const text = readFileSync(path.join(logsDir, name), 'utf8');
    const { records, segments } = await load(text, name, 1000, 7);
    expect(records).toStrictEqual(parseLog(text, { file: name, received: 0 }).records);
    // Plain logs copy no raw text: every raw line points into the text read.
    expect(segments.map((s) => s.chunk.pool).join('')).toBe('');
  });

  it.each([1, 3, 17, 4096])('gives the same records for awkward lines read in pieces of %i bytes', async (piece) => {
    const { records } = await load(odd, 'odd.log', piece, 2);
    expect(records).toStrictEqual(parseLog(odd, { file: 'odd.log', received: 0 }).records);
  });

  it.each([1, 5, 64, 4096])('gives the same records for trace lines of every shape, read in pieces of %i bytes (most go straight into columns)', async (piece) => {
    const { records, segments } = await load(TRACE_LINE_VARIETY, 'v.log', piece, 4096);
    expect(records).toStrictEqual(parseLog(TRACE_LINE_VARIETY, { file: 'v.log', received: 0 }).records);
    // Only the lines that are not their record's raw (none here but the JSON one) and error messages are pooled.
    expect(segments.map((s) => s.chunk.extras.length).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('keeps the raw line a recording carries, not the JSON line it came in', async () => {
    const { records, segments } = await load(odd, 'odd.log', 64, 100);
    const fromJson = records.find((r) => r.chart === 'ao2')!;
    expect([fromJson.raw, segments.map((s) => s.chunk.pool).join('').includes('x')]).toEqual(['x', true]);
  });
});
