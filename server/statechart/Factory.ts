/**
 * The Factory API: an active object whose states are assembled from
 * callbacks instead of written as functions (miros's `Factory`).
 *
 *   const door = new Factory('door');
 *   const closed = door.create('closed').catch(signals.INIT_SIGNAL, goLocked).toMethod();
 *   const locked = door.create('locked').catch(signals.UNLOCK, goUnlocked).toMethod();
 *   door.nest(closed, null).nest(locked, closed);
 *   door.startAt(closed);
 *
 * A generated state looks up the callback for the event's signal; no
 * callback, or a callback answering UNHANDLED, means SUPER to the parent at
 * once — so a failed guard causes no EMPTY_SIGNAL probe, unlike a handwritten
 * state. Quirk kept from miros (visible in the spy): the first state that
 * ever gets a `catch` on a factory also gets ENTRY, INIT and EXIT callbacks
 * answering HANDLED; other states get none. States may be named by string
 * wherever a state is expected (miros fails on strings).
 */
import { ActiveObject, type ActiveObjectOptions } from './ActiveObject.ts';
import type { Event } from './Event.ts';
import { ReturnStatus } from './returnStatus.ts';
import { signalRegistry } from './signals.ts';
import { spyOn } from './spyOn.ts';
import { FactoryError } from './StatechartError.ts';
import { stateNameOf, type SpiedState, type StateHandler } from './StateHandler.ts';

/**
 * A state's callback for one signal: answers a ReturnStatus like a state handler.
 *
 * @remarks miros: the `handler=` of `catch(signal=, handler=)`: `def handler(chart, e)`.
 */
export type FactoryCallback = (chart: Factory, e: Event) => number;

const handled: FactoryCallback = () => ReturnStatus.HANDLED;

/**
 * What `factory.create(name)` returns: add callbacks, then take the state.
 *
 * @remarks miros: the object `Factory.create(state=)` returns.
 */
export class StateBlueprint {
  constructor(
    private readonly factory: Factory,
    readonly name: string,
    readonly stateMethod: SpiedState<Factory>,
  ) {}

  /**
   * Handle `signal` (number or name) in this state with `handler`.
   *
   * @remarks miros: `catch(signal=, handler=)`
   */
  catch(signal: number | string, handler: FactoryCallback): this {
    this.factory.registerSignalCallback(this.name, signal, handler);
    return this;
  }

  /**
   * The generated (spied) state function.
   *
   * @remarks miros: `to_method()`
   */
  toMethod(): SpiedState<Factory> {
    return this.stateMethod;
  }
}

/**
 * An active object whose states are assembled from callbacks (`create(name).catch(signal,
 * fn).toMethod()`) and nested with `nest`, instead of written as functions.
 *
 * @remarks miros: `Factory(name)` (miros.activeobject)
 */
export class Factory extends ActiveObject {
  private readonly blueprints = new Map<string, StateBlueprint>();
  /** Callbacks per state name, per signal number, in registration order. */
  private readonly lookup = new Map<string, Map<number, FactoryCallback>>();
  private readonly parents = new Map<string, StateHandler>();

  constructor(name: string | null, options: ActiveObjectOptions = {}) {
    super(name, options);
  }

  /**
   * Start building the state named `state`.
   *
   * @remarks miros: `create(state=)`
   */
  create(state: string): StateBlueprint {
    const blueprint = new StateBlueprint(this, state, factoryState(state));
    this.blueprints.set(state, blueprint);
    return blueprint;
  }

  /**
   * Set `state`'s parent (`null` = top); chainable.
   *
   * @remarks miros: `nest(state, parent=)`
   */
  nest(state: StateHandler | string, parent: StateHandler | string | null): this {
    const parentState = parent === null ? this.top : typeof parent === 'string' ? this.resolve(parent) : parent;
    this.parents.set(stateNameOf(this.resolve(state)), parentState);
    return this;
  }

  override startAt(state: StateHandler | string): void {
    super.startAt(this.resolve(state));
  }

  /**
   * Handle `signal` in the state named `stateName` with `callback` (what `catch` does).
   *
   * @remarks miros: `register_signal_callback`
   */
  registerSignalCallback(stateName: string, signal: number | string, callback: FactoryCallback): void {
    const number = typeof signal === 'number' ? signal : signalRegistry.append(signal);
    signalRegistry.nameForSignal(number); // validates numbers
    if (this.lookup.size === 0) {
      // miros's quirk: the first state ever caught gets default ENTRY/INIT/EXIT.
      this.lookup.set(stateName, new Map([[1, handled], [3, handled], [2, handled]]));
    }
    let table = this.lookup.get(stateName);
    if (!table) {
      table = new Map();
      this.lookup.set(stateName, table);
    }
    table.set(number, callback);
  }

  /** The callback a state registered for a signal, if any. */
  callbackFor(stateName: string, signal: number): FactoryCallback | undefined {
    return this.lookup.get(stateName)?.get(signal);
  }

  parentOf(stateName: string): StateHandler {
    const parent = this.parents.get(stateName);
    if (!parent) throw new FactoryError(`state ${stateName} has no parent: call nest(${stateName}, parent or null)`);
    return parent;
  }

  /**
   * Hand-written TypeScript equivalent of a generated state (miros
   * `to_code`). Unlike miros's rendering, signals without a callback are not
   * shown as HANDLED: they fall to the parent, as the generated state does.
   *
   * @remarks miros: `to_code(state)` (this one writes TypeScript).
   */
  toCode(state: StateHandler | string): string {
    const name = stateNameOf(this.resolve(state));
    const table = this.lookup.get(name) ?? new Map<number, FactoryCallback>();
    const rank = (signal: number): number => (signal === 1 ? 0 : signal === 3 ? 1 : signal === 2 ? 3 : 2);
    const caught = [...table.keys()].sort((x, y) => rank(x) - rank(y));
    const parent = this.parentOf(name);
    const parentCode = parent === this.top ? 'chart.top' : stateNameOf(parent);
    const lines = [`const ${name} = spyOn(function ${name}(chart, e) {`, '  switch (e.signalName) {'];
    for (const signal of caught) {
      const callback = table.get(signal)!;
      const body =
        callback === handled
          ? 'return ReturnStatus.HANDLED;'
          : `{ const status = ${callback.name || 'callback'}(chart, e); ` +
            `return status === ReturnStatus.UNHANDLED ? chart.super(${parentCode}) : status; }`;
      lines.push(`    case '${signalRegistry.nameForSignal(signal)}': ${body}`);
    }
    lines.push(`    default: return chart.super(${parentCode});`, '  }', '});');
    return lines.join('\n');
  }

  private resolve(state: StateHandler | string): SpiedState<Factory> {
    if (typeof state !== 'string') {
      const blueprint = this.blueprints.get(stateNameOf(state));
      if (!blueprint || blueprint.stateMethod !== state) {
        throw new FactoryError(`${stateNameOf(state)} was not created by this factory`);
      }
      return blueprint.stateMethod;
    }
    const blueprint = this.blueprints.get(state);
    if (!blueprint) throw new FactoryError(`no state named ${state}: create it first`);
    return blueprint.stateMethod;
  }
}

/** The generated handler: callback lookup, UNHANDLED/nothing → SUPER(parent). */
function factoryState(name: string): SpiedState<Factory> {
  return spyOn(name, (chart: Factory, e: Event): number => {
    const callback = chart.callbackFor(name, e.signal);
    const status = callback ? callback(chart, e) : ReturnStatus.UNHANDLED;
    if (status === ReturnStatus.UNHANDLED) return chart.super(chart.parentOf(name));
    return status;
  });
}
