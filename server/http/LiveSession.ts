/**
 * What the HTTP routes need from the running server, and nothing more: the
 * routes stay testable with any implementation, and cannot reach the keys,
 * the transport or the relay's internals.
 */
import type { Counters, TransportInfo } from '../../shared/contract/socketContract.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import type { MessageBudgets } from '../config/messageBudgets.ts';

export interface HealthReport {
  status: 'ok';
  session: string;
  /** Milliseconds since the server started. */
  uptimeMs: number;
  lastSeq: number;
  counters: Counters;
  transport: TransportInfo;
  /** `written`: records whose lines reached the file whole; `buffered`: records waiting for the next flush (≤ 100 ms). */
  recording: { name: string; written: number; buffered?: number; state: 'open' | 'closed' | 'failed' } | null;
  /** What the relay's ring buffer holds now: records and characters of JSON (bounded by `budgets`). */
  relay?: { records: number; chars: number };
  /** The limits in force; messages over them are counted in `counters.rejected` by reason. */
  budgets?: MessageBudgets;
}

export interface LiveSession {
  readonly session: string;
  health(): HealthReport;
  /** Name of the recording being written (null when not recording). */
  recordingName(): string | null;
  /** Writes everything buffered, so reading the live recording sees every record so far. */
  flushRecording(): void;
  /** Records of this session still in memory (used when the session is not recorded). */
  recentRecords(): MirosRecord[];
}
