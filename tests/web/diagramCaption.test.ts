/** The heading above each drawn diagram comes from the shared renderer's own part comment. */
import { describe, expect, it } from 'vitest';
import { buildSequenceModel } from '../../shared/sequence/model/SequenceBuilder.ts';
import { renderMermaid } from '../../shared/sequence/mermaid/renderMermaid.ts';
import { diagramCaption } from '../../web/src/panels/sequence/diagramCaption.ts';
import { fixtureRecords } from './support/records.ts';

describe('diagramCaption', () => {
  const model = buildSequenceModel(fixtureRecords('seed-two-charts-trace.log'));

  it('names the chart of each per-chart diagram, and the system view', () => {
    expect([...renderMermaid(model, { view: 'chart' }), ...renderMermaid(model, { view: 'system' })].map(diagramCaption)).toEqual([
      { chart: '04ccc_ao', text: '04ccc_ao (A)' },
      { chart: '2771f_ao', text: '2771f_ao (B)' },
      { chart: null, text: 'system view' },
    ]);
  });

  it('keeps the part number of a diagram split in parts, and has nothing for text without a comment', () => {
    expect([diagramCaption('%% [Statechart: ao1] (A) part 2 of 3\nsequenceDiagram\n'), diagramCaption('sequenceDiagram\n  a->>b: 1: go()\n')]).toEqual([
      { chart: 'ao1', text: 'ao1 (A) · part 2 of 3' },
      null,
    ]);
  });
});
