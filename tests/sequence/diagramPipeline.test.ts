/**
 * The one diagram pipeline (shared/sequence/diagram): parts with their
 * chart and heading, the source line, the framing of several parts, and
 * every Mermaid text it writes read back by Mermaid's own parser (issue 10:
 * `sequence -f mermaid` with two charts wrote two `sequenceDiagram`s into
 * one stream, which Mermaid rejects; "All charts" images named no chart).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { renderAsciiCompat } from '../../shared/sequence/compat/renderAsciiCompat.ts';
import { renderAscii } from '../../shared/sequence/ascii/renderAscii.ts';
import { diagramDocument, diagramFiles } from '../../shared/sequence/diagram/diagramDocument.ts';
import { renderDiagram, DiagramRequestError } from '../../shared/sequence/diagram/renderDiagram.ts';
import { buildSequenceModel } from '../../shared/sequence/model/SequenceBuilder.ts';
import { fixtureLog } from '../support/fixturePath.ts';
import { mesh, trace } from './recordFactory.ts';
import { mermaidBlocks, mermaidTitleOf, parseMermaid } from './support/parseMermaid.ts';

const seedText = readFileSync(fixtureLog('seed-two-charts-trace.log'), 'utf8');
const seed = buildSequenceModel(parseLog(seedText).records);
const SOURCE = 'seed-two-charts-trace.log · 2018-05-04 09:23:28.954560 – 09:23:49.233582 · events 1–12';
const source = 'seed-two-charts-trace.log';

describe('renderDiagram', () => {
  it('gives one part per chart with its heading, and the source line with file, time span and numbers', () => {
    const chart = renderDiagram(seed, { format: 'mermaid', view: 'chart', source });
    const system = renderDiagram(seed, { format: 'ascii', view: 'system', source });
    expect([chart.caption, chart.parts.map((p) => [p.chart, p.heading]), system.parts.map((p) => [p.chart, p.heading])]).toEqual([
      SOURCE,
      [
        ['04ccc_ao', '04ccc_ao (A)'],
        ['2771f_ao', '2771f_ao (B)'],
      ],
      [[null, 'system view']],
    ]);
    expect(renderDiagram(seed, { format: 'ascii', view: 'chart', chart: '2771f_ao' }).caption).toBe(
      '2018-05-04 09:23:28.954560 – 09:23:49.233582 · events 2–12',
    );
  });

  it('titles each Mermaid part with its chart, and names the source in a comment, so a drawn export says what it shows', async () => {
    const parts = renderDiagram(seed, { format: 'mermaid', view: 'chart', source }).parts;
    const titles = await Promise.all(parts.map((p) => mermaidTitleOf(p.text)));
    expect(titles).toEqual(['04ccc_ao (A)', '2771f_ao (B)']);
    expect(parts.map((p) => p.text.split('\n').slice(0, 3))).toEqual([
      ['%% [Statechart: 04ccc_ao] (A)', `%% source: ${SOURCE}`, 'sequenceDiagram'],
      ['%% [Statechart: 2771f_ao] (B)', `%% source: ${SOURCE}`, 'sequenceDiagram'],
    ]);
    expect(renderDiagram(seed, { format: 'mermaid', view: 'chart', titles: false }).parts[0]!.text).not.toMatch(/title|source/);
  });

  it('frames several Mermaid diagrams as Markdown, a heading and a mermaid block each, where two bare diagrams fail', async () => {
    const diagram = renderDiagram(seed, { format: 'mermaid', view: 'chart', source });
    const { text, markdown } = diagramDocument(diagram);
    expect(markdown).toBe(true);
    expect(text.split('\n').filter((line) => line.startsWith('#'))).toEqual([`# ${SOURCE}`, '## 04ccc_ao (A)', '## 2771f_ao (B)']);
    const blocks = mermaidBlocks(text);
    expect(blocks).toEqual(diagram.parts.map((p) => p.text));
    for (const block of blocks) await parseMermaid(block);
    // What `sequence -f mermaid` used to write for two charts:
    await expect(parseMermaid(blocks.join('\n'))).rejects.toThrow(/Parse error/);
    // One diagram stays a plain .mmd text.
    const one = renderDiagram(seed, { format: 'mermaid', view: 'system', source });
    expect(diagramDocument(one)).toEqual({ text: one.parts[0]!.text, markdown: false });
  });

  it('writes one standalone file per part for --out', () => {
    const files = diagramFiles(renderDiagram(seed, { format: 'mermaid', view: 'chart', source }));
    expect(files.map((f) => f.name)).toEqual(['01-04ccc_ao_A.mmd', '02-2771f_ao_B.mmd']);
    const ascii = diagramFiles(renderDiagram(seed, { format: 'ascii', view: 'chart', source }));
    expect(ascii.map((f) => f.text.split('\n').slice(0, 3))).toEqual([
      [SOURCE, '', '[Statechart: 04ccc_ao] (A)'],
      [SOURCE, '', '[Statechart: 2771f_ao] (B)'],
    ]);
  });

  it('puts the source line above the ASCII drawing, which is renderAscii’s', () => {
    const { text } = diagramDocument(renderDiagram(seed, { format: 'ascii', view: 'chart', source }));
    expect(text).toBe(`${SOURCE}\n\n${renderAscii(seed)}`);
  });

  it('leaves the sequence tool’s bytes exactly as the tool writes them, and refuses its system view', () => {
    const diagram = renderDiagram(seed, { format: 'ascii-compat', view: 'chart', source, compatText: seedText });
    expect(diagramDocument(diagram).text).toBe(renderAsciiCompat(seedText).output);
    expect(() => renderDiagram(seed, { format: 'ascii-compat', view: 'system', compatText: seedText })).toThrow(DiagramRequestError);
  });

  it('writes Mermaid that parses for awkward chart names, states and sources, in both views and in parts', async () => {
    const awkward = ['a;b', '#x', '100%%', '<br/>', 'title x', 'end', 'Ölförderung 😀', 'line\nbreak'];
    const records: MirosRecord[] = [];
    for (const [k, chart] of awkward.entries()) {
      records.push(trace(2 * k + 1, chart, 'go', `s;${k}`, `t#${k}`, { payload: '%% <b>;' }));
      records.push(mesh(2 * k + 2, 'other_go', chart, { chart }));
    }
    const model = buildSequenceModel(records);
    const texts: string[] = [];
    for (const view of ['chart', 'system'] as const) {
      for (const maxChars of [undefined, 600]) {
        const parts = renderDiagram(model, { format: 'mermaid', view, source: 'odd;name#1%%<x>\n.log' }).parts;
        texts.push(...parts.map((p) => p.text));
        if (maxChars) texts.push(...renderDiagram(model, { format: 'mermaid', view, source: 'x' }).parts.map((p) => p.text));
      }
    }
    expect(texts.length).toBeGreaterThan(awkward.length);
    for (const text of texts) await parseMermaid(text);
    expect(await mermaidTitleOf(texts[0]!)).toBe('a；b (A)');
    expect(texts[0]!.split('\n')[1]).toBe('%% source: odd;name#1%%<x>\\n.log · 1970-01-01 00:00:01.000000 – 00:00:15.000000 · events 1–15');
  });
});

/** A chart that moves to a new state at every step: its drawing is steps × states wide. */
function wandering(steps: number, payload = ''): MirosRecord[] {
  return Array.from({ length: steps }, (_, k) => trace(k + 1, 'walker', `sig${k % 7}`, `state_${k}`, `state_${k + 1}`, { payload }));
}

describe('bounded output (issue 9: a 288 KB log drew past Node’s string limit)', () => {
  it('refuses an ASCII drawing over budget before drawing it, saying how big and why', () => {
    const model = buildSequenceModel(wandering(3000));
    const started = performance.now();
    expect(() => renderDiagram(model, { format: 'ascii', view: 'chart' })).toThrow(
      /^the diagram would be 189 MB \(3,000 steps, up to 3,001 lifelines × 11 characters wide\), over the 32 MB limit$/,
    );
    // Sized, not drawn: far less than the seconds the drawing took.
    expect(performance.now() - started).toBeLessThan(1500);
    expect(renderDiagram(model, { format: 'ascii', view: 'chart', maxChars: 300 * 2 ** 20 }).parts[0]!.text.length).toBeGreaterThan(32 * 2 ** 20);
  });

  it('cuts a long payload or state to 200 characters, so one step does not widen every line', () => {
    const records = [trace(1, 'a', 'go', 'p', 'q', { payload: 'w'.repeat(500_000) }), trace(2, 'b', 'go', 's'.repeat(1000), 'q'), trace(3, 'a', 'back', 'q', 'p')];
    const model = buildSequenceModel(records);
    for (const view of ['chart', 'system'] as const) {
      const { text } = diagramDocument(renderDiagram(model, { format: 'ascii', view }));
      expect(Math.max(...text.split('\n').map((line) => line.length))).toBeLessThan(700);
      expect(text).toContain(`go(${'w'.repeat(196)}…`);
    }
  });

  it('bounds the system view and the sequence tool’s drawing the same way', () => {
    const wide = [trace(1, 'a', 'x', 'p', 'q', { payload: 'w'.repeat(4000) }), ...Array.from({ length: 400 }, (_, k) => trace(k + 2, `c${k % 40}`, 'go', 'p', 'q'))];
    expect(() => renderDiagram(buildSequenceModel(wide), { format: 'ascii', view: 'system', maxChars: 2 ** 20 })).toThrow(/over the 1\.0 MB limit/);
    const text = wandering(800).map((r) => r.raw.replace(/^/, `[2018-05-04 09:00:00.${String(r.seq).padStart(6, '0')}] [walker] `)).join('\n');
    expect(() => renderDiagram(seed, { format: 'ascii-compat', view: 'chart', compatText: text, maxChars: 2 ** 20 })).toThrow(/over the 1\.0 MB limit/);
  });

  it('keeps Mermaid for thousands of states small: a part declares only the states it uses', async () => {
    const diagram = renderDiagram(buildSequenceModel(wandering(3000)), { format: 'mermaid', view: 'chart', source: 'walk.log' });
    const chars = diagram.parts.reduce((sum, p) => sum + p.text.length, 0);
    expect(chars).toBeLessThan(400_000);
    expect(Math.max(...diagram.parts.map((p) => p.text.length))).toBeLessThanOrEqual(50_000);
    for (const part of [diagram.parts[0]!, diagram.parts.at(-1)!]) await parseMermaid(part.text);
  });
});
