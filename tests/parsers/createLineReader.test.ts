import { describe, expect, it } from 'vitest';
import { createLineReader } from '../../shared/parsers/createLineReader.ts';
import type { LineSink, TraceLine } from '../../shared/parsers/LineSink.ts';
import type { LineContext } from '../../shared/parsers/LineContext.ts';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import type { MirosRecord, TraceRecord } from '../../shared/records/MirosRecord.ts';
import { TRACE_LINE_VARIETY } from './traceLineVariety.ts';

/** A sink that takes trace lines in place and builds the record they stand for from the offsets alone. */
function inPlaceSink(): LineSink & { records: MirosRecord[]; inPlace: number[] } {
  const records: MirosRecord[] = [];
  const inPlace: number[] = [];
  return {
    records,
    inPlace,
    record(record) {
      records.push(record);
    },
    traceLine(ctx: LineContext, text: string, t: TraceLine) {
      const cut = (start: number, end: number) => text.slice(start, end);
      const record: TraceRecord = {
        v: 1, seq: ctx.seq, kind: 'trace', chart: t.chartStart === t.chartEnd ? null : cut(t.chartStart, t.chartEnd),
        node: null, time: t.time, received: ctx.received, raw: cut(t.lineStart, t.lineEnd),
        origin: ctx.file === undefined ? { line: ctx.line } : { file: ctx.file, line: ctx.line },
        signal: cut(t.signalStart, t.signalEnd), from: cut(t.fromStart, t.fromEnd), to: cut(t.toStart, t.toEnd),
        stamp: cut(t.stampStart, t.stampEnd),
      };
      if (t.payloadStart !== t.payloadEnd) record.payload = cut(t.payloadStart, t.payloadEnd);
      records.push(record);
      inPlace.push(ctx.line);
    },
  };
}

function readInPieces(text: string, piece: number) {
  const sink = inPlaceSink();
  const reader = createLineReader({ file: 'v.log', received: 3 }, sink);
  for (let k = 0; k < text.length; k += piece) reader.push(text.slice(k, k + piece));
  reader.end();
  return { sink, reader };
}

describe('createLineReader with a sink that takes trace lines in place', () => {
  const expected = parseLog(TRACE_LINE_VARIETY, { file: 'v.log', received: 3 });

  it.each([1, 7, 64, 1 << 20])('reads the same records as the record parser, fed %i characters at a time', (piece) => {
    const { sink, reader } = readInPieces(TRACE_LINE_VARIETY, piece);
    expect([sink.records, reader.errors, reader.lines, reader.blank, reader.notes, reader.format]).toStrictEqual([
      expected.records, expected.errors, expected.lines, expected.blank, expected.notes, expected.format,
    ]);
  });

  it('takes in place exactly the plain framed trace lines, and leaves the rest to the record readers', () => {
    // Lines 1–7 and 21–22 are framed traces; 8 a scribble, 9 an impossible date, 10–11 malformed,
    // 12 not a trace, 13 coloured, 14 a terminal item, 15 on: other formats and blanks.
    expect(readInPieces(TRACE_LINE_VARIETY, 1 << 20).sink.inPlace).toEqual([1, 2, 3, 4, 5, 6, 7, 21, 22]);
  });

  it('treats a leading U+FEFF as part of the line when the text starts mid-file', () => {
    const text = '\uFEFF[2018-05-04 09:00:00.000001] [ao1] e->go() a->b\n';
    const sink = inPlaceSink();
    const reader = createLineReader({ received: 0, midFile: true }, sink);
    reader.push(text);
    reader.end();
    expect(sink.records.map((r) => [r.kind, r.raw])).toEqual([['meta', text.slice(0, -1)]]);
  });
});
