/**
 * What happened to uploads since the server started, for `/api/health`
 * (`uploads: {accepted, active, rejected: {reason: n}}`): every refusal is
 * counted under the reason it was refused for, so a dashboard or an operator
 * can tell a gzip bomb from a full disk from a stalled client.
 */

export type UploadRejectReason =
  /** Declared or sent bytes over `maxBytes` (413). */
  | 'too-large'
  /** Decompressed output over `maxBytes` (413): a gzip bomb or just a big log. */
  | 'inflated-too-large'
  /** One line longer than MAX_LINE_CHARS (413). */
  | 'line-too-long'
  /** A Content-Encoding we do not read, or a body that does not decompress (415/400). */
  | 'bad-encoding'
  /** Every upload slot busy (503). */
  | 'busy'
  /** The recordings folder would pass its quota (507). */
  | 'quota'
  /** Nothing received for `idleTimeoutMs` (408). */
  | 'stalled'
  /** Longer than `timeoutMs` in all (408). */
  | 'timeout'
  /** Nothing but blank lines (400). */
  | 'empty'
  /** An unsafe `?name=` (400). */
  | 'bad-name'
  /** The client went away before the upload was complete. */
  | 'aborted'
  /** Writing the recording failed (500). */
  | 'failed';

export interface UploadCountersSnapshot {
  accepted: number;
  /** Uploads being received right now. */
  active: number;
  rejected: Partial<Record<UploadRejectReason, number>>;
}

export class UploadCounters {
  #accepted = 0;
  #active = 0;
  readonly #rejected = new Map<UploadRejectReason, number>();

  started(): void {
    this.#active++;
  }

  ended(): void {
    this.#active--;
  }

  get active(): number {
    return this.#active;
  }

  accepted(): void {
    this.#accepted++;
  }

  rejected(reason: UploadRejectReason): void {
    this.#rejected.set(reason, (this.#rejected.get(reason) ?? 0) + 1);
  }

  snapshot(): UploadCountersSnapshot {
    return { accepted: this.#accepted, active: this.#active, rejected: Object.fromEntries(this.#rejected) };
  }
}
