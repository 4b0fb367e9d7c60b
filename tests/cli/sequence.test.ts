import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_TWO_CHARTS_ASCII } from '../sequence/seedTwoChartsAscii.ts';
import { fixtureLog } from '../support/fixturePath.ts';
import { runCli } from './support/runCli.ts';
import { mermaidBlocks, parseMermaid } from '../sequence/support/parseMermaid.ts';

const seedLog = fixtureLog('seed-two-charts-trace.log');

const seedDiagram = SEED_TWO_CHARTS_ASCII.join('\n');

/** The line above every ASCII diagram: source, time span, numbers shown. */
const seedCaption = (source: string) => `${source} · 2018-05-04 09:23:28.954560 – 09:23:49.233582 · events 1–12\n\n`;

describe('miroscope sequence', () => {
  it("prints the seed's two charts numbered 1-12 in arrival order, under a line naming the log and its time span", async () => {
    const result = await runCli(['sequence', seedLog]);
    expect(result).toEqual({ code: 0, stdout: seedCaption('seed-two-charts-trace.log') + seedDiagram, stderr: '' });
  });

  it('reads the log from standard input with -', async () => {
    const result = await runCli(['sequence', '-'], { input: readFileSync(seedLog, 'utf8') });
    expect(result.stdout).toBe(seedCaption('stdin') + seedDiagram);
  });

  it('draws one chart, lettered and numbered by timestamp when asked', async () => {
    const result = await runCli(['sequence', seedLog, '--chart', '2771f_ao', '--order', 'timestamp']);
    expect(result.stdout.split('\n').slice(2, 6)).toEqual([
      '[Statechart: 2771f_ao] (A)',
      '         top                 outer                inner',
      '          +-----start_at()---->|                    |',
      '          |        (1)         |                    |',
    ]);
  });

  it('writes the sequence tool’s own drawing with --format ascii-compat', async () => {
    const result = await runCli(['sequence', seedLog, '--format', 'ascii-compat']);
    expect(result.stdout.split('\n').slice(0, 4)).toEqual([
      ' [Statechart: 04ccc_ao] (?)',
      '       top           outer          inner',
      '        +--start_at()->|              |',
      '        |     (?)      |              |',
    ]);
  });

  it('writes the Mermaid system view to a file with -o', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'miroscope-seq-'));
    try {
      const out = path.join(dir, 'system.mmd');
      const result = await runCli(['sequence', seedLog, '--format', 'mermaid', '--system', '-o', out]);
      expect([result.code, result.stdout]).toEqual([0, '']);
      expect(readFileSync(out, 'utf8').split('\n').slice(0, 8)).toEqual([
        '%% system view',
        '%% source: seed-two-charts-trace.log · 2018-05-04 09:23:28.954560 – 09:23:49.233582 · events 1–12',
        'sequenceDiagram',
        '  title system view',
        '  participant c0 as 04ccc_ao (A)',
        '  participant c1 as 2771f_ao (B)',
        '  Note over c0: 1: start_at(): top → outer',
        '  Note over c1: 2: start_at(): top → outer',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('draws the system view in ASCII: charts as columns, every transition a numbered note', async () => {
    const result = await runCli(['sequence', seedLog, '--system']);
    const lines = result.stdout.split('\n').slice(2);
    expect([result.code, lines[0], lines[1]!.trim().split(/\s+/)]).toEqual([0, '[System] 2 charts', ['04ccc_ao', '2771f_ao']]);
    expect(lines.flatMap((line) => /\* (\d+) /.exec(line)?.[1] ?? [])).toEqual(
      ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
    );
  });

  it('refuses the system view in the sequence tool\'s format with a clear message', async () => {
    const result = await runCli(['sequence', seedLog, '--system', '-f', 'ascii-compat']);
    expect([result.code, result.stdout, result.stderr]).toEqual([
      1,
      '',
      'miroscope: the sequence tool draws no system view; use --format ascii or mermaid\n',
    ]);
  });

  it('reports a missing file and an unknown format with a non-zero exit', async () => {
    const missing = await runCli(['sequence', '/nonexistent/trace.log']);
    expect([missing.code, missing.stderr]).toEqual([
      1,
      "miroscope: ENOENT: no such file or directory, open '/nonexistent/trace.log'\n",
    ]);
    const format = await runCli(['sequence', seedLog, '--format', 'svg']);
    expect(format.code).toBe(1);
    expect(format.stderr).toContain("argument 'svg' is invalid. Allowed choices are ascii, ascii-compat, mermaid.");
  });

  it('writes two charts as Markdown with one valid mermaid block under a heading each (issue 10)', async () => {
    const result = await runCli(['sequence', seedLog, '-f', 'mermaid']);
    expect(result.stdout.split('\n').filter((line) => line.startsWith('#'))).toEqual([
      '# seed-two-charts-trace.log · 2018-05-04 09:23:28.954560 – 09:23:49.233582 · events 1–12',
      '## 04ccc_ao (A)',
      '## 2771f_ao (B)',
    ]);
    const blocks = mermaidBlocks(result.stdout);
    expect(blocks).toHaveLength(2);
    for (const block of blocks) await parseMermaid(block);
  });

  it('writes one .mmd file per diagram with --out DIR, each valid Mermaid titled with its chart', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'miroscope-seq-'));
    try {
      const result = await runCli(['sequence', seedLog, '-f', 'mermaid', '--out', path.join(dir, 'diagrams')]);
      expect([result.code, result.stdout]).toEqual([0, '']);
      const files = readdirSync(path.join(dir, 'diagrams')).sort();
      expect(files).toEqual(['01-04ccc_ao_A.mmd', '02-2771f_ao_B.mmd']);
      for (const file of files) {
        const text = readFileSync(path.join(dir, 'diagrams', file), 'utf8');
        await parseMermaid(text);
        expect(text.split('\n')[3]).toMatch(/^ {2}title (04ccc_ao \(A\)|2771f_ao \(B\))$/);
        expect(text.split('\n')[1]).toMatch(/^%% source: seed-two-charts-trace\.log · 2018-05-04 09:23:28\.954560 – /);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a drawing over --max-size before drawing it, and says how to narrow it (issue 9)', async () => {
    // One chart that never returns to a state: 3,500 steps × 3,501 states wide (a 330 KB log).
    let log = '';
    for (let k = 0; k < 3500; k++) log += `[2018-05-04 09:23:29.${String(k).padStart(6, '0')}] [walker] e->go() s${k}->s${k + 1}\n`;
    const result = await runCli(['sequence', '-'], { input: log });
    expect([result.code, result.stdout, result.stderr]).toEqual([
      1,
      '',
      'miroscope: the diagram would be 257 MB (3,500 steps, up to 3,501 lifelines × 11 characters wide), over the 32 MB limit: ' +
        'narrow it with --from/--to SEQ (a range of records) or --chart NAME (one chart), or --format mermaid (text that grows ' +
        'with the steps only); or raise --max-size\n',
    ]);
    const narrowed = await runCli(['sequence', '-', '--from', '1', '--to', '300'], { input: log });
    expect([narrowed.code, narrowed.stdout.match(/\(\d+\)/g)?.length]).toEqual([0, 300]);
  });
});
