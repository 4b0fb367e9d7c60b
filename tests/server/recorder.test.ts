import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Recorder, RecorderClosedError, RecordingFullError } from '../../server/recorder/Recorder.ts';
import { InvalidRecordingNameError, checkRecordingName, sessionRecordingName } from '../../server/recorder/recordingName.ts';
import { RecordingNotFoundError, RecordingStore } from '../../server/recorder/RecordingStore.ts';
import { Sequencer } from '../../server/relay/Sequencer.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { VirtualClock } from '../../shared/clock/VirtualClock.ts';
import type { RecordingInfo } from '../../shared/contract/recordings.ts';
import type { RecordingWindow } from '../../shared/contract/recordingRange.ts';
import { MiroscopeServer } from '../../server/http/MiroscopeServer.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'miroscope-rec-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function records(count: number, received = 1000): MirosRecord[] {
  const sequencer = new Sequencer();
  return Array.from({ length: count }, (_, i) =>
    sequencer.number({
      v: 1,
      kind: 'trace',
      chart: 'ao',
      node: 'local',
      time: null,
      received: received + i,
      raw: `[ao] e->tick() a->b`,
      signal: 'tick',
      from: 'a',
      to: 'b',
    }),
  );
}
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const readLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as MirosRecord);

describe('recording names', () => {
  it.each([
    '../etc/passwd',
    '..',
    'a/../../b',
    '/abs',
    'sub/name',
    'back\\slash',
    '.hidden',
    'a..b',
    'nul\0byte',
    '',
    'x'.repeat(101),
    'spaces are not allowed',
  ])('rejects %j', (name) => {
    expect(() => checkRecordingName(name)).toThrow(InvalidRecordingNameError);
  });

  it('accepts plain stems', () => {
    expect(['demo', '2024-05-04T09-23-29-177Z', 'upload_1.log'].map(checkRecordingName)).toEqual([
      'demo',
      '2024-05-04T09-23-29-177Z',
      'upload_1.log',
    ]);
  });

  it('names a session after its start time and a sanitised label', () => {
    expect(sessionRecordingName(new Date(Date.UTC(2024, 4, 4, 9, 23, 29, 177)), 'demo run/x')).toBe(
      '2024-05-04T09-23-29-177Z-demo_run_x',
    );
  });
});

describe('Recorder', () => {
  it('writes every record as one JSON line, in order, by the time close returns', () => {
    const folder = tempDir();
    const recorder = new Recorder({ folder, name: 'session', flushMs: 10_000, maxBuffered: 7 });
    const input = records(20);
    for (const record of input) recorder.write(record);
    recorder.close();
    expect(readLines(path.join(folder, 'session.jsonl'))).toEqual(input);
  });

  it('flushes buffered records after the flush interval without waiting for more', () => {
    const folder = tempDir();
    const clock = new VirtualClock();
    const recorder = new Recorder({ folder, name: 'timed', flushMs: 20, clock });
    recorder.write(records(1)[0]!);
    clock.advance(0.019);
    const before = readFileSync(recorder.file, 'utf8');
    // A second record joins the pending flush instead of arming another timer.
    recorder.write(records(2)[1]!);
    clock.advance(0.001);
    expect([before, readLines(recorder.file), clock.pendingTimers]).toEqual(['', records(2), 0]);
    recorder.close();
  });

  it('disarms its flush timer when a full buffer flushes first, and at close', () => {
    const clock = new VirtualClock();
    const recorder = new Recorder({ folder: tempDir(), name: 'disarmed', flushMs: 20, maxBuffered: 2, clock });
    recorder.write(records(1)[0]!);
    const armed = clock.pendingTimers;
    recorder.write(records(2)[1]!);
    const afterFull = clock.pendingTimers;
    recorder.write(records(3)[2]!);
    recorder.close();
    expect([armed, afterFull, clock.pendingTimers, readLines(recorder.file)]).toEqual([1, 0, 0, records(3)]);
  });

  it('never overwrites an existing recording', () => {
    const folder = tempDir();
    writeFileSync(path.join(folder, 'taken.jsonl'), 'old\n');
    expect(() => new Recorder({ folder, name: 'taken' })).toThrow(/EEXIST/);
    expect(readFileSync(path.join(folder, 'taken.jsonl'), 'utf8')).toBe('old\n');
  });

  it('refuses writes after close with an error that says when it closed', () => {
    const recorder = new Recorder({ folder: tempDir(), name: 'closed' });
    recorder.close();
    expect(() => recorder.write(records(1)[0]!)).toThrow(RecorderClosedError);
    expect(() => recorder.write(records(1)[0]!)).toThrow(/recording closed is closed since \d{4}-/);
  });

  it('loses at most one flush interval when its process is killed with SIGKILL', async () => {
    const folder = tempDir();
    const flushMs = 100;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'support/recorderChild.ts'), folder, 'crash', String(flushMs)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise((resolve) => child.once('close', resolve));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    await new Promise((r) => setTimeout(r, 700));
    child.kill('SIGKILL');
    await exited;
    const handedOver = Number(out.trim().split('\n').at(-1));
    const written = readLines(path.join(folder, 'crash.jsonl'));
    expect(written.length).toBeGreaterThan(50);
    // Whole lines, in order, nothing skipped …
    expect(written.map((r) => r.seq)).toEqual(written.map((_, i) => i + 1));
    // … and only the tail of the last flush interval missing: fewer records than
    // one interval holds at one record per millisecond (plus timer slack on a busy machine).
    const lost = handedOver - written.length;
    expect(lost).toBeGreaterThanOrEqual(0);
    expect(lost).toBeLessThan(flushMs + 150);
  });
  // Issue 11: after a kill the next start continues cleanly.
  it('after a SIGKILL mid-write, the next server start cuts the torn line and reads the recording whole, its index extended', async () => {
    const folder = tempDir();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'support/recorderChild.ts'), folder, 'killed', '50'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((resolve) => child.once('close', resolve));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    await new Promise((r) => setTimeout(r, 400));
    // An index made while it was being written covers only part of it.
    const before = await new RecordingStore(folder, { persistIndexFromBytes: 0 }).info('killed');
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGKILL');
    await exited;
    const file = path.join(folder, 'killed.jsonl');
    const whole = readLines(file);
    // What a kill inside a write leaves: the first bytes of a line.
    appendFileSync(file, '{"v":1,"kind":"meta","event":"sta');
    const server = await MiroscopeServer.start({ config: { host: '127.0.0.1', port: 0, token: null, recordings: folder, uploadLimit: 1024 }, log: () => {} });
    try {
      expect(readFileSync(file, 'utf8').endsWith('}\n')).toBe(true);
      const base = `http://127.0.0.1:${server.port}/api/recordings`;
      const { recordings } = (await (await fetch(base)).json()) as { recordings: RecordingInfo[] };
      const killed = recordings.find((r) => r.name === 'killed')!;
      expect(before.records).toBeLessThan(whole.length);
      expect(killed.records).toBe(whole.length);
      expect(killed.lastReceived).toBe(whole.at(-1)!.received);
      expect(recordings.find((r) => r.live)?.name).toBe(server.recorder.name);
      const tail = (await (await fetch(`${base}/killed/records?from=${whole.length - 2}&count=5`)).json()) as RecordingWindow;
      expect(tail.records.map((r) => r.seq)).toEqual([whole.length - 1, whole.length]);
      expect(tail.records.map((r) => r.received)).toEqual(whole.slice(-2).map((r) => r.received));
    } finally {
      await server.close();
    }
  });

  // Issue 9, item 9: a full disk cut the last line mid-record and /api/health overstated `written`.
  it('on a full disk keeps only whole lines and counts as written only those', async () => {
    const folder = tempDir();
    // ulimit -f 4: writes past 4 KiB fail (EFBIG) after a partial write, as on a full disk.
    const child = spawn('bash', ['-c', `ulimit -f 4; exec "$0" --import tsx "$@"`, process.execPath, path.join(import.meta.dirname, 'support/diskFullChild.ts'), folder, 'full', '100', '7'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await new Promise((resolve) => child.once('close', resolve));
    const report = JSON.parse(out) as { handed: number; written: number; state: string; errors: string[] };
    const text = readFileSync(path.join(folder, 'full.jsonl'), 'utf8');
    expect(report.state).toBe('failed');
    expect(report.errors).toEqual(['EFBIG']);
    expect(text.endsWith('\n')).toBe(true);
    const lines = readLines(path.join(folder, 'full.jsonl'));
    expect(lines.map((r) => r.seq)).toEqual(range(1, lines.length));
    expect(report.written).toBe(lines.length);
    expect(report.handed).toBeGreaterThan(report.written);
  });

  it('stops at maxBytes instead of filling the disk, keeping what it wrote whole', () => {
    const folder = tempDir();
    const errors: Error[] = [];
    const recorder = new Recorder({ folder, name: 'capped', maxBuffered: 1, maxBytes: 1_000, onError: (e) => errors.push(e) });
    const all = records(20);
    for (const record of all) if (recorder.state === 'open') recorder.write(record);
    const lines = readLines(path.join(folder, 'capped.jsonl'));
    expect([recorder.state, errors[0]]).toEqual(['failed', new RecordingFullError(1_000)]);
    expect(lines).toEqual(all.slice(0, lines.length));
    expect(recorder.written).toBe(lines.length);
    expect(readFileSync(path.join(folder, 'capped.jsonl')).length).toBeLessThanOrEqual(1_000);
  });

  it('flushes as soon as maxBufferedChars wait, however few records that is', () => {
    const folder = tempDir();
    const recorder = new Recorder({ folder, name: 'big', flushMs: 60_000, maxBufferedChars: 1_000 });
    const [a, b] = records(2);
    recorder.write({ ...a!, raw: 'x'.repeat(600) });
    expect([recorder.written, recorder.buffered]).toEqual([0, 1]);
    recorder.write({ ...b!, raw: 'x'.repeat(600) });
    expect([recorder.written, recorder.buffered]).toEqual([2, 0]);
    recorder.close();
  });
});

describe("a server's recording timers", () => {
  it('prunes every pruneEveryMs of its injected clock, and disarms every timer at close', async () => {
    const folder = tempDir();
    const clock = new VirtualClock();
    const server = await MiroscopeServer.start({
      config: { host: '127.0.0.1', port: 0, token: null, recordings: folder, uploadLimit: 1024 },
      log: () => {},
      clock,
      recording: { keepMs: 3_600_000, pruneEveryMs: 300_000 },
    });
    const old = path.join(folder, 'two-hours-old.jsonl');
    writeFileSync(old, '{}\n');
    const twoHoursAgo = (clock.now() - 7_200_000) / 1000;
    utimesSync(old, twoHoursAgo, twoHoursAgo);
    clock.advance(300);
    await vi.waitFor(() => expect(existsSync(old)).toBe(false));
    await server.close();
    expect(clock.pendingTimers).toBe(0);
  });
});

describe('RecordingStore', () => {
  it('lists recordings with sizes, record counts and first/last received times', async () => {
    const folder = tempDir();
    const store = new RecordingStore(folder);
    await store.create('alpha', records(3, 5000));
    await store.create('beta', records(0));
    writeFileSync(path.join(folder, 'not-a-recording.txt'), 'x');
    writeFileSync(path.join(folder, '.hidden.jsonl'), 'x');
    const list = await store.list('alpha');
    expect(list.map(({ modified, ...rest }) => rest).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'alpha', bytes: readFileSync(path.join(folder, 'alpha.jsonl')).length, records: 3, firstReceived: 5000, lastReceived: 5002, live: true },
      { name: 'beta', bytes: 0, records: 0, firstReceived: null, lastReceived: null, live: false },
    ]);
  });

  it('reads records back with the shared parser, keeping lines that are not records as notes', async () => {
    const folder = tempDir();
    const input = records(2);
    writeFileSync(path.join(folder, 'mixed.jsonl'), `${JSON.stringify(input[0])}\nnot json\n${JSON.stringify(input[1])}\n`);
    const store = new RecordingStore(folder);
    const out: MirosRecord[] = [];
    for await (const record of store.records('mixed')) out.push(record);
    expect(out.map((r) => [r.seq, r.kind, r.raw])).toEqual([
      [1, 'trace', input[0]!.raw],
      [2, 'meta', 'not json'],
      [3, 'trace', input[1]!.raw],
    ]);
  });

  it('reads a recording back as the records that were written', async () => {
    const folder = tempDir();
    const recorder = new Recorder({ folder, name: 'roundtrip' });
    const input = records(3);
    for (const record of input) recorder.write(record);
    recorder.close();
    const out: MirosRecord[] = [];
    for await (const record of new RecordingStore(folder).records('roundtrip')) out.push(record);
    expect(out.map(({ origin, ...rest }) => rest)).toEqual(input);
  });

  it('appends -2, -3 … when a name is taken', async () => {
    const store = new RecordingStore(tempDir());
    expect([await store.create('up', []), await store.create('up', []), await store.create('up', [])]).toEqual([
      'up',
      'up-2',
      'up-3',
    ]);
  });

  it('deletes a recording and reports a missing one', async () => {
    const store = new RecordingStore(tempDir());
    await store.create('gone', records(1));
    await store.remove('gone');
    await expect(store.remove('gone')).rejects.toThrow(RecordingNotFoundError);
    await expect(store.info('gone')).rejects.toThrow(RecordingNotFoundError);
  });

  it('never touches a file outside its folder, whatever the name', async () => {
    const root = tempDir();
    const folder = path.join(root, 'recordings');
    mkdirSync(folder);
    writeFileSync(path.join(root, 'secret.jsonl'), 'keep me\n');
    const store = new RecordingStore(folder);
    for (const name of ['../secret', '..%2Fsecret', '/etc/passwd', 'a/../../secret']) {
      await expect(store.remove(name)).rejects.toThrow(InvalidRecordingNameError);
      expect(() => store.pathOf(name)).toThrow(InvalidRecordingNameError);
    }
    expect(readFileSync(path.join(root, 'secret.jsonl'), 'utf8')).toBe('keep me\n');
  });
});
