/**
 * Lays graphs out with elkjs in its own Web Worker (ELK's worker script, via
 * elk-api), so a large chart never blocks the page. elk-api and the bundled
 * in-thread build present the same `ELK` interface; tests use the latter.
 */
import ELK, { type ELK as ElkApi, type ElkNode } from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';

let engine: ElkApi | null = null;

export function layoutGraph(graph: ElkNode): Promise<ElkNode> {
  engine ??= new ELK({ workerFactory: () => new Worker(elkWorkerUrl) });
  return engine.layout(graph);
}
