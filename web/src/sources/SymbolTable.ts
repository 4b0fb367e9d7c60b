/**
 * Names (charts, signals, states) to small integers, for the column
 * encoder, which looks up four or five names per record of a million-line
 * log.
 *
 * A Map<string, number> hashes every character of each freshly sliced name
 * before it can compare; these names are short and a log has few of them,
 * so this table hashes at most eleven characters (the first eight, the
 * middle and the last two) and the length, and confirms character by character —
 * names read in place (`idOf`) are never sliced once known. Open addressing, linear probing, grown
 * at half full. Hand-written because no library offers a string interner
 * tuned for this, and the Map was most of the encoder's time.
 */
export class SymbolTable {
  #slots = new Int32Array(256).fill(-1);
  readonly names: string[] = [];

  get size(): number {
    return this.names.length;
  }

  /** The id of `name`, adding it (as the next id) when new. */
  id(name: string): number {
    return this.idOf(name, 0, name.length);
  }

  /**
   * The id of the name `text[start, end)`, adding it when new: a name read
   * in place is sliced only the first time it is seen.
   */
  idOf(text: string, start: number, end: number): number {
    const mask = this.#slots.length - 1;
    let k = hash(text, start, end) & mask;
    for (;;) {
      const id = this.#slots[k]!;
      if (id < 0) break;
      if (sameText(this.names[id]!, text, start, end)) return id;
      k = (k + 1) & mask;
    }
    const id = this.names.length;
    this.names.push(start === 0 && end === text.length ? text : text.slice(start, end));
    this.#slots[k] = id;
    if (this.names.length * 2 > this.#slots.length) this.#grow();
    return id;
  }

  #grow(): void {
    const slots = new Int32Array(this.#slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.names.length; id++) {
      const name = this.names[id]!;
      let k = hash(name, 0, name.length) & mask;
      while (slots[k]! >= 0) k = (k + 1) & mask;
      slots[k] = id;
    }
    this.#slots = slots;
  }
}

function sameText(name: string, text: string, start: number, end: number): boolean {
  if (name.length !== end - start) return false;
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

function hash(text: string, start: number, end: number): number {
  const n = end - start;
  let h = n * 0x9e3779b1;
  const stop = start + (n < 8 ? n : 8);
  for (let i = start; i < stop; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  if (n > 8) {
    h = Math.imul(h ^ text.charCodeAt(start + (n >> 1)), 0x01000193);
    h = Math.imul(h ^ text.charCodeAt(end - 2), 0x01000193);
    h = Math.imul(h ^ text.charCodeAt(end - 1), 0x01000193);
  }
  return (h ^ (h >>> 15)) >>> 0;
}
