import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordingStore } from '../../server/recorder/RecordingStore.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'miroscope-upfile-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has exited (and been reaped). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('UploadFile', () => {
  it('is invisible until committed, then appears whole under the first free name', async () => {
    const folder = tempDir();
    writeFileSync(path.join(folder, 'up.jsonl'), 'taken\n');
    const store = new RecordingStore(folder);
    const file = await store.openUpload();
    await file.write('line 1\n');
    await file.write('line 2\n');
    expect(readdirSync(folder).filter((f) => !f.startsWith('.'))).toEqual(['up.jsonl']);
    expect(file.bytes).toBe(14);
    expect(await file.commit('up')).toBe('up-2');
    expect(readdirSync(folder).sort()).toEqual(['up-2.jsonl', 'up.jsonl']);
    expect(readFileSync(path.join(folder, 'up-2.jsonl'), 'utf8')).toBe('line 1\nline 2\n');
    expect(readFileSync(path.join(folder, 'up.jsonl'), 'utf8')).toBe('taken\n');
  });

  it('leaves nothing behind when discarded', async () => {
    const folder = tempDir();
    const file = await new RecordingStore(folder).openUpload();
    await file.write('partial');
    await file.discard();
    await file.discard();
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('RecordingStore.removeStaleUploads', () => {
  it('removes the temporary files of dead processes only', async () => {
    const folder = tempDir();
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      const dead = `.upload-${await deadPid()}-0123abcd.part`;
      const running = `.upload-${sleeper.pid}-0123abcd.part`;
      const ours = `.upload-${process.pid}-0123abcd.part`;
      for (const name of [dead, running, ours, 'kept.jsonl', '.upload-notes.txt']) writeFileSync(path.join(folder, name), 'x');
      expect(await new RecordingStore(folder).removeStaleUploads()).toBe(1);
      expect(readdirSync(folder).sort()).toEqual([ours, running, '.upload-notes.txt', 'kept.jsonl'].sort());
    } finally {
      sleeper.kill();
    }
  });

  it('does not count uploads in progress as recordings on disk', async () => {
    const folder = tempDir();
    writeFileSync(path.join(folder, 'a.jsonl'), '12345');
    writeFileSync(path.join(folder, `.upload-${process.pid}-00ff.part`), '1234567890');
    expect(await new RecordingStore(folder).folderBytes()).toBe(5);
  });
});
