/** Records for web tests, read from the fixture logs by the real parser. */
import { readFileSync } from 'node:fs';
import { parseLog } from '../../../shared/parsers/parseLog.ts';
import type { MirosRecord } from '../../../shared/records/MirosRecord.ts';
import { fixtureLog } from '../../support/fixturePath.ts';

export { fixtureLog as fixtureLogPath };

export function fixtureText(name: string): string {
  return readFileSync(fixtureLog(name), 'utf8');
}

export function fixtureRecords(name: string): MirosRecord[] {
  return parseLog(fixtureText(name), { file: name, received: 0 }).records;
}

/** A trace record made by hand, for cases the fixtures don't cover. */
export function trace(seq: number, chart: string, signal: string, from: string, to: string, time: number | null = seq * 1000): MirosRecord {
  return { v: 1, seq, kind: 'trace', chart, node: null, time, received: 0, raw: `[${chart}] e->${signal}() ${from}->${to}`, signal, from, to };
}

/** Every record an update carries, objects and segments alike, in order. */
export function updateRecords(update: { records?: readonly MirosRecord[]; segments?: readonly { length: number; record(i: number): MirosRecord }[] }): MirosRecord[] {
  const out = [...(update.records ?? [])];
  for (const segment of update.segments ?? []) for (let i = 0; i < segment.length; i++) out.push(segment.record(i));
  return out;
}
