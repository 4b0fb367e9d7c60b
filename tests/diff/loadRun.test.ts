/**
 * The Compare view reading its two sides: a recording downloaded through the
 * REST API (fetch is the far side, faked with a streamed body) and the
 * page's own record log.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import { loadRun } from '../../web/src/panels/compare/loadRun.ts';
import { RecordLog } from '../../web/src/store/RecordLog.ts';

const TRACE = [
  '[2026-01-02 03:04:05.000000] [04ccc_ao] e->start_at() top->outer',
  '[2026-01-02 03:04:07.000000] [04ccc_ao] e->to_inner() outer->inner',
  '[2026-01-02 03:04:07.000000] [04ccc_fö] e->other_to_inner() outer->inner',
].join('\n');

const moves = (charts: Map<string, { signal: string }[]>) => Object.fromEntries([...charts].map(([chart, list]) => [chart, list.map((t) => t.signal)]));

afterEach(() => vi.unstubAllGlobals());

describe('loadRun', () => {
  it('reads a recording from its download as it streams, a character split across chunks included', async () => {
    const bytes = new TextEncoder().encode(TRACE);
    const split = bytes.indexOf(0xc3) + 1; // inside the two bytes of ö
    const requested: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      requested.push(url);
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes.slice(0, split));
          controller.enqueue(bytes.slice(split));
          controller.close();
        },
      });
      return new Response(body, { status: 200 });
    });
    const { run, unreadable } = await loadRun({ kind: 'recording', name: 'monday run' }, () => new RecordLog());
    expect([requested, moves(run.charts), unreadable, run.name]).toEqual([
      ['/api/recordings/monday%20run'],
      { '04ccc_ao': ['start_at', 'to_inner'], '04ccc_fö': ['other_to_inner'] },
      0,
      'monday run',
    ]);
  });

  it('says which recording could not be downloaded', async () => {
    vi.stubGlobal('fetch', async () => new Response('no such recording', { status: 404, statusText: 'Not Found' }));
    await expect(loadRun({ kind: 'recording', name: 'gone' }, () => new RecordLog())).rejects.toThrow('GET recording gone answered 404 Not Found');
  });

  it("reads this page's records from the store's log, as many as it holds when asked", async () => {
    const log = new RecordLog();
    log.append(parseLog(TRACE).records);
    const { run } = await loadRun({ kind: 'page' }, () => log);
    expect([moves(run.charts), run.records]).toEqual([{ '04ccc_ao': ['start_at', 'to_inner'], '04ccc_fö': ['other_to_inner'] }, 3]);
  });
});
