/**
 * Which `other_to_*` transitions of one chart the other chart caused.
 *
 * The seed chart transmits `other_to_<state>` when it enters <state>
 * (`other_to_outer` on outer's INIT, `other_to_inner` on inner's ENTRY), and
 * a chart that hears it follows with `e->other_to_<state>()`. So a follower's
 * `other_to_X` line was caused by the leader when the leader's own trace
 * shows it entering X at about that time. A Python node drops its own
 * transmits (payload = its name); our NetworkedFactory, like the library's
 * factory example, transmits without a payload and hears itself, so the
 * leader's move is what tells the two apart.
 *
 * The leader's stamp may come slightly *after* the follower's: a trace line
 * is stamped when the step ends, and the step's entry action has already
 * sent `other_to_X` by then (on a loaded machine a follower in another
 * process has answered within those milliseconds: 6 ms seen at load 18 on 2
 * cores). LEAD_SKEW_MS allows for that; it is far below the 2 s shortest
 * timer, so it cannot pair a follow with the leader's next move.
 */
import type { TraceLine } from './snoopTraceLines.ts';

/** Far above a mesh hop on loopback (milliseconds), far below the 2–7 s timers. */
export const CAUSE_WINDOW_MS = 2000;
/** How far the leader's stamp may trail the follower's (see above). */
export const LEAD_SKEW_MS = 500;

export interface Caused {
  effect: TraceLine;
  cause: TraceLine;
}

export function transitionsCausedBy(follower: readonly TraceLine[], leader: readonly TraceLine[], windowMs = CAUSE_WINDOW_MS): Caused[] {
  const caused: Caused[] = [];
  for (const effect of follower) {
    if (!effect.signal.startsWith('other_to_')) continue;
    const state = effect.signal.slice('other_to_'.length);
    let cause: TraceLine | undefined;
    for (const move of leader) {
      const lead = effect.time - move.time; // > 0: the leader's stamp came first
      if (move.to !== state || lead < -LEAD_SKEW_MS || lead > windowMs) continue;
      if (!cause || move.time > cause.time) cause = move;
    }
    if (cause) caused.push({ effect, cause });
  }
  return caused;
}
