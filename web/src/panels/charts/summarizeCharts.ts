/**
 * One line per chart heard, as of the cursor: node, current state, last
 * event, event rate, and whether it still talks.
 *
 * "Now" depends on the source: a live session compares arrival times with
 * the wall clock; a replay compares the records' own times with the time of
 * the record at the cursor (the wall clock means nothing for a 2018 log).
 */
import type { MirosRecord } from '../../../../shared/records/MirosRecord.ts';
import type { RecordLog } from '../../store/RecordLog.ts';
import { chartIndex, type ChartEntry } from '../../panelApi/recordIndexes.ts';
import { lastMoveBefore } from '../statechart/chartMoves.ts';

export type Liveness = 'alive' | 'stale' | 'unknown';

export interface ChartSummary {
  name: string;
  node: string | null;
  /** The target of its latest transition (trace lines, else spy steps); null before any. */
  state: string | null;
  /** Short text of its latest record (a signal, a spy line). */
  lastEvent: string | null;
  lastSeq: number | null;
  /** Records per second over the last RATE_WINDOW_MS. */
  rate: number;
  liveness: Liveness;
  /** Records of this chart up to the cursor. */
  records: number;
  /** When it was last heard (the clock's field), null if no record says. */
  lastSeen: number | null;
}

export interface SummaryClock {
  /** Which time to read from records: `received` for live sessions, `time` for replays. */
  field: 'received' | 'time';
  /** The reference instant: Date.now() live; null = the time of the record at the cursor. */
  now: number | null;
}

export const RATE_WINDOW_MS = 10_000;
export const STALE_AFTER_MS = 30_000;
/** Bound on the records scanned for a rate, so a chart sending 100k/s costs the same as one sending 10/s. */
const RATE_SCAN_LIMIT = 5000;
/** How far back to look for a timestamp when the record at hand has none (spy lines). */
const TIME_LOOKBACK = 64;

export interface SummaryOptions {
  /**
   * Compute every chart's rate (default). The charts panel asks only when it
   * sorts by activity and otherwise computes rates for the rows on screen
   * (chartRate): at 500 live charts the per-chart 10 s scan was most of the
   * panel's script time (npm run bench -- scale --trace). Not computed, `rate` is 0.
   */
  rates?: boolean;
}

export function summarizeCharts(log: RecordLog, end: number, clock: SummaryClock, options: SummaryOptions = {}): ChartSummary[] {
  const withRates = options.rates ?? true;
  const index = chartIndex(log);
  const now = clock.now ?? referenceTime(log, end, clock.field);
  const summaries: ChartSummary[] = [];
  for (const name of index.names) {
    const entry = index.byName.get(name)!;
    const count = entry.all.countBefore(end);
    if (count === 0) continue;
    summaries.push(summarize(log, entry, count, end, now, clock.field, withRates));
  }
  return summaries;
}

function summarize(log: RecordLog, entry: ChartEntry, count: number, end: number, now: number | null, field: SummaryClock['field'], withRate: boolean): ChartSummary {
  const lastPosition = entry.all.get(count - 1);
  const last = log.at(lastPosition);
  // Trace lines, or the spy steps of a chart heard only on the spy network.
  const move = lastMoveBefore(log, end, entry.name);
  const state = move?.to ?? null;
  const told = log.at(telling(log, entry, count));
  const lastSeen = instantNear(log, entry, count - 1, field);
  let liveness: Liveness = 'unknown';
  if (now !== null && lastSeen !== null) liveness = now - lastSeen <= STALE_AFTER_MS ? 'alive' : 'stale';
  return {
    name: entry.name,
    node: last.node,
    state,
    // A spy-only chart's latest move says more than its queue bookkeeping.
    lastEvent: move?.source === 'spy' && told.kind === 'spy' ? `${move.signal}() ${move.from}→${move.to}` : describe(told),
    lastSeq: last.seq,
    rate: withRate ? chartRate(log, entry, count, now, field) : 0,
    liveness,
    records: count,
    lastSeen,
  };
}

/**
 * The position of the chart's latest record worth naming: a transition, a
 * mesh message or a notice. Instrumented charts end nearly every step with
 * spy bookkeeping (`<- Queued:(0) Deferred:(0)`), which would otherwise fill
 * the column for every chart alike; spy lines count only when nothing else
 * is near (a chart known from its spy output alone).
 */
function telling(log: RecordLog, entry: ChartEntry, count: number): number {
  for (let k = count - 1; k >= 0 && count - k <= TIME_LOOKBACK; k--) {
    const position = entry.all.get(k);
    const record = log.at(position);
    if (record.kind === 'trace' || record.kind === 'mesh' || (record.kind === 'meta' && record.event !== 'topology')) return position;
  }
  return entry.all.get(count - 1);
}

/** Text for the "last event" column. */
export function describe(record: MirosRecord): string {
  switch (record.kind) {
    case 'trace':
      return `${record.signal}(${record.payload ?? ''}) ${record.from}→${record.to}`;
    case 'spy':
      return record.line;
    case 'mesh':
      return `⇄ ${record.signal}`;
    case 'meta':
      return record.detail ?? record.event;
  }
}

function instantOf(record: MirosRecord, field: SummaryClock['field']): number | null {
  return field === 'received' ? record.received : record.time;
}

/** The chart's time at its k-th record, borrowing from earlier records when it has none. */
function instantNear(log: RecordLog, entry: ChartEntry, k: number, field: SummaryClock['field']): number | null {
  for (let i = k; i >= 0 && k - i < TIME_LOOKBACK; i--) {
    const t = instantOf(log.at(entry.all.get(i)), field);
    if (t !== null) return t;
  }
  return null;
}

/** The time of the newest timed record before the cursor (a replay's "now"). */
export function referenceTime(log: RecordLog, end: number, field: SummaryClock['field']): number | null {
  for (let i = end - 1; i >= 0 && end - i <= TIME_LOOKBACK; i--) {
    const t = instantOf(log.at(i), field);
    if (t !== null) return t;
  }
  return null;
}

/** Records per second over the RATE_WINDOW_MS before `now`, of the chart's first `count` records; 0 without a now. */
export function chartRate(log: RecordLog, entry: ChartEntry, count: number, now: number | null, field: SummaryClock['field']): number {
  if (now === null) return 0;
  let n = 0;
  for (let k = count - 1; k >= 0 && count - k <= RATE_SCAN_LIMIT; k--) {
    const t = instantOf(log.at(entry.all.get(k)), field);
    if (t === null) {
      n++;
      continue;
    }
    if (now - t > RATE_WINDOW_MS) break;
    n++;
  }
  return n / (RATE_WINDOW_MS / 1000);
}
