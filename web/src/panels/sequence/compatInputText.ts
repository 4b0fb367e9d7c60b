/**
 * The text `sequence.rb` would have been given for a span of records: their
 * original lines, in order. The compatible export reads this text exactly as
 * the tool reads a file (noise lines and the last line's indent included),
 * so its bytes match the tool's for the same log.
 */
import type { RecordLog } from '../../store/RecordLog.ts';

export function compatInputText(log: RecordLog, from: number, to: number, chart: string | null = null): string {
  const lines: string[] = [];
  const end = Math.min(to, log.length);
  for (let i = Math.max(0, from); i < end; i++) {
    const record = log.at(i);
    if (chart !== null && record.chart !== chart) continue;
    lines.push(record.raw);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
