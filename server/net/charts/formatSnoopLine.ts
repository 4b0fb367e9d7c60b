/**
 * A record received from a snoop network, printed the way miros-rabbitmq's
 * `enable_snoop_trace` / `enable_snoop_spy` print it:
 *
 *    [+t] [2018-05-04 09:23:34.256485] [2771f_ao] e->other_to_inner() outer->inner
 *    [+s] 2771f_ao ENTRY_SIGNAL:inner
 *    [+t] [2018-05-04 09:23:35.000000] [2771f_ao] # a snoop scribble
 *
 * With colour, the receiving chart's own name is blue and any other chart's
 * purple (ESC[34m / ESC[35m … ESC[0m, miros-rabbitmq's codes), and a
 * scribble's text bright black (ESC[30;1m). miros-rabbitmq colours the
 * first occurrence of its own name anywhere in the line; we colour the
 * chart field the record names, so a payload that mentions us stays plain.
 */
import type { UnnumberedRecord } from '../../../shared/records/MirosRecord.ts';

export const ANSI_BLUE = '\x1b[34m';
export const ANSI_PURPLE = '\x1b[35m';
export const ANSI_BRIGHT_BLACK = '\x1b[30;1m';
export const ANSI_RESET = '\x1b[0m';

export type SnoopNetwork = 'trace' | 'spy';

/** The printed line, or null for records that are not printed (topology announcements). */
export function formatSnoopLine(network: SnoopNetwork, record: UnnumberedRecord, ownName: string | null, colour: boolean): string | null {
  const prefix = network === 'trace' ? ' [+t] ' : ' [+s] ';
  if (record.kind === 'meta' && record.event !== 'note') return null;
  if (!colour || record.chart === null) return prefix + record.raw;
  const name = (record.chart === ownName ? ANSI_BLUE : ANSI_PURPLE) + record.chart + ANSI_RESET;
  if (network === 'spy') {
    // "<chart> <line>"; a scribble sent while only the spy network was on
    // carries its own "[ts] [chart] # text" frame inside the line.
    return prefix + name + record.raw.slice(record.chart.length);
  }
  const field = record.raw.indexOf(`[${record.chart}]`);
  if (field < 0) return prefix + record.raw;
  const head = record.raw.slice(0, field + 1) + name + ']';
  const rest = record.raw.slice(field + record.chart.length + 2);
  if (record.kind === 'spy') {
    // A scribble: colour its "# text" as miros-rabbitmq's snoop_scribble does.
    const hash = rest.indexOf('#');
    if (hash >= 0) return prefix + head + rest.slice(0, hash) + ANSI_BRIGHT_BLACK + rest.slice(hash) + ANSI_RESET;
  }
  return prefix + head + rest;
}
