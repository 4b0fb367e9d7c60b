/**
 * `GET …/diagram?format=ascii|ascii-compat|mermaid&chart=NAME|system&from=SEQ&to=SEQ&order=arrival|timestamp&inferred=true|false`
 * for a recording and for the live session.
 *
 * Answers the document `miroscope sequence` writes (diagramDocument): text
 * for ASCII and a single Mermaid diagram, Markdown with one ```mermaid block
 * per part for several; or, when the client accepts JSON first,
 * `{ format, caption, parts: [{ chart, heading, text }], warnings }`.
 *
 * Output is bounded: a drawing over MAX_DIAGRAM_CHARS is refused with 413
 * and a message that says how to narrow it, before any of it is drawn.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { HttpError } from './httpErrors.ts';
import { DIAGRAM_FORMATS, DiagramRequestError, renderDiagram, type DiagramFormat, type DiagramRequest } from './renderDiagram.ts';
import { diagramDocument } from '../../shared/sequence/diagram/diagramDocument.ts';
import { DiagramTooLarge } from '../../shared/sequence/draw/DiagramTooLarge.ts';

/** Where the records of the diagram come from (a recording, the live session). */
export type RecordLoader = (req: Request) => Promise<MirosRecord[]>;

/** Diagrams are built in memory; past this many records, ask for a range. */
export const MAX_DIAGRAM_RECORDS = 500_000;

/** Largest diagram answered, in characters (16 Mi: a few times the widest readable drawing). */
export const MAX_DIAGRAM_CHARS = 16 * 2 ** 20;

export function diagramRoute(load: RecordLoader): RequestHandler {
  return async (req: Request, res: Response) => {
    const request = readRequest(req.query);
    request.maxChars = MAX_DIAGRAM_CHARS;
    request.source = typeof req.params.name === 'string' ? req.params.name : 'live session';
    const records = await load(req);
    let diagram;
    try {
      diagram = renderDiagram(records, request);
    } catch (error) {
      if (error instanceof DiagramRequestError) throw new HttpError(400, error.message);
      if (error instanceof DiagramTooLarge) {
        const mermaid = request.format === 'mermaid' ? '' : ', or format=mermaid (text that grows with the steps only)';
        throw new HttpError(413, `${error.message}: ask for less with from=SEQ&to=SEQ (a record range) or chart=NAME (one chart)${mermaid}`);
      }
      throw error;
    }
    if (req.accepts(['text/plain', 'application/json']) === 'application/json') {
      res.json({ format: request.format, caption: diagram.caption, parts: diagram.parts, warnings: diagram.warnings });
      return;
    }
    const document = diagramDocument(diagram);
    res.type(document.markdown ? 'text/markdown; charset=utf-8' : 'text/plain; charset=utf-8').send(document.text);
  };
}

/**
 * Reads the records a diagram needs into memory (meta records draw nothing),
 * refusing sizes that would exhaust it. A from/to range is applied by the
 * model, not here, so step numbers stay those of the whole session.
 */
export async function collectRecords(records: AsyncIterable<MirosRecord>): Promise<MirosRecord[]> {
  const out: MirosRecord[] = [];
  for await (const record of records) {
    if (record.kind === 'meta') continue;
    out.push(record);
    if (out.length > MAX_DIAGRAM_RECORDS) {
      throw new HttpError(413, `more than ${MAX_DIAGRAM_RECORDS} records to draw: too many for one diagram`);
    }
  }
  return out;
}

function readRequest(query: Request['query']): DiagramRequest {
  const format = (query.format ?? 'ascii') as string;
  if (!DIAGRAM_FORMATS.includes(format as DiagramFormat)) {
    throw new HttpError(400, `unknown format ${format}: use ${DIAGRAM_FORMATS.join(', ')}`);
  }
  const request: DiagramRequest = { format: format as DiagramFormat };
  const chart = query.chart;
  if (chart === 'system') request.system = true;
  else if (typeof chart === 'string' && chart !== '') request.chart = chart;
  const order = query.order;
  if (order !== undefined) {
    if (order !== 'arrival' && order !== 'timestamp') throw new HttpError(400, 'order must be arrival or timestamp');
    request.order = order;
  }
  const inferred = query.inferred;
  if (inferred !== undefined) {
    if (inferred !== 'true' && inferred !== 'false') throw new HttpError(400, 'inferred must be true or false');
    if (inferred === 'false') request.inferred = false;
  }
  for (const [key, field] of [['from', 'fromSeq'], ['to', 'toSeq']] as const) {
    const value = query[key];
    if (value === undefined) continue;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new HttpError(400, `${key} must be a seq (a non-negative integer)`);
    request[field] = n;
  }
  return request;
}
