/**
 * The only whitespace a log line's fields are separated by: space and tab.
 * (Line ends are removed before a line is read; a stray CR counts as
 * trailing space only where readLine trims.) Shared by the line readers,
 * which compare character codes instead of running a regex per line.
 */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}
