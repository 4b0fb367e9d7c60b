/**
 * A record back to a line of miros text: "download as miros text lines" in
 * the dashboard and the CLI's text output. The lines are chosen so that
 * parsing them again gives the same records (see tests/parsers):
 *
 *   trace  [2018-05-04 08:02:40.594301] [0ca32_ao] e->to_inner() outer->inner
 *          (the stamp exactly as it was written when known; ` [+t] ` in front
 *          with `terminal`)
 *   spy     [+s] 0ca32_ao ENTRY_SIGNAL:inner      (miros-rabbitmq's form: it
 *          keeps the chart name; `bareSpy` gives the line alone, as miros's
 *          own spy() prints it)
 *          a snoop scribble (a spy `# …` line with a time) goes back to its
 *          trace-network frame: [2018-…] [0ca32_ao] # text
 *   mesh   mesh: other_to_inner("04ccc_ao") from 192.168.0.10 via heya.man at 2018-…
 *   note   the line exactly as it was read
 *   meta   meta: rejected bad-token on mesh: …   (a readable summary)
 *
 * Mesh and meta lines are for reading; they come back as notes, not as the
 * same records (JSON lines are the lossless format).
 *
 * A line that would hold a control character (a newline in a signal name
 * forging a second trace line, an ESC recolouring a terminal; see
 * escapeControl) is written escaped and marked with a leading backslash:
 *
 *   \[2018-05-04 08:02:40.594301] [ao] e->a\nb() outer->inner
 *
 * Every other line is written exactly as before. The parsers decode a
 * marked line's fields (shared/parsers/readEscapedLine.ts), so the records
 * come back as they went in; a note whose text starts with a backslash is
 * marked too, so that it is not mistaken for one.
 */
import type { MirosRecord } from './MirosRecord.ts';
import { escapeControl, hasControl } from './escapeControl.ts';
import { formatStamp } from './timestamp.ts';

export interface FormatRecordOptions {
  /** Prefix trace lines with ` [+t] ` as miros-rabbitmq's terminal output does. */
  terminal?: boolean;
  /** Write spy lines without ` [+s] <chart> ` (they then read back as notes). */
  bareSpy?: boolean;
}

function stampOf(time: number | null, stamp?: string): string {
  return stamp ?? (time === null ? '?' : formatStamp(time));
}

/** What starts a line whose text is escaped (see escapeControl). */
export const ESCAPED_LINE_MARK = '\\';

export function formatRecord(record: MirosRecord, options: FormatRecordOptions = {}): string {
  const line = plainLine(record, options);
  return needsEscape(line) ? ESCAPED_LINE_MARK + escapeControl(line) : line;
}

/** A control character anywhere, or a first non-space character that would read as the mark. */
function needsEscape(line: string): boolean {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return line.charCodeAt(i) === 92 /* \ */ || hasControl(line);
}

function plainLine(record: MirosRecord, options: FormatRecordOptions): string {
  const chart = record.chart ?? 'None';
  switch (record.kind) {
    case 'trace': {
      const line = `[${stampOf(record.time, record.stamp)}] [${chart}] e->${record.signal}(${record.payload ?? ''}) ${record.from}->${record.to}`;
      return options.terminal ? ` [+t] ${line}` : line;
    }
    case 'spy': {
      if (record.time !== null && record.line.startsWith('#')) {
        const line = `[${formatStamp(record.time)}] [${chart}] ${record.line}`;
        return options.terminal ? ` [+t] ${line}` : line;
      }
      return options.bareSpy ? record.line : ` [+s] ${chart} ${record.line}`;
    }
    case 'mesh': {
      const payload = record.payload === undefined ? '' : JSON.stringify(record.payload);
      const via = record.routingKey ? ` via ${record.routingKey}` : '';
      const at = record.time === null ? '' : ` at ${formatStamp(record.time)}`;
      return `mesh: ${record.signal}(${payload}) from ${record.sender ?? record.chart ?? 'unknown'}${via}${at}`;
    }
    case 'meta': {
      if (record.event === 'note') return record.raw;
      const parts = [`meta: ${record.event}`];
      if (record.chart !== null) parts.push(`[${record.chart}]`);
      if (record.reason) parts.push(record.reason);
      if (record.network) parts.push(`on ${record.network}`);
      if (record.count !== undefined) parts.push(String(record.count));
      if (record.states) {
        parts.push(record.states.map((s) => (s.parent === null ? s.name : `${s.name} in ${s.parent}`)).join(', '));
      }
      const head = parts.join(' ');
      return record.detail ? `${head}: ${record.detail}` : head;
    }
  }
}
