/**
 * The line that says where a diagram comes from, so an exported file read on
 * its own still tells which log, which time span and which numbers it
 * shows:
 *
 *     seed-two-charts-trace.log · 2018-05-04 09:23:28.954560 – 09:23:49.233582 · events 1–12
 *
 * Times are the records' own (read as UTC, as the logs write them); the end
 * drops the date when it is the start's day. Parts without a time or a name
 * are left out.
 */
import { formatStamp } from '../../records/timestamp.ts';
import type { SequenceModel } from '../SequenceModel.ts';
import { printable } from '../ascii/renderAscii.ts';

export interface SourceSpan {
  first: number | null;
  last: number | null;
  /** Smallest and largest diagram number shown. */
  fromN: number | null;
  toN: number | null;
}

/** The times and numbers a model's view covers (per-chart steps, or system items). */
export function sourceSpan(model: SequenceModel, view: 'chart' | 'system', chart?: string): SourceSpan {
  const span: SourceSpan = { first: null, last: null, fromN: null, toN: null };
  const note = (n: number, time: number | null) => {
    span.fromN = span.fromN === null ? n : Math.min(span.fromN, n);
    span.toN = span.toN === null ? n : Math.max(span.toN, n);
    if (time === null) return;
    span.first = span.first === null ? time : Math.min(span.first, time);
    span.last = span.last === null ? time : Math.max(span.last, time);
  };
  if (view === 'system') {
    for (const item of model.system.items) {
      // An inferred arrow shows its sending move's number, which may lie outside the span.
      if (item.type === 'message' && item.inferred) continue;
      const involved = chart === undefined || (item.type === 'state' ? item.chart === chart : item.from === chart || item.to.includes(chart));
      if (involved) note(item.n, item.time);
    }
  } else {
    for (const diagram of model.charts) {
      if (chart !== undefined && diagram.chart !== chart) continue;
      for (const step of diagram.steps) note(step.n, step.time);
    }
  }
  return span;
}

export function sourceLine(name: string | undefined, span: SourceSpan): string {
  const parts: string[] = [];
  if (name !== undefined && name !== '') parts.push(printable(name));
  if (span.first !== null && span.last !== null) {
    const start = formatStamp(span.first);
    const end = formatStamp(span.last);
    parts.push(start === end ? start : `${start} – ${end.slice(0, 11) === start.slice(0, 11) ? end.slice(11) : end}`);
  }
  if (span.fromN !== null && span.toN !== null) parts.push(span.fromN === span.toN ? `event ${span.fromN}` : `events ${span.fromN}–${span.toN}`);
  return parts.join(' · ');
}
