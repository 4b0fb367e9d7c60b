/**
 * The payload field as typed: empty means None; anything else must be JSON
 * (`"text"`, `42`, `{"rpm": 1200}`). Bare text is not guessed to be a
 * string — `true` and `"true"` mean different things to a chart.
 */
export type PayloadParse = { ok: true; value: unknown } | { ok: false; error: string };

export function parsePayloadText(text: string): PayloadParse {
  if (text.trim() === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, error: 'the payload must be JSON: "text" in quotes, a number, or {…}' };
  }
}
