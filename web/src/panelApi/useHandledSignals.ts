/** The signals a chart has been seen to handle, most frequent first (handledSignals.ts). */
import { handledSignalIndex, proposedSignals } from './handledSignals.ts';
import { useRecords } from './useRecords.ts';

export function useHandledSignals(chart: string | null): string[] {
  return useRecords(({ log }) => (chart === null ? [] : proposedSignals(handledSignalIndex(log), chart)), [chart]);
}
