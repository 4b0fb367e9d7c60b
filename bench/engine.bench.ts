/**
 * `npm run bench -- engine [--seconds S]`: event-processor throughput.
 *
 * Samek's classic test chart (miros's comprehensive test, pinned by the
 * conformance case `comprehensive_samek_spy_sequence`), driven through the
 * 21-event walk `A B D H G C C F E F F A B D H D D D C I I` over and over:
 *
 *   +------------------------- s -------------------------+  s  I: foo=0 (hook)
 *   | +------- s1 --------+   +--------- s2 ------------+ |  s1 D[!foo]: foo=1 → s
 *   | |  +--- s11 ---+    |   |  +------- s21 -------+  | |  s11 D[foo]: foo=0 → s1
 *   | |  |           |    |   |  |  +--- s211 ---+   |  | |  s2  I[!foo]: foo=1 (hook)
 *   | |  +-----------+    |   |  |  +------------+   |  | |  … (see the handlers below)
 *   | +-------------------+   |  +-------------------+  | |
 *   |                         +-------------------------+ |
 *   +-----------------------------------------------------+
 *
 * Measured in one process: our pure processor without instrumentation, the
 * same chart with spy and trace recorded, and XState v5 on a faithful model
 * (same states, transitions and guard), as an actor and as its pure
 * `transition` function. Before timing, the models are checked to walk the
 * same leaf states, and the compactly recorded spy/trace lines are checked
 * against the same lines formatted eagerly by an observer.
 *
 * "spy + trace recorded" is a HsmWithQueues on the real clock: every spy line
 * and trace entry is kept (formatted lazily on read). Its trace timestamps
 * follow RealClock.traceNow: inside one synchronous burst a clock reading is
 * reused for up to 8 entries (reading the clock is a ~50 ns system call on
 * some VMs).
 */
import { assign, createActor, createMachine, transition, type AnyMachineSnapshot } from 'xstate';
import { Event } from '../server/statechart/Event.ts';
import { HsmEventProcessor } from '../server/statechart/HsmEventProcessor.ts';
import { HsmWithQueues } from '../server/statechart/HsmWithQueues.ts';
import { ReturnStatus } from '../server/statechart/returnStatus.ts';
import { signals } from '../server/statechart/signals.ts';
import { spyOn } from '../server/statechart/spyOn.ts';
import type { StateHandler } from '../server/statechart/StateHandler.ts';

export const SAMEK_WALK = 'A B D H G C C F E F F A B D H D D D C I I'.split(' ');

const { HANDLED } = ReturnStatus;
const ENTRY = signals.ENTRY_SIGNAL;
const EXIT = signals.EXIT_SIGNAL;
const INIT = signals.INIT_SIGNAL;
const { A, B, C, D, E, F, G, H, I } = signals;

/** The chart the handlers expect: any processor with the `foo` flag. */
export type SamekChart = HsmEventProcessor & { foo: number };

export interface SamekStates {
  s: StateHandler<SamekChart>;
  s1: StateHandler<SamekChart>;
  s11: StateHandler<SamekChart>;
  s2: StateHandler<SamekChart>;
  s21: StateHandler<SamekChart>;
  s211: StateHandler<SamekChart>;
}

type Wrap = (name: string, fn: StateHandler<SamekChart>) => StateHandler<SamekChart>;

/** Samek's chart; `wrap` is `spyOn` for spied states or identity for plain ones. */
export function makeSamekStates(wrap: Wrap): SamekStates {
  const st = {} as SamekStates;
  st.s = wrap('s', (chart, e) => {
    switch (e.signal) {
      case ENTRY: case EXIT: return HANDLED;
      case INIT: return chart.trans(st.s11);
      case E: return chart.trans(st.s11);
      case I: if (chart.foo) chart.foo = 0; return HANDLED;
      default: return chart.super(chart.top);
    }
  });
  st.s1 = wrap('s1', (chart, e) => {
    switch (e.signal) {
      case ENTRY: case EXIT: return HANDLED;
      case INIT: return chart.trans(st.s11);
      case A: return chart.trans(st.s1);
      case B: return chart.trans(st.s11);
      case C: return chart.trans(st.s2);
      case D: if (!chart.foo) { chart.foo = 1; return chart.trans(st.s); } return ReturnStatus.UNHANDLED;
      case F: return chart.trans(st.s211);
      default: return chart.super(st.s);
    }
  });
  st.s11 = wrap('s11', (chart, e) => {
    switch (e.signal) {
      case ENTRY: case EXIT: return HANDLED;
      case D: if (chart.foo) { chart.foo = 0; return chart.trans(st.s1); } return ReturnStatus.UNHANDLED;
      case G: return chart.trans(st.s211);
      case H: return chart.trans(st.s);
      default: return chart.super(st.s1);
    }
  });
  st.s2 = wrap('s2', (chart, e) => {
    switch (e.signal) {
      case ENTRY: case EXIT: return HANDLED;
      case INIT: return chart.trans(st.s211);
      case I: if (!chart.foo) chart.foo = 1; return HANDLED;
      case C: return chart.trans(st.s1);
      case F: return chart.trans(st.s11);
      default: return chart.super(st.s);
    }
  });
  st.s21 = wrap('s21', (chart, e) => {
    switch (e.signal) {
      case ENTRY: case EXIT: return HANDLED;
      case INIT: return chart.trans(st.s211);
      case A: return chart.trans(st.s21);
      case B: return chart.trans(st.s211);
      case G: return chart.trans(st.s11);
      default: return chart.super(st.s2);
    }
  });
  st.s211 = wrap('s211', (chart, e) => {
    switch (e.signal) {
      case ENTRY: case EXIT: return HANDLED;
      case D: return chart.trans(st.s21);
      case H: return chart.trans(st.s);
      default: return chart.super(st.s21);
    }
  });
  return st;
}

export class SamekProcessor extends HsmEventProcessor {
  foo = 0;
}

export class SamekHsm extends HsmWithQueues {
  foo = 0;
}

const plainStates = makeSamekStates((name, fn) => (Object.defineProperty(fn, 'name', { value: name }), fn));
export const spiedSamekStates = makeSamekStates((name, fn) => spyOn(name, fn));
const walkEvents = SAMEK_WALK.map((name) => new Event(name));

/** The same chart for XState v5; every state has an id equal to its name. */
export const samekMachine = createMachine({
  id: 'samek',
  context: { foo: 0 },
  initial: 's',
  states: {
    s: {
      id: 's',
      initial: 's1',
      on: { E: { target: '#s11' }, I: { actions: assign({ foo: 0 }) } },
      states: {
        s1: {
          id: 's1',
          initial: 's11',
          on: {
            A: { target: '#s1', reenter: true },
            B: { target: '#s11' },
            C: { target: '#s2' },
            D: { guard: ({ context }) => !context.foo, actions: assign({ foo: 1 }), target: '#s' },
            F: { target: '#s211' },
          },
          states: {
            s11: {
              id: 's11',
              on: {
                D: { guard: ({ context }) => !!context.foo, actions: assign({ foo: 0 }), target: '#s1' },
                G: { target: '#s211' },
                H: { target: '#s' },
              },
            },
          },
        },
        s2: {
          id: 's2',
          initial: 's21',
          on: {
            // A hook whatever foo is: the unguarded no-op keeps I from reaching s.
            I: [{ guard: ({ context }) => !context.foo, actions: assign({ foo: 1 }) }, { actions: [] }],
            C: { target: '#s1' },
            F: { target: '#s11' },
          },
          states: {
            s21: {
              id: 's21',
              initial: 's211',
              on: { A: { target: '#s21', reenter: true }, B: { target: '#s211' }, G: { target: '#s11' } },
              states: { s211: { id: 's211', on: { D: { target: '#s21' }, H: { target: '#s' } } } },
            },
          },
        },
      },
    },
  },
});
// s's INIT goes to s11 (via s1's initial); the walk starts in s2 like the case.
const xstateStart = samekMachine.resolveState({ value: { s: { s2: { s21: 's211' } } }, context: { foo: 0 } });
const xstateEvents = SAMEK_WALK.map((type) => ({ type }));

function leafOf(value: unknown): string {
  let v = value;
  let leaf = '';
  while (v && typeof v === 'object') {
    const [key, inner] = Object.entries(v as Record<string, unknown>)[0]!;
    leaf = key;
    v = inner;
  }
  return typeof v === 'string' ? v : leaf;
}

/** `leaf/foo` after each event of two walks, for our processor and for XState. */
export function walkLeaves(): { ours: string[]; xstate: string[] } {
  const chart = new SamekProcessor();
  chart.startAt(plainStates.s2);
  const twice = [...walkEvents, ...walkEvents];
  const ours = twice.map((e) => (chart.dispatch(e), `${chart.stateName}/${chart.foo}`));
  let snapshot: AnyMachineSnapshot = xstateStart;
  const xstate = [...xstateEvents, ...xstateEvents].map((e) => {
    snapshot = transition(samekMachine, snapshot, e)[0];
    return `${leafOf(snapshot.value)}/${(snapshot.context as { foo: number }).foo}`;
  });
  return { ours, xstate };
}

/** Compact (lazy) spy/trace lines versus the same lines formatted eagerly by an observer. */
export function lazyMatchesEager(walks = 40): boolean {
  const chart = new SamekHsm({ name: 'samek' });
  const eagerSpy: string[] = [];
  const eagerTrace: string[] = [];
  chart.observe((o) => {
    if (o.type === 'spy') eagerSpy.push(o.line);
    if (o.type === 'trace') eagerTrace.push(o.line);
  });
  chart.startAt(spiedSamekStates.s2);
  for (let w = 0; w < walks; w++) for (const e of walkEvents) chart.dispatch(e);
  const spy = chart.spy()!;
  const trace = chart.trace()!.split('\n').filter(Boolean);
  return (
    JSON.stringify(spy) === JSON.stringify(eagerSpy.slice(-500)) &&
    JSON.stringify(trace) === JSON.stringify(eagerTrace.slice(-500))
  );
}

/** Best events/s over `rounds` timed runs of about `seconds` each. */
function measure(label: string, seconds: number, run: (walks: number) => void, rounds = 3): number {
  run(200); // warm up the JIT
  let walks = 100;
  for (;;) {
    const t0 = performance.now();
    run(walks);
    const ms = performance.now() - t0;
    if (ms > 50) {
      walks = Math.max(1, Math.round((walks * seconds * 1000) / ms));
      break;
    }
    walks *= 4;
  }
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    run(walks);
    const rate = (walks * SAMEK_WALK.length) / ((performance.now() - t0) / 1000);
    best = Math.max(best, rate);
  }
  console.log(`${label.padEnd(44)} ${Math.round(best).toLocaleString('en-US').padStart(13)} events/s`);
  return best;
}

export async function main(args: string[]): Promise<void> {
  const secondsIndex = args.indexOf('--seconds');
  const seconds = secondsIndex >= 0 ? Number(args[secondsIndex + 1]) : 1;
  const leaves = walkLeaves();
  const agree = JSON.stringify(leaves.ours) === JSON.stringify(leaves.xstate);
  console.log(`Samek chart, ${SAMEK_WALK.length}-event walk: ${SAMEK_WALK.join(' ')}`);
  console.log(`XState model walks the same leaf/foo sequence: ${agree ? 'yes' : 'NO'}`);
  if (!agree) console.log(`  ours:   ${leaves.ours.join(' ')}\n  xstate: ${leaves.xstate.join(' ')}`);
  console.log(`lazily formatted spy/trace lines equal eager ones: ${lazyMatchesEager() ? 'yes' : 'NO'}`);
  console.log('');

  const plain = new SamekProcessor();
  plain.startAt(plainStates.s2);
  const ours = measure('miroscope processor, uninstrumented', seconds, (walks) => {
    for (let w = 0; w < walks; w++) for (let i = 0; i < walkEvents.length; i++) plain.dispatch(walkEvents[i]!);
  });

  const spied = new SamekHsm({ name: 'samek' });
  spied.startAt(spiedSamekStates.s2);
  const instrumented = measure('miroscope processor, spy + trace recorded', seconds, (walks) => {
    for (let w = 0; w < walks; w++) for (let i = 0; i < walkEvents.length; i++) spied.dispatch(walkEvents[i]!);
  });

  const actor = createActor(samekMachine, { snapshot: xstateStart }).start();
  const xActor = measure('XState v5 actor.send', seconds, (walks) => {
    for (let w = 0; w < walks; w++) for (let i = 0; i < xstateEvents.length; i++) actor.send(xstateEvents[i]!);
  });
  actor.stop();

  let snapshot: AnyMachineSnapshot = xstateStart;
  const xPure = measure('XState v5 transition() (pure)', seconds, (walks) => {
    for (let w = 0; w < walks; w++) {
      for (let i = 0; i < xstateEvents.length; i++) snapshot = transition(samekMachine, snapshot, xstateEvents[i]!)[0];
    }
  });

  const xBest = Math.max(xActor, xPure);
  console.log('');
  console.log(`uninstrumented / XState (faster of the two): ${(ours / xBest).toFixed(1)}x   (goal >= 25x, >= 5,000,000 events/s)`);
  console.log(`spy + trace    / XState (faster of the two): ${(instrumented / xBest).toFixed(1)}x   (goal >= 2,000,000 events/s)`);
  console.log(`uninstrumented / XState actor: ${(ours / xActor).toFixed(1)}x, / XState transition(): ${(ours / xPure).toFixed(1)}x`);
}
