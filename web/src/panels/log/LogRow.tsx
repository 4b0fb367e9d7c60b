/** One row of the log list; memoized so scrolling re-renders only new rows. */
import { memo } from 'react';
import type { MirosRecord } from '../../../../shared/records/MirosRecord.ts';
import { formatLogRow } from './formatLogRow.ts';

interface Props {
  record: MirosRecord;
  top: number;
  height: number;
  color: ReadonlyMap<string, string>;
  current: boolean;
  onSelect: () => void;
}

export const LogRow = memo(function LogRow({ record, top, height, color, current, onSelect }: Props) {
  const row = formatLogRow(record);
  return (
    <div
      className={`log-row kind-${row.kind}${current ? ' current' : ''}`}
      style={{ transform: `translateY(${top}px)`, height }}
      data-testid="log-row"
      data-seq={row.seq}
      data-kind={row.kind}
      data-chart={row.chart}
      onClick={onSelect}
      title={record.raw}
    >
      <span className="seq">{row.seq}</span>
      <span className="time">{row.time}</span>
      <span className="chart" style={{ color: color.get(row.chart) }}>
        {row.chart}
      </span>
      <span className="kind">{row.kind}</span>
      <span className="text">{row.text}</span>
    </div>
  );
}, (a, b) => a.record === b.record && a.top === b.top && a.current === b.current && a.color === b.color);
