/**
 * The routes that read part of a recording, for recordings too big to load
 * whole (see shared/contract/recordingRange.ts):
 *
 *   GET /:name/index                   the summary and the seek marks (record → time)
 *   GET /:name/records?from=K&count=N  N records from record K (0-based), at most MAX_WINDOW_RECORDS
 *
 * Both answer from the recording's seek index (recorder/SeekIndex.ts), so
 * their cost does not grow with the recording.
 */
import type { Request, Router } from 'express';
import { MAX_WINDOW_RECORDS, type RecordingSummary, type RecordingWindow } from '../../shared/contract/recordingRange.ts';
import type { RecordingStore } from '../recorder/RecordingStore.ts';
import { HttpError } from './httpErrors.ts';

export function addRecordingRangeRoutes(router: Router, store: RecordingStore, flushIfLive: (name: string) => void): void {
  router.get('/:name/index', async (req, res) => {
    const name = String(req.params.name);
    flushIfLive(name);
    const index = await store.seekIndex(name);
    const summary: RecordingSummary = {
      name,
      records: index.records,
      firstReceived: index.firstReceived,
      lastReceived: index.lastReceived,
      step: index.step,
      marks: index.marks.map((m) => [m.record, m.received]),
    };
    res.json(summary);
  });

  router.get('/:name/records', async (req, res) => {
    const name = String(req.params.name);
    const from = integerParam(req, 'from', 0);
    const count = integerParam(req, 'count', 10_000);
    if (count > MAX_WINDOW_RECORDS) throw new HttpError(400, `count ${count} is over the limit of ${MAX_WINDOW_RECORDS} records per window`);
    flushIfLive(name);
    const range = await store.range(name, from, count);
    const window: RecordingWindow = { from: range.from, total: range.total, truncated: range.truncated, records: range.records };
    res.json(window);
  });
}

function integerParam(req: Request, key: string, fallback: number): number {
  const raw = req.query[key];
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) throw new HttpError(400, `${key} must be a non-negative integer`);
  return Number(raw);
}
