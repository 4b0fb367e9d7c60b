/**
 * Reads JSON written by Python's `json.dumps`, which may contain bare `NaN`,
 * `Infinity` and `-Infinity` (Python's default `allow_nan=True`). The fast
 * path is `JSON.parse`; only text it refuses goes to JSON5, a superset that
 * reads those tokens, so ordinary events pay nothing for the rare case.
 */
import JSON5 from 'json5';

export function parsePythonJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    if (!/NaN|Infinity/.test(text)) throw err;
    return JSON5.parse(text);
  }
}
