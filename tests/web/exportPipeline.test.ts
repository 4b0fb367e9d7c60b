/**
 * The dashboard's text exports and `GET …/diagram` / `miroscope sequence`
 * come from one pipeline: for the same records and view they write the same
 * file, byte for byte (issue 10: the browser's ASCII export of the system
 * view drew per-chart diagrams while the CLI drew the system view, and the
 * two framed several Mermaid parts differently).
 */
import { describe, expect, it } from 'vitest';
import { diagramDocument } from '../../shared/sequence/diagram/diagramDocument.ts';
import { buildSequenceModel } from '../../shared/sequence/model/SequenceBuilder.ts';
import { renderDiagram } from '../../server/http/renderDiagram.ts';
import { exportSequence } from '../../web/src/panels/sequence/exportSequence.ts';
import type { SequenceView } from '../../web/src/panels/sequence/sequenceWindow.ts';
import { fixtureRecords, fixtureText } from './support/records.ts';

const NAME = 'seed-two-charts-trace.log';
const records = fixtureRecords(NAME);
const model = buildSequenceModel(records);

const views: [SequenceView, { system?: boolean; chart?: string }][] = [
  [{ kind: 'all' }, {}],
  [{ kind: 'system' }, { system: true }],
  [{ kind: 'chart', chart: '2771f_ao' }, { chart: '2771f_ao' }],
];

describe('one pipeline for exports, CLI and REST', () => {
  for (const format of ['ascii', 'mermaid'] as const) {
    for (const [view, request] of views) {
      it(`writes the same ${format} file for the ${view.kind} view as the CLI`, async () => {
        const web = await exportSequence({ format, model, view, source: NAME, compatText: '' });
        const cli = diagramDocument(renderDiagram(records, { format, source: NAME, ...request }));
        expect([await web.blob.text(), web.markdown]).toEqual([cli.text, cli.markdown]);
        expect(cli.text).toContain(`${NAME} · 2018-05-04 09:23:28.954560 – 09:23:49.233582 · events`);
      });
    }
  }

  it('draws the system view in the ASCII export (charts as columns), not every chart’s own diagram', async () => {
    const web = await exportSequence({ format: 'ascii', model, view: { kind: 'system' }, source: NAME, compatText: '' });
    expect((await web.blob.text()).split('\n')[2]).toBe('[System] 2 charts');
  });

  it('writes the sequence tool’s bytes for ascii-compat, whatever the view', async () => {
    const text = fixtureText(NAME);
    const web = await exportSequence({ format: 'ascii-compat', model, view: { kind: 'system' }, source: NAME, compatText: text });
    const cli = diagramDocument(renderDiagram(records, { format: 'ascii-compat', sourceText: text }));
    expect(await web.blob.text()).toBe(cli.text);
    expect(cli.text.split('\n')[0]).toBe(' [Statechart: 04ccc_ao] (?)');
  });
});
