/**
 * Text that Mermaid shows as written. In a sequence diagram `;` ends a
 * statement, `#…;` is an entity code, `%%` starts a comment and `<…>` is
 * taken as HTML (`<br/>` breaks the line, tags are stripped). Those
 * characters become entity codes, which Mermaid turns back into the
 * characters when it draws; control characters become visible escapes. Very
 * long texts are cut so that one step can never outgrow a diagram part.
 */

import type { SystemStateNote } from '../SequenceModel.ts';

const ENTITY: Record<string, string> = { '#': '#35;', ';': '#59;', '%': '#37;', '<': '#60;', '>': '#62;' };
const CONTROL: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Longest text (in code points) put in one label. */
export const MAX_LABEL = 200;

export function mermaidText(text: string, max = MAX_LABEL): string {
  const points = Array.from(text);
  const shown = points.length > max ? [...points.slice(0, max - 1), '…'] : points;
  let out = '';
  for (const ch of shown) {
    const code = ch.codePointAt(0)!;
    if (ENTITY[ch]) out += ENTITY[ch];
    else if (CONTROL[ch]) out += CONTROL[ch];
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out;
}

/** A payload of any JSON value as label text: strings as they are, the rest as JSON. */
export function payloadText(payload: unknown): string {
  if (payload === undefined || payload === null) return '';
  if (typeof payload === 'string') return payload;
  try {
    return JSON.stringify(payload) ?? String(payload);
  } catch {
    return String(payload);
  }
}

/**
 * A system view's state note, without its number: the move, then what caused
 * it (a received mesh message, an inferred send, or nothing seen). The Mermaid
 * drawing and the panel's scrolling view word it alike.
 */
export function stateNoteText(item: SystemStateNote): string {
  const after =
    item.causedBy !== undefined
      ? ` (received ${item.causedBy})`
      : item.inferredFrom !== undefined
        ? ` (inferred from ${item.inferredFrom})`
        : item.noSendSeen
          ? ' (no send seen)'
          : '';
  return `${item.signal}(${item.payload ?? ''}): ${item.from} → ${item.to}${after}`;
}
