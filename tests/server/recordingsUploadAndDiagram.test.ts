import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import type { UnnumberedRecord } from '../../shared/records/MirosRecord.ts';
import { fixtureLog } from '../support/fixturePath.ts';
import { startTestServer, type TestServer } from './support/startTestServer.ts';

const seedText = readFileSync(fixtureLog('seed-two-charts-trace.log'), 'utf8');

const servers: TestServer[] = [];
async function start(options?: Parameters<typeof startTestServer>[0]) {
  const s = await startTestServer(options);
  servers.push(s);
  return s;
}
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});

async function upload(base: string, body: string, query = '', headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/api/recordings${query}`, { method: 'POST', body, headers: { 'content-type': 'text/plain', ...headers } });
  return { status: res.status, body: await res.json() };
}

describe('POST /api/recordings', () => {
  it('parses an uploaded log into a new recording and answers its counts', async () => {
    const { base } = await start();
    const text = `${seedText}this line is not a record\n`;
    expect(await upload(base, text, '?name=seed')).toEqual({
      status: 201,
      body: { name: 'seed', format: 'rabbitmq-terminal', records: 12, notes: 1, lines: 13, errorCount: 0, errors: [] },
    });
    const { recordings } = await (await fetch(`${base}/api/recordings`)).json();
    expect(recordings.find((r: { name: string }) => r.name === 'seed')).toMatchObject({ records: 13, live: false });
  });

  it('names an upload after its file name, made safe, and never overwrites', async () => {
    const { base } = await start();
    const first = await upload(base, seedText, '', { 'x-filename': '../my trace.log' });
    const second = await upload(base, seedText, '', { 'x-filename': '../my trace.log' });
    expect([first.body.name, second.body.name]).toEqual(['my_trace', 'my_trace-2']);
  });

  it('lists parse errors with line numbers and keeps the rest', async () => {
    const { base } = await start();
    const bad = '{"v":1,"kind":"trace","chart":"a"}';
    const { status, body } = await upload(base, `${seedText.split('\n')[0]}\n${bad}\n`, '?name=errs');
    expect(status).toBe(201);
    expect(body).toMatchObject({ records: 1, notes: 1, errorCount: 1 });
    expect(body.errors).toEqual([{ line: 2, message: expect.any(String), text: bad }]);
  });

  it('refuses an upload over the size cap with a clear 413 and creates nothing', async () => {
    const { base, server } = await start({ uploadLimit: 1000 });
    const res = await upload(base, 'x'.repeat(2000), '?name=big');
    expect(res).toEqual({ status: 413, body: { error: 'request body too large: the limit is 1000 bytes' } });
    const { recordings } = await (await fetch(`${base}/api/recordings`)).json();
    expect(recordings.map((r: { name: string }) => r.name)).toEqual([server.recorder.name]);
  });

  it('refuses an empty upload and an unsafe explicit name', async () => {
    const { base } = await start();
    expect(await upload(base, '\n\n', '?name=empty')).toEqual({
      status: 400,
      body: { error: 'the upload is empty: send the log file as the request body' },
    });
    expect((await upload(base, seedText, '?name=../escape')).status).toBe(400);
  });
});

describe('GET /api/recordings/:name?format=miros', () => {
  it('gives the recording back as miros text lines', async () => {
    const { base } = await start();
    await upload(base, seedText, '?name=seed');
    const res = await fetch(`${base}/api/recordings/seed?format=miros`);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const expected = seedText.replace(/^ \[\+t\] /gm, '');
    expect(await res.text()).toBe(expected);
  });
});

describe('diagrams', () => {
  it('draws a recording as numbered ASCII, one chart, a seq range, or Mermaid', async () => {
    const { base } = await start();
    await upload(base, seedText, '?name=seed');
    const ascii = await (await fetch(`${base}/api/recordings/seed/diagram?format=ascii&chart=04ccc_ao`)).text();
    expect(ascii.split('\n').slice(0, 6)).toEqual([
      'seed · 2018-05-04 09:23:29.177773 – 09:23:49.183205 · events 1–11',
      '',
      '[Statechart: 04ccc_ao] (A)',
      '      top           outer          inner',
      '       +--start_at()->|              |',
      '       |     (1)      |              |',
    ]);
    const ranged = await (await fetch(`${base}/api/recordings/seed/diagram?chart=04ccc_ao&from=3&to=5`)).text();
    expect(ranged).toMatch(/\(3\)[\s\S]*\(5\)/);
    expect(ranged).not.toMatch(/\((1|7)\)/);
    const mermaid = await (
      await fetch(`${base}/api/recordings/seed/diagram?format=mermaid&chart=system`, { headers: { accept: 'application/json' } })
    ).json();
    expect(mermaid.format).toBe('mermaid');
    expect(mermaid.parts).toHaveLength(1);
    expect(mermaid.parts[0].heading).toBe('system view');
    expect(mermaid.parts[0].text.split('\n').slice(0, 4)).toEqual([
      '%% system view',
      '%% source: seed · 2018-05-04 09:23:28.954560 – 09:23:49.233582 · events 1–12',
      'sequenceDiagram',
      '  title system view',
    ]);
  });

  it('draws the live session from everything recorded so far', async () => {
    const { base, server } = await start({ recorderFlushMs: 60_000 });
    const records = parseLog(seedText).records;
    for (const { seq, ...record } of records) server.ingest(record as UnnumberedRecord);
    const text = await (await fetch(`${base}/api/live/diagram?format=ascii`)).text();
    const expected = await (await fetch(`${base}/api/recordings/${server.recorder.name}/diagram`)).text();
    // The same drawing; only the source named in the first line differs.
    const [liveSource, ...liveRest] = text.split('\n');
    const [recordedSource, ...recordedRest] = expected.split('\n');
    expect([liveSource!.split(' · ')[0], recordedSource!.split(' · ')[0], liveRest]).toEqual(['live session', server.recorder.name, recordedRest]);
    expect(text.match(/\(\d+\)/g)).toEqual(['(1)', '(3)', '(5)', '(7)', '(9)', '(11)', '(2)', '(4)', '(6)', '(8)', '(10)', '(12)']);
  });

  it('answers bad diagram parameters with 400', async () => {
    const { base } = await start();
    await upload(base, seedText, '?name=seed');
    const cases = [
      ['format=svg', 'unknown format svg: use ascii, ascii-compat, mermaid'],
      ['chart=system&format=ascii-compat', 'the sequence tool draws no system view; use --format ascii or mermaid'],
      ['from=-1', 'from must be a seq (a non-negative integer)'],
      ['order=random', 'order must be arrival or timestamp'],
    ];
    for (const [query, error] of cases) {
      const res = await fetch(`${base}/api/recordings/seed/diagram?${query}`);
      expect([res.status, await res.json()]).toEqual([400, { error }]);
    }
  });
});
