/**
 * One colour per chart, the same in every panel: by the order in which the
 * chart was first heard, from a palette readable on dark and light
 * backgrounds; past the palette, hues continue by the golden angle so
 * neighbours never look alike.
 */
import { useMemo } from 'react';
import { chartIndex } from '../store/chartIndex.ts';
import { useRecordsView } from './useRecords.ts';

const PALETTE = ['#4e9af1', '#e8833a', '#3fb37f', '#d65db1', '#c9b03a', '#8a7cf0', '#e05a5a', '#2fb5c4', '#9bbf3b', '#c77c48', '#6f8fb8', '#b86fb8'];

export function chartColor(order: number): string {
  if (order < PALETTE.length) return PALETTE[order]!;
  return `hsl(${Math.round((order * 137.508) % 360)} 60% 55%)`;
}

/** Colour of each chart heard so far (by name). */
export function useChartColors(): ReadonlyMap<string, string> {
  const { log } = useRecordsView();
  // Only a new chart changes the map, so rows memoized on it stay put while records stream.
  const charts = chartIndex(log).names.length;
  return useMemo(() => new Map(chartIndex(log).names.map((name, i) => [name, chartColor(i)])), [log, charts]);
}
