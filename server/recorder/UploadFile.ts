/**
 * A recording being uploaded: written under a temporary name in the
 * recordings folder and given its real name only when complete, so a
 * recording under a real name is always whole.
 *
 *   open ─▶ write … write ─▶ commit(base) ─▶ linked to `base.jsonl` (or base-2 …), temp removed
 *                       └──▶ discard()    ─▶ temp removed
 *
 * The temporary name is `.upload-<pid>-<random>.part`: hidden (no recording
 * name starts with a dot, so it is never listed or served) and marked with
 * the writing process, so a server starting later removes what a crashed
 * one left (RecordingStore.removeStaleUploads) without touching an upload
 * another running server is writing into the same folder.
 *
 * The real name is taken with link(2), which fails if the name exists: like
 * the `O_EXCL` open it replaces, it never overwrites a recording, and the
 * file appears complete, never half-written.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { link, unlink } from 'node:fs/promises';
import path from 'node:path';

export const UPLOAD_TEMP_PREFIX = '.upload-';
export const UPLOAD_TEMP_SUFFIX = '.part';

/** The pid that wrote a temporary upload file, or null for any other name. */
export function uploadTempOwner(entry: string): number | null {
  const match = /^\.upload-(\d+)-[0-9a-f]+\.part$/.exec(entry);
  return match ? Number(match[1]) : null;
}

export class UploadFile {
  readonly temp: string;
  #out: WriteStream;
  #bytes = 0;
  #failed: Error | null = null;
  #done = false;

  /** `pathOf` maps a recording name to its checked file path (RecordingStore.pathOf). */
  constructor(
    folder: string,
    private readonly pathOf: (name: string) => string,
  ) {
    const stem = `${UPLOAD_TEMP_PREFIX}${process.pid}-${randomBytes(8).toString('hex')}${UPLOAD_TEMP_SUFFIX}`;
    this.temp = path.join(folder, stem);
    this.#out = createWriteStream(this.temp, { flags: 'wx' });
    this.#out.on('error', (error) => {
      this.#failed ??= error;
    });
  }

  /** Bytes written so far. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Appends text; resolves when the file can take more (backpressure). */
  async write(text: string): Promise<void> {
    if (this.#failed) throw this.#failed;
    this.#bytes += Buffer.byteLength(text);
    if (!this.#out.write(text)) {
      await settled(this.#out, 'drain');
      if (this.#failed) throw this.#failed;
    }
  }

  /** Closes the file and gives it the first free name of `base`, `base-2` …; returns the name. */
  async commit(base: string): Promise<string> {
    this.#done = true;
    this.#out.end();
    await settled(this.#out, 'close');
    if (this.#failed) {
      await unlink(this.temp).catch(() => {});
      throw this.#failed;
    }
    try {
      for (let n = 1; n < 1000; n++) {
        const name = n === 1 ? base : `${base.slice(0, 95)}-${n}`;
        try {
          await link(this.temp, this.pathOf(name));
          return name;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
      }
      throw new Error(`could not find a free recording name for ${base}`);
    } finally {
      await unlink(this.temp).catch(() => {});
    }
  }

  /** Stops writing and removes the temporary file. Safe to call more than once, or after commit. */
  async discard(): Promise<void> {
    if (this.#done) return;
    this.#done = true;
    this.#out.destroy();
    await settled(this.#out, 'close');
    await unlink(this.temp).catch(() => {});
  }
}

/** Resolves on `event`, on an error, or at once if the stream is already closed; leaves no listener behind. */
function settled(stream: WriteStream, event: 'drain' | 'close'): Promise<void> {
  if (stream.closed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off(event, done);
      stream.off('error', done);
      stream.off('close', done);
      resolve();
    };
    stream.on(event, done);
    stream.on('error', done);
    stream.on('close', done);
  });
}
