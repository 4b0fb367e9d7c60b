/**
 * Order statistics for benchmark samples. `percentile` takes the sample at
 * ⌊q·n⌋ of an ascending list (no interpolation: every figure printed is a
 * latency some message really had); `median` is its q = 0.5 on any list.
 */
export function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 0.5);
}
