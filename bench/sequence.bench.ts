/**
 * Benchmark: streaming 100,000 transitions of two charts (plus a mesh message
 * every 10 steps) through SequenceBuilder in batches of 500, as the live
 * dashboard does, taking the latest-200 window after every batch.
 *
 * Baseline in the same process: rebuilding the whole model from all records
 * so far after each batch (what a non-incremental builder must do), sampled
 * at every 20th batch because it is slow. Prints the worst and mean batch
 * times and the ratio.
 *
 *   npm run bench -- sequence [--records N] [--order timestamp]
 */
import type { MirosRecord } from './support/projectShared.ts';
import { buildSequenceModel, SequenceBuilder } from './support/projectShared.ts';
import { mesh, trace } from '../tests/sequence/recordFactory.ts';

function makeRecords(count: number): MirosRecord[] {
  const records: MirosRecord[] = [];
  const states = ['outer', 'inner'];
  for (let k = 0; k < count; k += 1) {
    const seq = k + 1;
    if (k % 10 === 9) {
      records.push(mesh(seq, 'other_to_inner', 'A1', { received: seq * 50 }));
      continue;
    }
    const chart = k % 2 === 0 ? 'A1' : 'B2';
    const from = states[k % 4 < 2 ? 0 : 1]!;
    const to = states[k % 4 < 2 ? 1 : 0]!;
    // Small time jitter so timestamp order has late records to insert.
    records.push(trace(seq, chart, from === 'outer' ? 'to_inner' : 'to_outer', from, to, { time: seq * 50 - (k % 7) * 30, received: seq * 50 }));
  }
  return records;
}

export async function main(args: string[]): Promise<void> {
  const option = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const count = Number(option('--records') ?? 100_000);
  const order = option('--order') === 'timestamp' ? 'timestamp' : 'arrival';
  const records = makeRecords(count);
  const batch = 500;

  const builder = new SequenceBuilder({ order });
  let worst = 0;
  let total = 0;
  let batches = 0;
  let baselineTotal = 0;
  let baselineWorst = 0;
  let baselineSamples = 0;
  let incrementalAtSamples = 0;
  for (let k = 0; k < records.length; k += batch) {
    const started = performance.now();
    builder.add(records.slice(k, k + batch));
    builder.window({ last: 200 });
    const took = performance.now() - started;
    worst = Math.max(worst, took);
    total += took;
    batches += 1;
    if (batches % 20 === 0) {
      incrementalAtSamples += took;
      const b0 = performance.now();
      buildSequenceModel(records.slice(0, k + batch), { order });
      const b = performance.now() - b0;
      baselineTotal += b;
      baselineWorst = Math.max(baselineWorst, b);
      baselineSamples += 1;
    }
  }
  const m0 = performance.now();
  builder.model();
  const full = performance.now() - m0;

  const fmt = (ms: number): string => `${ms.toFixed(2)} ms`;
  console.log(`sequence builder, ${count} records (${order} order), batches of ${batch}:`);
  console.log(`  add + window(last 200): mean ${fmt(total / batches)}, worst ${fmt(worst)}`);
  console.log(`  whole model() at the end: ${fmt(full)}`);
  console.log(`  baseline (rebuild everything per batch): mean ${fmt(baselineTotal / baselineSamples)}, worst ${fmt(baselineWorst)}`);
  console.log(`  ratio baseline / incremental at the same batches: ${(baselineTotal / incrementalAtSamples).toFixed(1)}x`);
}

// Run directly (not when imported by a bench dispatcher).
if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
