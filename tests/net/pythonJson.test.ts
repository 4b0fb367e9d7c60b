import { describe, expect, it } from 'vitest';
import { parsePythonJson } from '../../server/net/parsePythonJson.ts';
import { pythonJsonDumps } from '../../shared/records/pythonJsonDumps.ts';

// Right-hand sides are CPython 3.11's json.dumps output for the same values.
const cases: [name: string, value: unknown, python: string][] = [
  ['a string payload', { signal_name: 'other_to_inner', payload: '04ccc_ao' }, '{"signal_name": "other_to_inner", "payload": "04ccc_ao"}'],
  ['a None payload', { signal_name: 's', payload: null }, '{"signal_name": "s", "payload": null}'],
  [
    'non-ASCII text and a list',
    { signal_name: 'ünï→🚀', payload: [1, 2.5, true, false, null] },
    '{"signal_name": "\\u00fcn\\u00ef\\u2192\\ud83d\\ude80", "payload": [1, 2.5, true, false, null]}',
  ],
  ['NaN and infinities', { signal_name: 'n', payload: { a: NaN, b: Infinity, c: -Infinity } }, '{"signal_name": "n", "payload": {"a": NaN, "b": Infinity, "c": -Infinity}}'],
  [
    'floats in repr form',
    { signal_name: 'f', payload: [1e16, 1e-5, 0.0001, 123.456, 1e22, -0, 1.5e300, 2 ** 53] },
    '{"signal_name": "f", "payload": [1e+16, 1e-05, 0.0001, 123.456, 1e+22, -0.0, 1.5e+300, 9007199254740992]}',
  ],
  // The cases the runtime's Event.dumps is held to (tests/runtime/eventModel.test.ts).
  ['small and large floats', { signal_name: 'S', payload: [1e-7, 1e21, 3.5, 42] }, '{"signal_name": "S", "payload": [1e-07, 1e+21, 3.5, 42]}'],
  ['quotes inside strings', { signal_name: 'S', payload: ["it's", 'q"'] }, '{"signal_name": "S", "payload": ["it\'s", "q\\""]}'],
  ['nested objects', { signal_name: 'S', payload: { k: 'v', n: [1.5] } }, '{"signal_name": "S", "payload": {"k": "v", "n": [1.5]}}'],
  ['escapes', { signal_name: 'q', payload: 'tab\there "quoted" back\\slash \u0001' }, '{"signal_name": "q", "payload": "tab\\there \\"quoted\\" back\\\\slash \\u0001"}'],
];

describe('pythonJsonDumps', () => {
  it.each(cases)('writes %s as Python does', (_name, value, python) => {
    expect(pythonJsonDumps(value)).toBe(python);
  });

  it('refuses values JSON cannot hold instead of dropping them', () => {
    expect(() => pythonJsonDumps({ signal_name: 'x', payload: undefined })).toThrow(TypeError);
  });
});

describe('parsePythonJson', () => {
  it.each(cases)('reads %s back', (_name, value, python) => {
    expect(parsePythonJson(python)).toEqual(value);
  });

  it('still refuses text that is not JSON', () => {
    expect(() => parsePythonJson('{"signal_name": ')).toThrow();
  });
});
