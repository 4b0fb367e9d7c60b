/**
 * A pickle reader that only builds plain data (protocols 0–5).
 *
 * miros-rabbitmq calls `pickle.loads` on whatever arrives — a remote code
 * execution hole. This reader runs the pickle machine for the opcodes that
 * build str, bytes, int, float, bool, None, tuple, list and dict, and refuses
 * the rest by name and offset. No library on npm does this with the refusal
 * guarantees we need, so it is written here, opcode by opcode after CPython's
 * `Lib/pickle.py` (`_Unpickler`) and `pickletools`.
 *
 * Defences beyond the opcode allow-list:
 * - every length field is checked against the input left and a value cap;
 * - MARK nesting and container depth are capped (consumers recurse);
 * - a container cannot be changed once placed inside another, so no cycle
 *   can be built (a list appended to itself would hang every consumer);
 * - the "weight" of the result (nodes plus string bytes, counting shared
 *   references each time) is capped, so memo sharing cannot blow up a
 *   consumer that walks the value (the billion-laughs shape);
 * - the values pushed and memo entries made are counted and capped
 *   (`maxItems`), so the CPU and memory one pickle costs are bounded (a
 *   700,000-item tuple took 1.1 s to build).
 */
import { isUtf8 } from 'node:buffer';
import { PickleError } from './PickleError.ts';
import { PickleTuple, type PickleValue } from './PickleValue.ts';
import { describeOpcode, OP, OPCODES } from './pickleOpcodes.ts';
import { narrowInt, parseFloatLiteral, parseIntLiteral, parseQuotedString, parseRawUnicodeEscape } from './pickleTextLiterals.ts';

export interface UnpickleLimits {
  /** Container nesting and open MARKs (default 64). */
  maxDepth?: number;
  /** Total nodes plus string/bytes lengths of the result (default 4,000,000). */
  maxWeight?: number;
  /** Largest single str/bytes value in bytes (default 16 MiB). */
  maxValueBytes?: number;
  /** Largest LONG1/LONG4/LONG integer in bytes (default 1024). */
  maxLongBytes?: number;
  /**
   * Most values pushed on the stack (default 10,000). Every opcode that
   * builds or copies a value pushes one, so this bounds the work a pickle can
   * ask for: a 1 MiB body of NONEs is a million values, about 1.7 s of CPU.
   */
  maxItems?: number;
}

type Container = PickleValue[] | Map<PickleValue, PickleValue> | PickleTuple;
interface Shape {
  depth: number;
  weight: number;
  sealed: boolean;
}

const HIGHEST_PROTOCOL = 5;

/** Reads one pickle; throws {@link PickleError} for anything but plain data. */
export function unpickle(input: Uint8Array, limits: UnpickleLimits = {}): PickleValue {
  return new SafeUnpickler(input, limits).run();
}

class SafeUnpickler {
  private readonly buf: Buffer;
  private pos = 0;
  private at = 0;
  private frameEnd = -1;
  private stack: PickleValue[] = [];
  private readonly metastack: PickleValue[][] = [];
  private readonly memo = new Map<number, PickleValue>();
  private readonly shapes = new WeakMap<object, Shape>();
  private readonly maxDepth: number;
  private readonly maxWeight: number;
  private readonly maxValueBytes: number;
  private readonly maxLongBytes: number;
  private readonly maxItems: number;
  private items = 0;

  constructor(input: Uint8Array, limits: UnpickleLimits) {
    this.buf = Buffer.from(input.buffer, input.byteOffset, input.length);
    this.maxDepth = limits.maxDepth ?? 64;
    this.maxWeight = limits.maxWeight ?? 4_000_000;
    this.maxValueBytes = limits.maxValueBytes ?? 16 * 1024 * 1024;
    this.maxLongBytes = limits.maxLongBytes ?? 1024;
    this.maxItems = limits.maxItems ?? 10_000;
  }

  run(): PickleValue {
    for (;;) {
      this.at = this.pos;
      const byte = this.take(1)[0]!;
      const op = OPCODES.get(byte);
      if (!op) this.fail('unknown-opcode', `unknown opcode ${describeOpcode(byte)}`);
      if (op.kind === 'forbidden') this.fail('forbidden-opcode', `forbidden opcode ${describeOpcode(byte)}: it can import or call code`);
      if (op.kind === 'unsupported') this.fail('unknown-opcode', `opcode ${describeOpcode(byte)} is not plain data`);
      if (byte === OP.STOP) {
        if (this.stack.length === 0) this.fail('malformed', 'STOP with an empty stack');
        return this.stack[this.stack.length - 1]!;
      }
      this.step(byte);
    }
  }

  private step(byte: number): void {
    const b = this.buf;
    switch (byte) {
      case OP.PROTO: {
        const proto = this.take(1)[0]!;
        if (proto > HIGHEST_PROTOCOL) this.fail('malformed', `unsupported pickle protocol ${proto}`);
        return;
      }
      case OP.FRAME: {
        const size = this.length(8);
        if (this.frameEnd >= 0 && this.pos < this.frameEnd) this.fail('malformed', 'a new frame begins before the current one ends');
        this.frameEnd = this.pos + size;
        return;
      }
      case OP.MARK:
        this.metastack.push(this.stack);
        this.stack = [];
        if (this.metastack.length > this.maxDepth) this.fail('too-deep', `more than ${this.maxDepth} open MARKs`);
        return;
      case OP.POP:
        if (this.stack.length > 0) this.stack.pop();
        else this.popMark();
        return;
      case OP.POP_MARK:
        this.popMark();
        return;
      case OP.DUP:
        return this.push(this.top());
      case OP.NONE:
        return this.push(null);
      case OP.NEWTRUE:
        return this.push(true);
      case OP.NEWFALSE:
        return this.push(false);
      case OP.INT: {
        const line = this.line();
        if (line === '00' || line === '01') return this.push(line === '01');
        return this.push(this.literal(parseIntLiteral(line), 'INT'));
      }
      case OP.LONG:
        return this.push(this.literal(parseIntLiteral(this.line().replace(/L$/, '')), 'LONG'));
      case OP.BININT:
        return this.push(b.readInt32LE(this.offsetOf(4)));
      case OP.BININT1:
        return this.push(this.take(1)[0]!);
      case OP.BININT2:
        return this.push(b.readUInt16LE(this.offsetOf(2)));
      case OP.LONG1:
        return this.push(this.long(this.take(1)[0]!));
      case OP.LONG4: {
        const n = b.readInt32LE(this.offsetOf(4));
        if (n < 0) this.fail('malformed', 'LONG4 with a negative byte count');
        return this.push(this.long(n));
      }
      case OP.FLOAT:
        return this.push(this.literal(parseFloatLiteral(this.line()), 'FLOAT'));
      case OP.BINFLOAT:
        return this.push(b.readDoubleBE(this.offsetOf(8)));
      case OP.STRING:
        return this.push(this.literal(parseQuotedString(this.line()), 'STRING'));
      case OP.BINSTRING: {
        const n = b.readInt32LE(this.offsetOf(4));
        if (n < 0) this.fail('malformed', 'BINSTRING with a negative byte count');
        return this.push(this.ascii(this.bytes(n)));
      }
      case OP.SHORT_BINSTRING:
        return this.push(this.ascii(this.bytes(this.take(1)[0]!)));
      case OP.UNICODE:
        return this.push(this.literal(parseRawUnicodeEscape(this.line()), 'UNICODE'));
      case OP.SHORT_BINUNICODE:
        return this.push(this.utf8(this.bytes(this.take(1)[0]!)));
      case OP.BINUNICODE:
        return this.push(this.utf8(this.bytes(this.length(4))));
      case OP.BINUNICODE8:
        return this.push(this.utf8(this.bytes(this.length(8))));
      case OP.SHORT_BINBYTES:
        return this.push(Uint8Array.from(this.bytes(this.take(1)[0]!)));
      case OP.BINBYTES:
        return this.push(Uint8Array.from(this.bytes(this.length(4))));
      case OP.BINBYTES8:
      case OP.BYTEARRAY8:
        return this.push(Uint8Array.from(this.bytes(this.length(8))));
      case OP.EMPTY_LIST:
        return this.push(this.container([], []));
      case OP.LIST:
        return this.push(this.container([], this.popMark()));
      case OP.APPEND: {
        const value = this.pop();
        return this.addTo(this.listOnTop(), [value]);
      }
      case OP.APPENDS: {
        const items = this.popMark();
        return this.addTo(this.listOnTop(), items);
      }
      case OP.EMPTY_DICT:
        return this.push(this.container(new Map(), []));
      case OP.DICT:
        return this.push(this.container(new Map(), this.popMark()));
      case OP.SETITEM: {
        const value = this.pop();
        const key = this.pop();
        return this.addTo(this.dictOnTop(), [key, value]);
      }
      case OP.SETITEMS: {
        const items = this.popMark();
        return this.addTo(this.dictOnTop(), items);
      }
      case OP.EMPTY_TUPLE:
        return this.push(this.tuple([]));
      case OP.TUPLE:
        return this.push(this.tuple(this.popMark()));
      case OP.TUPLE1:
      case OP.TUPLE2:
      case OP.TUPLE3: {
        const n = byte - OP.TUPLE1! + 1;
        if (this.stack.length < n) this.fail('malformed', `TUPLE${n} needs ${n} stack items`);
        return this.push(this.tuple(this.stack.splice(this.stack.length - n, n)));
      }
      case OP.PUT:
        return this.put(this.memoIndex(this.line()));
      case OP.BINPUT:
        return this.put(this.take(1)[0]!);
      case OP.LONG_BINPUT:
        return this.put(b.readUInt32LE(this.offsetOf(4)));
      case OP.MEMOIZE:
        return this.put(this.memo.size);
      case OP.GET:
        return this.get(this.memoIndex(this.line()));
      case OP.BINGET:
        return this.get(this.take(1)[0]!);
      case OP.LONG_BINGET:
        return this.get(b.readUInt32LE(this.offsetOf(4)));
      default:
        this.fail('unknown-opcode', `opcode ${describeOpcode(byte)} is not handled`);
    }
  }

  // ── reading ────────────────────────────────────────────────────────────

  /** Advances over n bytes and returns them, honouring frame boundaries. */
  private take(n: number): Buffer {
    return this.buf.subarray(this.offsetOf(n), this.pos);
  }

  private offsetOf(n: number): number {
    const start = this.pos;
    const end = start + n;
    if (end > this.buf.length) this.fail('truncated', `input ends inside ${this.opName()}`);
    if (this.frameEnd >= 0) {
      if (start >= this.frameEnd) this.frameEnd = -1;
      else if (end > this.frameEnd) this.fail('malformed', `${this.opName()} crosses the end of its frame`);
    }
    this.pos = end;
    return start;
  }

  /** A length field of `width` bytes (little-endian, unsigned), checked against caps and the input. */
  private length(width: 4 | 8): number {
    const start = this.offsetOf(width);
    const big = width === 4 ? BigInt(this.buf.readUInt32LE(start)) : this.buf.readBigUInt64LE(start);
    const left = this.buf.length - this.pos;
    if (this.opName() === 'FRAME' && big > BigInt(left)) {
      this.fail('oversized', `FRAME declares ${big} bytes; only ${left} are left`);
    }
    if (big > BigInt(this.maxValueBytes)) {
      this.fail('oversized', `${this.opName()} declares ${big} bytes, beyond the cap of ${this.maxValueBytes}`);
    }
    return Number(big);
  }

  private bytes(n: number): Buffer {
    if (n > this.maxValueBytes) this.fail('oversized', `${this.opName()} value of ${n} bytes exceeds the cap`);
    return this.take(n);
  }

  /** A protocol 0 argument line, without its newline. */
  private line(): string {
    const limit = this.frameEnd >= 0 && this.pos < this.frameEnd ? this.frameEnd : this.buf.length;
    const nl = this.buf.indexOf(0x0a, this.pos);
    if (nl < 0 || nl >= limit) this.fail('truncated', `${this.opName()} argument has no line end`);
    const text = this.take(nl + 1 - this.pos);
    return text.toString('latin1', 0, text.length - 1);
  }

  private utf8(bytes: Buffer): string {
    if (!isUtf8(bytes)) this.fail('malformed', `${this.opName()} is not valid UTF-8`);
    return bytes.toString('utf8');
  }

  private ascii(bytes: Buffer): string {
    // pickle.loads decodes Python 2 str as ASCII by default.
    if (bytes.some((x) => x > 0x7f)) this.fail('malformed', `${this.opName()} is not ASCII`);
    return bytes.toString('latin1');
  }

  private long(n: number): number | bigint {
    if (n > this.maxLongBytes) this.fail('oversized', `${this.opName()} of ${n} bytes exceeds the cap`);
    const bytes = this.take(n);
    if (n === 0) return 0;
    let value = 0n;
    for (let i = n - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i]!);
    if (bytes[n - 1]! & 0x80) value -= 1n << BigInt(8 * n);
    return narrowInt(value);
  }

  private literal<T>(value: T | null, what: string): T {
    if (value === null) this.fail('malformed', `${what} argument is not a valid literal`);
    return value;
  }

  private memoIndex(text: string): number {
    if (!/^\d+$/.test(text)) this.fail('malformed', `${this.opName()} index "${text}" is not a number`);
    return Number(text);
  }

  // ── the stack machine ──────────────────────────────────────────────────

  private push(value: PickleValue): void {
    if (++this.items > this.maxItems) this.fail('too-many-items', `more than ${this.maxItems} values`);
    this.stack.push(value);
  }

  private pop(): PickleValue {
    if (this.stack.length === 0) this.fail('malformed', `${this.opName()} on an empty stack`);
    return this.stack.pop()!;
  }

  private top(): PickleValue {
    if (this.stack.length === 0) this.fail('malformed', `${this.opName()} on an empty stack`);
    return this.stack[this.stack.length - 1]!;
  }

  private popMark(): PickleValue[] {
    const items = this.stack;
    const outer = this.metastack.pop();
    if (!outer) this.fail('malformed', `${this.opName()} without a MARK`);
    this.stack = outer;
    return items;
  }

  private put(index: number): void {
    // A memo entry costs as much as a value: counted, so 300,000 PUTs cannot build a huge memo.
    if (++this.items > this.maxItems) this.fail('too-many-items', `more than ${this.maxItems} values and memo entries`);
    this.memo.set(index, this.top());
  }

  private get(index: number): void {
    if (!this.memo.has(index)) this.fail('malformed', `memo has no value at ${index}`);
    this.push(this.memo.get(index)!);
  }

  private listOnTop(): PickleValue[] {
    const list = this.top();
    if (!Array.isArray(list)) this.fail('malformed', `${this.opName()} target is not a list`);
    return list;
  }

  private dictOnTop(): Map<PickleValue, PickleValue> {
    const dict = this.top();
    if (!(dict instanceof Map)) this.fail('malformed', `${this.opName()} target is not a dict`);
    return dict;
  }

  private tuple(items: PickleValue[]): PickleTuple {
    const t = new PickleTuple(items);
    this.shapes.set(t, { depth: 1, weight: 1, sealed: true });
    for (const item of items) this.grow(t, item);
    return t;
  }

  private container<T extends PickleValue[] | Map<PickleValue, PickleValue>>(empty: T, items: PickleValue[]): T {
    this.shapes.set(empty, { depth: 1, weight: 1, sealed: false });
    this.addTo(empty, items);
    return empty;
  }

  /** Adds items (pairs, for a dict) after the growth checks. */
  private addTo(target: PickleValue[] | Map<PickleValue, PickleValue>, items: PickleValue[]): void {
    if (this.shapes.get(target)!.sealed) {
      this.fail('malformed', `${this.opName()} changes a container already placed inside another`);
    }
    if (Array.isArray(target)) {
      for (const item of items) {
        this.grow(target, item);
        target.push(item);
      }
      return;
    }
    if (items.length % 2 !== 0) this.fail('malformed', `${this.opName()} needs key/value pairs`);
    for (let i = 0; i < items.length; i += 2) {
      const [key, value] = [items[i]!, items[i + 1]!];
      if (!hashable(key)) this.fail('malformed', 'a dict key is unhashable (list or dict)');
      this.grow(target, key);
      this.grow(target, value);
      target.set(key, value);
    }
  }

  /** Accounts for `child` going into `parent`: no cycles, depth and weight capped. */
  private grow(parent: Container, child: PickleValue): void {
    const shape = this.shapes.get(parent)!;
    let depth = 0;
    let weight = 1;
    if (isContainer(child)) {
      if (child === parent) this.fail('malformed', 'a container cannot contain itself');
      const inner = this.shapes.get(child)!;
      inner.sealed = true;
      depth = inner.depth;
      weight = inner.weight;
    } else if (typeof child === 'string' || child instanceof Uint8Array) {
      weight += child.length;
    }
    shape.depth = Math.max(shape.depth, depth + 1);
    shape.weight += weight;
    if (shape.depth > this.maxDepth) this.fail('too-deep', `containers nest deeper than ${this.maxDepth}`);
    if (shape.weight > this.maxWeight) this.fail('oversized', `the value grows beyond ${this.maxWeight} nodes and bytes`);
  }

  private opName(): string {
    return OPCODES.get(this.buf[this.at]!)?.name ?? 'opcode';
  }

  private fail(code: PickleError['code'], message: string): never {
    const byte = this.buf[this.at];
    const opcode = byte === undefined ? undefined : describeOpcode(byte);
    throw new PickleError(code, `${message} (at offset ${this.at})`, this.at, opcode);
  }
}

function isContainer(value: PickleValue): value is Container {
  return Array.isArray(value) || value instanceof Map || value instanceof PickleTuple;
}

function hashable(value: PickleValue): boolean {
  if (Array.isArray(value) || value instanceof Map) return false;
  if (value instanceof PickleTuple) return value.items.every(hashable);
  return true;
}
