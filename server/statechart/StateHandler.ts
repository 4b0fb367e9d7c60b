/**
 * What a state is: a function `(chart, e) → status`.
 *
 * A handler reacts to `e` and answers HANDLED, or `chart.trans(target)`
 * (TRAN), or names its parent — `chart.temp.fun = parent; return SUPER`, or
 * the helper `return chart.super(parent)` — for everything it does not handle,
 * SEARCH_FOR_SUPER_SIGNAL and EMPTY_SIGNAL included. The hierarchy exists only
 * in those answers. `C` is the chart type the handler expects (defaults to any
 * chart so plain handlers can be shared between chart classes, as miros's are).
 */
import type { Event } from './Event.ts';

/**
 * A state: `(chart, e) => status`. It answers HANDLED, `chart.trans(target)`, or names its parent
 * with `chart.super(parent)`.
 *
 * @remarks miros: a state function `def outer(chart, e)` answering a `return_status`.
 */
export type StateHandler<C = any> = (chart: C, e: Event) => number;

/** A state wrapped by {@link spyOn}: it carries its name and answers REFLECTION with it. */
export interface SpiedState<C = any> extends StateHandler<C> {
  readonly stateName: string;
  readonly spied: true;
}

/**
 * True for a state wrapped by {@link spyOn}, the only kind the spy and trace can name.
 *
 * @remarks miros: none; miros marks nothing, a state is spied when `@spy_on` wrapped it.
 */
export function isSpied(state: StateHandler): state is SpiedState {
  return (state as Partial<SpiedState>).spied === true;
}

/**
 * The name shown for a state in spy/trace lines: its spied name, else the function's name.
 *
 * @remarks miros: the name `@spy_on` gives a state (its function's `__name__`).
 */
export function stateNameOf(state: StateHandler): string {
  return (state as Partial<SpiedState>).stateName ?? state.name;
}
