/**
 * Removes terminal escape sequences from a line of captured terminal output.
 *
 * miros-rabbitmq colours chart names (blue for the chart itself, purple for
 * peers) and snoop scribbles (bold white) with SGR sequences such as
 * `ESC[34m … ESC[0m`; a saved terminal session keeps them. Any CSI sequence
 * (SGR, cursor movement, erase), OSC sequences (window titles) and two-byte
 * escapes are removed; the text between them is kept as is. Callers check
 * for an ESC first, so lines without one never pay for this.
 */
// CSI: ESC [ params intermediates final; OSC: ESC ] … BEL|ESC \; else ESC + one byte.
// No nested quantifiers over the same characters, so no backtracking blow-up.
const ESCAPES = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])/g;

export function stripAnsi(text: string): string {
  return text.replace(ESCAPES, '');
}
