/**
 * GET …/diagram draws inferred arrows for a recording without mesh records,
 * and leaves them out with `inferred=false` (issue 10).
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureLog } from '../support/fixturePath.ts';
import { startTestServer, type TestServer } from '../server/support/startTestServer.ts';

const seedText = readFileSync(fixtureLog('seed-two-charts-trace.log'), 'utf8');
let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('GET /api/recordings/:name/diagram', () => {
  it('draws the inferred arrows by default, none with inferred=false, and refuses another value', async () => {
    server = await startTestServer();
    const { base } = server;
    const res = await fetch(`${base}/api/recordings?name=seed`, { method: 'POST', body: seedText, headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(201);
    const diagram = (query: string) => fetch(`${base}/api/recordings/seed/diagram?format=mermaid&chart=system${query}`);
    expect((await (await diagram('')).text()).match(/-->>/g)).toHaveLength(4);
    expect(await (await diagram('&inferred=false')).text()).not.toMatch(/-->>|inferred/);
    expect((await diagram('&inferred=maybe')).status).toBe(400);
  });
});
