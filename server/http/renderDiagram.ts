/**
 * Records → a sequence diagram, for `GET …/diagram` and `miroscope
 * sequence`: builds the model (numbering, range) and the `sequence` tool's
 * input from the records, then hands both to the shared pipeline
 * (shared/sequence/diagram/renderDiagram.ts) that the dashboard's exports
 * use too — same numbers, parts and captions everywhere.
 */
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { buildSequenceModel } from '../../shared/sequence/model/SequenceBuilder.ts';
import {
  renderDiagram as renderModel,
  DiagramRequestError,
  DIAGRAM_FORMATS,
  type Diagram,
  type DiagramFormat,
} from '../../shared/sequence/diagram/renderDiagram.ts';
import type { SequenceOrder } from '../../shared/sequence/SequenceModel.ts';

export { DIAGRAM_FORMATS, DiagramRequestError, type Diagram, type DiagramFormat };

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
  /** The file or recording name, for the caption. */
  source?: string;
  /** Output budget in characters (see DEFAULT_DIAGRAM_MAX_CHARS). */
  maxChars?: number;
  /** Draw inferred arrows for `other_…` receptions no mesh record explains (default true). */
  inferred?: boolean;
}

export function renderDiagram(records: readonly MirosRecord[], request: DiagramRequest): Diagram {
  const view = request.system ? 'system' : 'chart';
  const common = {
    view,
    ...(request.chart !== undefined && { chart: request.chart }),
    ...(request.source !== undefined && { source: request.source }),
    ...(request.maxChars !== undefined && { maxChars: request.maxChars }),
  } as const;
  const inRange = (r: MirosRecord) =>
    (request.fromSeq === undefined || r.seq >= request.fromSeq) && (request.toSeq === undefined || r.seq <= request.toSeq);
  if (request.format === 'ascii-compat') {
    if (request.system) throw new DiagramRequestError('the sequence tool draws no system view; use --format ascii or mermaid');
    if (request.order === 'timestamp') {
      throw new DiagramRequestError('ascii-compat orders steps as the sequence tool does; --order does not apply');
    }
    const whole = request.chart === undefined && request.fromSeq === undefined && request.toSeq === undefined;
    // The tool reads trace lines; give it exactly those, as they were written.
    const compatText = whole && request.sourceText !== undefined ? request.sourceText : records
      .filter((r) => r.kind === 'trace' && inRange(r) && (request.chart === undefined || r.chart === request.chart))
      .map((r) => r.raw)
      .join('\n');
    return renderModel({ charts: [], system: { lifelines: [], items: [] } }, { ...common, format: 'ascii-compat', compatText });
  }
  const model = buildSequenceModel(records, {
    ...(request.order && { order: request.order }),
    ...(request.inferred === false && { inferred: false }),
    ...((request.fromSeq !== undefined || request.toSeq !== undefined) && {
      range: { fromSeq: request.fromSeq, toSeq: request.toSeq },
    }),
  });
  return renderModel(model, { ...common, format: request.format });
}
