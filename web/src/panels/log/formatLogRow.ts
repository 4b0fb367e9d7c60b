/** The text of one log row: when, which chart, what kind, what happened. */
import type { MirosRecord } from '../../../../shared/records/MirosRecord.ts';

export interface LogRowText {
  seq: string;
  time: string;
  chart: string;
  kind: string;
  text: string;
}

/** `09:23:34.178157`-style clock from epoch ms read as UTC (microseconds kept when present). */
export function clockText(time: number | null): string {
  if (time === null) return '';
  const date = new Date(Math.floor(time));
  const micros = Math.round((time - Math.floor(time)) * 1000);
  const base = date.toISOString().slice(11, 23);
  return micros > 0 ? `${base}${String(micros).padStart(3, '0')}` : base;
}

export function formatLogRow(record: MirosRecord): LogRowText {
  return {
    seq: String(record.seq),
    time: clockText(record.time),
    chart: record.chart ?? '',
    kind: record.kind,
    text: recordText(record),
  };
}

function recordText(record: MirosRecord): string {
  switch (record.kind) {
    case 'trace':
      return `e->${record.signal}(${record.payload ?? ''}) ${record.from}->${record.to}`;
    case 'spy':
      return record.line;
    case 'mesh': {
      const payload = record.payload === undefined || record.payload === null ? '' : JSON.stringify(record.payload);
      return `${record.signal}(${payload})${record.sender ? ` from ${record.sender}` : ''}${record.routingKey ? ` [${record.routingKey}]` : ''}`;
    }
    case 'meta': {
      const where = record.origin ? `line ${record.origin.line}: ` : '';
      if (record.event === 'note') return `${where}${record.raw}`;
      const extra = [record.reason, record.count === undefined ? undefined : String(record.count), record.detail].filter(Boolean).join(' · ');
      return `${where}${record.event}${extra ? ` — ${extra}` : ''}`;
    }
  }
}
