/**
 * Reading part of a recording: what a dashboard needs to open a recording
 * too big to load whole (docs/server.md, "Large recordings").
 *
 *   GET /api/recordings/:name/index                    → RecordingSummary
 *   GET /api/recordings/:name/records?from=K&count=N   → RecordingWindow
 */
import type { MirosRecord } from '../records/MirosRecord.ts';

export interface RecordingSummary {
  name: string;
  records: number;
  firstReceived: number | null;
  lastReceived: number | null;
  /** Records between two marks. */
  step: number;
  /** Every `step`-th record: [record number (0-based), received time or null]. */
  marks: [number, number | null][];
}

export interface RecordingWindow {
  /** Record number (0-based) of the first record; its seq is from + 1. */
  from: number;
  /** Records in the whole recording. */
  total: number;
  /** True when the server's byte budget cut the window short. */
  truncated: boolean;
  records: MirosRecord[];
}

/** Records a window may hold (the server refuses more). */
export const MAX_WINDOW_RECORDS = 50_000;
