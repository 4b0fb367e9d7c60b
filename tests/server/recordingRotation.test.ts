import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Recorder, partName } from '../../server/recorder/Recorder.ts';
import { RecordingStore } from '../../server/recorder/RecordingStore.ts';
import { pruneRecordings } from '../../server/recorder/RecordingRetention.ts';
import { parseRecordingFlags } from '../../server/config/parseRecordingFlags.ts';
import { ConfigError } from '../../server/config/serveConfig.ts';
import { MiroscopeServer } from '../../server/http/MiroscopeServer.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'miroscope-rot-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function record(i: number): MirosRecord {
  return { v: 1, seq: i + 1, kind: 'meta', event: 'note', chart: null, node: null, time: null, received: 1000 + i, raw: `r${i}`, detail: `r${i}` };
}
const details = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => (JSON.parse(l) as { detail: string }).detail);

describe('rotation', () => {
  it('rolls to a new part before a flush would pass rotateBytes, losing and repeating nothing', () => {
    const folder = tempDir();
    const rotations: string[][] = [];
    const lineBytes = JSON.stringify(record(0)).length + 1;
    const recorder = new Recorder({ folder, name: 'sess', rotateBytes: lineBytes * 10, maxBuffered: 4, onRotate: (a, b) => rotations.push([a, b]) });
    for (let i = 0; i < 30; i++) recorder.write(record(i));
    recorder.close();
    expect(rotations).toEqual([
      ['sess', 'sess.p002'],
      ['sess.p002', 'sess.p003'],
      ['sess.p003', 'sess.p004'],
    ]);
    const parts = ['sess', 'sess.p002', 'sess.p003', 'sess.p004'];
    const all = parts.flatMap((p) => details(path.join(folder, `${p}.jsonl`)));
    expect(all).toEqual(Array.from({ length: 30 }, (_, i) => `r${i}`));
    // Flushes of 4 lines: a part holds two (8 lines), since a third would pass 10.
    expect(parts.map((p) => details(path.join(folder, `${p}.jsonl`)).length)).toEqual([8, 8, 8, 6]);
    expect(recorder.written).toBe(30);
    expect(recorder.name).toBe('sess.p004');
  });

  it('rolls at the first flush once the part is rotateMs old', () => {
    const folder = tempDir();
    let now = 0;
    const recorder = new Recorder({ folder, name: 'aged', rotateMs: 60_000, now: () => now });
    recorder.write(record(0));
    recorder.flush();
    now = 59_999;
    recorder.write(record(1));
    recorder.flush();
    expect(recorder.part).toBe(1);
    now = 60_000;
    recorder.write(record(2));
    recorder.flush();
    expect(recorder.name).toBe(partName('aged', 2));
    recorder.close();
    expect(details(path.join(folder, 'aged.jsonl'))).toEqual(['r0', 'r1']);
    expect(details(path.join(folder, 'aged.p002.jsonl'))).toEqual(['r2']);
  });
});

describe('retention', () => {
  function fill(folder: string, name: string, bytes: number, ageMs: number, now: number) {
    const file = path.join(folder, `${name}.jsonl`);
    writeFileSync(file, `${JSON.stringify({ pad: 'x'.repeat(bytes - 11) })}\n`);
    utimesSync(file, (now - ageMs) / 1000, (now - ageMs) / 1000);
  }

  it('deletes the oldest recordings until the folder fits keepBytes, never the live one', async () => {
    const folder = tempDir();
    const now = Date.now();
    fill(folder, 'a', 1000, 40_000, now);
    fill(folder, 'b', 1000, 30_000, now);
    fill(folder, 'live', 1000, 50_000, now);
    fill(folder, 'c', 1000, 10_000, now);
    const store = new RecordingStore(folder, { persistIndexFromBytes: 0 });
    await store.info('a'); // gives `a` an index file, deleted with it
    expect(existsSync(path.join(folder, 'a.idx'))).toBe(true);
    const result = await pruneRecordings(store, { keepBytes: 2500, keepMs: 0 }, new Set(['live']), now);
    expect(result.removed).toEqual(['a', 'b']);
    expect(readdirSync(folder).sort()).toEqual(['c.jsonl', 'live.jsonl']);
    expect(result.bytes).toBe(2000);
  });

  it('deletes recordings older than keepMs', async () => {
    const folder = tempDir();
    const now = Date.now();
    fill(folder, 'old', 100, 3_600_001, now);
    fill(folder, 'new', 100, 1000, now);
    const result = await pruneRecordings(new RecordingStore(folder), { keepBytes: 0, keepMs: 3_600_000 }, new Set(), now);
    expect(result.removed).toEqual(['old']);
  });

  it('runs when a server starts, with its settings from --recording flags', async () => {
    const folder = tempDir();
    const now = Date.now();
    fill(folder, 'week-old', 100, 8 * 86_400_000, now);
    fill(folder, 'yesterday', 100, 86_400_000, now);
    const recording = parseRecordingFlags(['keepMs=604_800_000', 'rotateBytes=1048576']);
    expect(recording).toEqual({ keepMs: 604_800_000, rotateBytes: 1_048_576 });
    const server = await MiroscopeServer.start({ config: { host: '127.0.0.1', port: 0, token: null, recordings: folder, uploadLimit: 1024 }, log: () => {}, recording });
    await server.close();
    expect(readdirSync(folder).filter((f) => f.endsWith('.jsonl')).sort()).toEqual([`${server.recorder.name}.jsonl`, 'yesterday.jsonl'].sort());
  });

  it('refuses unknown or bad --recording flags with a sentence naming the settings', () => {
    expect(() => parseRecordingFlags(['keep=1'])).toThrow(ConfigError);
    expect(() => parseRecordingFlags(['keep=1'])).toThrow(/rotateBytes, rotateMs, keepBytes, keepMs, pruneEveryMs/);
    expect(() => parseRecordingFlags(['rotateBytes=12'])).toThrow(/at least 1024/);
    expect(() => parseRecordingFlags(['keepBytes'])).toThrow(/name=integer/);
  });
});
