/**
 * Inferred arrows in every drawing (issue 10: saved logs got no cross-chart
 * arrows and nothing said why): the seed log has no mesh records, so its
 * other_… receptions get dashed Mermaid arrows and marked ASCII arrows with
 * a note saying how they were inferred; `--no-inferred` leaves them out.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import { renderDiagram } from '../../shared/sequence/diagram/renderDiagram.ts';
import { INFERENCE_NOTE } from '../../shared/sequence/model/inferReceptions.ts';
import { withoutInferred } from '../../shared/sequence/model/withoutInferred.ts';
import { buildSequenceModel, SequenceBuilder } from '../../shared/sequence/model/SequenceBuilder.ts';
import { runCli } from '../cli/support/runCli.ts';
import { fixtureLog } from '../support/fixturePath.ts';
import { parseMermaid } from './support/parseMermaid.ts';

const seedLog = fixtureLog('seed-two-charts-trace.log');
const records = parseLog(readFileSync(seedLog, 'utf8')).records;

describe('inferred arrows drawn', () => {
  it('draws each other_ reception of the seed after a dashed arrow from the move that sent it, in Mermaid that parses', async () => {
    const text = renderDiagram(buildSequenceModel(records), { format: 'mermaid', view: 'system', titles: false }).parts[0]!.text;
    const lines = text.split('\n').map((l) => l.trim());
    expect(lines.filter((l) => l.includes('-->>') || l.includes('->>'))).toEqual([
      'c0-->>c1: other_to_inner() (inferred, sent at 3)',
      'c0-->>c1: other_to_outer() (inferred, sent at 5)',
      'c0-->>c1: other_to_outer() (inferred, sent at 9)',
      'c0-->>c1: other_to_inner() (inferred, sent at 11)',
    ]);
    expect(lines).toContain('Note over c1: 4: other_to_inner(): outer → inner (inferred from 3)');
    expect(lines.filter((l) => l !== '').at(-1)).toMatch(/^Note over c0,c1: inferred arrows \(dashed, marked \?\): no mesh record, so each other_X/);
    await parseMermaid(text);
  });

  it('marks them in the ASCII system view and explains them below it', () => {
    const text = renderDiagram(buildSequenceModel(records), { format: 'ascii', view: 'system' }).parts[0]!.text;
    expect(text).toContain('+------------------other_to_inner() ?----------------->|');
    expect(text).toContain('(inferred, sent at 3)');
    expect(text).toContain('* 4 other_to_inner() outer->inner (inferred from 3)');
    expect(text.trimEnd().split('\n').at(-1)).toBe(`? ${INFERENCE_NOTE}`);
  });

  it('says "no send seen" for a reception with no plausible send', () => {
    const lone = parseLog('[2018-05-04 09:23:34.256485] [2771f_ao] e->other_to_inner() outer->inner\n').records;
    const text = renderDiagram(buildSequenceModel(lone), { format: 'mermaid', view: 'system', titles: false }).parts[0]!.text;
    expect(text).toContain('Note over c0: 1: other_to_inner(): outer → inner (no send seen)');
    expect(text).not.toContain('-->>');
  });

  it('leaves them out with --no-inferred, and keeps them by default, in the CLI', async () => {
    const plain = await runCli(['sequence', seedLog, '--system', '--format', 'mermaid', '--no-inferred']);
    const inferred = await runCli(['sequence', seedLog, '--system', '--format', 'mermaid']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toMatch(/-->>|inferred/);
    expect(inferred.stdout.match(/-->>/g)).toHaveLength(4);
  });

  it('leaves the per-chart views unchanged: inference only adds system arrows', () => {
    const withInference = renderDiagram(buildSequenceModel(records), { format: 'ascii', view: 'chart' });
    const without = renderDiagram(buildSequenceModel(records, { inferred: false }), { format: 'ascii', view: 'chart' });
    expect(withInference.parts).toEqual(without.parts);
  });
});

describe('withoutInferred', () => {
  it('gives the model the builder makes without inference, and the same model back when nothing was inferred', () => {
    const inferred = buildSequenceModel(records);
    const plain = buildSequenceModel(records, { inferred: false });
    expect(withoutInferred(inferred)).toEqual(plain);
    expect(withoutInferred(plain)).toBe(plain);
  });
});

describe('the source line of a range with inferred arrows', () => {
  it('counts the events of the range, not the sending move before it', () => {
    const builder = new SequenceBuilder();
    builder.add(records);
    // Records 4–6: the reception 4 (sent by 3, outside), 5 and 6.
    const model = builder.window({ fromSeq: 4, toSeq: 6 });
    expect(model.system.items.some((i) => i.type === 'message' && i.inferred && i.n === 3)).toBe(true);
    expect(renderDiagram(model, { format: 'ascii', view: 'system' }).caption).toMatch(/events 4–6$/);
  });
});
