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
 *     par / and / end                              … several receivers
 *     Note right of c0: 7: sent ping(), …         no reception seen
 *
 * The model's numbers are written into the labels rather than left to
 * `autonumber`, so they match the ASCII view and continue across parts.
 * Participants get generated ids and their names as escaped aliases, so any
 * state or chart name works. Long diagrams come back as several complete
 * parts below `maxChars` each.
 */
import type { ChartDiagram, SequenceModel, SystemItem } from '../SequenceModel.ts';
import { mermaidText, payloadText } from './mermaidText.ts';
import { splitMermaidParts } from './splitMermaidParts.ts';

export interface MermaidOptions {
  view: 'chart' | 'system';
  /** Chart view: only this chart (default: every chart, one after another). System view: only items involving it. */
  chart?: string;
  /** Largest part, in characters (default 50,000, Mermaid's maxTextSize). */
  maxChars?: number;
}

export const DEFAULT_MERMAID_MAX_CHARS = 50_000;

const label = (n: number, text: string): string => `${n}: ${mermaidText(text)}`;

function chartParts(diagram: ChartDiagram, maxChars: number): string[] {
  const ids = new Map(diagram.lifelines.map((state, k) => [state, `s${k}`]));
  const blocks = diagram.steps.map((step) => [
    `${ids.get(step.from)}->>${ids.get(step.to)}: ${label(step.n, `${step.signal}(${step.payload ?? ''})`)}`,
  ]);
  const name = `[Statechart: ${diagram.chart}] (${diagram.letter})`;
  return splitMermaidParts({
    caption: (k, total) => mermaidText(total > 1 ? `${name} part ${k} of ${total}` : name, 1000),
    participants: diagram.lifelines.map((state) => `participant ${ids.get(state)} as ${mermaidText(state)}`),
    blocks,
    maxChars,
  });
}

function systemBlock(item: SystemItem, id: (name: string) => string): string[] {
  if (item.type === 'state') {
    const after = item.causedBy === undefined ? '' : ` (received ${item.causedBy})`;
    const text = `${item.signal}(${item.payload ?? ''}): ${item.from} → ${item.to}${after}`;
    return [`Note over ${id(item.chart)}: ${label(item.n, text)}`];
  }
  const text = `${item.signal}(${payloadText(item.payload)})`;
  if (item.to.length === 0) return [`Note right of ${id(item.from)}: ${label(item.n, `sent ${text}, no reception seen`)}`];
  const arrows = item.to.map((receiver) => `${id(item.from)}->>${id(receiver)}: ${label(item.n, text)}`);
  if (arrows.length === 1) return arrows;
  return [`par ${label(item.n, text)}`, ...arrows.flatMap((arrow, k) => (k === 0 ? [arrow] : ['and', arrow])), 'end'];
}

function systemParts(model: SequenceModel, chart: string | undefined, maxChars: number): string[] {
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
  const blocks = items.map((item) => systemBlock(item, id));
  const letters = new Map(model.charts.map((c) => [c.chart, c.letter]));
  const participants = [...ids].map(([name, pid]) => {
    const letter = letters.get(name);
    return `participant ${pid} as ${mermaidText(letter ? `${name} (${letter})` : name)}`;
  });
  return splitMermaidParts({
    caption: (k, total) => (total > 1 ? `system view part ${k} of ${total}` : 'system view'),
    participants,
    blocks,
    maxChars,
  });
}

export function renderMermaid(model: SequenceModel, options: MermaidOptions): string[] {
  const maxChars = options.maxChars ?? DEFAULT_MERMAID_MAX_CHARS;
  if (options.view === 'system') return systemParts(model, options.chart, maxChars);
  return model.charts
    .filter((diagram) => (options.chart === undefined || diagram.chart === options.chart) && diagram.steps.length > 0)
    .flatMap((diagram) => chartParts(diagram, maxChars));
}
