/** Repeated exchanges in the system view drawn once with "×N" (issue 10). */
import { describe, expect, it } from 'vitest';
import type { SystemItem } from '../../shared/sequence/SequenceModel.ts';
import { collapseRepeats } from '../../shared/sequence/model/collapseRepeats.ts';
import { renderDiagram } from '../../shared/sequence/diagram/renderDiagram.ts';
import { parseMermaid } from './support/parseMermaid.ts';

const note = (n: number, chart: string, signal: string, from: string, to: string): SystemItem => ({ type: 'state', n, seq: n, time: n, chart, signal, from, to });
const send = (n: number, from: string, signal: string, to: string[]): SystemItem => ({ type: 'message', n, seq: n, time: n, signal, from, to });

/** A heats (sending hot to B), then cools (sending ok to B), `times` times, numbered from `first`. */
function cycles(times: number, first = 1): SystemItem[] {
  const items: SystemItem[] = [];
  let n = first;
  for (let k = 0; k < times; k++) {
    items.push(note(n++, 'A', 'heat', 'normal', 'hot'), send(n++, 'A', 'other_hot', ['B']), note(n++, 'A', 'cooled', 'hot', 'normal'), send(n++, 'A', 'other_ok', ['B']));
  }
  return items;
}

const shape = (items: ReturnType<typeof collapseRepeats>) => items.map((i) => (i.type === 'repeat' ? `×${i.times} (${i.length}: ${i.fromN}–${i.toN})` : i.n));

describe('collapseRepeats', () => {
  it('draws a cycle repeated 12 times once, then ×12 for the 11 after it', () => {
    const out = collapseRepeats(cycles(12));
    expect(shape(out)).toEqual([1, 2, 3, 4, '×12 (4: 5–48)']);
    expect(out.at(-1)).toMatchObject({ lifelines: ['A', 'B'] });
  });

  it('keeps what comes before and after the repeats, and leaves short runs alone', () => {
    const items = [note(1, 'C', 'start_at', 'top', 'idle'), ...cycles(3, 2), note(14, 'C', 'tick', 'idle', 'busy')];
    expect(shape(collapseRepeats(items))).toEqual([1, 2, 3, 4, 5, '×3 (4: 6–13)', 14]);
    expect(shape(collapseRepeats(cycles(2)))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('does not take items that differ (another chart, state or receiver) for repeats', () => {
    const items = [send(1, 'A', 'ping', ['B']), send(2, 'A', 'ping', ['C']), send(3, 'A', 'ping', ['B']), send(4, 'A', 'ping', ['C'])];
    expect(shape(collapseRepeats(items))).toEqual([1, 2, 3, 4]);
    const alike = [send(1, 'A', 'ping', ['B']), send(2, 'A', 'ping', ['B']), send(3, 'A', 'ping', ['B'])];
    expect(shape(collapseRepeats(alike))).toEqual([1, '×3 (1: 2–3)']);
  });
});

describe('collapsed repeats in Mermaid', () => {
  it('writes the cycle once and a ×N note over its lifelines, which Mermaid reads', async () => {
    const model = { charts: [], system: { lifelines: ['A', 'B'], items: cycles(12) } };
    const text = renderDiagram(model, { format: 'mermaid', view: 'system', titles: false, collapseRepeats: true }).parts[0]!.text;
    const lines = text.trim().split('\n').map((l) => l.trim());
    expect(lines.slice(4)).toEqual([
      'Note over c0: 1: heat(): normal → hot',
      'c0->>c1: 2: other_hot()',
      'Note over c0: 3: cooled(): hot → normal',
      'c0->>c1: 4: other_ok()',
      'Note over c0,c1: ×12: the 4 events above, 11 more times (events 5–48)',
    ]);
    await parseMermaid(text);
    const full = renderDiagram(model, { format: 'mermaid', view: 'system', titles: false }).parts[0]!.text;
    expect(full).not.toContain('×');
  });
});
