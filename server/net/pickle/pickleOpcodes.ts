/**
 * Every opcode of pickle protocols 0–5 (CPython `Lib/pickle.py` and
 * `pickletools`), classified by what our safe unpickler does with it:
 *
 * - `data`: builds plain data; run.
 * - `forbidden`: can import a module or call something; always refused,
 *   whatever follows (this is how `pickle.loads` runs `os.system`).
 * - `unsupported`: harmless but outside the plain data we accept (sets,
 *   out-of-band buffers); refused as unknown.
 */
export type OpcodeKind = 'data' | 'forbidden' | 'unsupported';

const table: [byte: string | number, name: string, kind: OpcodeKind][] = [
  ['(', 'MARK', 'data'],
  ['.', 'STOP', 'data'],
  ['0', 'POP', 'data'],
  ['1', 'POP_MARK', 'data'],
  ['2', 'DUP', 'data'],
  ['F', 'FLOAT', 'data'],
  ['I', 'INT', 'data'],
  ['J', 'BININT', 'data'],
  ['K', 'BININT1', 'data'],
  ['L', 'LONG', 'data'],
  ['M', 'BININT2', 'data'],
  ['N', 'NONE', 'data'],
  ['P', 'PERSID', 'forbidden'],
  ['Q', 'BINPERSID', 'forbidden'],
  ['R', 'REDUCE', 'forbidden'],
  ['S', 'STRING', 'data'],
  ['T', 'BINSTRING', 'data'],
  ['U', 'SHORT_BINSTRING', 'data'],
  ['V', 'UNICODE', 'data'],
  ['X', 'BINUNICODE', 'data'],
  ['a', 'APPEND', 'data'],
  ['b', 'BUILD', 'forbidden'],
  ['c', 'GLOBAL', 'forbidden'],
  ['d', 'DICT', 'data'],
  ['}', 'EMPTY_DICT', 'data'],
  ['e', 'APPENDS', 'data'],
  ['g', 'GET', 'data'],
  ['h', 'BINGET', 'data'],
  ['i', 'INST', 'forbidden'],
  ['j', 'LONG_BINGET', 'data'],
  ['l', 'LIST', 'data'],
  [']', 'EMPTY_LIST', 'data'],
  ['o', 'OBJ', 'forbidden'],
  ['p', 'PUT', 'data'],
  ['q', 'BINPUT', 'data'],
  ['r', 'LONG_BINPUT', 'data'],
  ['s', 'SETITEM', 'data'],
  ['t', 'TUPLE', 'data'],
  [')', 'EMPTY_TUPLE', 'data'],
  ['u', 'SETITEMS', 'data'],
  ['G', 'BINFLOAT', 'data'],
  [0x80, 'PROTO', 'data'],
  [0x81, 'NEWOBJ', 'forbidden'],
  [0x82, 'EXT1', 'forbidden'],
  [0x83, 'EXT2', 'forbidden'],
  [0x84, 'EXT4', 'forbidden'],
  [0x85, 'TUPLE1', 'data'],
  [0x86, 'TUPLE2', 'data'],
  [0x87, 'TUPLE3', 'data'],
  [0x88, 'NEWTRUE', 'data'],
  [0x89, 'NEWFALSE', 'data'],
  [0x8a, 'LONG1', 'data'],
  [0x8b, 'LONG4', 'data'],
  ['B', 'BINBYTES', 'data'],
  ['C', 'SHORT_BINBYTES', 'data'],
  [0x8c, 'SHORT_BINUNICODE', 'data'],
  [0x8d, 'BINUNICODE8', 'data'],
  [0x8e, 'BINBYTES8', 'data'],
  [0x8f, 'EMPTY_SET', 'unsupported'],
  [0x90, 'ADDITEMS', 'unsupported'],
  [0x91, 'FROZENSET', 'unsupported'],
  [0x92, 'NEWOBJ_EX', 'forbidden'],
  [0x93, 'STACK_GLOBAL', 'forbidden'],
  [0x94, 'MEMOIZE', 'data'],
  [0x95, 'FRAME', 'data'],
  [0x96, 'BYTEARRAY8', 'data'],
  [0x97, 'NEXT_BUFFER', 'unsupported'],
  [0x98, 'READONLY_BUFFER', 'unsupported'],
];

/** Opcode byte → name and kind. Bytes absent from the map are no opcode at all. */
export const OPCODES: ReadonlyMap<number, { name: string; kind: OpcodeKind }> = new Map(
  table.map(([byte, name, kind]) => [typeof byte === 'string' ? byte.charCodeAt(0) : byte, { name, kind }]),
);

/** Opcode name → byte, for the encoder and for readable tests. */
export const OP: Readonly<Record<string, number>> = Object.fromEntries(
  table.map(([byte, name]) => [name, typeof byte === 'string' ? byte.charCodeAt(0) : byte]),
);

/** `GLOBAL (0x63)` for messages. */
export function describeOpcode(byte: number): string {
  const hex = `0x${byte.toString(16).padStart(2, '0')}`;
  const op = OPCODES.get(byte);
  return op ? `${op.name} (${hex})` : hex;
}
