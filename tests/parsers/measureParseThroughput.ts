/**
 * Quick throughput check for the saved-log parser (not a test; the formal
 * benchmark is `npm run bench -- web`). Generates an N-line miros trace log
 * (default 1,000,000), parses it in chunks the way the dashboard's worker
 * does, and prints lines/s next to a baseline run in the same process: a
 * loop that only splits the text into lines and finds each line's `->`, the
 * least work any parser must do. A second run parses the Python-logging
 * fixture of a charger (mostly spy lines) repeated to the same length.
 *
 *   npx tsx tests/parsers/measureParseThroughput.ts [lines] [chunkKiB]
 */
import { readFileSync } from 'node:fs';
import { createLogParser } from '../../shared/parsers/createLogParser.ts';
import { formatStamp } from '../../shared/records/timestamp.ts';
import { fixtureLog } from '../support/fixturePath.ts';

const lines = Number(process.argv[2] ?? 1_000_000);
const chunkSize = Number(process.argv[3] ?? 256) * 1024;

function generate(n: number): string {
  const charts = ['04ccc_ao', '2771f_ao', 'charger', 'f1'];
  const moves = [
    'e->to_inner() outer->inner', 'e->to_outer() inner->outer', 'e->other_to_inner() outer->inner',
    "e->Tick({'v': 12.5, 'i': 3}) bulk->absorption", 'e->Reset() inner_state->inner_state',
  ];
  const parts: string[] = [];
  let t = Date.UTC(2019, 1, 23, 8, 8, 34) + 0.878743;
  for (let i = 0; i < n; i++) {
    t += 1.234567;
    parts.push(`[${formatStamp(t)}] [${charts[i % 4]}] ${moves[i % 5]}`);
  }
  return parts.join('\n') + '\n';
}

function baseline(text: string): number {
  let arrows = 0;
  for (let start = 0; start < text.length; ) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    const line = text.slice(start, nl);
    if (line.indexOf('->') >= 0) arrows++;
    start = nl + 1;
  }
  return arrows;
}

function loggingMix(n: number): string {
  const file = readFileSync(fixtureLog('miros-logging-single_unit_three_stage_charger_2.log'), 'utf8');
  const fileLines = file.split('\n').slice(0, -1);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(fileLines[i % fileLines.length]!);
  return out.join('\n') + '\n';
}

function parse(text: string): number {
  const parser = createLogParser({ received: 0 });
  let records = 0;
  for (let i = 0; i < text.length; i += chunkSize) records += parser.push(text.slice(i, i + chunkSize)).length;
  records += parser.end().length;
  return records;
}

function best(label: string, run: () => number): number {
  let bestMs = Infinity;
  let result = 0;
  for (let round = 0; round < 5; round++) {
    const t0 = performance.now();
    result = run();
    bestMs = Math.min(bestMs, performance.now() - t0);
  }
  const rate = lines / (bestMs / 1000);
  console.log(`${label.padEnd(28)} ${bestMs.toFixed(0).padStart(6)} ms  ${(rate / 1e6).toFixed(2)} M lines/s  (${result} items)`);
  return rate;
}

const text = generate(lines);
console.log(`${lines} lines, ${(text.length / 1e6).toFixed(1)} MB, chunks of ${chunkSize / 1024} KiB; best of 5`);
const base = best('baseline (split + find ->)', () => baseline(text));
const ours = best('createLogParser', () => parse(text));
console.log(`parser / baseline: ${(ours / base).toFixed(2)}`);
const mix = loggingMix(lines);
console.log(`\n${lines} Python-logging lines (99% spy), ${(mix.length / 1e6).toFixed(1)} MB`);
const mixBase = best('baseline (split + find ->)', () => baseline(mix));
const mixOurs = best('createLogParser', () => parse(mix));
console.log(`parser / baseline: ${(mixOurs / mixBase).toFixed(2)}`);
