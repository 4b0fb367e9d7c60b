/**
 * The Factory API: states assembled from `catch` callbacks, nested by
 * function or by name, miros's first-state defaults, the missing
 * EMPTY_SIGNAL probe, `toCode`, and typed errors for misuse.
 */
import { describe, expect, it } from 'vitest';
import { Event } from '../../server/statechart/Event.ts';
import { Factory } from '../../server/statechart/Factory.ts';
import { ReturnStatus } from '../../server/statechart/returnStatus.ts';
import { FactoryError } from '../../server/statechart/StatechartError.ts';
import { VirtualClock } from '../../server/statechart/VirtualClock.ts';

/**
 *   +------------- house -------------+
 *   | +----------- closed ----------+ |      open
 *   | | locked <-LOCK/UNLOCK-> unlocked |
 *   | +-----------------------------+ |
 *   +---------------------------------+   house --OPEN--> open
 */
function door() {
  const chart = new Factory('door', { clock: new VirtualClock(), print: () => {} });
  const goLocked = (c: Factory) => c.trans(locked);
  const goUnlocked = (c: Factory) => c.trans(unlocked);
  const goOpen = (c: Factory) => c.trans(open);
  const knockGuard = () => ReturnStatus.UNHANDLED;
  // closed gets the first catch, so it also gets default ENTRY/INIT/EXIT.
  const closed = chart.create('closed').catch('INIT_SIGNAL', goLocked).toMethod();
  const house = chart.create('house').catch('OPEN', goOpen).toMethod();
  const locked = chart.create('locked').catch('UNLOCK', goUnlocked).catch('KNOCK', knockGuard).toMethod();
  const unlocked = chart.create('unlocked').catch('LOCK', goLocked).toMethod();
  const open = chart.create('open').toMethod();
  chart.nest(house, null).nest(closed, house).nest('locked', 'closed').nest(unlocked, closed).nest('open', null);
  return { chart, closed, locked };
}

async function post(chart: Factory, signal: string): Promise<string[]> {
  chart.clearSpy();
  chart.postFifo(new Event(signal));
  await chart.whenIdle();
  return chart.spy()!;
}

describe('Factory', () => {
  it('starts by state name and follows the INIT callback', async () => {
    const { chart } = door();
    chart.startAt('closed');
    await chart.whenIdle();
    expect(chart.spy()).toEqual([
      'START', 'SEARCH_FOR_SUPER_SIGNAL:closed', 'SEARCH_FOR_SUPER_SIGNAL:house', 'ENTRY_SIGNAL:house', 'ENTRY_SIGNAL:closed',
      'INIT_SIGNAL:closed', 'SEARCH_FOR_SUPER_SIGNAL:locked', 'ENTRY_SIGNAL:locked', 'INIT_SIGNAL:locked',
      '<- Queued:(0) Deferred:(0)',
    ]);
    expect(chart.stateName).toBe('locked');
  });

  it('callbacks drive transitions; states without an EXIT callback answer SUPER (no SEARCH after their exit)', async () => {
    const { chart } = door();
    chart.startAt('closed');
    expect(await post(chart, 'UNLOCK')).toEqual([
      'UNLOCK:locked', 'SEARCH_FOR_SUPER_SIGNAL:unlocked', 'SEARCH_FOR_SUPER_SIGNAL:locked', 'EXIT_SIGNAL:locked',
      'ENTRY_SIGNAL:unlocked', 'INIT_SIGNAL:unlocked', '<- Queued:(0) Deferred:(0)',
    ]);
    expect(chart.stateName).toBe('unlocked');
  });

  it('the first caught state exits with HANDLED (followed by a SEARCH), unlike the others', async () => {
    const { chart } = door();
    chart.startAt('closed');
    expect(await post(chart, 'OPEN')).toEqual([
      'OPEN:locked', 'OPEN:closed', 'OPEN:house', 'EXIT_SIGNAL:locked', 'EXIT_SIGNAL:closed', 'SEARCH_FOR_SUPER_SIGNAL:closed',
      'SEARCH_FOR_SUPER_SIGNAL:open', 'SEARCH_FOR_SUPER_SIGNAL:house', 'EXIT_SIGNAL:house', 'ENTRY_SIGNAL:open', 'INIT_SIGNAL:open',
      '<- Queued:(0) Deferred:(0)',
    ]);
  });

  it('a callback answering UNHANDLED passes the event to the parent at once, without an EMPTY_SIGNAL probe', async () => {
    const { chart } = door();
    chart.startAt('closed');
    expect(await post(chart, 'KNOCK')).toEqual(['KNOCK:locked', 'KNOCK:closed', 'KNOCK:house', '<- Queued:(0) Deferred:(0)']);
  });

  it('renders a generated state as equivalent hand-written code', () => {
    const { chart, locked } = door();
    expect(chart.toCode(locked)).toBe(
      [
        'const locked = spyOn(function locked(chart, e) {',
        '  switch (e.signalName) {',
        "    case 'UNLOCK': { const status = goUnlocked(chart, e); return status === ReturnStatus.UNHANDLED ? chart.super(closed) : status; }",
        "    case 'KNOCK': { const status = knockGuard(chart, e); return status === ReturnStatus.UNHANDLED ? chart.super(closed) : status; }",
        '    default: return chart.super(closed);',
        '  }',
        '});',
      ].join('\n'),
    );
    expect(chart.toCode('closed').split('\n').slice(2, 5)).toEqual([
      "    case 'ENTRY_SIGNAL': return ReturnStatus.HANDLED;",
      "    case 'INIT_SIGNAL': { const status = goLocked(chart, e); return status === ReturnStatus.UNHANDLED ? chart.super(house) : status; }",
      "    case 'EXIT_SIGNAL': return ReturnStatus.HANDLED;",
    ]);
  });

  it('names an unknown state or a missing parent with a FactoryError', () => {
    const chart = new Factory('broken', { clock: new VirtualClock(), print: () => {} });
    const lonely = chart.create('lonely').catch('X', () => ReturnStatus.HANDLED).toMethod();
    expect(() => chart.nest('ghost', null)).toThrow(FactoryError);
    expect(() => chart.startAt(lonely)).toThrow('state lonely has no parent: call nest(lonely, parent or null)');
  });
});
