/**
 * The virtual view's rows, extended while a live run streams in instead of
 * rebuilt: the whole model of 100,000 transitions takes ~80 ms to
 * materialise, the latest few thousand entries a few ms. The builder's
 * `window({ fromSeq })` gives the tail; its rows replace the old rows from
 * the first number the tail holds on.
 *
 * That is only right when the tail holds every number from there to the
 * builder's size and no new lifeline (lanes are laid out once); otherwise
 * (a record numbered far back, a new chart or state) this returns null and
 * the caller rebuilds everything. Rows before the tail keep the labels they
 * had: a reception paired more than the tail's length later relabels its
 * note only at the next full build (a change of view, range or source).
 */
import type { SequenceModel } from '../../../../shared/sequence/SequenceModel.ts';
import type { SequenceView } from './sequenceWindow.ts';
import { buildVirtualRows, ROW_INFERRED, type VirtualRows } from './virtualRows.ts';

/** Rows re-read at the end on every extension: receptions and pairings settle within this many. */
export const TAIL_ROWS = 2000;

/** The record seq to ask the tail from: that of the row TAIL_ROWS from the end. */
export function tailFromSeq(rows: VirtualRows): number {
  return rows.count === 0 ? Number.NEGATIVE_INFINITY : rows.seq[Math.max(0, rows.count - TAIL_ROWS)]!;
}

const laneKey = (rows: VirtualRows, lane: number): string => {
  const group = rows.groups.find((g) => lane >= g.first && lane <= g.last);
  return `${group?.chart ?? ''}\u0000${rows.lanes[lane]}`;
};

/**
 * `previous` (built when the builder had `before` numbers) with its rows from
 * the tail's first number on replaced by the tail's, now that it has
 * `total`; null when a full build is needed.
 */
export function appendVirtualRows(previous: VirtualRows, before: number, tail: SequenceModel, view: SequenceView, total: number): VirtualRows | null {
  // Every number from the tail's first to the builder's size, each once, and none between `previous` and the tail.
  let n0 = Number.POSITIVE_INFINITY;
  let numbered = 0;
  let highest = 0;
  for (const item of tail.system.items) {
    if (item.type === 'message' && item.inferred) continue;
    numbered += 1;
    n0 = Math.min(n0, item.n);
    highest = Math.max(highest, item.n);
  }
  if (numbered === 0 || highest !== total || numbered !== total - n0 + 1 || n0 > before + 1) return null;

  const added = buildVirtualRows(tail, view);
  const laneOf = new Map(previous.lanes.map((_, k) => [laneKey(previous, k), k]));
  const lanes: number[] = [];
  for (let k = 0; k < added.lanes.length; k += 1) {
    const lane = laneOf.get(laneKey(added, k));
    if (lane === undefined) return null;
    lanes.push(lane);
  }

  // Keep the rows before the tail's first number (an inferred arrow goes with the reception under it).
  let cut = 0;
  while (cut < previous.count && (previous.kind[cut] === ROW_INFERRED || previous.n[cut]! < n0)) cut += 1;
  while (cut > 0 && previous.kind[cut - 1] === ROW_INFERRED) cut -= 1;
  const count = cut + added.count;
  const grow = <T extends Uint8Array | Int32Array | Float64Array>(old: T, extra: T, map?: (v: number) => number): T => {
    const out = new (old.constructor as new (n: number) => T)(count);
    out.set(old.subarray(0, cut));
    for (let k = 0; k < added.count; k += 1) out[cut + k] = map ? map(extra[k]!) : extra[k]!;
    return out;
  };
  const maxSeq = grow(previous.maxSeq, added.seq);
  for (let k = cut, max = cut > 0 ? previous.maxSeq[cut - 1]! : Number.NEGATIVE_INFINITY; k < count; k += 1) maxSeq[k] = max = Math.max(max, maxSeq[k]!);
  return {
    ...previous,
    count,
    kind: grow(previous.kind, added.kind),
    from: grow(previous.from, added.from, (lane) => lanes[lane]!),
    to: grow(previous.to, added.to, (lane) => lanes[lane]!),
    n: grow(previous.n, added.n),
    seq: grow(previous.seq, added.seq),
    maxSeq,
    items: [...previous.items.slice(0, cut), ...added.items],
  };
}
