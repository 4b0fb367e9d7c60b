/**
 * Cuts a long sequence diagram into parts of at most `maxChars` characters
 * (Mermaid refuses texts over its `maxTextSize`, 50,000 by default). Every
 * part is a complete diagram: a comment naming the part, the
 * `sequenceDiagram` line, its title if any, the participant declarations,
 * then whole blocks — a block (one step, or a `par` group) is never split.
 * Numbers are in the labels, so they simply continue.
 *
 * Each part declares every participant, so lifelines keep their places from
 * part to part — unless the declarations alone would fill a good share of a
 * part (a chart that passes through thousands of states): then a part
 * declares only the participants its blocks use, in the same order, or
 * every part would hold one step and the whole list of states.
 */
import { MAX_TITLE } from './mermaidTitle.ts';

export interface MermaidParticipant {
  id: string;
  /** `participant s0 as outer`. */
  line: string;
}

export interface MermaidBlock {
  lines: readonly string[];
  /** Ids of the participants the lines name. */
  uses: readonly string[];
}

export interface MermaidParts {
  /** Comment text for part k (1-based) of `total`. */
  caption(part: number, total: number): string;
  /** A `title` Mermaid draws above part k (already made safe by mermaidTitle), or none. */
  title?: (part: number, total: number) => string;
  /** A second comment line for every part (one line, e.g. the source), or none. */
  comment?: string;
  participants: readonly MermaidParticipant[];
  /** Statement groups in order; each is drawn whole in one part. */
  blocks: readonly MermaidBlock[];
  maxChars: number;
}

const INDENT = '  ';
// Room kept for the caption line, whose text depends on the part count.
const CAPTION_ROOM = 80;
/** Past this share of a part, participants are declared per part. */
const SHARED_DECLARATIONS = 1 / 4;

const lineSize = (line: string): number => INDENT.length + line.length + 1;
const size = (lines: readonly string[]): number => lines.reduce((sum, line) => sum + lineSize(line), 0);

export function splitMermaidParts({ caption, title, comment, participants, blocks, maxChars }: MermaidParts): string[] {
  // A title's code points may each take two UTF-16 units.
  const titleRoom = (title ? INDENT.length + 'title '.length + 2 * MAX_TITLE + 1 : 0) + (comment === undefined ? 0 : comment.length + 4);
  const declared = size(participants.map((p) => p.line));
  const perPart = declared > maxChars * SHARED_DECLARATIONS;
  const fixed = 'sequenceDiagram\n'.length + CAPTION_ROOM + titleRoom + (perPart ? 0 : declared);
  const declaration = new Map(participants.map((p) => [p.id, p.line]));
  const groups: { blocks: MermaidBlock[]; uses: Set<string> }[] = [];
  let current: { blocks: MermaidBlock[]; uses: Set<string> } = { blocks: [], uses: new Set() };
  let used = fixed;
  const costOf = (block: MermaidBlock): number => {
    let cost = size(block.lines);
    if (perPart) for (const id of new Set(block.uses)) if (!current.uses.has(id)) cost += lineSize(declaration.get(id) ?? '');
    return cost;
  };
  for (const block of blocks) {
    let cost = costOf(block);
    if (current.blocks.length > 0 && used + cost > maxChars) {
      groups.push(current);
      current = { blocks: [], uses: new Set() };
      used = fixed;
      cost = costOf(block);
    }
    current.blocks.push(block);
    for (const id of block.uses) current.uses.add(id);
    used += cost;
  }
  if (current.blocks.length > 0) groups.push(current);
  return groups.map((group, k) => {
    const head = title ? [`title ${title(k + 1, groups.length)}`] : [];
    const declarations = participants.filter((p) => !perPart || group.uses.has(p.id)).map((p) => p.line);
    const body = group.blocks.flatMap((block) => block.lines);
    const comments = [`%% ${caption(k + 1, groups.length)}`, ...(comment === undefined ? [] : [`%% ${comment}`])];
    const lines = [...comments, 'sequenceDiagram', ...[...head, ...declarations, ...body].map((l) => INDENT + l)];
    return `${lines.join('\n')}\n`;
  });
}
