/**
 * Step 1 of `sequence.rb`'s line reading: where a line has three bracketed
 * groups in a row, each followed by one space, and then more text, the first
 * group and its space go. This is what turns miros-rabbitmq's
 *
 *     ' [+t] [2018-05-04 09:23:29.177773] [04ccc_ao] e->start_at() top->outer'
 * into
 *     ' [2018-05-04 09:23:29.177773] [04ccc_ao] e->start_at() top->outer'
 *
 * (the leading space stays), and it applies to any text in the first group.
 */

// A group is `[`, anything but `]`, `]`. The lookahead demands two more
// groups and at least one character after them; `[^\n]` and not `.` because
// a CR before the line end counts as text, as it does for Ruby's `.`.
const PREFIX = /\[[^\]]*\] (?=\[[^\]]*\] \[[^\]]*\] [^\n])/;

export function removeBracketPrefix(line: string): string {
  return line.replace(PREFIX, '');
}
