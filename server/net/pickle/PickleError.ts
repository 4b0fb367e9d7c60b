/**
 * Why a pickle was refused. A pickle is a program for a small stack machine;
 * we run only the instructions that build plain data and name the first
 * instruction we refuse, with its byte offset, so a rejection can be traced.
 */
export type PickleErrorCode =
  /** An opcode that imports or calls something (GLOBAL, REDUCE, BUILD, …). */
  | 'forbidden-opcode'
  /** A byte that is no pickle opcode, or one we do not run (sets, out-of-band buffers). */
  | 'unknown-opcode'
  /** The input ends inside an opcode or before STOP. */
  | 'truncated'
  /** A length field larger than the rest of the input, or a value beyond a cap. */
  | 'oversized'
  /** Containers nested (or MARKs open) deeper than the cap. */
  | 'too-deep'
  /** More values built than the item budget allows (bounds the CPU one message costs). */
  | 'too-many-items'
  /** Anything else that Python's unpickler would also refuse (stack underflow, bad literal, …). */
  | 'malformed';

export class PickleError extends Error {
  override readonly name = 'PickleError';
  constructor(
    readonly code: PickleErrorCode,
    message: string,
    /** Byte offset of the opcode at fault. */
    readonly offset: number,
    /** The opcode's name (`GLOBAL`) or hex (`0xff`), when one is at fault. */
    readonly opcode?: string,
  ) {
    super(message);
  }
}
