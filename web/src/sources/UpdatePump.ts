/**
 * Delivers a source's updates to its listener one at a time, merging what
 * piles up while the listener is busy.
 *
 * A source calls `enqueue` whenever something changed (records arrived, the
 * playhead moved); the pump sends at most one update at a time and awaits
 * the listener's promise before sending the next. Updates queued meanwhile
 * collapse into one: their records (and segments) concatenate, and a `reset` drops records
 * queued before it. The state sent is always the source's state at sending
 * time, so the listener never sees a stale playhead.
 *
 *   enqueue ─┐        ┌─ busy? merge into `pending` ─┐
 *            └─▶ pump ┤                               ├─▶ listener(update) ─await─▶ pump again
 *                     └─ idle? send now ──────────────┘
 */
import type { MirosRecord } from '../../../shared/records/MirosRecord.ts';
import type { ParseError } from '../../../shared/parsers/ParsedLog.ts';
import type { RecordSegment } from '../store/RecordSegment.ts';
import type { SourceListener, SourceState, SourceUpdate } from './Source.ts';

export type UpdateParts = Omit<SourceUpdate, 'state'>;

interface Pending {
  reset: boolean;
  seeked: boolean;
  records: MirosRecord[];
  segments: RecordSegment[];
  parseErrors: ParseError[];
  /** Resolved once the update carrying these parts has been rendered. */
  waiters: (() => void)[];
}

export class UpdatePump {
  private listener: SourceListener | null = null;
  private pending: Pending | null = null;
  private sending = false;
  private closed = false;

  constructor(
    private readonly getState: () => SourceState,
    /** Called with an error a listener threw; the pump keeps going (a bad render must not stop the feed). */
    private readonly onListenerError: (error: unknown) => void = (error) => console.error(error),
  ) {}

  /** Records queued and not yet handed to the listener. */
  get queuedRecords(): number {
    if (!this.pending) return 0;
    let n = this.pending.records.length;
    for (const segment of this.pending.segments) n += segment.length;
    return n;
  }

  setListener(listener: SourceListener | null): void {
    this.listener = listener;
    if (listener) void this.pump();
  }

  /** Queues parts of an update; resolves when they have been delivered (or the pump closed). */
  enqueue(parts: UpdateParts = {}): Promise<void> {
    if (this.closed) return Promise.resolve();
    const pending = (this.pending ??= { reset: false, seeked: false, records: [], segments: [], parseErrors: [], waiters: [] });
    if (parts.reset) {
      pending.reset = true;
      pending.records = [];
      pending.segments = [];
      pending.parseErrors = [];
    }
    if (parts.seeked) pending.seeked = true;
    if (parts.records) for (const r of parts.records) pending.records.push(r);
    if (parts.segments) for (const segment of parts.segments) pending.segments.push(segment);
    if (parts.parseErrors) for (const e of parts.parseErrors) pending.parseErrors.push(e);
    const delivered = new Promise<void>((resolve) => pending.waiters.push(resolve));
    void this.pump();
    return delivered;
  }

  close(): void {
    this.closed = true;
    this.listener = null;
    const waiters = this.pending?.waiters ?? [];
    this.pending = null;
    for (const w of waiters) w();
  }

  private async pump(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.pending && this.listener && !this.closed) {
        const { reset, seeked, records, segments, parseErrors, waiters } = this.pending;
        this.pending = null;
        const update: SourceUpdate = { state: this.getState() };
        if (reset) update.reset = true;
        if (seeked) update.seeked = true;
        if (records.length > 0) update.records = records;
        if (segments.length > 0) update.segments = segments;
        if (parseErrors.length > 0) update.parseErrors = parseErrors;
        try {
          await this.listener(update);
        } catch (error) {
          this.onListenerError(error);
        }
        for (const w of waiters) w();
      }
    } finally {
      this.sending = false;
    }
  }
}
