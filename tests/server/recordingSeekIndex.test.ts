import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordingStore } from '../../server/recorder/RecordingStore.ts';
import { INDEX_STEP, updateSeekIndex } from '../../server/recorder/SeekIndex.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'miroscope-idx-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Record i as a recorder writes it: received 1,000,000 + i, signal naming i. */
function line(i: number): string {
  return JSON.stringify({ v: 1, kind: 'trace', chart: 'ao', node: 'n', time: null, received: 1_000_000 + i, raw: `[ao] e->s${i}() a->b`, signal: `s${i}`, from: 'a', to: 'b' });
}
function lines(from: number, to: number): string {
  let text = '';
  for (let i = from; i < to; i++) text += line(i) + '\n';
  return text;
}

describe('seek index', () => {
  it('marks every 4,096th record with its offset and time, and summarises the file', async () => {
    const folder = tempDir();
    const file = path.join(folder, 'big.jsonl');
    const count = INDEX_STEP * 3 + 17;
    writeFileSync(file, lines(0, count));
    const index = await updateSeekIndex(file, path.join(folder, 'big.idx'), { persistFromBytes: 0 });
    expect(index.records).toBe(count);
    expect(index.firstReceived).toBe(1_000_000);
    expect(index.lastReceived).toBe(1_000_000 + count - 1);
    expect(index.marks.map((m) => m.record)).toEqual([0, 1, 2, 3].map((k) => k * INDEX_STEP));
    const text = readFileSync(file);
    for (const mark of index.marks) {
      const at = text.subarray(mark.offset, text.indexOf(0x0a, mark.offset)).toString();
      expect(JSON.parse(at).signal).toBe(`s${mark.record}`);
      expect(mark.received).toBe(1_000_000 + mark.record);
    }
    expect(existsSync(path.join(folder, 'big.idx'))).toBe(true);
  });

  it('extends itself as the file grows and ignores a torn last line', async () => {
    const folder = tempDir();
    const file = path.join(folder, 'grow.jsonl');
    const indexFile = path.join(folder, 'grow.idx');
    writeFileSync(file, lines(0, 5000));
    await updateSeekIndex(file, indexFile, { persistFromBytes: 0 });
    appendFileSync(file, lines(5000, 9000) + line(9000).slice(0, 30));
    const grown = await updateSeekIndex(file, indexFile, { persistFromBytes: 0 });
    expect(grown.records).toBe(9000);
    expect(grown.marks.map((m) => m.record)).toEqual([0, 4096, 8192]);
    expect(grown.lastReceived).toBe(1_000_000 + 8999);
    expect(grown.bytes).toBe(readFileSync(file).lastIndexOf(0x0a) + 1);
    // The torn line completed later is counted then.
    appendFileSync(file, line(9000).slice(30) + '\n');
    expect((await updateSeekIndex(file, indexFile)).records).toBe(9001);
  });

  it('rebuilds an index that no longer fits its file (shortened, or unreadable)', async () => {
    const folder = tempDir();
    const file = path.join(folder, 'r.jsonl');
    const indexFile = path.join(folder, 'r.idx');
    writeFileSync(file, lines(0, 6000));
    await updateSeekIndex(file, indexFile, { persistFromBytes: 0 });
    writeFileSync(file, lines(0, 100));
    expect((await updateSeekIndex(file, indexFile, { persistFromBytes: 0 })).records).toBe(100);
    writeFileSync(indexFile, '{"v":1,"step":4096,"bytes":');
    const rebuilt = await updateSeekIndex(file, indexFile);
    expect(rebuilt.records).toBe(100);
    expect(rebuilt.lastReceived).toBe(1_000_099);
    // Same length, different lines: the covered end no longer falls on a newline.
    writeFileSync(file, lines(0, 50));
    const shifted = readFileSync(file);
    truncateSync(file, 0);
    writeFileSync(file, Buffer.concat([Buffer.from('x'), shifted]));
    expect((await updateSeekIndex(file, indexFile)).records).toBe(50);
  });
});

describe('range reads', () => {
  it('returns records from any place, numbered by their place in the whole recording', async () => {
    const folder = tempDir();
    const count = INDEX_STEP * 5 + 3;
    writeFileSync(path.join(folder, 'long.jsonl'), lines(0, count));
    const store = new RecordingStore(folder);
    for (const from of [0, 1, INDEX_STEP - 1, INDEX_STEP, 10_000, count - 2]) {
      const range = await store.range('long', from, 5);
      const expected = Math.min(5, count - from);
      expect(range.from).toBe(from);
      expect(range.total).toBe(count);
      expect(range.records.map((r) => r.seq)).toEqual(Array.from({ length: expected }, (_, k) => from + k + 1));
      expect(range.records.map((r) => (r.kind === 'trace' ? r.signal : null))).toEqual(Array.from({ length: expected }, (_, k) => `s${from + k}`));
    }
    expect((await store.range('long', count + 10, 5)).records).toEqual([]);
  });

  it('keeps a bad line as a note in its place, and lists the count the index keeps', async () => {
    const folder = tempDir();
    writeFileSync(path.join(folder, 'mixed.jsonl'), lines(0, 10) + 'not a record\n\n  \t\r\n\r\n' + lines(10, 20));
    const store = new RecordingStore(folder);
    const range = await store.range('mixed', 8, 4);
    expect(range.records.map((r) => r.kind)).toEqual(['trace', 'trace', 'meta', 'trace']);
    expect(range.records.map((r) => r.seq)).toEqual([9, 10, 11, 12]);
    const [info] = await store.list();
    expect(info!.records).toBe(21);
    // A whole read yields the same count: the index counts as the parser does.
    let whole = 0;
    for await (const _ of store.records('mixed')) whole++;
    expect(whole).toBe(21);
  });

  it('repairs torn tails at start and deletes the index with its recording', async () => {
    const folder = tempDir();
    writeFileSync(path.join(folder, 'torn.jsonl'), lines(0, 3) + line(3).slice(0, 20));
    writeFileSync(path.join(folder, 'whole.jsonl'), lines(0, 3));
    const store = new RecordingStore(folder, { persistIndexFromBytes: 0 });
    expect(await store.repairTornTails()).toEqual(['torn']);
    expect(readFileSync(path.join(folder, 'torn.jsonl'), 'utf8')).toBe(lines(0, 3));
    expect((await store.info('torn')).records).toBe(3);
    expect(existsSync(path.join(folder, 'torn.idx'))).toBe(true);
    await store.remove('torn');
    expect(existsSync(path.join(folder, 'torn.idx'))).toBe(false);
  });

  it('keeps no index file beside a small recording, and extends its index in memory as it grows', async () => {
    const folder = tempDir();
    const file = path.join(folder, 'small.jsonl');
    writeFileSync(file, lines(0, 10));
    const store = new RecordingStore(folder);
    expect((await store.info('small')).records).toBe(10);
    appendFileSync(file, lines(10, 15));
    expect((await store.info('small')).records).toBe(15);
    expect((await store.range('small', 12, 10)).records.map((r) => r.seq)).toEqual([13, 14, 15]);
    expect(existsSync(path.join(folder, 'small.idx'))).toBe(false);
  });
});
