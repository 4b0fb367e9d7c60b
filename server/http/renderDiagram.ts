/**
 * Records → the text of a sequence diagram, in any of the three renderers.
 * One function so the REST endpoint and `miroscope sequence` draw the same
 * diagram from the same records and options.
 *
 *   ascii         our drawing, numbered in arrival (or timestamp) order
 *   ascii-compat  byte-identical to the `sequence` tool, fed the trace lines
 *   mermaid       per-chart or system view, split into parts below 50,000 chars
 *
 * The system view (charts as lifelines, mesh messages as arrows, state
 * changes as notes) is drawn by `ascii` and `mermaid`; `ascii-compat` is the
 * `sequence` tool's per-chart drawing only.
 */
import { renderAscii } from '../../shared/sequence/ascii/renderAscii.ts';
import { renderAsciiSystem } from '../../shared/sequence/ascii/renderAsciiSystem.ts';
import { renderAsciiCompat } from '../../shared/sequence/compat/renderAsciiCompat.ts';
import { renderMermaid } from '../../shared/sequence/mermaid/renderMermaid.ts';
import { buildSequenceModel } from '../../shared/sequence/model/SequenceBuilder.ts';
import type { SequenceOrder } from '../../shared/sequence/SequenceModel.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';

export const DIAGRAM_FORMATS = ['ascii', 'ascii-compat', 'mermaid'] as const;
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];

export interface DiagramRequest {
  format: DiagramFormat;
  /** One chart by name, or every chart when absent. */
  chart?: string;
  /** The system view (ascii or mermaid). */
  system?: boolean;
  order?: SequenceOrder;
  fromSeq?: number;
  toSeq?: number;
  /**
   * The log text the records were parsed from. With ascii-compat and no
   * chart or range, the tool's renderer reads it directly, exactly as the
   * `sequence` tool would read the file.
   */
  sourceText?: string;
}

export interface Diagram {
  /** One text per part (several only for long Mermaid diagrams). */
  parts: string[];
  /** Lines the compatible renderer skipped or merged, as the `sequence` tool would. */
  warnings: string[];
}

export class DiagramRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DiagramRequestError';
  }
}

export function renderDiagram(records: readonly MirosRecord[], request: DiagramRequest): Diagram {
  if (request.system && request.format === 'ascii-compat') {
    throw new DiagramRequestError('the sequence tool draws no system view; use --format ascii or mermaid');
  }
  const inRange = (r: MirosRecord) =>
    (request.fromSeq === undefined || r.seq >= request.fromSeq) && (request.toSeq === undefined || r.seq <= request.toSeq);
  if (request.format === 'ascii-compat') {
    if (request.order === 'timestamp') {
      throw new DiagramRequestError('ascii-compat orders steps as the sequence tool does; --order does not apply');
    }
    const whole = request.chart === undefined && request.fromSeq === undefined && request.toSeq === undefined;
    // The tool reads trace lines; give it exactly those, as they were written.
    const text = whole && request.sourceText !== undefined ? request.sourceText : records
      .filter((r) => r.kind === 'trace' && inRange(r) && (request.chart === undefined || r.chart === request.chart))
      .map((r) => r.raw)
      .join('\n');
    const { output, warnings } = renderAsciiCompat(text);
    return { parts: output === '' ? [] : [output], warnings };
  }
  const model = buildSequenceModel(records, {
    ...(request.order && { order: request.order }),
    ...((request.fromSeq !== undefined || request.toSeq !== undefined) && {
      range: { fromSeq: request.fromSeq, toSeq: request.toSeq },
    }),
  });
  if (request.format === 'ascii') {
    const text = request.system
      ? renderAsciiSystem(model)
      : renderAscii(model, request.chart === undefined ? {} : { chart: request.chart });
    return { parts: text === '' ? [] : [text], warnings: [] };
  }
  const parts = renderMermaid(model, {
    view: request.system ? 'system' : 'chart',
    ...(request.chart !== undefined && { chart: request.chart }),
  });
  return { parts, warnings: [] };
}

/** The parts as one text: Mermaid parts are separated by a blank line and a `%% part k of n` comment. */
export function diagramText(diagram: Diagram): string {
  const { parts } = diagram;
  if (parts.length <= 1) return parts[0] ?? '';
  return parts.map((part, k) => `%% part ${k + 1} of ${parts.length}\n${part.replace(/\n?$/, '\n')}`).join('\n');
}
