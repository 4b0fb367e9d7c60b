/**
 * Typed errors of the statechart runtime.
 *
 * miros signals most misuse with bare assertions, `KeyError`s or hangs; we
 * raise one of these instead so callers can tell a malformed chart from a full
 * queue from a bad wire message, and nothing else is lost when one is thrown.
 *
 * @remarks miros: none; miros uses bare assertions, `KeyError`s or hangs, these let a caller tell a
 * malformed chart from a full queue from a bad wire message.
 */
export class StatechartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * The chart's answers do not form a tree that the algorithm can walk: a state
 * names itself as parent, an initial transition targets a non-descendant
 * (miros hangs in `dispatch` there), a handler returns no status.
 *
 * @remarks miros: `HsmTopologyException`
 */
export class HsmTopologyError extends StatechartError {}

/**
 * A chart used out of order: `dispatch` before `startAt`, a second `startAt`.
 *
 * @remarks miros: none; miros does not check the order, the misuse fails later or not at all.
 */
export class ChartLifecycleError extends StatechartError {}

/**
 * `childState(parent)` where `parent` is not on the active path (miros: AssertionError).
 *
 * @remarks miros: the `AssertionError` of `child_state(parent)`.
 */
export class StateNotActiveError extends StatechartError {}

/**
 * A signal number that is not in the registry.
 *
 * @remarks miros: the `ValueError` of `signals.name_for_signal(n)`.
 */
export class UnknownSignalError extends StatechartError {}

/**
 * `Event.loads` got text that is not a serialized event.
 *
 * @remarks miros: whatever `json.loads` or a missing key raises in `Event.loads`.
 */
export class EventDecodeError extends StatechartError {}

/**
 * A bounded queue (event queue, deferred queue, fabric delivery) is full.
 * miros's deques silently drop the oldest entry; we refuse the new one.
 *
 * @remarks miros: none; a full miros queue drops the event silently, this one raises.
 */
export class QueueOverflowError extends StatechartError {
  constructor(
    message: string,
    readonly capacity: number,
  ) {
    super(message);
  }
}

/**
 * More timed posts alive than an active object may hold (miros: ActiveObjectOutOfPostedEventResources).
 *
 * @remarks miros: `ActiveObjectOutOfPostedEventResources`
 */
export class TimerResourcesExhaustedError extends StatechartError {}

/**
 * Factory misuse: unknown state name, state without a parent.
 *
 * @remarks miros: none; a miros Factory misused fails later, inside a handler.
 */
export class FactoryError extends StatechartError {}
