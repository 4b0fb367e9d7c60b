/**
 * Mermaid output: whole texts for small models, and every part read back by
 * Mermaid's own parser (in Node; rendering happens in the dashboard's e2e
 * tests) to check participants, arrows and labels survive any name.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import mermaid from 'mermaid';
import { describe, expect, it } from 'vitest';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { mermaidText } from '../../shared/sequence/mermaid/mermaidText.ts';
import { renderMermaid } from '../../shared/sequence/mermaid/renderMermaid.ts';
import { buildSequenceModel } from '../../shared/sequence/model/SequenceBuilder.ts';
import { mesh, spy, trace, traceRecords } from './recordFactory.ts';
import { logsDir } from '../support/fixturePath.ts';

interface Parsed {
  actors: [string, string][];
  messages: { from?: string; to?: string; text: string; type: number }[];
}

/** Parses a part with Mermaid and undoes its entity placeholders. */
async function readBack(text: string): Promise<Parsed> {
  await mermaid.parse(text);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const db = diagram.db as unknown as {
    getActors(): Map<string, { name: string; description: string }>;
    getMessages(): { from?: string; to?: string; message: string; type: number }[];
  };
  const decode = (s: string) => s.replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCodePoint(Number(code)));
  return {
    actors: [...db.getActors().values()].map((a) => [a.name, decode(a.description)]),
    messages: db.getMessages().map((m) => ({
      ...(m.from !== undefined && { from: m.from }),
      ...(m.to !== undefined && { to: m.to }),
      text: decode(m.message),
      type: m.type,
    })),
  };
}

// Mermaid's LINETYPE values for what we draw.
const SOLID_ARROW = 0;
const DOTTED_ARROW = 1;
const NOTE = 2;

const seed = buildSequenceModel(traceRecords(readFileSync(path.join(logsDir, 'seed-two-charts-trace.log'), 'utf8')));

describe('renderMermaid', () => {
  it('writes one diagram per chart with states as participants and our numbers in the labels', () => {
    expect(renderMermaid(seed, { view: 'chart', chart: '2771f_ao' })).toEqual([
      [
        '%% [Statechart: 2771f_ao] (B)',
        'sequenceDiagram',
        '  participant s0 as top',
        '  participant s1 as outer',
        '  participant s2 as inner',
        '  s0->>s1: 2: start_at()',
        '  s1->>s2: 4: other_to_inner()',
        '  s2->>s1: 6: other_to_outer()',
        '  s1->>s2: 8: to_inner()',
        '  s2->>s1: 10: other_to_outer()',
        '  s1->>s2: 12: other_to_inner()',
        '',
      ].join('\n'),
    ]);
    expect(renderMermaid(seed, { view: 'chart' })).toHaveLength(2);
    expect(renderMermaid(seed, { view: 'chart', chart: 'nope' })).toEqual([]);
  });

  it('draws one labelled arrow per message, its other receivers fanned out (no par box), and state changes as notes', () => {
    const records: MirosRecord[] = [
      trace(1, 'A1', 'start_at', 'top', 'outer', { received: 1000 }),
      mesh(2, 'other_to_inner', 'A1', { received: 1200 }),
      trace(3, 'B2', 'other_to_inner', 'outer', 'inner', { received: 1300 }),
      spy(4, 'C3', 'other_to_inner:idle', 1350),
      mesh(5, 'ping', { n: 1 }, { received: 5000, sender: '10.0.0.7' }),
    ];
    expect(renderMermaid(buildSequenceModel(records), { view: 'system' })).toEqual([
      [
        '%% system view',
        'sequenceDiagram',
        '  participant c0 as A1 (A)',
        '  participant c1 as B2 (B)',
        '  participant c2 as C3',
        '  participant c3 as 10.0.0.7',
        '  Note over c0: 1: start_at(): top → outer',
        '  c0->>c1: 2: other_to_inner(A1)',
        '  c0->>c2: ↳ 2',
        '  Note over c1: 3: other_to_inner(): outer → inner (received 2)',
        '  Note right of c3: 4: sent ping({"n":1}), no reception seen',
        '',
      ].join('\n'),
    ]);
  });

  it('writes parts that Mermaid reads back as the same participants, arrows and notes', async () => {
    const records: MirosRecord[] = [
      trace(1, 'A1', 'start_at', 'top', 'outer', { received: 1000 }),
      mesh(2, 'other_to_inner', 'A1', { received: 1200 }),
      trace(3, 'B2', 'other_to_inner', 'outer', 'inner', { received: 1300 }),
      spy(4, 'C3', 'other_to_inner:idle', 1350),
    ];
    const [part] = renderMermaid(buildSequenceModel(records), { view: 'system' });
    expect(await readBack(part!)).toEqual({
      actors: [
        ['c0', 'A1 (A)'],
        ['c1', 'B2 (B)'],
        ['c2', 'C3'],
      ],
      messages: [
        { from: 'c0', to: 'c0', text: '1: start_at(): top → outer', type: NOTE },
        { from: 'c0', to: 'c1', text: '2: other_to_inner(A1)', type: SOLID_ARROW },
        { from: 'c0', to: 'c2', text: '↳ 2', type: SOLID_ARROW },
        { from: 'c1', to: 'c1', text: '3: other_to_inner(): outer → inner (received 2)', type: NOTE },
      ],
    });
  });

  it('draws an inferred arrow dashed, as Mermaid reads it back', async () => {
    const [part] = renderMermaid(seed, { view: 'system' });
    const { messages } = await readBack(part!);
    expect(messages.slice(2, 5)).toEqual([
      { from: 'c0', to: 'c0', text: '3: to_inner(): outer → inner', type: NOTE },
      { from: 'c0', to: 'c1', text: 'other_to_inner() (inferred, sent at 3)', type: DOTTED_ARROW },
      { from: 'c1', to: 'c1', text: '4: other_to_inner(): outer → inner (inferred from 3)', type: NOTE },
    ]);
  });

  it('keeps names and payloads Mermaid would otherwise read as syntax', async () => {
    const awkward = ['a;b', 'end', '#x', '100%%', '<br/>', 'Ölförderung', 'x->>y: z', 'participant q'];
    const records = awkward.map((state, k) =>
      trace(k + 1, 'c', 'sig', state, awkward[(k + 1) % awkward.length]!, { payload: `${state} #59; <b>` }),
    );
    records.push(trace(99, 'c', 'multi', 'a;b', 'end', { payload: 'line\nbreak' }));
    const parts = renderMermaid(buildSequenceModel(records), { view: 'chart' });
    expect(parts).toHaveLength(1);
    const parsed = await readBack(parts[0]!);
    expect(parsed.actors).toEqual(awkward.map((state, k) => [`s${k}`, state]));
    expect(parsed.messages).toEqual([
      ...awkward.map((state, k) => ({
        from: `s${k}`,
        to: `s${(k + 1) % awkward.length}`,
        text: `${k + 1}: sig(${state} #59; <b>)`,
        type: SOLID_ARROW,
      })),
      { from: 's0', to: 's1', text: '9: multi(line\\nbreak)', type: SOLID_ARROW },
    ]);
  });

  it('splits a long chart into complete parts under maxChars with numbering continued', async () => {
    const records = Array.from({ length: 600 }, (_, k) =>
      trace(k + 1, 'c', k % 2 === 0 ? 'to_inner' : 'to_outer', k % 2 === 0 ? 'outer' : 'inner', k % 2 === 0 ? 'inner' : 'outer'),
    );
    const parts = renderMermaid(buildSequenceModel(records), { view: 'chart', maxChars: 4000 });
    expect(parts.length).toBeGreaterThan(3);
    const numbers: number[] = [];
    for (const [k, part] of parts.entries()) {
      expect(part.length).toBeLessThanOrEqual(4000);
      expect(part.split('\n').slice(0, 4)).toEqual([
        `%% [Statechart: c] (A) part ${k + 1} of ${parts.length}`,
        'sequenceDiagram',
        '  participant s0 as outer',
        '  participant s1 as inner',
      ]);
      const parsed = await readBack(part);
      numbers.push(...parsed.messages.map((m) => Number(m.text.split(':')[0])));
    }
    expect(numbers).toEqual(Array.from({ length: 600 }, (_, k) => k + 1));
  });

  it('puts one oversized step in a part of its own rather than losing it', () => {
    const records = [trace(1, 'c', 'a', 'x', 'y'), trace(2, 'c', 'b', 'y', 'x', { payload: 'p'.repeat(5000) })];
    const parts = renderMermaid(buildSequenceModel(records), { view: 'chart', maxChars: 200 });
    expect(parts.map((p) => p.split('\n').slice(4, -1))).toEqual([
      ['  s0->>s1: 1: a()'],
      [`  s1->>s0: 2: b(${'p'.repeat(197)}…`],
    ]);
  });
});

describe('mermaidText', () => {
  it('turns syntax characters into entity codes and control characters into escapes', () => {
    expect(mermaidText('a;b #1 50% <i> \t\x1b')).toBe('a#59;b #35;1 50#37; #60;i#62; \\t\\x1b');
  });

  it('cuts long text to the label limit by code points', () => {
    expect(mermaidText('😀'.repeat(10), 4)).toBe('😀😀😀…');
  });
});
