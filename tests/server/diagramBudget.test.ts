/**
 * `GET …/diagram` answers a diagram too large to draw with 413 and a way to
 * narrow it, before drawing any of it, and the server stays up (issue 9: a
 * 4 MB upload's diagram ran the heap out of memory in 3.6 s). The log is
 * generated: one chart moving to a new state at every step, so its ASCII
 * drawing is steps × states wide.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './support/startTestServer.ts';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});

/** `steps` trace lines of one chart that never returns to a state (≈ 90 bytes each). */
function wanderingLog(steps: number): string {
  let text = '';
  for (let k = 0; k < steps; k++) {
    const us = String(k).padStart(6, '0');
    text += `[2018-05-04 09:23:29.${us}] [walker] e->sig_${k % 7}(p${k}) state_${k}->state_${k + 1}\n`;
  }
  return text;
}

describe('diagram budget', () => {
  it('refuses an ASCII diagram of hundreds of MB with 413 and says how to narrow it; the narrowed one and Mermaid are drawn', async () => {
    const s = await startTestServer({ uploadLimit: 4 * 1024 * 1024 });
    servers.push(s);
    const body = wanderingLog(3_000);
    const created = await fetch(`${s.base}/api/recordings?name=walk`, { method: 'POST', body, headers: { 'content-type': 'text/plain' } });
    expect(created.status).toBe(201);

    const started = performance.now();
    const refused = await fetch(`${s.base}/api/recordings/walk/diagram?format=ascii`);
    expect([refused.status, await refused.json()]).toEqual([
      413,
      {
        error:
          'the diagram would be 292 MB (3,000 steps, up to 3,001 lifelines × 17 characters wide), over the 16 MB limit: ' +
          'ask for less with from=SEQ&to=SEQ (a record range) or chart=NAME (one chart), or format=mermaid (text that grows with the steps only)',
      },
    ]);
    expect(performance.now() - started).toBeLessThan(5_000);

    const narrowed = await fetch(`${s.base}/api/recordings/walk/diagram?format=ascii&from=1&to=200`);
    expect(narrowed.status).toBe(200);
    expect((await narrowed.text()).match(/\(\d+\)/g)).toHaveLength(200);

    const mermaid = await fetch(`${s.base}/api/recordings/walk/diagram?format=mermaid`, { headers: { accept: 'application/json' } });
    const json = (await mermaid.json()) as { parts: { text: string }[] };
    expect([mermaid.status, json.parts.every((p) => p.text.length <= 50_000)]).toEqual([200, true]);
    expect((await fetch(`${s.base}/api/health`)).status).toBe(200);
  });
});
