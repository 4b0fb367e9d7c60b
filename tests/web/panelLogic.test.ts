import { describe, expect, it } from 'vitest';
import { nextSpeed, rangeBetween } from '../../web/src/panels/timeline/timelineScale.ts';
import { shortcutFor, SHORTCUTS } from '../../web/src/shell/shortcuts.ts';
import { followAfterScroll, isAtBottom } from '../../web/src/panels/log/followTail.ts';
import { formatLogRow } from '../../web/src/panels/log/formatLogRow.ts';
import { startupSource } from '../../web/src/shell/startupSource.ts';
import { exportFileName } from '../../web/src/panels/sequence/exportFormats.ts';
import { rowWindow, scrollTopFor } from '../../web/src/panels/log/rowWindow.ts';
import { fixtureRecords } from './support/records.ts';

describe('timeline geometry', () => {
  it('makes a range from a drag in either direction, none from a click', () => {
    expect([rangeBetween(8, 3), rangeBetween(3, 8), rangeBetween(4, 4)]).toEqual([{ from: 3, to: 8 }, { from: 3, to: 8 }, null]);
  });

  it('walks the speed ladder up to "max" and back', () => {
    expect([nextSpeed(1, 1), nextSpeed(100, 1), nextSpeed('max', -1), nextSpeed(0.1, -1), nextSpeed(3, -1)]).toEqual([2, 'max', 100, 0.1, 2]);
  });
});

describe('keyboard shortcuts', () => {
  const key = (k: string, mods: Partial<KeyboardEvent> = {}) => shortcutFor({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

  it('maps keys to actions, shift-arrows to jumps, and ignores modified keys', () => {
    expect([key(' '), key('ArrowLeft'), key('ArrowLeft', { shiftKey: true }), key('?', { shiftKey: true }), key('ArrowRight', { ctrlKey: true }), key('x')]).toEqual([
      'togglePlay',
      'stepBack',
      'jumpBack',
      'help',
      null,
      null,
    ]);
  });

  it('gives every action exactly one entry in the help table', () => {
    const actions = SHORTCUTS.map((s) => s.action);
    expect(new Set(actions).size).toBe(actions.length);
  });
});

describe('log follow-tail', () => {
  const metrics = (scrollTop: number) => ({ scrollTop, scrollHeight: 1000, clientHeight: 200 });

  it('stops following when the user scrolls up and resumes at the bottom', () => {
    expect([
      followAfterScroll(true, metrics(500), true, 800),
      followAfterScroll(false, metrics(790), true, 500),
      followAfterScroll(true, metrics(500), false, 800),
      followAfterScroll(true, metrics(600), true, 500),
    ]).toEqual([false, true, true, true]);
    expect([isAtBottom(metrics(800)), isAtBottom(metrics(700))]).toEqual([true, false]);
  });
});

describe('log rows', () => {
  it('formats a trace, a spy line and a note of a saved log', () => {
    const records = fixtureRecords('seed-single-chart.log');
    const rows = [records[0]!, records[5]!].map(formatLogRow);
    expect(rows).toEqual([
      { seq: '1', time: '', chart: '0ca32_ao', kind: 'spy', text: 'START' },
      { seq: '6', time: '08:02:36.593144', chart: '0ca32_ao', kind: 'trace', text: 'e->start_at() top->outer' },
    ]);
  });
});

describe('startup source', () => {
  it('reads what to open from the URL', () => {
    const origin = 'http://127.0.0.1:4477';
    expect([
      startupSource({ search: '', origin }),
      startupSource({ search: '?live', origin }),
      startupSource({ search: '?live=http://10.0.0.2:4477', origin }),
      startupSource({ search: '?recording=run%201', origin }),
      startupSource({ search: '?recording=run%201&at=38', origin }),
      startupSource({ search: '?file=seed.log&at=3', origin }),
    ]).toEqual([
      { kind: 'server', url: origin },
      { kind: 'live', url: origin },
      { kind: 'live', url: 'http://10.0.0.2:4477' },
      { kind: 'recording', name: 'run 1', at: 0 },
      { kind: 'recording', name: 'run 1', at: 38 },
      { kind: 'file', name: 'seed.log' },
    ]);
  });
});

describe('export file names', () => {
  it('names a download after the source, the view and the format', () => {
    expect([exportFileName('seed-two-charts-trace.log', 'all', 'ascii'), exportFileName('/tmp/x y.log', '04ccc_ao', 'ascii-compat'), exportFileName('', 'system', 'png')]).toEqual([
      'seed-two-charts-trace.all.ascii.txt',
      'x_y.04ccc_ao.sequence-rb.txt',
      'miroscope.system.sequence.png',
    ]);
  });
});

describe('log row window', () => {
  it('shows only the rows in view, with overscan', () => {
    const w = rowWindow({ count: 1000, rowHeight: 20, scrollTop: 400, viewport: 100, overscan: 2 });
    expect([w.first, w.last, w.totalHeight, w.top(20), w.top(25)]).toEqual([18, 27, 20_000, 400, 500]);
  });

  it('scales the scrollbar past the height cap and still reaches the last row', () => {
    const input = { count: 1_000_000, rowHeight: 20, viewport: 200, maxHeight: 1_000_000 };
    const bottom = scrollTopFor(999_999, 'end', input);
    const w = rowWindow({ ...input, scrollTop: bottom, overscan: 0 });
    expect([bottom, w.totalHeight, w.first, w.last, w.top(999_999) + 20 - bottom]).toEqual([999_800, 1_000_000, 999_990, 1_000_000, 200]);
    const middle = rowWindow({ ...input, scrollTop: bottom / 2, overscan: 0 });
    expect(middle.first).toBe(499_995);
  });

  it('scrolls a row to the top or the bottom of the viewport', () => {
    const input = { count: 100, rowHeight: 20, viewport: 100 };
    expect([scrollTopFor(10, 'start', input), scrollTopFor(10, 'end', input), scrollTopFor(99, 'start', input), scrollTopFor(0, 'end', input)]).toEqual([200, 120, 1900, 0]);
  });
});
