/**
 * The rows the virtual sequence view draws (virtualRows.ts): the whole run,
 * or the range chosen on the timeline, in one of the panel's views. While
 * records stream in they are brought up to date at most once a second —
 * extended by the builder's tail when that is enough (appendVirtualRows),
 * otherwise built again from the whole model.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { SequenceModel } from '../../../../shared/sequence/SequenceModel.ts';
import type { RecordLog } from '../../store/RecordLog.ts';
import type { PositionRange } from '../../store/createDashboardStore.ts';
import { appendVirtualRows, tailFromSeq } from './appendVirtualRows.ts';
import { sequenceBuilderFor } from './sequenceBuilderFor.ts';
import { virtualModel, type SequenceView } from './sequenceWindow.ts';
import { useThrottledValue } from '../../panelApi/useThrottledValue.ts';
import { buildVirtualRows, ROW_INFERRED, type VirtualRows } from './virtualRows.ts';

/** Fewest ms between two updates of the rows while records stream in. */
const UPDATE_INTERVAL_MS = 1000;

export interface ScrolledRows {
  rows: VirtualRows;
  /** Smallest and largest number drawn. */
  first: number;
  last: number;
  /** Inferred arrows among the rows. */
  guesses: number;
  /** Numbers in the whole run. */
  total: number;
}

export interface VirtualRowsInput {
  /** False while the builder catches up, or when the panel draws with Mermaid: nothing is built. */
  enabled: boolean;
  log: RecordLog;
  length: number;
  range: PositionRange | null;
  view: SequenceView;
  /** Whether inferred arrows are shown, and the model without them when not. */
  inferred: boolean;
  shape(model: SequenceModel): SequenceModel;
}

export function useVirtualRows({ enabled, log, length, range, view, inferred, shape }: VirtualRowsInput): ScrolledRows | null {
  const upTo = useThrottledValue(length, UPDATE_INTERVAL_MS);
  // The rows last drawn and what they were built for: what the next update may extend.
  const built = useRef<{ rows: VirtualRows; total: number; log: RecordLog; view: SequenceView; inferred: boolean } | null>(null);
  const scrolled = useMemo(() => {
    if (!enabled) return null;
    const builder = sequenceBuilderFor(log);
    const before = built.current;
    let rows: VirtualRows | null = null;
    if (!range && before && before.log === log && before.view === view && before.inferred === inferred) {
      rows = appendVirtualRows(before.rows, before.total, shape(builder.window({ fromSeq: tailFromSeq(before.rows) })), view, builder.size);
    }
    if (!rows) {
      const model = virtualModel(builder, log, range);
      if (!model) return null;
      rows = buildVirtualRows(shape(model), view);
    }
    if (rows.count === 0) return null;
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    let guesses = 0;
    for (let k = 0; k < rows.count; k += 1) {
      if (rows.kind[k] === ROW_INFERRED) {
        guesses += 1;
        continue;
      }
      first = Math.min(first, rows.n[k]!);
      last = Math.max(last, rows.n[k]!);
    }
    return { rows, first, last, guesses, total: builder.size };
    // `upTo` stands for the records the builder has caught up with; `shape` follows `inferred`.
  }, [enabled, log, upTo, range, view, inferred]);
  useEffect(() => {
    built.current = scrolled && !range ? { rows: scrolled.rows, total: scrolled.total, log, view, inferred } : null;
  }, [scrolled]);
  return scrolled;
}
