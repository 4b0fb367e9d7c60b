/**
 * The saved-log parser reads trace lines with its allocation-free reader
 * (traceBody) and spy lines through shared/records/parseSpyLine. The
 * network's parseTraceLine is a view over the same reader; here the whole
 * file path (format detection, `[+t]` prefixes, colour removal) is held to
 * give the same fields as parseTraceLine and parseSpyLine for every line of
 * the fixture logs and of the sequence conformance inputs, so a line means
 * the same whether it arrived live or from a file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import { stripAnsi } from '../../shared/parsers/stripAnsi.ts';
import { parseSpyLine } from '../../shared/records/parseSpyLine.ts';
import { parseTraceLine } from '../../shared/records/parseTraceLine.ts';
import { fixturePath } from '../support/fixturePath.ts';

const folders = ['logs', 'conformance/sequence', 'conformance/sequence/aborts'].map((f) => fixturePath(f));
const files = folders.flatMap((folder) =>
  readdirSync(folder).filter((f) => f.endsWith('.log') || f.endsWith('.trace.txt')).map((f) => path.join(folder, f)),
);

it('reads the same trace fields as parseTraceLine wherever parseTraceLine reads a line', () => {
  let compared = 0;
  const differences: string[] = [];
  for (const file of files) {
    for (const record of parseLog(readFileSync(file, 'utf8'), { received: 0 }).records) {
      // Colour codes are removed before either reader sees a line (the decoder does the same).
      const body = stripAnsi(record.raw).replace(/^\s*\[\+t\]\s*/, '');
      const expected = parseTraceLine(body);
      if (!expected) continue;
      compared++;
      const where = `${path.basename(file)}:${record.origin?.line}`;
      if (record.kind !== 'trace') {
        differences.push(`${where} ${record.kind}`);
        continue;
      }
      const { chart, time, signal, payload, from, to, stamp } = record;
      expect({ chart, time, signal, payload, from, to, stamp }, where).toEqual(expected);
    }
  }
  expect(compared).toBeGreaterThan(100);
  // One reader, no differences: a transition with two arrows (ambiguous;
  // miros never writes one) is a note in a file and null for parseTraceLine.
  expect(differences).toEqual([]);
});

it('reads the same spy fields as parseSpyLine', () => {
  let compared = 0;
  for (const file of files) {
    for (const record of parseLog(readFileSync(file, 'utf8'), { received: 0 }).records) {
      if (record.kind !== 'spy') continue;
      compared++;
      const { signal, state, hook } = record;
      expect({ signal, state, hook }, `${file}:${record.origin?.line}`).toEqual(parseSpyLine(record.line));
    }
  }
  expect(compared).toBeGreaterThan(600);
});
