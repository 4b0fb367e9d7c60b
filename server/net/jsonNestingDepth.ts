/**
 * How deep JSON text nests, read from the text before it is parsed.
 *
 * A parsed value is walked recursively by everything downstream (the
 * recorder's JSON.stringify, socket.io's encoder, the dashboard), so a value
 * nested a few thousand levels deep overflows the stack wherever it goes
 * next. Counting brackets in one loop over the text (skipping strings) is
 * cheap, cannot itself overflow, and lets the decoder refuse such text
 * before any parser — JSON.parse or JSON5's recursive descent — sees it.
 */

/** True when `text` opens more than `max` arrays/objects inside one another. */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return true;
    } else if ((c === 0x5d /* ] */ || c === 0x7d /* } */) && depth > 0) depth--;
  }
  return false;
}
