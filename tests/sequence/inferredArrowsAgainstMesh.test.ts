/**
 * Inferred arrows checked against the truth (issue 10): a recording of the
 * demo (seed pair + charger site, in-process bus, 130 s; trace and mesh
 * records kept, see tests/fixtures/recordings/README.md) carries mesh
 * records with correlation ids naming each sender. With the mesh records
 * removed, inference must find the same sends.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { DEFAULT_INFERENCE } from '../../shared/sequence/model/inferReceptions.ts';
import { SequenceBuilder } from '../../shared/sequence/model/SequenceBuilder.ts';
import { scoreInference } from './support/scoreInference.ts';

const records: MirosRecord[] = readFileSync(new URL('../fixtures/recordings/demo-seed-charger-mesh.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => JSON.parse(line) as MirosRecord);

const isSeed = (chart: string | null | undefined): boolean => chart != null && /_(ao|fo)$/.test(chart);
const seedPair = records.filter((r) => (r.kind === 'mesh' ? isSeed(r.correlation?.chart) : isSeed(r.chart)));

describe('inferred arrows against a recording whose mesh records say the truth', () => {
  it('finds the seed pair’s sends (precision and recall ≥ 0.95)', () => {
    const score = scoreInference(seedPair);
    expect(score.truePairs).toBeGreaterThanOrEqual(40);
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('finds most sends of the whole demo, charger site included (≥ 0.8; two chargers sending the same stage at once stay ambiguous)', () => {
    const score = scoreInference(records);
    expect(score.truePairs).toBeGreaterThanOrEqual(200);
    expect(score.precision).toBeGreaterThanOrEqual(0.8);
    expect(score.recall).toBeGreaterThanOrEqual(0.8);
    // The right sending chart, whichever of its moves.
    expect(score.rightChart / score.inferred).toBeGreaterThanOrEqual(0.85);
  });

  it('uses a window that holds every true delay of the recording', () => {
    const { delays } = scoreInference(records);
    expect(Math.max(...delays)).toBeLessThan(DEFAULT_INFERENCE.windowMs);
    // Widening the window changes nothing here: the preference for the closest send decides.
    expect(scoreInference(records, { windowMs: 2000 }).right).toBe(scoreInference(records).right);
  });

  it('keeps the mesh pairs when mesh records are present: nothing is inferred for a paired reception', () => {
    const builder = new SequenceBuilder();
    builder.add(seedPair);
    const items = builder.model().system.items;
    const paired = items.filter((i) => i.type === 'state' && i.causedBy !== undefined);
    expect(paired.length).toBeGreaterThanOrEqual(40);
    expect(paired.every((i) => i.type === 'state' && i.inferredFrom === undefined)).toBe(true);
  });

  it('marks inferred arrows in the model once the mesh records are stripped', () => {
    const builder = new SequenceBuilder();
    builder.add(seedPair.filter((r) => r.kind !== 'mesh'));
    const items = builder.model().system.items;
    const inferred = items.filter((i) => i.type === 'message');
    expect(inferred.length).toBeGreaterThanOrEqual(40);
    expect(inferred.every((i) => i.type === 'message' && i.inferred === true)).toBe(true);
    const receivers = items.filter((i) => i.type === 'state' && i.inferredFrom !== undefined);
    expect(receivers).toHaveLength(inferred.length);
  });
});
