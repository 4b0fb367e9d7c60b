/**
 * `npm run example -- outer-inner [--seconds N] [--fast] [--factory]`
 *
 * The seed page's outer/inner chart on a plain ActiveObject (no network:
 * `transmit` becomes a scribble, so it shows in the spy). Live spy and live
 * trace are printed as miros prints them. Each state arms a one-shot timer
 * with a random 2–7 s period, so the chart flips between outer and inner on
 * its own:
 *
 *   +------------------- outer -------------------+
 *   | INIT: arm to_inner (2–7 s), transmit         |
 *   |                                               |
 *   |   to_inner / other_to_inner                   |
 *   |  ----------------------->  +---- inner ----+ |
 *   |                            | ENTRY: arm     | |
 *   |  <-----------------------  | to_outer (2–7s)| |
 *   |   to_outer / other_to_outer| EXIT: cancel   | |
 *   |                            +----------------+ |
 *   +-----------------------------------------------+
 *
 * --seconds N  run for N seconds (default 10), then stop
 * --fast       run on a virtual clock: N seconds pass instantly
 * --factory    build the same chart with the Factory API
 */
import { v4 as uuidv4 } from 'uuid';
import { ActiveFabric } from '../server/statechart/ActiveFabric.ts';
import { ActiveObject, type ActiveObjectOptions } from '../server/statechart/ActiveObject.ts';
import type { Clock } from '../server/statechart/Clock.ts';
import { Event } from '../server/statechart/Event.ts';
import { Factory } from '../server/statechart/Factory.ts';
import { realClock } from '../server/statechart/RealClock.ts';
import { ReturnStatus } from '../server/statechart/returnStatus.ts';
import { signals } from '../server/statechart/signals.ts';
import { spyOn } from '../server/statechart/spyOn.ts';
import type { StateHandler } from '../server/statechart/StateHandler.ts';
import { VirtualClock } from '../server/statechart/VirtualClock.ts';

const { HANDLED } = ReturnStatus;
const { ENTRY_SIGNAL, EXIT_SIGNAL, INIT_SIGNAL, to_inner, to_outer, other_to_inner, other_to_outer } = signals;

/** Python's `random.randint(2, 7)`. */
export const randomPeriod = (): number => 2 + Math.floor(Math.random() * 6);

/** What the handlers need from their chart: timers, and `transmit` (here a scribble). */
interface OuterInnerChart extends ActiveObject {
  period(): number;
  transmit(e: Event): void;
}

/** The plain-handler chart: an ActiveObject that "transmits" into its own spy. */
export class OuterInner extends ActiveObject implements OuterInnerChart {
  constructor(
    name: string,
    options: ActiveObjectOptions,
    readonly period: () => number = randomPeriod,
  ) {
    super(name, options);
  }

  transmit(e: Event): void {
    this.scribble(`transmit ${e.signalName}`);
  }
}

export const outer: StateHandler<OuterInnerChart> = spyOn(function outer(chart: OuterInnerChart, e: Event): number {
  switch (e.signal) {
    case ENTRY_SIGNAL:
      return HANDLED;
    case INIT_SIGNAL:
      chart.postFifo(new Event(to_inner), { times: 1, period: chart.period(), deferred: true });
      chart.transmit(new Event(other_to_outer, chart.name));
      return HANDLED;
    case to_inner:
    case other_to_inner:
      return chart.trans(inner);
    case EXIT_SIGNAL:
      return HANDLED;
    default:
      return chart.super(chart.top);
  }
});

export const inner: StateHandler<OuterInnerChart> = spyOn(function inner(chart: OuterInnerChart, e: Event): number {
  switch (e.signal) {
    case ENTRY_SIGNAL:
      chart.postFifo(new Event(to_outer), { times: 1, period: chart.period(), deferred: true });
      chart.transmit(new Event(other_to_inner, chart.name));
      return HANDLED;
    case INIT_SIGNAL:
    case other_to_inner:
    case to_inner:
      return HANDLED;
    case to_outer:
    case other_to_outer:
      return chart.trans(outer);
    case EXIT_SIGNAL:
      chart.cancelEvents(new Event(to_outer));
      return HANDLED;
    default:
      return chart.super(outer);
  }
});

/** The same chart built with the Factory API (the seed's NetworkedFactory version). */
export class OuterInnerFactory extends Factory implements OuterInnerChart {
  constructor(
    name: string,
    options: ActiveObjectOptions,
    readonly period: () => number = randomPeriod,
  ) {
    super(name, options);
    const transmit = (c: Factory, e: Event) => (c as OuterInnerFactory).transmit(e);
    const outerState: StateHandler<Factory> = this.create('outer')
      .catch(to_inner, (c) => c.trans(innerState))
      .catch(other_to_inner, (c) => c.trans(innerState))
      .catch(INIT_SIGNAL, (c) => {
        c.postFifo(new Event(to_inner), { times: 1, period: this.period(), deferred: true });
        transmit(c, new Event(other_to_outer, c.name));
        return HANDLED;
      })
      .toMethod();
    const innerState: StateHandler<Factory> = this.create('inner')
      .catch(ENTRY_SIGNAL, (c) => {
        c.postFifo(new Event(to_outer), { times: 1, period: this.period() });
        transmit(c, new Event(other_to_inner, c.name));
        return HANDLED;
      })
      .catch(EXIT_SIGNAL, (c) => (c.cancelEvents(new Event(to_outer)), HANDLED))
      .catch(other_to_inner, () => HANDLED)
      .catch(to_inner, () => HANDLED)
      .catch(to_outer, (c) => c.trans(outerState))
      .catch(other_to_outer, (c) => c.trans(outerState))
      .toMethod();
    this.nest(outerState, null).nest(innerState, outerState);
  }

  transmit(e: Event): void {
    this.scribble(`transmit ${e.signalName}`);
  }
}

export interface OuterInnerRun {
  seconds: number;
  clock: Clock;
  factory?: boolean;
  print?: (text: string) => void;
  period?: () => number;
  /** Wait for `seconds` (real clock) or advance a VirtualClock. */
  wait?: (seconds: number) => Promise<void>;
}

/** Build, start, run for `seconds`, stop; returns the chart for inspection. */
export async function runOuterInner(run: OuterInnerRun): Promise<ActiveObject> {
  const name = uuidv4().slice(0, 5) + '_ao';
  const options: ActiveObjectOptions = { clock: run.clock, fabric: new ActiveFabric({ clock: run.clock }), print: run.print };
  const chart = run.factory ? new OuterInnerFactory(name, options, run.period) : new OuterInner(name, options, run.period);
  chart.liveSpy = true;
  chart.liveTrace = true;
  if (chart instanceof OuterInnerFactory) chart.startAt('outer');
  else chart.startAt(outer);
  const wait =
    run.wait ??
    ((seconds: number) =>
      run.clock instanceof VirtualClock
        ? Promise.resolve(run.clock.advance(seconds))
        : new Promise<void>((resolve) => setTimeout(resolve, seconds * 1000)));
  await wait(run.seconds);
  await chart.stop();
  return chart;
}

export async function main(args: string[]): Promise<void> {
  const at = args.indexOf('--seconds');
  const seconds = at >= 0 ? Number(args[at + 1]) : 10;
  if (!(seconds > 0)) throw new Error('--seconds needs a positive number');
  const fast = args.includes('--fast');
  const clock = fast ? new VirtualClock(realClock.now()) : realClock;
  const chart = await runOuterInner({ seconds, clock, factory: args.includes('--factory') });
  console.log(`\n${chart.name} stopped after ${seconds} s${fast ? ' (virtual)' : ''}; trace:${chart.trace()}`);
}
