/**
 * Writes the pickles miros-rabbitmq sends — a `str`, or a tuple of them —
 * byte for byte as CPython's `pickle.dumps` does, so Python nodes read ours
 * with `pickle.loads` and our bytes can be compared with Python's.
 *
 * Protocol 4 (Python 3.8+'s default) layout for a mesh item:
 *
 *   80 04 │ 95 <u64 frame length> │ 8c <n> utf8… 94 │ 8c <n> utf8… 94 │ 86 94 │ 2e
 *   PROTO │ FRAME                 │ SHORT_BINUNICODE  MEMOIZE  (×2)   │TUPLE2 │STOP
 *
 * Protocols 2 and 3 use BINUNICODE + BINPUT and no frames. As in CPython,
 * a str of 64 KiB or more is written outside any frame and frames are cut
 * at 64 KiB. CPython writes BINGET only for the *same object* seen twice;
 * the strings a node sends are built at run time, so equal strings are
 * distinct objects there and are written out each time — as here (JavaScript
 * strings have no identity to go by).
 */
import { PickleTuple } from './PickleValue.ts';
import { OP } from './pickleOpcodes.ts';

export type PicklableItem = string | PickleTuple;
export type PickleProtocol = 2 | 3 | 4 | 5;

const FRAME_SIZE_TARGET = 64 * 1024;
const FRAME_SIZE_MIN = 4;

export function pickleDumps(item: PicklableItem, protocol: PickleProtocol = 4): Buffer {
  if (protocol === 4) {
    const short = dumpsShort(item);
    if (short) return short;
  }
  const out = new PickleWriter(protocol);
  out.save(item);
  return out.finish();
}

/**
 * Nearly every miros message is a protocol 4 pickle of one short str (trace,
 * spy) or a pair of them (mesh). Those are written here in one allocation,
 * without the writer's list of small buffers (a third of the publish-side
 * pickling time went to them); null sends anything else to the writer, which
 * stays the reference (tests compare the two):
 *
 *   80 04 │ 95 <u64 LE frame length> │ (8c <n> utf8… 94)×k │ [85+k−1 94] │ 2e
 *   PROTO │ FRAME                    │ SHORT_BINUNICODE, MEMOIZE     │ TUPLEk MEMOIZE │ STOP
 *
 * for a str (no tuple part) or a tuple of k = 1…3 str, each under 256 UTF-8 bytes.
 */
function dumpsShort(item: PicklableItem): Buffer | null {
  const strings = typeof item === 'string' ? null : item.items;
  if (strings !== null && (strings.length === 0 || strings.length > 3)) return null;
  let body = 0;
  for (let i = 0; i < (strings === null ? 1 : strings.length); i++) {
    const s = strings === null ? item : strings[i];
    if (typeof s !== 'string' || s.length > 0xff) return null;
    const n = Buffer.byteLength(s, 'utf8');
    if (n > 0xff) return null;
    body += n + 3;
  }
  const frameLength = body + (strings === null ? 0 : 2) + 1;
  const out = Buffer.allocUnsafe(2 + 9 + frameLength);
  out[0] = OP.PROTO!;
  out[1] = 4;
  out[2] = OP.FRAME!;
  out.writeUInt32LE(frameLength, 3);
  out.writeUInt32LE(0, 7);
  let at = 11;
  for (let i = 0; i < (strings === null ? 1 : strings.length); i++) {
    const s = (strings === null ? item : strings[i]) as string;
    out[at] = OP.SHORT_BINUNICODE!;
    const n = out.write(s, at + 2, 'utf8');
    out[at + 1] = n;
    out[at + 2 + n] = OP.MEMOIZE!;
    at += n + 3;
  }
  if (strings !== null) {
    out[at++] = OP.TUPLE1! + strings.length - 1;
    out[at++] = OP.MEMOIZE!;
  }
  out[at] = OP.STOP!;
  return out;
}

class PickleWriter {
  private readonly done: Buffer[] = [];
  /** The frame being filled (protocol ≥ 4), or the whole output otherwise. */
  private frame: Buffer[] = [];
  private frameLength = 0;
  private memoCount = 0;
  private readonly framing: boolean;

  constructor(private readonly protocol: PickleProtocol) {
    this.framing = protocol >= 4;
    this.done.push(Buffer.from([OP.PROTO!, protocol]));
  }

  save(item: PicklableItem): void {
    this.commitFrame(false);
    if (typeof item === 'string') this.saveStr(item);
    else if (item instanceof PickleTuple) this.saveTuple(item);
    else throw new TypeError('pickleDumps writes only str and tuples of str');
  }

  finish(): Buffer {
    this.write(Buffer.from([OP.STOP!]));
    this.commitFrame(true);
    return Buffer.concat(this.done);
  }

  private saveStr(text: string): void {
    const utf8 = Buffer.from(text, 'utf8');
    const n = utf8.length;
    if (n <= 0xff && this.protocol >= 4) {
      this.write(Buffer.concat([Buffer.from([OP.SHORT_BINUNICODE!, n]), utf8]));
    } else {
      const header = Buffer.alloc(5);
      header[0] = OP.BINUNICODE!;
      header.writeUInt32LE(n, 1);
      if (n >= FRAME_SIZE_TARGET && this.framing) {
        this.commitFrame(true);
        this.done.push(header, utf8);
      } else this.write(Buffer.concat([header, utf8]));
    }
    this.memoSlot();
  }

  private saveTuple(t: PickleTuple): void {
    const n = t.items.length;
    if (n === 0) return this.write(Buffer.from([OP.EMPTY_TUPLE!]));
    if (n > 3) this.write(Buffer.from([OP.MARK!]));
    for (const item of t.items) {
      if (typeof item !== 'string' && !(item instanceof PickleTuple)) {
        throw new TypeError('pickleDumps writes only str and tuples of str');
      }
      this.save(item);
    }
    this.write(Buffer.from([n > 3 ? OP.TUPLE! : OP.TUPLE1! + n - 1]));
    this.memoSlot();
  }

  private memoSlot(): void {
    const index = this.memoCount++;
    if (this.protocol >= 4) return this.write(Buffer.from([OP.MEMOIZE!]));
    if (index < 256) return this.write(Buffer.from([OP.BINPUT!, index]));
    const op = Buffer.alloc(5);
    op[0] = OP.LONG_BINPUT!;
    op.writeUInt32LE(index, 1);
    this.write(op);
  }

  private write(bytes: Buffer): void {
    this.frame.push(bytes);
    this.frameLength += bytes.length;
  }

  /** CPython's `_Framer.commit_frame`: flush when the frame is big enough (or forced). */
  private commitFrame(force: boolean): void {
    if (this.frameLength === 0) return;
    if (this.framing && !force && this.frameLength < FRAME_SIZE_TARGET) return;
    if (!this.framing && !force) return;
    if (this.framing && this.frameLength >= FRAME_SIZE_MIN) {
      const header = Buffer.alloc(9);
      header[0] = OP.FRAME!;
      header.writeBigUInt64LE(BigInt(this.frameLength), 1);
      this.done.push(header);
    }
    this.done.push(...this.frame);
    this.frame = [];
    this.frameLength = 0;
  }
}
