/**
 * Mermaid `sequenceDiagram` text for the two views of the model:
 *
 *   chart view (one chart's states as lifelines)
 *     participant s1 as outer
 *     s1->>s2: 3: to_inner()
 *     s2->>s2: 5: tick(1)                        self transition
 *
 *   system view (charts as lifelines)
 *     participant c0 as 04ccc_ao (A)
 *     Note over c0: 1: start_at(): top → outer    a state change
 *     c0->>c1: 3: other_to_inner(04ccc_ao)        a message and its receiver
 *     c0->>c2: ↳ 3                                 … its other receivers, fanned out
 *     Note right of c0: 7: sent ping(), …         no reception seen
 *     c0-->>c1: other_to_inner() (inferred, sent at 3)   inferred from the other_ naming
 *
 * The model's numbers are written into the labels rather than left to
 * `autonumber`, so they match the ASCII view and continue across parts.
 * Participants get generated ids and their names as escaped aliases, so any
 * state or chart name works. Long diagrams come back as several complete
 * parts below `maxChars` each. With `source`, every part also gets a Mermaid
 * `title` naming its chart (and part), so a drawing of it says what it
 * shows, and a `%% source: …` comment with the log and time span. (The
 * source is not in the title: Mermaid draws a title from the middle of the
 * diagram rightwards and clips what passes the edge.)
 */
import type { ChartDiagram, SequenceModel, SystemItem } from '../SequenceModel.ts';
import { mermaidText, payloadText, stateNoteText } from './mermaidText.ts';
import { mermaidTitle } from './mermaidTitle.ts';
import { splitMermaidParts, type MermaidBlock } from './splitMermaidParts.ts';
import { INFERENCE_NOTE } from '../model/inferReceptions.ts';
import { collapseRepeats, type RepeatMarker } from '../model/collapseRepeats.ts';

export interface MermaidOptions {
  view: 'chart' | 'system';
  /** Chart view: only this chart (default: every chart, one after another). System view: only items involving it. */
  chart?: string;
  /** Largest part, in characters (default 50,000, Mermaid's maxTextSize). */
  maxChars?: number;
  /**
   * Where the diagram comes from (`trace.log · 2018-05-04 09:23:28 – 09:23:49 · events 1–12`):
   * when given, each part gets a `title` with its heading, and this line in a comment.
   */
  source?: string;
  /** System view: draw a cycle repeated in a row once, then "×N" (see collapseRepeats). */
  collapseRepeats?: boolean;
}

/** One complete Mermaid diagram and what it shows. */
export interface MermaidPart {
  /** The chart of a per-chart diagram; null for the system view. */
  chart: string | null;
  /** `04ccc_ao (A)`, `04ccc_ao (A) · part 2 of 3`, `system view`. */
  heading: string;
  text: string;
}

export const DEFAULT_MERMAID_MAX_CHARS = 50_000;

const label = (n: number, text: string): string => `${n}: ${mermaidText(text)}`;

const partHeading = (name: string, k: number, total: number): string => (total > 1 ? `${name} · part ${k} of ${total}` : name);

/** The title and the source comment, when there is a source. */
function labelling(source: string | undefined, name: string): { title?: (k: number, total: number) => string; comment?: string } {
  if (source === undefined) return {};
  return {
    title: (k, total) => mermaidTitle(partHeading(name, k, total)),
    ...(source !== '' && { comment: `source: ${source.replace(/[\r\n]/g, ' ')}` }),
  };
}

function chartParts(diagram: ChartDiagram, maxChars: number, source: string | undefined): MermaidPart[] {
  const ids = new Map(diagram.lifelines.map((state, k) => [state, `s${k}`]));
  const blocks = diagram.steps.map((step) => {
    const from = ids.get(step.from)!;
    const to = ids.get(step.to)!;
    return { lines: [`${from}->>${to}: ${label(step.n, `${step.signal}(${step.payload ?? ''})`)}`], uses: [from, to] };
  });
  const name = `[Statechart: ${diagram.chart}] (${diagram.letter})`;
  const shortName = `${diagram.chart} (${diagram.letter})`;
  const texts = splitMermaidParts({
    caption: (k, total) => mermaidText(total > 1 ? `${name} part ${k} of ${total}` : name, 1000),
    ...labelling(source, shortName),
    participants: diagram.lifelines.map((state) => ({ id: ids.get(state)!, line: `participant ${ids.get(state)} as ${mermaidText(state)}` })),
    blocks,
    maxChars,
  });
  return texts.map((text, k) => ({ chart: diagram.chart, heading: partHeading(shortName, k + 1, texts.length), text }));
}

function systemBlock(item: SystemItem, id: (name: string) => string): MermaidBlock {
  if (item.type === 'state') {
    const text = stateNoteText(item);
    return { lines: [`Note over ${id(item.chart)}: ${label(item.n, text)}`], uses: [id(item.chart)] };
  }
  const text = `${item.signal}(${payloadText(item.payload)})`;
  const from = id(item.from);
  if (item.inferred) {
    // Dashed, unnumbered (the number is the sending move's): a guess from the other_ naming, not a record.
    const to = item.to.map(id);
    return { lines: to.map((receiver) => `${from}-->>${receiver}: ${mermaidText(`${text} (inferred, sent at ${item.n})`)}`), uses: [from, ...to] };
  }
  if (item.to.length === 0) return { lines: [`Note right of ${from}: ${label(item.n, `sent ${text}, no reception seen`)}`], uses: [from] };
  const uses = [from, ...item.to.map(id)];
  // One labelled arrow per send, its other receptions fanned out under it as
  // short `↳ n` arrows (no `par` box repeating the label for every receiver).
  const arrows = item.to.map((receiver, k) => `${from}->>${id(receiver)}: ${k === 0 ? label(item.n, text) : `↳ ${item.n}`}`);
  return { lines: arrows, uses };
}

function repeatBlock(marker: RepeatMarker, id: (name: string) => string): MermaidBlock {
  const ids = marker.lifelines.map(id).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  const over = ids.length > 1 ? `${ids[0]},${ids[ids.length - 1]}` : ids[0]!;
  const events = marker.length === 1 ? 'the event above' : `the ${marker.length} events above`;
  const text = `×${marker.times}: ${events}, ${marker.times - 1} more time${marker.times === 2 ? '' : 's'} (events ${marker.fromN}–${marker.toN})`;
  return { lines: [`Note over ${over}: ${mermaidText(text)}`], uses: [ids[0]!, ids[ids.length - 1]!] };
}

function systemParts(
  model: SequenceModel,
  chart: string | undefined,
  maxChars: number,
  source: string | undefined,
  collapse = false,
): MermaidPart[] {
  const items = model.system.items.filter(
    (item) =>
      chart === undefined ||
      (item.type === 'state' ? item.chart === chart : item.from === chart || item.to.includes(chart)),
  );
  if (items.length === 0) return [];
  const ids = new Map(model.system.lifelines.map((name, k) => [name, `c${k}`]));
  const id = (name: string): string => {
    // A model built by hand may name a participant it did not list.
    if (!ids.has(name)) ids.set(name, `c${ids.size}`);
    return ids.get(name)!;
  };
  const blocks = (collapse ? collapseRepeats(items) : items).map((item) => (item.type === 'repeat' ? repeatBlock(item, id) : systemBlock(item, id)));
  if (items.some((item) => item.type === 'message' && item.inferred)) {
    // How the dashed arrows were made, spanning the lifelines, after the last message.
    const span = [...new Set(blocks.flatMap((b) => b.uses))].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
    const over = span.length > 1 ? `${span[0]},${span[span.length - 1]}` : span[0]!;
    blocks.push({ lines: [`Note over ${over}: ${mermaidText(INFERENCE_NOTE)}`], uses: [span[0]!, span[span.length - 1]!] });
  }
  const letters = new Map(model.charts.map((c) => [c.chart, c.letter]));
  const participants = [...ids].map(([name, pid]) => {
    const letter = letters.get(name);
    return { id: pid, line: `participant ${pid} as ${mermaidText(letter ? `${name} (${letter})` : name)}` };
  });
  const texts = splitMermaidParts({
    caption: (k, total) => (total > 1 ? `system view part ${k} of ${total}` : 'system view'),
    ...labelling(source, 'system view'),
    participants,
    blocks,
    maxChars,
  });
  return texts.map((text, k) => ({ chart: null, heading: partHeading('system view', k + 1, texts.length), text }));
}

/** The parts with the chart and heading of each. */
export function renderMermaidParts(model: SequenceModel, options: MermaidOptions): MermaidPart[] {
  const maxChars = options.maxChars ?? DEFAULT_MERMAID_MAX_CHARS;
  if (options.view === 'system') return systemParts(model, options.chart, maxChars, options.source, options.collapseRepeats);
  return model.charts
    .filter((diagram) => (options.chart === undefined || diagram.chart === options.chart) && diagram.steps.length > 0)
    .flatMap((diagram) => chartParts(diagram, maxChars, options.source));
}

export function renderMermaid(model: SequenceModel, options: MermaidOptions): string[] {
  return renderMermaidParts(model, options).map((part) => part.text);
}
