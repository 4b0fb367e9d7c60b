import { describe, expect, it } from 'vitest';
import { RecordLog } from '../../web/src/store/RecordLog.ts';
import { displayModel, exportWindow } from '../../web/src/panels/sequence/sequenceWindow.ts';
import { advanceSequenceBuilder, sequenceBuilderFor } from '../../web/src/panels/sequence/sequenceBuilderFor.ts';
import { compatInputText } from '../../web/src/panels/sequence/compatInputText.ts';
import { labelNumber, seqOfNumber, windowSpan } from '../../web/src/panels/sequence/sequenceFocus.ts';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import type { SequenceModel } from '../../shared/sequence/SequenceModel.ts';
import { fixtureRecords, fixtureText, trace } from './support/records.ts';

function logOf(records: MirosRecord[]): RecordLog {
  const log = new RecordLog();
  log.append(records);
  return log;
}

const numbers = (model: SequenceModel | null) => model?.charts.flatMap((c) => c.steps.map((s) => s.n)) ?? null;

describe('what the sequence panel draws', () => {
  const log = logOf(fixtureRecords('seed-two-charts-trace.log'));
  const builder = sequenceBuilderFor(log);

  it('numbers a log in slices to the same model as in one go', () => {
    const sliced = logOf(fixtureRecords('seed-two-charts-trace.log'));
    const steps: boolean[] = [];
    while (!steps.includes(true)) steps.push(advanceSequenceBuilder(sliced, 5));
    expect([steps, sequenceBuilderFor(sliced).model()]).toEqual([[false, false, true], builder.model()]);
  });

  it('draws the latest N events at the tail, per chart in chart order', () => {
    expect(numbers(displayModel(builder, log, 12, null, 4, { kind: 'all' }))).toEqual([9, 11, 10, 12]);
  });

  it('draws the latest N events up to a cursor deep in the log', () => {
    expect(numbers(displayModel(builder, log, 6, null, 3, { kind: 'all' }))).toEqual([5, 4, 6]);
  });

  it('draws the chosen range clipped to the cursor, and one chart when asked', () => {
    expect([
      numbers(displayModel(builder, log, 12, { from: 2, to: 8 }, 50, { kind: 'all' })),
      numbers(displayModel(builder, log, 5, { from: 2, to: 8 }, 50, { kind: 'all' })),
      numbers(displayModel(builder, log, 12, null, 50, { kind: 'chart', chart: '2771f_ao' })),
    ]).toEqual([
      [3, 5, 7, 4, 6, 8],
      [3, 5, 4],
      [2, 4, 6, 8, 10, 12],
    ]);
  });

  it('widens its look back past records that hold no events', () => {
    const quiet: MirosRecord[] = [trace(1, 'a', 'go', 'x', 'y')];
    for (let seq = 2; seq < 2000; seq++) quiet.push({ v: 1, seq, kind: 'meta', event: 'note', chart: null, node: null, time: null, received: 0, raw: 'noise' });
    const noisy = logOf(quiet);
    expect(numbers(displayModel(sequenceBuilderFor(noisy), noisy, 1500, null, 5, { kind: 'all' }))).toEqual([1]);
  });

  it('exports the chosen range, or everything up to the cursor', () => {
    expect([exportWindow(log, 12, { from: 4, to: 8 }, { kind: 'all' }), exportWindow(log, 7, null, { kind: 'chart', chart: 'x' }), exportWindow(log, 0, null, { kind: 'all' })]).toEqual([
      { fromSeq: 5, toSeq: 8 },
      { fromSeq: 1, toSeq: 7, chart: 'x' },
      null,
    ]);
  });
});

describe('export inputs', () => {
  it('gives sequence.rb the original lines of the span', () => {
    const log = logOf(fixtureRecords('seed-two-charts-trace.log'));
    expect(compatInputText(log, 0, 12)).toBe(fixtureText('seed-two-charts-trace.log'));
    expect(compatInputText(log, 0, 4, '2771f_ao').split('\n').length).toBe(3);
  });
});

describe('following the cursor (issue 10)', () => {
  const log = logOf(fixtureRecords('seed-two-charts-trace.log'));
  const builder = sequenceBuilderFor(log);

  it('marks the event at the cursor as current, wherever the cursor is', () => {
    const at = (end: number, view: Parameters<typeof windowSpan>[1] = { kind: 'all' }) => {
      const model = displayModel(builder, log, end, null, 50, view)!;
      const span = windowSpan(model, view)!;
      return [span.first, span.last, span.current];
    };
    expect([at(1), at(7), at(12), at(7, { kind: 'chart', chart: '2771f_ao' }), at(7, { kind: 'system' })]).toEqual([
      [1, 1, 1],
      [1, 7, 7],
      [1, 12, 12],
      [2, 6, 6],
      [1, 7, 7],
    ]);
  });

  it('counts a mesh message in the span shown even where only steps are drawn ("2–47 of 47" missed event 1)', () => {
    const records: MirosRecord[] = [
      { v: 1, seq: 1, kind: 'mesh', chart: null, node: null, time: 500, received: 0, raw: 'm', signal: 'hello', payload: 'a', sender: 'a' },
      trace(2, 'a', 'go', 'x', 'y'),
      trace(3, 'b', 'go', 'x', 'y'),
    ];
    const quiet = logOf(records);
    const model = displayModel(sequenceBuilderFor(quiet), quiet, 3, null, 50, { kind: 'all' })!;
    expect(windowSpan(model, { kind: 'all' })).toEqual({ first: 1, last: 3, current: 3, drawn: [2, 3] });
  });

  it('finds the record of a clicked label, so a click moves the cursor to it', () => {
    const model = displayModel(builder, log, 12, null, 50, { kind: 'all' })!;
    const seq = seqOfNumber(model, Number(labelNumber('5: to_outer()')));
    expect([labelNumber('5: to_outer()'), labelNumber('to_outer()'), seq, log.countThroughSeq(seq!)]).toEqual([5, null, 5, 5]);
  });
});

