/** Whether the page goes live on load: only a miroscope server answers /api/health with its status. */
import { describe, expect, it } from 'vitest';
import { isMiroscopeServer } from '../../web/src/shell/isMiroscopeServer.ts';

/** The far side: what a server (or a static file server) answers. */
function answering(status: number, type: string, body: string): typeof fetch {
  return (async () => new Response(body, { status, headers: { 'content-type': type } })) as typeof fetch;
}

describe('isMiroscopeServer', () => {
  it('recognises the health answer of a miroscope server', async () => {
    const health = JSON.stringify({ status: 'ok', session: '2026-05-04T09-23-29-177Z-demo.9842b5cf', lastSeq: 3 });
    expect(await isMiroscopeServer('', answering(200, 'application/json; charset=utf-8', health))).toBe(true);
  });

  it('refuses what static servers answer: the page itself, a 404, other JSON, nothing at all', async () => {
    const refusing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(
      await Promise.all([
        isMiroscopeServer('', answering(200, 'text/html', '<!doctype html><div id="root"></div>')),
        isMiroscopeServer('', answering(404, 'application/json', '{"error":"not found"}')),
        isMiroscopeServer('', answering(200, 'application/json', '{"status":"ok"}')),
        isMiroscopeServer('', answering(200, 'application/json', 'not json')),
        isMiroscopeServer('', refusing),
      ]),
    ).toEqual([false, false, false, false, false]);
  });
});
