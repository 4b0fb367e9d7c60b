/**
 * Quick throughput check for compiled log filters (not a test): parses a
 * generated 1,000,000-record log (trace, spy, notes), then times each filter
 * over all records, best of 5, next to a baseline in the same process — a
 * loop that only reads each record's `chart` — and against the 200 ms budget.
 *
 *   npx tsx tests/filter/measureFilterThroughput.ts [records]
 */
import { compileFilter } from '../../shared/filter/compileFilter.ts';
import { parseFilterQuery } from '../../shared/filter/parseFilterQuery.ts';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { formatStamp } from '../../shared/records/timestamp.ts';

const n = Number(process.argv[2] ?? 1_000_000);

function generate(count: number): string {
  const charts = ['04ccc_ao', '2771f_ao', 'charger', 'f1'];
  const lines: string[] = [];
  let t = Date.UTC(2019, 1, 23, 8, 8, 34);
  for (let i = 0; i < count; i++) {
    t += 1.234567;
    const chart = charts[i % 4]!;
    switch (i % 5) {
      case 0: lines.push(`[${formatStamp(t)}] [${chart}] e->to_inner() outer->inner`); break;
      case 1: lines.push(`[${formatStamp(t)}] [${chart}] e->Tick({'v': ${i % 97}}) inner->outer`); break;
      case 2: lines.push(` [+s] ${chart} ENTRY_SIGNAL:inner`); break;
      case 3: lines.push(` [+s] ${chart} Pulse:charging:HOOK`); break;
      default: lines.push(i % 50 === 4 ? `noise line ${i}` : ` [+s] ${chart} <- Queued:(0) Deferred:(0)`);
    }
  }
  return lines.join('\n');
}

function time(run: () => number): [number, number] {
  let best = Infinity;
  let kept = 0;
  for (let round = 0; round < 5; round++) {
    const t0 = performance.now();
    kept = run();
    best = Math.min(best, performance.now() - t0);
  }
  return [best, kept];
}

const records: MirosRecord[] = parseLog(generate(n), { received: 0 }).records;
console.log(`${records.length} records; best of 5; budget 200 ms`);
const [baseMs] = time(() => {
  let k = 0;
  for (const r of records) if (r.chart === 'f1') k++;
  return k;
});
console.log(`${'baseline: r.chart === "f1"'.padEnd(58)} ${baseMs.toFixed(1).padStart(7)} ms`);

const queries = [
  'chart:f1',
  'chart:f1,charger kind:trace',
  'kind:spy -kind:note',
  'signal:to_*',
  'state:inner',
  '"door open"',
  'tick',
  '/Tick\\(\\{.v.: 4\\d\\}\\)/',
  'chart:*_ao kind:trace signal:Tick state:outer "\'v\'" -/: 9\\d/',
];
for (const q of queries) {
  const keep = compileFilter(parseFilterQuery(q));
  const [ms, kept] = time(() => {
    let k = 0;
    for (let i = 0; i < records.length; i++) if (keep(records[i]!)) k++;
    return k;
  });
  console.log(`${q.padEnd(58)} ${ms.toFixed(1).padStart(7)} ms  ${(ms / baseMs).toFixed(1).padStart(5)}x baseline  kept ${kept}`);
}
