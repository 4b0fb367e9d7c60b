/**
 * The recordings folder's disk budget, shared by every upload in progress.
 *
 * What is on disk is measured when an upload starts (every file but uploads
 * in progress); what uploads in progress have written is counted here as
 * they write. An upload that would take the sum past the quota is refused
 * with 507 and its temporary file removed. The live session's recording is
 * counted but never stopped by the quota: it is what the server is for.
 */
import { formatBytes } from '../httpErrors.ts';
import { UploadRejected } from './UploadRejected.ts';

export interface QuotaLease {
  /** Counts `bytes` more; throws UploadRejected (507) if that passes the quota. */
  add(bytes: number): void;
  /** The upload became a recording: its bytes now count as on disk. */
  commit(): void;
  /** The upload was dropped: its bytes no longer count. */
  release(): void;
}

export class UploadQuota {
  #onDisk = 0;
  #inFlight = 0;

  constructor(
    readonly quotaBytes: number,
    private readonly measure: () => Promise<number>,
  ) {}

  /** Measures the folder and opens a lease; refuses at once if the folder is already full. */
  async begin(): Promise<QuotaLease> {
    this.#onDisk = await this.measure();
    if (this.#onDisk + this.#inFlight >= this.quotaBytes) throw this.#full();
    let held = 0;
    let open = true;
    const close = () => {
      if (!open) return false;
      open = false;
      this.#inFlight -= held;
      return true;
    };
    return {
      add: (bytes) => {
        held += bytes;
        this.#inFlight += bytes;
        if (this.#onDisk + this.#inFlight > this.quotaBytes) throw this.#full();
      },
      commit: () => {
        if (close()) this.#onDisk += held;
      },
      release: () => {
        close();
      },
    };
  }

  #full(): UploadRejected {
    return new UploadRejected(
      507,
      'quota',
      `the recordings folder is full: this upload would take it past its quota of ${formatBytes(this.quotaBytes)} ` +
        `(${formatBytes(this.#onDisk)} used); delete recordings or raise the quota (serve --upload quotaBytes=N)`,
    );
  }
}
