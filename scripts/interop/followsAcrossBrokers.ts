/**
 * Who made a chart follow, when more than one chart could have: check (e)
 * has four charts, and a follower hears two leaders. On broker B, Python
 * node B hears our chart A (through A's peer publishing) and our chart B
 * (at home); it cannot hear Python node A (see checkBrokerPerMachine.ts).
 *
 * A follow `e->other_to_X()` counts as caused by `leader` when the leader
 * transmitted X within the window of causedTransitions.ts and no other
 * chart the follower hears transmitted X in that window: a follow two
 * leaders could explain is counted for neither. What a chart transmits:
 *
 * - our charts run with `--no-echo`: only after their own timer's moves
 *   (`to_inner`, `to_outer`) and at `start_at`, never after a follow;
 * - the Python example transmits on every entry, its follows included.
 *
 * A chart's own transmits never move it (the AO and the Python node both
 * drop events whose payload is their own name), and `other_to_X` while
 * already in X is handled without a transition, so an echo of a move the
 * follower made itself leaves no line to miscount.
 */
import { transitionsCausedBy, type Caused } from './causedTransitions.ts';
import type { TraceLine } from './snoopTraceLines.ts';

/** The moves after which one of our `--no-echo` charts transmitted. */
export function noEchoTransmits(own: readonly TraceLine[]): TraceLine[] {
  return own.filter((line) => !line.signal.startsWith('other_to_'));
}

export function followsOnlyOf(follower: readonly TraceLine[], leader: readonly TraceLine[], otherLeaders: readonly TraceLine[]): Caused[] {
  return transitionsCausedBy(follower, leader).filter((c) => transitionsCausedBy([c.effect], otherLeaders).length === 0);
}
