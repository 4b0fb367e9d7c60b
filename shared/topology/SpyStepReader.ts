/**
 * Reads one chart's spy lines, in order, and reports what they prove about
 * its state hierarchy. Python charts never announce their hierarchy, but
 * miros's spy output of every step walks it (miros-semantics.md §4–5):
 *
 *   START                         ┐ start_at: the first state entered
 *   SEARCH_FOR_SUPER_SIGNAL:…     │ after START is a top-level state,
 *   ENTRY_SIGNAL:a                │ each following entry is a child of
 *   ENTRY_SIGNAL:b      b in a    │ the one before, and the first entry
 *   INIT_SIGNAL:b                 │ after INIT_SIGNAL:t (the init
 *   SEARCH_FOR_SUPER_SIGNAL:c     │ drill-down) is a child of t
 *   ENTRY_SIGNAL:c      c in b    ┘
 *   <- Queued:(0) Deferred:(0)      a step ends
 *   Tick:c                        ┐ an event bubbles outward: consecutive
 *   Tick:b              c in b    │ calls with the same signal climb one
 *   Tick:b:HOOK                   ┘ parent at a time (b handled it)
 *   Go:c, Go:b                    ┐ a transition: all exits of one step form
 *   EXIT_SIGNAL:c                 │ one child→parent chain; the first state
 *   EXIT_SIGNAL:b       c in b    │ entered afterwards shares a parent with
 *   ENTRY_SIGNAL:x      x, b share a parent
 *   INIT_SIGNAL:t                   right after exits (nothing entered): the
 *                                   last exited state is a child of t
 *
 * With no exits at all, the first state entered is a child of the state that
 * took the event (the last one the event bubbled to). SEARCH lines are only
 * used to tell a transition from bubbling; their order differs between the
 * transition topologies, so they prove nothing on their own. Scribbles,
 * posts and publishes in between are ignored.
 *
 * Each finding is a vote (ChartEvidence); TopologyInference resolves them.
 */
import type { ChartEvidence } from './ChartEvidence.ts';

type Phase = 'idle' | 'start' | 'bubbling' | 'searching' | 'exiting' | 'entering' | 'init';

export class SpyStepReader {
  private phase: Phase = 'idle';
  private eventSignal: string | null = null;
  /** States the current event has been offered to, innermost first. */
  private bubbled: string[] = [];
  private lastExited: string | null = null;
  private lastEntered: string | null = null;
  private initTarget: string | null = null;

  constructor(private readonly evidence: ChartEvidence) {}

  /** Feeds one spy line of this chart; `signal`/`state` when it has the SIGNAL:state shape. */
  read(line: string, signal: string | undefined, state: string | undefined, hook: boolean): void {
    if (signal === undefined || state === undefined) {
      if (line === 'START') this.begin('start');
      else if (line.startsWith('<- Queued')) this.begin('idle');
      return;
    }
    this.evidence.seen(state);
    if (hook) {
      this.begin('idle');
      return;
    }
    switch (signal) {
      case 'ENTRY_SIGNAL':
        this.entry(state);
        return;
      case 'EXIT_SIGNAL':
        if (this.phase === 'exiting' && this.lastExited !== null && this.lastExited !== state) {
          this.evidence.parent(this.lastExited, state);
        }
        this.phase = 'exiting';
        this.lastExited = state;
        return;
      case 'INIT_SIGNAL':
        if (this.phase === 'exiting' && this.lastExited !== null && this.lastExited !== state) {
          this.evidence.parent(this.lastExited, state);
        }
        this.phase = 'init';
        this.initTarget = state;
        return;
      case 'SEARCH_FOR_SUPER_SIGNAL':
        if (this.phase === 'bubbling') this.phase = 'searching';
        return;
      case 'EMPTY_SIGNAL':
      case 'REFLECTION_SIGNAL':
        return;
      default:
        this.event(signal, state);
    }
  }

  private begin(phase: Phase): void {
    this.phase = phase;
    this.eventSignal = null;
    this.bubbled = [];
    this.lastExited = null;
    this.lastEntered = null;
    this.initTarget = null;
  }

  private event(signal: string, state: string): void {
    const previous = this.bubbled[this.bubbled.length - 1];
    if (this.phase === 'bubbling' && signal === this.eventSignal && previous !== undefined && !this.bubbled.includes(state)) {
      this.evidence.parent(previous, state);
      this.bubbled.push(state);
      return;
    }
    // A different signal, or a state offered the event twice: a new step
    // (direct dispatches leave no `<- Queued` line between steps).
    this.begin('bubbling');
    this.eventSignal = signal;
    this.bubbled.push(state);
  }

  private entry(state: string): void {
    switch (this.phase) {
      case 'start':
        this.evidence.parent(state, null);
        break;
      case 'init':
        if (this.initTarget !== null && this.initTarget !== state) this.evidence.parent(state, this.initTarget);
        break;
      case 'entering':
        if (this.lastEntered !== null && this.lastEntered !== state) this.evidence.parent(state, this.lastEntered);
        break;
      case 'exiting':
        if (this.lastExited !== null && this.lastExited !== state) this.evidence.siblings(state, this.lastExited);
        break;
      case 'bubbling':
      case 'searching': {
        const source = this.bubbled[this.bubbled.length - 1];
        if (source !== undefined && source !== state) this.evidence.parent(state, source);
        break;
      }
      case 'idle':
        break;
    }
    this.phase = 'entering';
    this.lastEntered = state;
  }
}
