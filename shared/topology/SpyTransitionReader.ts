/**
 * Reads one chart's spy lines, in order, and reports each transition they
 * show — the same (signal, from, to) a trace line would have given. A chart
 * heard only on the spy network (live_spy without live_trace, or a saved
 * spy dump) otherwise has no state at all, although every step is in its
 * spy output (miros-semantics.md §4, §5, §8):
 *
 *   START                         ┐ start_at: signal `start_at`, from `top`
 *   SEARCH_FOR_SUPER_SIGNAL:outer │
 *   ENTRY_SIGNAL:outer            │
 *   INIT_SIGNAL:outer             │ every target gets an INIT: the last
 *   <- Queued:(0) Deferred:(0)    ┘ INIT names the new leaf → top->outer
 *   to_inner:outer                ┐ the event is offered to the leaf first
 *   to_inner:…                    │ (from = outer), then bubbles outward
 *   EXIT_SIGNAL:… / ENTRY_SIGNAL:…│
 *   INIT_SIGNAL:inner             │ → to_inner outer->inner
 *   <- Queued:(0) Deferred:(0)    ┘ a step ends
 *   Tick:inner                    ┐ a hook (`:HOOK`) or an event nobody
 *   Tick:inner:HOOK               ┘ took (no INIT) makes no transition
 *
 * A step ends at the queue reflection line, at `START`, or — for direct
 * dispatches, which leave no reflection line — when a new event begins (a
 * different signal, or a state offered the event twice). Posts, scribbles,
 * SEARCH and EMPTY probes say nothing about the move and are skipped. Spy
 * lines carry no payload, so derived transitions have none.
 */

export interface SpyTransition {
  signal: string;
  /** The leaf before the step (`top` for start_at). */
  from: string;
  /** The leaf after the step. */
  to: string;
}

const START_SIGNAL = 'start_at';
const TOP = 'top';

export class SpyTransitionReader {
  /** The step being read: null between steps. */
  private signal: string | null = null;
  private from: string | null = null;
  private to: string | null = null;
  private lastEntered: string | null = null;
  /** Whether the step has started moving (an exit, entry or init was seen). */
  private moving = false;
  private readonly offered = new Set<string>();

  /**
   * Feeds one spy line; `signal`/`state` when it has the SIGNAL:state shape.
   * Returns the transition of the step this line ends, if that step was one.
   */
  read(line: string, signal: string | undefined, state: string | undefined, hook: boolean): SpyTransition | null {
    if (signal === undefined || state === undefined) {
      if (line === 'START') {
        const done = this.finish();
        this.begin(START_SIGNAL, TOP);
        return done;
      }
      if (line.startsWith('<- Queued')) return this.finish();
      return null;
    }
    if (hook) {
      // The state handled the event itself: the step changes nothing.
      this.reset();
      return null;
    }
    switch (signal) {
      case 'ENTRY_SIGNAL':
        if (this.signal !== null) {
          this.moving = true;
          this.lastEntered = state;
        }
        return null;
      case 'EXIT_SIGNAL':
        if (this.signal !== null) this.moving = true;
        return null;
      case 'INIT_SIGNAL':
        if (this.signal !== null) {
          this.moving = true;
          this.to = state;
        }
        return null;
      case 'SEARCH_FOR_SUPER_SIGNAL':
      case 'EMPTY_SIGNAL':
      case 'REFLECTION_SIGNAL':
        return null;
      default:
        return this.event(signal, state);
    }
  }

  /** True while a step is being read (between its first line and its end). */
  get inStep(): boolean {
    return this.signal !== null;
  }

  /** The transition of a step still open (a log that ends mid-step, or without reflection lines). */
  pending(): SpyTransition | null {
    return this.transition();
  }

  private event(signal: string, state: string): SpyTransition | null {
    if (this.signal === signal && !this.moving && this.signal !== START_SIGNAL && !this.offered.has(state)) {
      // The same event bubbling outward to the next enclosing state.
      this.offered.add(state);
      return null;
    }
    // Mid-move, a new event can only start at the new leaf: anything else
    // shaped like `word:word` is a scribble from an entry or exit action.
    if (this.moving && this.transition()?.to !== state) return null;
    const done = this.finish();
    // The leaf is offered the event first, so this state is where the step starts.
    this.begin(signal, state);
    this.offered.add(state);
    return done;
  }

  private begin(signal: string, from: string): void {
    this.reset();
    this.signal = signal;
    this.from = from;
  }

  private transition(): SpyTransition | null {
    if (this.signal === null || this.from === null) return null;
    const to = this.to ?? this.lastEntered;
    return to === null ? null : { signal: this.signal, from: this.from, to };
  }

  private finish(): SpyTransition | null {
    const done = this.transition();
    this.reset();
    return done;
  }

  private reset(): void {
    this.signal = null;
    this.from = null;
    this.to = null;
    this.lastEntered = null;
    this.moving = false;
    this.offered.clear();
  }
}
