/**
 * A message heard on a snoop network, printed byte for byte as
 * miros-rabbitmq's receiving node prints it (MirosNetsInterface's
 * on_network_trace_message / on_network_spy_message, and their _no_color
 * variants), from the item as received:
 *
 *    [+t] [2018-05-04 09:23:34.256485] [2771f_ao] e->other_to_inner() outer->inner
 *    [+s] 2771f_ao ENTRY_SIGNAL:inner
 *
 * The library's rules, which we keep because a person compares the two
 * terminals side by side (tests/fixtures/snoop holds its real output):
 *
 *   trace  every "\n" removed from the item.
 *   spy    the item as it is.
 *   colour if the printing node's own name occurs anywhere in the item, its
 *          first occurrence is wrapped in blue (ESC[34m … ESC[0m). Otherwise
 *          another chart's name is wrapped in purple (ESC[35m … ESC[0m):
 *          trace — the text between the "[" after the first "[…] " and the
 *            last "]" of that line (so a later "]" widens it);
 *          spy — the item's first word *with its trailing space*.
 *          Its first occurrence in the item is the one coloured. Anything
 *          already coloured in the item (a Python scribble's bright black
 *          "# text") is printed as received; nothing else is added.
 *
 * One thing differs, on purpose: the item is text from the network, and a
 * terminal obeys control characters. Every C0 control (but tab), DEL and C1
 * control is printed escaped (`\x1b`, `\r`, …), except the colour codes
 * miros-rabbitmq itself uses (ESC[0m, ESC[30;1m, ESC[31m, ESC[34m, ESC[35m,
 * ESC[37;1m), which pass as they are. Spy items never hold a newline in
 * miros-rabbitmq, so one there is escaped too (it would forge a line). An
 * ordinary item has none of these, so its line is the library's, byte for byte.
 */
export const ANSI_BLUE = '\x1b[34m';
export const ANSI_PURPLE = '\x1b[35m';
export const ANSI_BRIGHT_BLACK = '\x1b[30;1m';
export const ANSI_RESET = '\x1b[0m';

export type SnoopNetwork = 'trace' | 'spy';

/** Python's `.` is any character but "\n" (JavaScript's also stops at \r, U+2028, U+2029). */
const TRACE_OTHER_NAME = /(\[[^\n]+?\] )\[([^\n]+)\]/;
const SPY_OTHER_NAME = /([^\n]+? )[^\n]+/;

/** C0 controls but tab, DEL, C1 controls: never printed raw (a trace item's newlines are removed before). */
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f]/;
/** The library's own colour codes, the one kind of escape sequence let through. */
const LIBRARY_COLOUR = /^\x1b\[(?:0|30;1|31|34|35|37;1)m/;

/** The printed line (without its final newline). `ownName` null: a listener with no chart of its own. */
export function formatSnoopLine(network: SnoopNetwork, item: string, ownName: string | null, colour: boolean): string {
  let text = colour ? coloured(network, item, ownName) : item;
  if (network === 'trace') text = text.split('\n').join('');
  return (network === 'trace' ? ' [+t] ' : ' [+s] ') + terminalSafe(text);
}

function coloured(network: SnoopNetwork, item: string, ownName: string | null): string {
  if (ownName !== null && item.includes(ownName)) return wrapFirst(item, ownName, ANSI_BLUE);
  const match = (network === 'trace' ? TRACE_OTHER_NAME : SPY_OTHER_NAME).exec(item);
  if (match === null) return item;
  return wrapFirst(item, network === 'trace' ? match[2]! : match[1]!, ANSI_PURPLE);
}

/** Python's `text.replace(part, colour + part + reset, 1)` (no `$` patterns, unlike String#replace). */
function wrapFirst(text: string, part: string, colour: string): string {
  const at = text.indexOf(part);
  return text.slice(0, at) + colour + part + ANSI_RESET + text.slice(at + part.length);
}

/** `text` unchanged unless it holds a control character; then each is escaped but the library's colours. */
export function terminalSafe(text: string): string {
  if (!CONTROL.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (!CONTROL.test(c)) {
      out += c;
      continue;
    }
    const colour = c === '\x1b' ? LIBRARY_COLOUR.exec(text.slice(i, i + 8)) : null;
    if (colour) {
      out += colour[0];
      i += colour[0].length - 1;
    } else out += c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  }
  return out;
}
