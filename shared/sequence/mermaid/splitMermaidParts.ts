/**
 * Cuts a long sequence diagram into parts of at most `maxChars` characters
 * (Mermaid refuses texts over its `maxTextSize`, 50,000 by default). Every
 * part is a complete diagram: a comment naming the part, the
 * `sequenceDiagram` line and all participant declarations (so lifelines keep
 * their places), then whole blocks — a block (one step, or a `par` group) is
 * never split. Numbers are in the labels, so they simply continue.
 */

export interface MermaidParts {
  /** Comment text for part k (1-based) of `total`. */
  caption(part: number, total: number): string;
  /** `participant …` lines. */
  participants: readonly string[];
  /** Statement groups in order; each is drawn whole in one part. */
  blocks: readonly (readonly string[])[];
  maxChars: number;
}

const INDENT = '  ';
// Room kept for the caption line, whose text depends on the part count.
const CAPTION_ROOM = 80;

const size = (lines: readonly string[]): number => lines.reduce((sum, line) => sum + INDENT.length + line.length + 1, 0);

export function splitMermaidParts({ caption, participants, blocks, maxChars }: MermaidParts): string[] {
  const fixed = 'sequenceDiagram\n'.length + size(participants) + CAPTION_ROOM;
  const groups: (readonly string[])[][] = [];
  let current: (readonly string[])[] = [];
  let used = fixed;
  for (const block of blocks) {
    const cost = size(block);
    if (current.length > 0 && used + cost > maxChars) {
      groups.push(current);
      current = [];
      used = fixed;
    }
    current.push(block);
    used += cost;
  }
  if (current.length > 0) groups.push(current);
  return groups.map((group, k) => {
    const lines = [`%% ${caption(k + 1, groups.length)}`, 'sequenceDiagram', ...[...participants, ...group.flat()].map((l) => INDENT + l)];
    return `${lines.join('\n')}\n`;
  });
}
