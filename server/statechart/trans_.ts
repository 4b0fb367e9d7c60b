/**
 * `trans_`: find the least common ancestor of source S and target T, exit
 * S's side up to it and leave T's entry path in `tpath` (miros/Samek's
 * `trans_`). Returns `ip`: enter `tpath[ip]` … `tpath[0]` (= T), or -1 for
 * nothing. On entry `tpath[0]` = T, `tpath[2]` = S, and the states below S
 * have already been exited by `dispatch`.
 *
 * The cases are tried in this order; the first that matches wins. Every
 * SEARCH/EXIT call below is visible in the spy, so the order of calls is part
 * of the contract (conformance cases pin it).
 *
 *   (a) S = T                  +-S=T-+          S!EXIT                    enter T
 *                              |     <-+
 *                              +-----+-+
 *   (b) S = parent(T)          +-S---------+    T!SEARCH                  enter T
 *                              | +-T-+     |
 *                              | |   <-----+
 *   (c) parent(S) = parent(T)  +-----P-----+    T!SEARCH S!SEARCH S!EXIT  enter T
 *                              | +-S-+ +-T-+
 *                              | |   +->   |
 *   (d) parent(S) = T          +-T---------+    T!SEARCH S!SEARCH S!EXIT  enter nothing
 *                              | +-S-+     |
 *                              | |   +----->
 *   (e) S above T              walk up from parent(T) with SEARCH until S;  enter below S … T
 *   (f) parent(S) above T      (e)'s walk reaches top; S!EXIT; parent(S) is on the walk:
 *                                                                          enter below parent(S) … T
 *   (g) otherwise              (f), then EXIT parent(S), grandparent(S), … (SEARCH after a
 *                              HANDLED exit) until a state on T's walk: the LCA, neither exited
 *                              nor entered;                                enter below LCA … T
 *
 * miros also names (h), T an ancestor of S: it falls out of (d) and (g).
 */
import type { HsmEventProcessor } from './HsmEventProcessor.ts';
import { EXIT_EVENT } from './reservedEvents.ts';
import { ReturnStatus } from './returnStatus.ts';
import { searchSuper } from './searchSuper.ts';
import { HsmTopologyError } from './StatechartError.ts';
import { stateNameOf, type StateHandler } from './StateHandler.ts';

const { SUPER, HANDLED } = ReturnStatus;

/** Deeper than any sane chart; a longer walk means the parent answers loop. */
export const MAX_DEPTH = 10_000;

export function trans_(chart: HsmEventProcessor, tpath: StateHandler[]): number {
  const target = tpath[0]!;
  const s = tpath[2]!;

  // (a) self-transition
  if (s === target) {
    s(chart, EXIT_EVENT);
    return 0;
  }
  searchSuper(chart, target);
  let t = chart.temp.fun; // T->super
  // (b) the source is the target's parent
  if (s === t) return 0;
  searchSuper(chart, s); // temp.fun = S->super
  // (c) siblings
  if (chart.temp.fun === t) {
    s(chart, EXIT_EVENT);
    return 0;
  }
  // (d) the target is the source's parent: nothing to enter
  if (chart.temp.fun === target) {
    s(chart, EXIT_EVENT);
    return -1;
  }
  return topologyEtoG(chart, tpath, s, t);
}

/** Cases (e), (f) and (g): walk up from T, then, failing that, exit up from S. */
function topologyEtoG(chart: HsmEventProcessor, tpath: StateHandler[], s: StateHandler, targetParent: StateHandler): number {
  // (e) is S a further ancestor of T? Remember T's ancestors as the entry path.
  let ip = 1;
  let lcaFound = false;
  tpath[1] = targetParent;
  let t = chart.temp.fun; // S->super
  let r = searchSuper(chart, targetParent);
  while (r === SUPER) {
    ip += 1;
    tpath[ip] = chart.temp.fun;
    if (chart.temp.fun === s) {
      lcaFound = true;
      ip -= 1; // S is entered from inside: do not enter it
      r = HANDLED;
    } else {
      r = searchSuper(chart, chart.temp.fun);
    }
    if (ip > MAX_DEPTH) throw new HsmTopologyError(`parent walk from ${stateNameOf(targetParent)} does not end`);
  }
  if (lcaFound) return ip;

  s(chart, EXIT_EVENT);
  // (f) is S->super on T's ancestor path (top included)?
  const found = indexOnPath(tpath, ip, t);
  if (found >= 0) return found - 1;

  // (g) exit S->super, S->super->super, … until one is on T's path: the LCA.
  for (let depth = 0; ; depth++) {
    if (t === chart.top || depth > MAX_DEPTH) {
      throw new HsmTopologyError(`no common ancestor of ${stateNameOf(s)} and ${stateNameOf(tpath[0]!)}`);
    }
    if (t(chart, EXIT_EVENT) === HANDLED) searchSuper(chart, t);
    t = chart.temp.fun;
    const lca = indexOnPath(tpath, ip, t);
    if (lca >= 0) return lca - 1;
  }
}

/** Index of `state` in tpath[0..ip], searching from the outside in (as miros does); -1 if absent. */
function indexOnPath(tpath: StateHandler[], ip: number, state: StateHandler): number {
  for (let iq = ip; iq >= 0; iq--) if (tpath[iq] === state) return iq;
  return -1;
}
