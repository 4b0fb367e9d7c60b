/**
 * `GET …/diagram?format=ascii|ascii-compat|mermaid&chart=NAME|system&from=SEQ&to=SEQ&order=arrival|timestamp`
 * for a recording and for the live session.
 *
 * Answers text/plain (Mermaid parts separated by a blank line and a
 * `%% part k of n` comment) or, when the client accepts JSON first,
 * `{ format, parts, warnings }`.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { HttpError } from './httpErrors.ts';
import { DIAGRAM_FORMATS, DiagramRequestError, diagramText, renderDiagram, type DiagramFormat, type DiagramRequest } from './renderDiagram.ts';

/** Where the records of the diagram come from (a recording, the live session). */
export type RecordLoader = (req: Request) => Promise<MirosRecord[]>;

/** Diagrams are built in memory; past this many records, ask for a range. */
export const MAX_DIAGRAM_RECORDS = 500_000;

export function diagramRoute(load: RecordLoader): RequestHandler {
  return async (req: Request, res: Response) => {
    const request = readRequest(req.query);
    const records = await load(req);
    let diagram;
    try {
      diagram = renderDiagram(records, request);
    } catch (error) {
      if (error instanceof DiagramRequestError) throw new HttpError(400, error.message);
      throw error;
    }
    if (req.accepts(['text/plain', 'application/json']) === 'application/json') {
      res.json({ format: request.format, parts: diagram.parts, warnings: diagram.warnings });
      return;
    }
    res.type('text/plain; charset=utf-8').send(diagramText(diagram));
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
  for (const [key, field] of [['from', 'fromSeq'], ['to', 'toSeq']] as const) {
    const value = query[key];
    if (value === undefined) continue;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new HttpError(400, `${key} must be a seq (a non-negative integer)`);
    request[field] = n;
  }
  return request;
}
