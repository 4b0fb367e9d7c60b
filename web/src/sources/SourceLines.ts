/**
 * Finds a record's raw line in the text it was read from, so the column
 * encoder can point at it instead of copying it (see ColumnChunk `text`).
 *
 * The parser numbers lines (`origin.line`) and hands records over in line
 * order, so a forward scan over newlines finds each one. A record whose raw
 * is not its line as written — a JSON-lines recording carries its raw
 * inside the JSON — is recognised (the line starts with `{`, or its length,
 * first or last character or line end do not match) and left to the pool.
 */

/**
 * The text records were read from: `text` starts at the beginning of line
 * `line` (1-based), and holds every line of the records being encoded.
 */
export interface LogSource {
  text: string;
  line: number;
}

export class SourceLines {
  #cursor = 0;
  #cursorLine: number;
  /** The part of the text the current chunk's records lie in. */
  #first = -1;
  #last = 0;

  constructor(readonly source: LogSource) {
    this.#cursorLine = source.line;
  }

  /** Starts collecting the text range of a new chunk. */
  startChunk(): void {
    this.#first = -1;
    this.#last = 0;
  }

  /** [start, end) of the text holding every line found since startChunk(), or null. */
  chunkRange(): [number, number] | null {
    return this.#first < 0 ? null : [this.#first, this.#last];
  }

  /** Where `raw` lies in the text as line `line`; -1 when it is not there as written. */
  find(raw: string, line: number): number {
    if (line < this.#cursorLine) return -1;
    const { text } = this.source;
    let at = this.#cursor;
    for (let l = this.#cursorLine; l < line; l++) {
      const nl = text.indexOf('\n', at);
      if (nl < 0) return -1;
      at = nl + 1;
    }
    this.#cursor = at;
    this.#cursorLine = line;
    // The parser drops a byte-order mark before the first line.
    if (line === 1 && text.charCodeAt(at) === 0xfeff) at++;
    const end = at + raw.length;
    if (end > text.length) return -1;
    const after = text.charCodeAt(end);
    if (end < text.length && after !== 10 && !(after === 13 && (end + 1 === text.length || text.charCodeAt(end + 1) === 10))) return -1;
    if (raw.length > 0 && (text.charCodeAt(at) !== raw.charCodeAt(0) || text.charCodeAt(end - 1) !== raw.charCodeAt(raw.length - 1))) return -1;
    // Only a JSON line's record may carry a raw other than its line (then never of the line's length, but say so).
    let k = at;
    while (k < end && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
    if (text.charCodeAt(k) === 123 /* { */) return -1;
    if (this.#first < 0) this.#first = at;
    this.#last = end;
    return at;
  }
}
